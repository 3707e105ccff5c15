// What a person calls "a change": edits to one field without a pause are one change, however many Yjs
// updates (one per keystroke, often more) they make. Used for the counts the status bar shows ("Offline – 1
// ændring …"); whether anything is unsaved is still decided per update (shared/sync/pending-tracker.ts).
import type * as Y from 'yjs';

/** A pause this long between two edits starts a new change, even in the same field. */
export const CHANGE_PAUSE_MS = 3000;

type AnyType = Y.AbstractType<unknown>;

export class ChangeGroups {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private lastField: string | null = null;
  private lastAt = -Infinity;

  constructor(
    private readonly pauseMs = CHANGE_PAUSE_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** True when the edits of `transaction` begin a new change (another field, or after a pause). */
  startsNewChange(transaction: Y.Transaction | undefined): boolean {
    const at = this.now();
    const field = transaction ? this.fieldOf(transaction) : null;
    const fresh = field === null || field !== this.lastField || at - this.lastAt >= this.pauseMs;
    this.lastField = field;
    this.lastAt = at;
    return fresh;
  }

  /** A stable key for the fields a transaction changed: the map entries (title, vision, …) holding them. */
  private fieldOf(transaction: Y.Transaction): string | null {
    const keys: string[] = [];
    transaction.changed.forEach((subs, type) => {
      // Climb from the changed type (a paragraph's text, a list item) to the value of a map entry: the field.
      let field: AnyType = type as AnyType;
      while (field._item && field._item.parentSub === null && isType(field._item.parent)) field = field._item.parent;
      if (field === type && subs.size > 0 && [...subs].every((sub) => sub !== null)) {
        // A map whose own entries changed (plain values): each entry is a field.
        for (const sub of subs) keys.push(`${this.idOf(field)}.${sub}`);
      } else if (field._item && field._item.parentSub !== null && isType(field._item.parent)) {
        // Named by the map entry, not the value: a field whose text is created by its first keystroke
        // (the map entry changes) and then typed into (the text changes) is one field.
        keys.push(`${this.idOf(field._item.parent)}.${field._item.parentSub}`);
      } else {
        keys.push(String(this.idOf(field)));
      }
    });
    return keys.length === 0 ? null : [...new Set(keys)].sort().join('|');
  }

  private idOf(type: object): number {
    let id = this.ids.get(type);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(type, id);
    }
    return id;
  }
}

function isType(value: unknown): value is AnyType {
  return typeof value === 'object' && value !== null && '_item' in value && '_map' in value;
}
