// Tells the host the UI language: at start and whenever the setting changes, so that what the host words itself
// (the desktop's menu and dialogs, the problems of a refused file, a document's notice) follows the UI.
import type { Lang } from '../../../shared/i18n';
import type { HostBridge } from '../../../shared/bridge';
import { getBridge } from '../bridge/get-bridge';
import { getSettings, onSettingsChange } from '../settings/settings';

/** Starts telling the host; returns the unsubscribe. */
export function tellHostTheLanguage(bridge: () => Pick<HostBridge, 'setUiLanguage'> = getBridge): () => void {
  let told: Lang | undefined;
  const tell = (lang: Lang) => {
    if (lang === told) return;
    told = lang;
    // A host that cannot be reached now is told again at the next change; the UI itself never waits for this.
    bridge()
      .setUiLanguage(lang)
      .catch(() => {
        if (told === lang) told = undefined;
      });
  };
  tell(getSettings().language);
  // Browser mode: tabs share one host, so the tab the user turns to tells it again.
  const again = () => {
    told = undefined;
    tell(getSettings().language);
  };
  window.addEventListener('focus', again);
  const off = onSettingsChange((settings) => tell(settings.language));
  return () => {
    window.removeEventListener('focus', again);
    off();
  };
}
