// Small line icons (16×16, currentColor), drawn for Pejling. Always decorative: the button that
// holds an icon carries the accessible name.
import { memo } from 'preact/compat';
const paths = {
  bold: 'M4.5 2.5h4.2a2.8 2.8 0 0 1 1.6 5.1 3 3 0 0 1-1.3 5.9H4.5zm2 2v3h2.2a1.5 1.5 0 0 0 0-3zm0 5v2.2h2.6a1.1 1.1 0 0 0 0-2.2z',
  italic: 'M6.5 2.5h6v1.8h-2.1L8.3 11.7h2.1v1.8h-6v-1.8h2.1l2.1-7.4H6.5z',
  link: 'M6.7 9.3a.9.9 0 0 1 0-1.3l2.6-2.6a.9.9 0 1 1 1.3 1.3L8 9.3a.9.9 0 0 1-1.3 0zM4.4 8.5l1.1-1.1 1.2 1.2-1.1 1.1a1.6 1.6 0 0 0 2.3 2.3l1.1-1.1 1.2 1.2-1.1 1.1a3.3 3.3 0 0 1-4.7-4.7zm7.2-1L10.5 8.6 9.3 7.4l1.1-1.1a1.6 1.6 0 0 0-2.3-2.3L7 5.1 5.8 3.9l1.1-1.1a3.3 3.3 0 0 1 4.7 4.7z',
  bulletList:
    'M2 3.2a1.1 1.1 0 1 1 2.2 0 1.1 1.1 0 0 1-2.2 0zm0 4.8a1.1 1.1 0 1 1 2.2 0A1.1 1.1 0 0 1 2 8zm0 4.8a1.1 1.1 0 1 1 2.2 0 1.1 1.1 0 0 1-2.2 0zM6 2.4h8v1.6H6zm0 4.8h8v1.6H6zM6 12h8v1.6H6z',
  orderedList:
    'M2.2 2h1.3v3.6h-1V3.1h-.6zm-.2 5.4c.2-.6.8-.9 1.4-.9.8 0 1.3.5 1.3 1.1 0 .5-.3.8-.8 1.2l-.5.4h1.3v.9H1.9v-.8l1.2-1c.3-.3.5-.5.5-.7s-.2-.3-.4-.3-.4.1-.5.4zM6 2.4h8v1.6H6zm0 4.8h8v1.6H6zM6 12h8v1.6H6zM2 11.1h2.4v.8l-.8.7c.6.1.9.5.9 1 0 .7-.6 1.2-1.4 1.2-.6 0-1.1-.3-1.3-.8l.8-.4c.1.2.3.3.5.3s.4-.1.4-.3-.2-.3-.6-.3h-.3v-.7l.6-.5H2z',
  quote: 'M3 4h4v4.2c0 2-1 3.3-3 3.8l-.4-1.2c1-.4 1.5-1 1.6-1.8H3zm6 0h4v4.2c0 2-1 3.3-3 3.8l-.4-1.2c1-.4 1.5-1 1.6-1.8H9z',
  footnote: 'M3 4h6v1.5H6.8V12H5.2V5.5H3zM10.5 2.5h1.3v3.7h-1.3V3.9l-.8.3-.3-1z',
  pageBreak: 'M3 2h10v4H3zm1.5 1.5v1h7v-1zM3 10h10v4H3zm1.5 1.5v1h7v-1zM2 7.3h2v1.4H2zm3 0h2v1.4H5zm3 0h2v1.4H8zm3 0h3v1.4h-3z',
  image: 'M2 3h12v10H2zm1.5 1.5v6.3l2.9-3 2.1 2.2 1.6-1.6 2.4 2.4V4.5zm7.2 1a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
  table: 'M2 2.5h12v11H2zm1.5 1.5v2h3.6V4zm5.1 0v2h3.9V4zM3.5 7.5v2h3.6v-2zm5.1 0v2h3.9v-2zM3.5 11v1h3.6v-1zm5.1 0v1h3.9v-1z',
  rowAdd: 'M2 2.5h12v5H2zm1.5 1.5v2h9V4zM7.2 9h1.6v2h2v1.6h-2v2H7.2v-2h-2V11h2z',
  columnAdd: 'M2.5 2h5v12h-5zM4 3.5v9h2v-9zm5 4.7h2v-2h1.6v2h2v1.6h-2v2H11v-2H9z',
  rowDelete: 'M2 2.5h12v5H2zm1.5 1.5v2h9V4zM5 10.2h6v1.6H5z',
  columnDelete: 'M2.5 2h5v12h-5zM4 3.5v9h2v-9zM9 7.2h6v1.6H9z',
  tableDelete: 'M4.2 3.1 8 6.9l3.8-3.8 1.1 1.1L9.1 8l3.8 3.8-1.1 1.1L8 9.1l-3.8 3.8-1.1-1.1L6.9 8 3.1 4.2z',
  undo: 'M5.3 3.3 6.4 4.4 5 5.8h4.5a4 4 0 0 1 0 8H6.5v-1.6h3a2.4 2.4 0 0 0 0-4.8H5l1.4 1.4-1.1 1.1L2 6.6z',
  redo: 'M10.7 3.3 9.6 4.4 11 5.8H6.5a4 4 0 0 0 0 8h3v-1.6h-3a2.4 2.4 0 0 1 0-4.8H11L9.6 8.8l1.1 1.1L14 6.6z',
  plus: 'M7.2 2.5h1.6v4.7h4.7v1.6H8.8v4.7H7.2V8.8H2.5V7.2h4.7z',
  trash: 'M6 2h4l.5 1H13v1.5H3V3h2.5zm-1.5 3.5h7l-.6 8a1 1 0 0 1-1 .9H6.1a1 1 0 0 1-1-.9z',
  up: 'M8 3.5 13 8.5 11.9 9.6 8.8 6.5V13H7.2V6.5L4.1 9.6 3 8.5z',
  down: 'M8 12.5 3 7.5l1.1-1.1 3.1 3.1V3h1.6v6.5l3.1-3.1L13 7.5z',
  chevronRight: 'M6.2 3.5 10.7 8l-4.5 4.5-1.1-1.1L8.5 8 5.1 4.6z',
  chevronDown: 'M3.5 6.2 8 10.7l4.5-4.5-1.1-1.1L8 8.5 4.6 5.1z',
  pencil: 'M11 2.3 13.7 5l-7.9 7.9-3.3.6.6-3.3zm0 2.3-6.2 6.2-.2 1 1-.2L11.8 5.4z',
  drag: 'M5.5 3.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm-5 3.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm-5 3.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2z',
  gear: 'M7 1.5h2l.3 1.7 1.1.5 1.4-1 1.4 1.4-1 1.4.5 1.1 1.7.3v2l-1.7.3-.5 1.1 1 1.4-1.4 1.4-1.4-1-1.1.5-.3 1.7H7l-.3-1.7-1.1-.5-1.4 1-1.4-1.4 1-1.4-.5-1.1L1.5 9V7l1.7-.3.5-1.1-1-1.4 1.4-1.4 1.4 1 1.1-.5zM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8z',
  home: 'M8 2 14 7v7H9.5v-4h-3v4H2V7zm0 2.1L3.6 7.7v4.7h1.3v-4h6.2v4h1.3V7.7z',
  download: 'M7.2 2h1.6v6.6l2.1-2.1L12 7.6 8 11.6 4 7.6l1.1-1.1 2.1 2.1zM3 12.4h10V14H3z',
  search: 'M6.8 2.2a4.6 4.6 0 0 1 3.7 7.3l3.3 3.3-1.1 1.1-3.3-3.3a4.6 4.6 0 1 1-2.6-8.4zm0 1.6a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  comment: 'M2.5 3h11v7.5H7.2L4.2 13v-2.5H2.5zM4 4.5V9h1.7v1l1.2-1h5.1V4.5z',
  word: 'M2.5 2.5h11v11h-11zM4 4v8h8V4zm.6 1.3h1.3l.7 3.6.9-3.6h1l.9 3.6.7-3.6h1.3L10 10.7H8.8L8 7.6l-.8 3.1H6z',
} as const;

export type IconName = keyof typeof paths;

// Memoised: the navigator re-renders its rows as titles are typed, with three icons per row that never change
// (render-budget.spec.ts counted 190 icon renders per keystroke in a title before this).
export const Icon = memo(function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
});
