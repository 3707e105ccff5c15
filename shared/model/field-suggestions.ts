// Suggested new text for a plain text field (issue 14): a focus area's or an initiative's title,
// a goal's text, any item's typed text field, and the strategy's own title fields. Rich text has
// its suggestions as marks in the text itself (./suggestions.ts); a title has no room for marks,
// so a suggestion for it is a whole proposed text, shown beside the current one and accepted or
// rejected as one.
//
// Layout:
//
//   fieldSuggestions   Y.Map<suggestionId, Y.Map>   one entry per suggestion (never a Y.Array:
//                                                   concurrent creations both survive)
//     entry   itemId (an item id or META_ID), field (the text key), text Y.Text (the proposed text;
//             a Y.Text so that the author's typing in two windows, or a co-author's, merges),
//             authorId, authorName, color?, at (ISO, when it was first made; the list's order)
//
// One author has at most one suggestion per field: suggesting again updates it (`suggest`). When
// two replicas create one for the same author and field at once, both entries survive and the one
// with the smaller id is read as that author's (`mine`); the other still shows and can be
// accepted or rejected. Accepting writes the text into the field through the model and deletes the
// suggestion in one transaction; rejecting deletes it. A suggestion whose item is gone is not read.
import * as Y from 'yjs';
import { COLLECTIONS, META_TEXT_KEYS } from './layout';
import { META_ID } from './model-constants';
import { RootMapStore } from './root-map-store';
import { TextFieldHandle } from './text-binding';
import { applyTextChange, readText, type TextChange } from './text-fields';
import type { KindPatch } from './types';

/** The root Y.Map of every field suggestion. */
export const FIELD_SUGGESTIONS = 'fieldSuggestions';

export interface SuggestionAuthor {
  id: string;
  name: string;
  color?: string;
}

export interface FieldSuggestion {
  id: string;
  itemId: string;
  field: string;
  text: string;
  authorId: string;
  authorName: string;
  color?: string;
  at: string;
}

export interface FieldSuggestionFilter {
  itemId?: string;
  field?: string;
  authorId?: string;
}

export class FieldSuggestionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSuggestionError';
  }
}


const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function fieldSuggestionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(FIELD_SUGGESTIONS);
}

export class FieldSuggestions extends RootMapStore {
  private readonly handles = new Map<string, SuggestionFieldHandle>();

  protected get root(): Y.Map<Y.Map<unknown>> {
    return fieldSuggestionsMap(this.doc);
  }

