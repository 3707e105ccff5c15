// The toolbar above a rich-text field. One tab stop (roving tabindex, arrow keys move between
// buttons), every button named for screen readers and showing its shortcut in the tooltip.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { memo } from 'preact/compat';
import type { Command, EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { richSchema } from '../../../shared/richtext/schema';
import { t } from '../i18n/i18n';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  enclosingList,
  headingLevel,
  insertTable,
  isInTable,
  linkAt,
  markActive,
  setHeading,
  toggleBlockquote,
  toggleBulletList,
  toggleEm,
  toggleOrderedList,
  toggleStrong,
} from './rich-commands';
import { Icon, type IconName } from '../ui/Icon';
import { CommentButton } from '../comments/editor-comments';
import { insertFootnote, insertPageBreak } from './footnote-commands';
import { SuggestToggle } from '../suggestions/SuggestToggle';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

interface Props {
  state: EditorState;
  label: string;
  run: (command: Command) => void;
  onLink: () => void;
  /** "Kommentér" on the selection, when comments are possible here. */
  onComment?: (() => void) | undefined;
  /** "Indsæt billede" (renderer/src/images). */
  onImage?: (() => void) | undefined;
}

export function RichToolbar({ state, label, run, onLink, onComment, onImage }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { marks, nodes } = richSchema;
  const list = enclosingList(state);
  const level = headingLevel(state);
  const inTable = isInTable(state);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length;
    items.forEach((item, i) => (item.tabIndex = i === next ? 0 : -1));
    items[next]?.focus();
  };

  // One tab stop: the block-type select; arrow keys reach the buttons.
  const button = (
    icon: IconName,
    name: string,
    shortcut: string | null,
    action: Command | { call: () => void },
    options: { active?: boolean } = {},
  ) => {
    const isCommand = typeof action === 'function';
    return (
      <ToolbarButton
        icon={icon}
        label={name}
        title={shortcut ? `${name} (${shortcut})` : name}
        active={options.active}
        disabled={isCommand ? !action(state) : false}
        tabIndex={-1}
        onClick={() => (isCommand ? run(action) : action.call())}
      />
    );
  };

  return (
    <div class="rich-toolbar" role="toolbar" aria-label={label} ref={ref} onKeyDown={onKeyDown} onMouseDown={(e) => e.target !== e.currentTarget && e.target instanceof HTMLButtonElement && e.preventDefault()}>
      <select
        class="toolbar-select"
        aria-label={t('editor.blockType')}
        tabIndex={0}
        value={String(level)}
        onChange={(e) => run(setHeading(Number(e.currentTarget.value)))}
      >
        <option value="0">{t('editor.paragraph')}</option>
        <option value="1">{t('editor.heading', { level: 1 })}</option>
        <option value="2">{t('editor.heading', { level: 2 })}</option>
        <option value="3">{t('editor.heading', { level: 3 })}</option>
      </select>
      <span class="toolbar-separator" aria-hidden="true" />
      {button('bold', t('editor.bold'), `${mod}B`, toggleStrong, { active: markActive(state, marks.strong!) })}
      {button('italic', t('editor.italic'), `${mod}I`, toggleEm, { active: markActive(state, marks.em!) })}
      {button('link', t('editor.link'), `${mod}K`, { call: onLink }, { active: !!linkAt(state) })}
      <span class="toolbar-separator" aria-hidden="true" />
      {button('bulletList', t('editor.bulletList'), null, toggleBulletList, { active: list === nodes.bullet_list })}
      {button('orderedList', t('editor.orderedList'), null, toggleOrderedList, { active: list === nodes.ordered_list })}
      {button('quote', t('editor.quote'), null, toggleBlockquote)}
      {button('table', t('editor.insertTable'), null, insertTable)}
      {button('footnote', t('structure.footnote'), null, insertFootnote)}
      {button('pageBreak', t('structure.pageBreak'), `${mod}Enter`, insertPageBreak)}
      {onImage && button('image', t('images.insert'), null, { call: onImage })}
      {inTable && (
        <>
          <span class="toolbar-separator" aria-hidden="true" />
          {button('rowAdd', t('editor.addRow'), null, addRowAfter)}
          {button('columnAdd', t('editor.addColumn'), null, addColumnAfter)}
          {button('rowDelete', t('editor.deleteRow'), null, deleteRow)}
          {button('columnDelete', t('editor.deleteColumn'), null, deleteColumn)}
          {button('tableDelete', t('editor.deleteTable'), null, deleteTable)}
        </>
      )}
      {onComment && (
        <>
          <span class="toolbar-separator" aria-hidden="true" />
          <CommentButton onComment={onComment} tabIndex={-1} />
        </>
      )}
      <span class="toolbar-spacer" />
      <SuggestToggle />
      {button('undo', t('editor.undo'), `${mod}Z`, undoCommand)}
      {button('redo', t('editor.redo'), mod === '⌘' ? '⇧⌘Z' : 'Ctrl+Y', redoCommand)}
      {level > 0 && <span class="visually-hidden">{t('editor.heading', { level })}</span>}
    </div>
  );
}

interface ToolbarButtonProps {
  icon: IconName;
  label: string;
  title: string;
  active?: boolean | undefined;
  disabled: boolean;
  tabIndex: number;
  onClick: () => void;
  children?: ComponentChildren;
}

// The toolbar re-renders with every keystroke (the editor state changes); a button re-renders only when what it
// shows changes (render-budget.spec.ts: 9 button renders per keystroke before). `onClick` is left out of the
// comparison: it is a fresh closure per render over the same view (run() reads the view through a ref) and setters.
const ToolbarButton = memo(
  function ToolbarButton(props: ToolbarButtonProps) {
    return (
      <button
        type="button"
        class="icon-button toolbar-button"
        aria-label={props.label}
        title={props.title}
        aria-pressed={props.active === undefined ? undefined : props.active}
        disabled={props.disabled}
        tabIndex={props.tabIndex}
        onClick={props.onClick}
      >
        <Icon name={props.icon} />
      </button>
    );
  },
  (a, b) => a.icon === b.icon && a.label === b.label && a.title === b.title && a.active === b.active && a.disabled === b.disabled && a.tabIndex === b.tabIndex && a.children === b.children,
);
