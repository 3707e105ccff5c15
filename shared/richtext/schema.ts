// The ProseMirror schema of every rich-text field in Pejling: editors, Yjs storage and export.
// Names are snake_case: y-prosemirror stores node names as Y.XmlElement names and marks as
// formatting attributes of Y.XmlText, so renaming anything here is a schema migration.
import { Schema, type DOMOutputSpec, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

export const HEADING_LEVELS = [1, 2, 3] as const;

/** The mark of a comment thread's anchor: attrs { threadId }. */
export const COMMENT_MARK = 'comment';

/** The marks of a pending suggestion (issue 14; metadata and review in shared/model/suggestions.ts). */
export const SUGGESTION_MARK_NAMES = ['insertion', 'deletion', 'modification'] as const;

const tables = tableNodes({
  tableGroup: 'block',
  // Simple tables: cells hold paragraphs and lists, not headings or nested tables.
  cellContent: '(paragraph | bullet_list | ordered_list)+',
  cellAttributes: {},
});

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },
  heading: {
    attrs: { level: { default: 1, validate: 'number' } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: HEADING_LEVELS.map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node): DOMOutputSpec => [`h${clampHeadingLevel(node.attrs.level as number)}`, 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: 'number' } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = (dom as { getAttribute(name: string): string | null }).getAttribute('start');
          return { order: start ? Number(start) || 1 : 1 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec =>
      node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0],
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  table: tables.table,
  table_row: tables.table_row,
  table_cell: tables.table_cell,
  table_header: tables.table_header,
  // A picture (issue 16): `src` is an image id of the document's `images` (shared/model/images.ts), which hold
  // its bytes; `alt` its alternative text (required); `width` its width in percent of the text width.
  image: {
    attrs: { src: { validate: 'string' }, alt: { default: '', validate: 'string' }, width: { default: 100, validate: 'number' } },
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    parseDOM: [
      {
        tag: 'img[data-image-id]',
        getAttrs: (dom) => {
          const el = dom as { getAttribute(name: string): string | null };
          return { src: el.getAttribute('data-image-id'), alt: el.getAttribute('alt') ?? '', width: Number(el.getAttribute('data-width')) || 100 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => ['img', { 'data-image-id': String(node.attrs.src), alt: String(node.attrs.alt), 'data-width': String(node.attrs.width) }],
  },
  // A manual page break (issue 16): the text after it starts a new page in Word and PDF (a Word page break).
  page_break: {
    group: 'block',
    atom: true,
    selectable: true,
    parseDOM: [{ tag: 'div[data-page-break]' }],
    toDOM: (): DOMOutputSpec => ['div', { 'data-page-break': 'true', class: 'page-break' }],
  },
  // A footnote (issue 16): its own text, written as a real Word footnote at the foot of the page; numbered in
  // the order footnotes stand in the document. One unit in the text around it (atom); the editor edits its text
  // in a view of its own (renderer/src/editor/footnote-view.ts).
  footnote: {
    inline: true,
    group: 'inline',
    content: 'text*',
    marks: 'em strong link',
    atom: true,
    selectable: true,
    parseDOM: [{ tag: 'span[data-footnote]' }],
    toDOM: (): DOMOutputSpec => ['span', { 'data-footnote': 'true', class: 'footnote' }, 0],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null, validate: 'string|null' } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const el = dom as { getAttribute(name: string): string | null };
          return { href: el.getAttribute('href'), title: el.getAttribute('title') };
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const { href, title } = mark.attrs as { href: string; title: string | null };
      return ['a', title === null ? { href } : { href, title }, 0];
    },
  },
  // A comment thread's anchor (issue 12; threads in shared/model/comments.ts). `excludes: ''` lets
  // threads overlap (y-prosemirror then stores each as its own attribute `comment--<hash>`);
  // `inclusive: false` keeps text typed at its end out of it. parseDOM keeps it through copy/paste
  // within Pejling. The editor's highlight is a decoration of open threads, not this element.
  [COMMENT_MARK]: {
    attrs: { threadId: { validate: 'string' } },
    excludes: '',
    inclusive: false,
    parseDOM: [
      {
        tag: 'span[data-comment-thread]',
        getAttrs: (dom) => {
          const id = (dom as { getAttribute(name: string): string | null }).getAttribute('data-comment-thread');
          return id ? { threadId: id } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => ['span', { 'data-comment-thread': String(mark.attrs.threadId) }, 0],
  },
  // Suggestions (issue 14): the names and attrs of @handlewithcare/prosemirror-suggest-changes, so
  // documents stay readable by it; the editing rules are ours (shared/model/suggest-transform.ts,
  // docs/suggestions.md). `id` keys the author and time in the root map `suggestions`.
  insertion: suggestionMark('ins', 'deletion modification insertion'),
  deletion: suggestionMark('del', 'insertion modification deletion'),
  // A suggested formatting change of the text it covers: type 'mark', attrName the mark's name,
  // previousValue / newValue the mark as JSON before and after (null: absent). It does not exclude
  // itself, so y-prosemirror stores each one as its own attribute `modification--<hash>`.
  modification: {
    attrs: {
      id: { validate: 'number|string' },
      type: { validate: 'string' },
      attrName: { default: null, validate: 'string|null' },
      previousValue: { default: null },
      newValue: { default: null },
    },
    inclusive: false,
    excludes: 'deletion insertion',
    parseDOM: [
      {
        tag: 'span[data-suggestion-modification]',
        getAttrs: (dom) => {
          const el = dom as { getAttribute(name: string): string | null };
          const id = el.getAttribute('data-suggestion');
          const json = el.getAttribute('data-suggestion-modification');
          if (!id || !json) return false;
          try {
            const parsed = JSON.parse(json) as { type?: unknown; attrName?: unknown; previousValue?: unknown; newValue?: unknown };
            if (typeof parsed.type !== 'string') return false;
            return { id, type: parsed.type, attrName: typeof parsed.attrName === 'string' ? parsed.attrName : null, previousValue: parsed.previousValue ?? null, newValue: parsed.newValue ?? null };
          } catch {
            return false;
          }
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const { id, type, attrName, previousValue, newValue } = mark.attrs as Record<string, unknown>;
      return ['span', { 'data-suggestion': String(id), 'data-suggestion-modification': JSON.stringify({ type, attrName, previousValue, newValue }) }, 0];
    },
  },
};

function suggestionMark(tag: 'ins' | 'del', excludes: string): MarkSpec {
  return {
    attrs: { id: { validate: 'number|string' } },
    inclusive: false,
    excludes,
    parseDOM: [
      {
        tag: `${tag}[data-suggestion]`,
        getAttrs: (dom) => {
          const id = (dom as { getAttribute(name: string): string | null }).getAttribute('data-suggestion');
          return id ? { id } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => [tag, { 'data-suggestion': String(mark.attrs.id) }, 0],
  };
}

/** The editor schema: doc, paragraph, heading (1–3), lists, blockquote, simple tables, hard_break; marks em, strong, link, comment, insertion, deletion, modification. */
export const richSchema = new Schema({ nodes, marks });

export function clampHeadingLevel(level: number): 1 | 2 | 3 {
  return level <= 1 ? 1 : level >= 3 ? 3 : 2;
}