  private newId(): string {
    for (;;) {
      let id = 'fs-';
      for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(this.random() * ID_ALPHABET.length) % ID_ALPHABET.length];
      if (!this.root.has(id)) return id;
    }
  }

  /** Throws a FieldSuggestionError unless (itemId, field) is a typed text field that exists. */
  checkField(itemId: string, field: string): void {
    if (itemId === META_ID) {
      if (!(META_TEXT_KEYS as readonly string[]).includes(field)) throw new FieldSuggestionError(`the strategy has no text field "${field}" to suggest for`);
      return;
    }
    const kind = this.model.kindOf(itemId);
    if (!kind) throw new FieldSuggestionError(`no item with id "${itemId}" to suggest for`);
    if (!COLLECTIONS[kind].text.includes(field)) throw new FieldSuggestionError(`a ${kind} has no text field "${field}" to suggest for`);
  }

  /** The field's current text. */
  current(itemId: string, field: string): string {
    return this.model.textField(itemId, field).value();
  }

  private read(id: string, entry: Y.Map<unknown>): FieldSuggestion | undefined {
    const itemId = entry.get('itemId');
    const field = entry.get('field');
    const authorId = entry.get('authorId');
    if (typeof itemId !== 'string' || typeof field !== 'string' || typeof authorId !== 'string') return undefined;
    if (itemId !== META_ID && this.model.kindOf(itemId) === undefined) return undefined;
    const color = entry.get('color');
    const out: FieldSuggestion = {
      id,
      itemId,
      field,
      text: readText(entry, 'text') ?? '',
      authorId,
      authorName: String(entry.get('authorName') ?? ''),
      at: String(entry.get('at') ?? ''),
    };
    if (typeof color === 'string') out.color = color;
    return out;
  }

  /** Suggestions, oldest first (ties by id), optionally of one field, item or author. */
  list(filter: FieldSuggestionFilter = {}): FieldSuggestion[] {
    const out: FieldSuggestion[] = [];
    this.root.forEach((entry, id) => {
      if (!(entry instanceof Y.Map)) return;
      const s = this.read(id, entry);
      if (!s) return;
      if (filter.itemId !== undefined && s.itemId !== filter.itemId) return;
      if (filter.field !== undefined && s.field !== filter.field) return;
      if (filter.authorId !== undefined && s.authorId !== filter.authorId) return;
      out.push(s);
    });
    return out.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): FieldSuggestion | undefined {
    const entry = this.root.get(id);
    return entry instanceof Y.Map ? this.read(id, entry) : undefined;
  }

  /** The id of this author's suggestion for the field (the smaller id when two replicas made one at once). */
  mine(itemId: string, field: string, authorId: string): string | undefined {
    let found: string | undefined;
    this.root.forEach((entry, id) => {
      if (!(entry instanceof Y.Map)) return;
      if (entry.get('itemId') !== itemId || entry.get('field') !== field || entry.get('authorId') !== authorId) return;
      if (found === undefined || id < found) found = id;
    });
    return found;
  }

  /** The stored entry of this author's suggestion (for a binding). */
  entryOf(itemId: string, field: string, authorId: string): Y.Map<unknown> | undefined {
    const id = this.mine(itemId, field, authorId);
    return id === undefined ? undefined : this.root.get(id);
  }

  /**
   * Suggests `text` for the field: creates this author's suggestion, or updates it with a minimal
   * change. Suggesting the field's current text withdraws the author's suggestion. Returns the
   * suggestion's id (undefined when withdrawn or when nothing was to suggest).
   */
  suggest(input: { itemId: string; field: string; text: string; author: SuggestionAuthor; id?: string; at?: string }, origin?: unknown): string | undefined {
    const { itemId, field, text, author } = input;
    this.checkField(itemId, field);
    if (!author.id) throw new FieldSuggestionError('a suggestion needs its author\'s id');
    return this.tx(origin, () => {
      const existing = this.mine(itemId, field, author.id);
      if (text === this.current(itemId, field)) {
        if (existing !== undefined) this.root.delete(existing);
        return undefined;
      }
      if (existing !== undefined) {
        const entry = this.root.get(existing)!;
        const t = entry.get('text');
        if (t instanceof Y.Text) applyTextChange(t, text);
        else entry.set('text', new Y.Text(text));
        return existing;
      }
      return this.create(itemId, field, text, author, input.id, input.at);
    });
  }

  private create(itemId: string, field: string, text: string, author: SuggestionAuthor, id?: string, at?: string): string {
    const key = id ?? this.newId();
    if (this.root.has(key)) throw new FieldSuggestionError(`suggestion id "${key}" is already used`);
    const entry = new Y.Map<unknown>();
    this.root.set(key, entry);
    entry.set('itemId', itemId);
    entry.set('field', field);
    entry.set('text', new Y.Text(text));
    entry.set('authorId', author.id);
    entry.set('authorName', author.name);
    if (author.color) entry.set('color', author.color);
    entry.set('at', at ?? this.now());
    return key;
  }

  /** Writes the suggested text into its field and removes the suggestion, in one transaction. */
  accept(id: string, origin?: unknown): void {
    this.acceptMany([id], origin);
  }

  /** Accepts several suggestions in one transaction (one undo step); for one field the last one wins. */
  acceptMany(ids: readonly string[], origin?: unknown): void {
    const suggestions = ids.map((id) => {
      const s = this.get(id);
      if (!s) throw new FieldSuggestionError(`no suggestion with id "${id}" (it was accepted, rejected or its item deleted)`);
      return s;
    });
    this.tx(origin, () => {
      for (const s of suggestions) {
        this.write(s.itemId, s.field, s.text, origin);
        this.root.delete(s.id);
      }
    });
  }

  /** Removes suggestions without changing their fields, in one transaction. */
  reject(ids: string | readonly string[], origin?: unknown): void {
    const list = typeof ids === 'string' ? [ids] : ids;
    this.tx(origin, () => {
      for (const id of list) this.root.delete(id);
    });
  }

  /** Writes a field's text through the model API (a minimal change of its Y.Text). */
  private write(itemId: string, field: string, text: string, origin: unknown): void {
    if (itemId === META_ID) {
      this.model.updateMeta({ [field]: text }, origin ?? this.origin);
      return;
    }
    const kind = this.model.kindOf(itemId);
    if (!kind) throw new FieldSuggestionError(`no item with id "${itemId}"`);
    this.model.update(kind, itemId, { [field]: text } as KindPatch[typeof kind], origin ?? this.origin);
  }

  /**
   * What an input binds to in suggestion mode: reads the author's suggestion for the field, or the
   * field's own text while there is none; the first edit creates the suggestion (starting from the
   * field's text), later edits change it. The field itself is never changed. One handle per field
   * and author.
   */
  handle(itemId: string, field: string, author: SuggestionAuthor): TextFieldHandle {
    const key = `${itemId}\u0000${field}\u0000${author.id}`;
    let handle = this.handles.get(key);
    if (!handle) {
      handle = new SuggestionFieldHandle(this, itemId, field, { author }, () => this.origin);
      this.handles.set(key, handle);
    }
    handle.who.author = author; // a changed name or colour applies to the next suggestion
    return handle;
  }

  /** Internal to the handle: creates the author's suggestion holding the field's current text. */
  startSuggestion(itemId: string, field: string, author: SuggestionAuthor): Y.Map<unknown> {
    this.checkField(itemId, field);
    const id = this.create(itemId, field, this.current(itemId, field), author);
    return this.root.get(id)!;
  }

  /** Calls back after every transaction that changed a suggestion (local or remote). */
  observe(callback: () => void): () => void {
    const root = this.root;
    const handler = (): void => callback();
    root.observeDeep(handler);
    return () => root.unobserveDeep(handler);
  }
}

