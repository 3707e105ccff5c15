// Who is editing which structured field (title, period, owner…), shown to the others as a coloured
// outline and a name chip on that field. Rich-text fields show remote cursors instead (y-prosemirror).
//
// A focused bound field publishes `editing: <field key>` in awareness; the key is the field's explicit
// `presenceKey`, or else where it is: the open view and item plus its position among the view's bound
// fields (the same for everyone looking at the same item, whatever their language).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Awareness } from 'y-protocols/awareness';
import { t } from '../i18n/i18n';
import { safeColor } from './presence';

export interface FieldEditor {
  clientId: number;
  name: string;
  color: string;
}

/** Turns the awareness into "field key → who is editing it" and tells subscribers when that changes. */
export class FieldPresenceStore {
  private editors = new Map<string, FieldEditor[]>();
  private signature = '';
  private readonly listeners = new Set<() => void>();
  private readonly onChange = () => this.recompute();

  constructor(
    private readonly awareness: Awareness,
    /** The part of the document open here (the item key), part of automatic field keys. */
    readonly location: () => string,
  ) {
    awareness.on('change', this.onChange);
    this.recompute();
  }

  editorsOf(key: string): FieldEditor[] {
    return this.editors.get(key) ?? [];
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** This window's user is editing `key` (null: no field). */
  setEditing(key: string | null): void {
    const current = (this.awareness.getLocalState() as { editing?: unknown } | null)?.editing ?? null;
    if (current === key) return;
    this.awareness.setLocalStateField('editing', key);
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }

  private recompute(): void {
    const next = new Map<string, FieldEditor[]>();
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const { editing, user } = state as { editing?: unknown; user?: { name?: unknown; color?: unknown } };
      if (typeof editing !== 'string' || !user || typeof user.name !== 'string') return;
      const list = next.get(editing) ?? [];
      list.push({ clientId, name: user.name, color: safeColor(user.color) });
      next.set(editing, list);
    });
    const signature = [...next].map(([key, list]) => `${key}=${list.map((e) => `${e.clientId}:${e.name}:${e.color}`).join(',')}`).join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    this.editors = next;
    for (const listener of [...this.listeners]) listener();
  }
}

const FieldPresenceContext = createContext<FieldPresenceStore | null>(null);

export function FieldPresenceProvider({ awareness, location, children }: { awareness: Awareness; location: string; children: ComponentChildren }) {
  const locationRef = useRef(location);
  locationRef.current = location;
  const store = useMemo(() => new FieldPresenceStore(awareness, () => locationRef.current), [awareness]);
  useEffect(() => () => store.destroy(), [store]);
  return <FieldPresenceContext.Provider value={store}>{children}</FieldPresenceContext.Provider>;
}

const FIELD_ATTRIBUTE = 'data-presence-field';

/** The automatic key of a bound field: view, item and its position among the view's bound fields. */
function automaticKey(element: HTMLElement, location: string): string {
  const panel = element.closest<HTMLElement>('[data-view]');
  const fields = panel ? [...panel.querySelectorAll(`[${FIELD_ATTRIBUTE}]`)] : [];
  return `${panel?.dataset.view ?? ''}:${location}:${fields.indexOf(element)}`;
}

export interface FieldPresence {
  /** Spread onto the field element. */
  attributes: Record<string, string>;
  onFocus(): void;
  onBlur(): void;
  /** The other people editing this field now. */
  editors: FieldEditor[];
}

/** Presence of one bound field; `element` is its ref. Works (as a no-op) outside a document. */
export function useFieldPresence(element: { current: HTMLElement | null }, presenceKey?: string): FieldPresence {
  const store = useContext(FieldPresenceContext);
  const [editors, setEditors] = useState<FieldEditor[]>([]);
  const focused = useRef(false);

  const keyOf = (): string | null => {
    if (presenceKey) return presenceKey;
    const node = element.current;
    return node && store ? automaticKey(node, store.location()) : null;
  };

  useEffect(() => {
    if (!store) return;
    const update = () => {
      const key = keyOf();
      const next = key ? store.editorsOf(key) : [];
      setEditors((prev) => (sameEditors(prev, next) ? prev : next));
    };
    update();
    return store.subscribe(update);
  }, [store, presenceKey]);

  // Leaving the field by unmounting it (another item opened) ends the editing too.
  useEffect(
    () => () => {
      if (focused.current) store?.setEditing(null);
    },
    [store],
  );

  return {
    attributes: { [FIELD_ATTRIBUTE]: '' },
    onFocus() {
      focused.current = true;
      store?.setEditing(keyOf());
    },
    onBlur() {
      focused.current = false;
      store?.setEditing(null);
    },
    editors,
  };
}

function sameEditors(a: FieldEditor[], b: FieldEditor[]): boolean {
  return a.length === b.length && a.every((e, i) => e.clientId === b[i]?.clientId && e.name === b[i]?.name && e.color === b[i]?.color);
}

/**
 * The name chip over a field someone else is editing, placed at the field's top right corner (measured,
 * so it works in labels, table cells and grids alike). Render it right after the field.
 */
export function FieldPresenceChip({ editors, field }: { editors: FieldEditor[]; field: { current: HTMLElement | null } }) {
  const chip = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const node = chip.current;
    const target = field.current;
    if (!node || !target) return;
    node.style.top = '0px';
    node.style.left = '0px';
    const origin = node.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    node.style.top = `${rect.top - origin.top - node.offsetHeight + 1}px`;
    node.style.left = `${Math.max(rect.left - origin.left, rect.right - origin.left - node.offsetWidth)}px`;
  });
  if (editors.length === 0) return null;
  const first = editors[0]!;
  const names = editors.map((e) => e.name).join(', ');
  return (
    // Hidden from assistive technology: inside a <label> it would become part of the field's name; the
    // field itself carries the same information as its description (see fieldPresenceProps).
    <span ref={chip} class="field-presence-chip" style={{ background: first.color }} data-testid="field-presence" aria-hidden="true">
      {names}
    </span>
  );
}

/** Extra props of a field others are editing: a ring in the (first) editor's colour and a description. */
export function fieldPresenceProps(editors: FieldEditor[]): { style?: Record<string, string>; title?: string; 'data-editing-by'?: string } {
  const first = editors[0];
  if (!first) return {};
  const names = editors.map((e) => e.name).join(', ');
  return { style: { boxShadow: `0 0 0 2px ${first.color}` }, title: t('presence.editingField', { names }), 'data-editing-by': names };
}
