// A typed text field as an input binds to it: its value, the user's edits as deltas, and every
// change from elsewhere (another user, undo) reported synchronously with its delta, so an input
// can move its caret with the text instead of jumping to the end.
import * as Y from 'yjs';
import { applyTextChange, readText, type TextChange } from './text-fields';

export class TextFieldHandle {
  private listeners = new Set<(changes: TextChange[] | null) => void>();
  private text: Y.Text | undefined;
  private applying = false;
  private lastValue = '';

  constructor(
    private readonly doc: Y.Doc,
    /** The map that holds the field (an item, meta or labels); re-read because an item can be replaced. */
    private readonly map: () => Y.Map<unknown> | undefined,
    readonly key: string,
    private readonly origin: () => unknown,
    /** An optional field (a label, the subtitle, an e-mail): emptied, it is removed, as before. */
    readonly optional = false,
    /** The value when there is no map (a stand-in container's title). */
    private readonly fallback = '',
  ) {}

  value(): string {
    const map = this.map();
    return map ? (readText(map, this.key) ?? '') : this.fallback;
  }

  /**
   * Applies the user's edit. `change` is relative to the value the input last showed, which equals
   * `value()` when the input is in step with the document. A field that does not exist yet (or is
   * still a schema-1 string) becomes a Y.Text first.
   */
  edit(change: TextChange): void {
    const map = this.map();
    if (!map) return;
    this.applying = true;
    try {
      this.doc.transact(() => {
        let text = map.get(this.key);
        if (!(text instanceof Y.Text)) {
          text = new Y.Text(typeof text === 'string' ? text : '');
          map.set(this.key, text);
        }
        const t = text as Y.Text;
        const at = Math.min(change.index, t.length);
        const remove = Math.min(change.remove, t.length - at);
        if (remove > 0) t.delete(at, remove);
        if (change.insert.length > 0) t.insert(at, change.insert);
        if (this.optional && t.length === 0) map.delete(this.key);
      }, this.origin());
    } finally {
      this.applying = false;
    }
  }

  /** Replaces the whole value with a minimal change (for a paste of a full value, tests). */
  set(next: string): void {
    const current = this.value();
    if (current === next) return;
    const map = this.map();
    if (!map) return;
    this.doc.transact(() => {
      const text = map.get(this.key);
      if (text instanceof Y.Text) applyTextChange(text, next);
      else map.set(this.key, new Y.Text(next));
    }, this.origin());
  }

  /**
   * Calls back after every change of this field not made through `edit`: with the changes in
   * order when the Y.Text changed, or null when the field was replaced (created, migrated,
   * deleted, or written as a plain string by an old replica).
   */
  subscribe(listener: (changes: TextChange[] | null) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.attach();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.detach();
    };
  }

  private readonly onText = (event: Y.YTextEvent): void => {
    this.lastValue = this.value();
    if (this.applying) return;
    const changes: TextChange[] = [];
    let index = 0;
    for (const op of event.delta) {
      if (op.retain !== undefined) index += op.retain;
      else if (op.delete !== undefined) {
        changes.push({ index, remove: op.delete, insert: '' });
      } else if (typeof op.insert === 'string') {
        changes.push({ index, remove: 0, insert: op.insert });
        index += op.insert.length;
      }
    }
    this.emit(changes);
  };

  private readonly onDoc = (): void => {
    // The field itself was replaced (or its item went away): re-attach to the current Y.Text.
    const current = this.map()?.get(this.key);
    const text = current instanceof Y.Text ? current : undefined;
    if (text === this.text) {
      // a plain string rewritten by an old replica is no Y.Text event
      if (text || this.value() === this.lastValue) return;
    } else {
      this.text?.unobserve(this.onText);
      this.text = text;
      this.text?.observe(this.onText);
    }
    const before = this.lastValue;
    this.lastValue = this.value();
    if (!this.applying && before !== this.lastValue) this.emit(null);
  };

  private emit(changes: TextChange[] | null): void {
    for (const listener of [...this.listeners]) listener(changes);
  }

  private attach(): void {
    const current = this.map()?.get(this.key);
    this.text = current instanceof Y.Text ? current : undefined;
    this.text?.observe(this.onText);
    this.lastValue = this.value();
    this.doc.on('afterTransaction', this.onDoc);
  }

  private detach(): void {
    this.text?.unobserve(this.onText);
    this.text = undefined;
    this.doc.off('afterTransaction', this.onDoc);
  }
}
