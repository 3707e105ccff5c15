// The marks of a comparison of two versions (renderer/src/versions builds the comparison's document and
// its marks): per item what changed (added, removed, moved, renamed, which plan fields), per rich-text field
// the compared text. Kept by Y.Doc, so the navigator, the plan tables and the editor find the marks of the
// document they show without knowing about versions; a live document has none and shows none.
// Marks are words, never colour alone: a badge with text ("tilføjet"), strike-through and underline.
import type * as Y from 'yjs';
import { t } from '../i18n/i18n';

export type ItemMark = {
  change: 'added' | 'removed' | 'changed';
  renamed: boolean;
  moved: boolean;
  /** Plan fields that changed (ownerId, status, start, end, priority, budget, focusAreaIds, …). */
  fields: ReadonlySet<string>;
  /** Rich text changed. */
  text: boolean;
};

/** One range of the compared text, in ProseMirror positions of the field's document. */
export interface TextMark {
  from: number;
  to: number;
  change: 'inserted' | 'deleted';
  /** A whole block (paragraph, list item, …) rather than text inside one. */
  block: boolean;
}

export interface CompareMarks {
  items: ReadonlyMap<string, ItemMark>;
  /** By `<item id>:<field>` (`@vision:statement` for the vision). */
  texts: ReadonlyMap<string, TextMark[]>;
}

const marksByDoc = new WeakMap<Y.Doc, CompareMarks>();

export function setCompareMarks(doc: Y.Doc, marks: CompareMarks): void {
  marksByDoc.set(doc, marks);
}

export function compareMarksOf(doc: Y.Doc | null | undefined): CompareMarks | undefined {
  return doc ? marksByDoc.get(doc) : undefined;
}

/** The words of an item's mark: "tilføjet", "fjernet", "omdøbt, flyttet", "ændret". */
export function itemMarkText(mark: ItemMark): string {
  if (mark.change === 'added') return t('versions.mark.added');
  if (mark.change === 'removed') return t('versions.mark.removed');
  const words: string[] = [];
  if (mark.renamed) words.push(t('versions.mark.renamed'));
  if (mark.moved) words.push(t('versions.mark.moved'));
  if (mark.fields.size > 0 || mark.text || words.length === 0) words.push(t('versions.mark.changed'));
  return words.join(', ');
}

function kindOfMark(mark: ItemMark): string {
  if (mark.change !== 'changed') return mark.change;
  if (mark.renamed) return 'renamed';
  if (mark.moved && mark.fields.size === 0 && !mark.text) return 'moved';
  return 'changed';
}

/** The id of an item's badge for aria-describedby, when the item has one. */
export function compareBadgeId(doc: Y.Doc, id: string): string | undefined {
  return compareMarksOf(doc)?.items.has(id) ? `cmp-${id}` : undefined;
}

/** The badge after an item's name in a comparison (nothing elsewhere). */
export function CompareBadge({ doc, id, elementId }: { doc: Y.Doc; id: string; elementId?: string }) {
  const mark = compareMarksOf(doc)?.items.get(id);
  if (!mark) return null;
  return (
    <span id={elementId} class={`cmp-badge cmp-badge-${kindOfMark(mark)}`} data-compare={kindOfMark(mark)}>
      {itemMarkText(mark)}
    </span>
  );
}

/** Marks a plan field that changed in a comparison: a word for screen readers and sighted users alike. */
export function FieldMark({ doc, id, fields }: { doc: Y.Doc; id: string; fields: readonly string[] }) {
  const mark = compareMarksOf(doc)?.items.get(id);
  if (!mark || mark.change !== 'changed' || !fields.some((f) => mark.fields.has(f))) return null;
  return (
    <span class="cmp-badge cmp-badge-changed" data-compare="field">
      {t('versions.mark.changed')}
    </span>
  );
}
