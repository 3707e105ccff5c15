// A component whose code is loaded the first time it is shown (a dynamic `import()`, its own chunk), so that the
// first screen parses only what it shows (issue 18: the views other than "Redigér" were ~40 % of the one bundle).
// While the chunk loads, the pane says so (never empty); a chunk that cannot be fetched (browser mode with the
// server stopped and no service worker yet) says that too and offers "Prøv igen", which fetches it again.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import './lazy-view.css';

/**
 * `load` imports the module and picks the component. The module is fetched once; a failed fetch is forgotten,
 * so that the next render (or "Prøv igen") tries again.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, loadingText: () => string = () => t('lazy.loading')): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      fetchOnce().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failed) {
      return (
        <div class="lazy-pane" role="alert" data-lazy="failed">
          <p class="lazy-text">{t('lazy.failed')}</p>
          <button type="button" class="button" onClick={() => setFailed(false)}>
            {t('lazy.retry')}
          </button>
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