/**
 * A TextFieldHandle over the author's suggestion instead of the field (see FieldSuggestions.handle).
 * BoundInput binds it like any field, so the input stays generic.
 */
class SuggestionFieldHandle extends TextFieldHandle {
  constructor(
    private readonly suggestions: FieldSuggestions,
    private readonly itemId: string,
    private readonly field: string,
    readonly who: { author: SuggestionAuthor },
    private readonly originOf: () => unknown,
  ) {
    super(suggestions.model.doc, () => suggestions.entryOf(itemId, field, who.author.id), 'text', originOf);
  }

  private get author(): SuggestionAuthor {
    return this.who.author;
  }

  override value(): string {
    const entry = this.suggestions.entryOf(this.itemId, this.field, this.author.id);
    return entry ? (readText(entry, 'text') ?? '') : this.suggestions.current(this.itemId, this.field);
  }

  override edit(change: TextChange): void {
    const doc = this.suggestions.model.doc;
    doc.transact(() => {
      if (!this.suggestions.entryOf(this.itemId, this.field, this.author.id)) this.suggestions.startSuggestion(this.itemId, this.field, this.author);
      super.edit(change);
      // Typed back to the field's own text: nothing is suggested any more.
      const id = this.suggestions.mine(this.itemId, this.field, this.author.id);
      if (id !== undefined && this.value() === this.suggestions.current(this.itemId, this.field)) this.suggestions.reject(id);
    }, this.originOf());
  }

  override set(next: string): void {
    this.suggestions.suggest({ itemId: this.itemId, field: this.field, text: next, author: this.author });
  }
}
