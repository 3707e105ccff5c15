// Render counter for the render-budget test (test/e2e/render-budget.spec.ts). Compiled in only when the renderer is
// built with PEJLING_RENDER_COUNTS=1 (vite.config.ts defines __PEJLING_RENDER_COUNTS__; `node scripts/build.js
// --render-counts` builds that variant unminified into dist/renderer-render-counts, so component names survive).
// In the production build the define is `false` and main.tsx's call and this module are dropped.
import { Fragment, options, type VNode } from 'preact';

/** Renders per component name since the last reset, read by the test as `window.__pejlingRenderCounts`. */
export interface RenderCounts {
  counts: Record<string, number>;
  reset(): void;
}

declare global {
  interface Window {
    __pejlingRenderCounts?: RenderCounts;
  }
}

// Preact's internal render hook (`options._render`, mangled to `__r` in its published bundle): called once per
// component render, before the component function runs, and not for components that skip (memo, same vnode).
type RenderHook = ((vnode: VNode) => void) | undefined;
interface InternalOptions {
  __r?: RenderHook;
}

function componentName(type: unknown): string | null {
  if (typeof type !== 'function') return null;
  if (type === Fragment) return 'Fragment';
  if ((type as { Provider?: unknown }).Provider === type) return 'Context.Provider';
  const named = type as { displayName?: string; name?: string };
  const raw = named.displayName || named.name || 'anonymous';
  // preact/compat's memo wrapper renders on every parent render to compare props; the component it wraps counts
  // when it really renders.
  if (raw.startsWith('Memo(')) return null;
  // The bundler renames clashing top-level names (`Field$1`); the counts use the name written in the source.
  return raw.replace(/\$\d+$/, '');
}

export function installRenderCounts(): void {
  const counter: RenderCounts = {
    counts: {},
    reset() {
      this.counts = {};
    },
  };
  window.__pejlingRenderCounts = counter;
  const internal = options as InternalOptions;
  const previous = internal.__r;
  internal.__r = (vnode) => {
    const name = componentName(vnode.type);
    if (name) counter.counts[name] = (counter.counts[name] ?? 0) + 1;
    previous?.(vnode);
  };
}
