// A component whose code is loaded the first time it is shown (a dynamic `import()`, its own chunk), so that the
// first screen parses only what it shows (issue 18: the views other than "Redigér" were ~40 % of the one bundle).
// While the chunk loads, the pane says so (never empty); a chunk that cannot be fetched (browser mode with the
// server stopped and no service worker yet) says that too and offers "Prøv igen".
//
// Why "Prøv igen" does not simply call `import()` again: Chromium (150, measured in
// test/e2e/offline-views.spec.ts) keeps a failed module fetch in the page's module map, so the same `import()`
// fails at once without asking the network. The retry imports the chunk the error names under a fresh URL (a
// query the server ignores), which the module map has not seen. Where that fails too (a chunk the failed one
// imports is the one kept as failed, or the error named no chunk), only a new page is sure to fetch it: from the
// second failure on, the pane also offers to reload the app, which keeps the route; edits not yet stored are
// guarded by the page's own warning before it unloads.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import './lazy-view.css';

/** The script a failed dynamic import names (Chromium: "Failed to fetch dynamically imported module: <url>"). */
export function failedChunkUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\b[a-z][a-z0-9+.-]*:\/\/\S+?\.m?js(?:\?\S*)?(?=$|\s)/i.exec(message)?.[0];
}

/** `url` with a query of its own, so that the module map treats it as a module it has not fetched. */
function freshUrl(url: string, attempt: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`;
}

type Phase = 'loading' | 'failed' | 'reload';

/**
 * `load` imports the module, `pick` takes the component from it. The module is fetched once; after a failed
 * fetch the next render (or "Prøv igen") tries again, under a fresh URL where the error names the chunk.
 */
export function lazyComponent<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  loadingText: () => string = () => t('lazy.loading'),
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  let failedUrl: string | undefined;
  /** Failed fetches so far (also the number of the next retry's URL): from the second on, only a reload is sure to fetch again. */
  let failures = 0;
  const fetchOnce = () => {
    if (pending) return pending;
    const retryUrl = failedUrl && freshUrl(failedUrl, failures);
    const fetched = retryUrl ? (import(/* @vite-ignore */ retryUrl) as Promise<M>) : load();
    pending = fetched.then(
      (module) => (loaded = pick(module)),
      (error: unknown) => {
        pending = undefined;
        failures++;
        if (!retryUrl) failedUrl = failedChunkUrl(error);
        throw error;
      },
    );
    return pending;
  };

  function Lazy(props: P) {
    const [, setReady] = useState(0);
    const [phase, setPhase] = useState<Phase>('loading');
    useEffect(() => {
      if (loaded || phase !== 'loading') return;
      let live = true;
      fetchOnce().then(
        () => live && setReady((n) => n + 1),
        () => live && setPhase(failures > 1 ? 'reload' : 'failed'),
      );
      return () => {
        live = false;
      };
    }, [phase]);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (phase !== 'loading') {
      return (
        <div class="lazy-pane" role="alert" data-lazy={phase}>
          <p class="lazy-text">{t(phase === 'reload' ? 'lazy.reloadNeeded' : 'lazy.failed')}</p>
          <div class="lazy-actions">
            <button type="button" class="button" onClick={() => setPhase('loading')}>
              {t('lazy.retry')}
            </button>
            {phase === 'reload' && (
              <button type="button" class="button button-primary" onClick={() => location.reload()}>
                {t('lazy.reload')}
              </button>
            )}
          </div>
        </div>
      );
    }
    return (
      <div class="lazy-pane" data-lazy="loading">
        <p class="lazy-text" role="status">
          {loadingText()}
        </p>
      </div>
    );
  }
  return Lazy;
}
