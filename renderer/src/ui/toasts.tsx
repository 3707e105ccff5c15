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

function emit(): void {
  for (const listener of listeners) listener(toasts);
}

export function showToast(toast: Omit<Toast, 'id'>, durationMs = 8000): number {
  const id = nextId++;
  toasts = [...toasts, { ...toast, id }].slice(-4);
  timers.set(id, setTimeout(() => dismissToast(id, { expired: true }), durationMs));
  emit();
  return id;
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
  toasts = toasts.filter((x) => x.id !== id);
  emit();
  if (expired) toast?.onExpire?.();
}

/** Runs every pending expiry now (before the page goes away, a pending delete must still happen). */
export function expireAllToasts(): void {
  for (const toast of [...toasts]) dismissToast(toast.id, { expired: true });
}

export function ToastRegion() {
  const [items, setItems] = useState<Toast[]>(toasts);
  useEffect(() => {
    listeners.add(setItems);
    return () => void listeners.delete(setItems);
  }, []);
  return (
    <div class="toast-region" role="status" aria-live="polite" aria-label={t('toast.region')}>
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
