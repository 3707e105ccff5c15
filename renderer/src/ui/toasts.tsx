// Toasts: short notices at the bottom of the window, e.g. "Indsatsområde slettet — Fortryd".
// Announced politely to screen readers through the region's aria-live.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

export interface Toast {
  id: number;
  message: string;
  /** An action button, e.g. undo. */
  action?: { label: string; run: () => void } | undefined;
  /** Called when the toast goes away without its action (e.g. commit a pending delete). */
  onExpire?: (() => void) | undefined;
  tone?: 'info' | 'error' | undefined;
}

type Listener = (toasts: Toast[]) => void;

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
/**
 * Each toast's clock: while running, when it expires (ms since the epoch); while paused, the ms it has left.
 * Paused while the pointer or the keyboard is in the toasts, so nobody loses "Fortryd" while reaching for it
 * (WCAG 2.2.1, timing adjustable).
 */
const clocks = new Map<number, number>();
let paused = false;

function emit(): void {
  for (const listener of listeners) listener(toasts);
}

function startTimer(id: number, ms: number): void {
  timers.set(id, setTimeout(() => dismissToast(id, { expired: true }), ms));
}

export function showToast(toast: Omit<Toast, 'id'>, durationMs = 8000): number {
  const id = nextId++;
  toasts = [...toasts, { ...toast, id }].slice(-4);
  if (paused) clocks.set(id, durationMs);
  else {
    clocks.set(id, Date.now() + durationMs);
    startTimer(id, durationMs);
  }
  emit();
  return id;
}

/** Stops every toast's clock while the person is in the toasts; on leaving, each gets what it had left (at least 2 s). */
export function holdToasts(pause: boolean): void {
  if (pause === paused) return;
  paused = pause;
  const now = Date.now();
  for (const [id, value] of clocks) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    if (pause) clocks.set(id, Math.max(0, value - now));
    else {
      const left = Math.max(2000, value);
      clocks.set(id, now + left);
      startTimer(id, left);
    }
  }
}

/** Changes a shown toast's text (a long task saying what it does now); nothing when it is gone. */
export function updateToast(id: number, message: string): void {
  if (!toasts.some((x) => x.id === id)) return;
  toasts = toasts.map((x) => (x.id === id ? { ...x, message } : x));
  emit();
}

export function dismissToast(id: number, { expired = false } = {}): void {
  const toast = toasts.find((x) => x.id === id);
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  clocks.delete(id);
  toasts = toasts.filter((x) => x.id !== id);
  emit();
  if (expired) toast?.onExpire?.();
}

/** Runs every pending expiry now (before the page goes away, a pending delete must still happen). */
export function expireAllToasts(): void {
  for (const toast of [...toasts]) dismissToast(toast.id, { expired: true });
}

const inside = { pointer: false, focus: false };
function setInside(change: Partial<typeof inside>): void {
  Object.assign(inside, change);
  holdToasts(inside.pointer || inside.focus);
}

/** Calls `listener` with the toasts shown, now and on every change; returns the unsubscribe function. */
export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  listener(toasts);
  return () => void listeners.delete(listener);
}

export function ToastRegion() {
  const [items, setItems] = useState<Toast[]>(toasts);
  useEffect(() => subscribeToasts(setItems), []);
  return (
    <div
      class="toast-region"
      role="status"
      aria-live="polite"
      aria-label={t('toast.region')}
      onMouseEnter={() => setInside({ pointer: true })}
      onMouseLeave={() => setInside({ pointer: false })}
      onFocusIn={() => setInside({ focus: true })}
      onFocusOut={(event) => {
        if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) setInside({ focus: false });
      }}
    >
      {items.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.tone ?? 'info'}`}>
          <span class="toast-message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              class="toast-action"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" class="toast-close" aria-label={t('toast.close')} onClick={() => dismissToast(toast.id, { expired: true })}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
