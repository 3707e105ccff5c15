// Registers browser mode's service worker (sw.js next to index.html) so that the app opens offline. Not
// in the desktop app (it loads its files locally) nor in Vite's dev server (no sw.js there).
import { isBrowserMode } from './local-copy';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !isBrowserMode() || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      console.warn('Pejling: the app will not open offline (service worker not registered):', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
