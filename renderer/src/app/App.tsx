// The app shell: start screen or an open document (by hash route), settings, toasts, announcements,
// and the desktop menu's commands.
import { useEffect, useState } from 'preact/hooks';
import type { HostInfo, MenuCommand } from '../../../shared/bridge';
import { getBridge } from '../bridge/get-bridge';
import { useLanguage } from '../i18n/i18n';
import { DocumentScreen } from '../doc/DocumentScreen';
import { Announcer } from '../ui/announcer';
import { ToastRegion, expireAllToasts } from '../ui/toasts';
import { SettingsDialog } from './SettingsDialog';
import { DEFAULT_VIEW, navigate, useRoute } from '../route/route';
import { t } from '../i18n/i18n';
import { lazyComponent } from '../doc/lazy-view';

// The start screen is loaded when shown (its own chunk, with the JSON check's zod schemas and the Word import's
// markdown-it): a document opened from its link parses none of it (issue 18).
const StartScreen = lazyComponent(() => import('../start/StartScreen'), (m) => m.StartScreen, () => t('lazy.loadingStart'));

type StartCommand = 'new-document' | 'open-file' | 'import-json' | 'import-word';

export function App() {
  const language = useLanguage();
  const route = useRoute();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [startCommand, setStartCommand] = useState<StartCommand | undefined>();
  const [documentCommand, setDocumentCommand] = useState<{ command: MenuCommand; at: number } | undefined>();

  useEffect(() => {
    getBridge()
      .info()
      .then(setInfo)
      .catch(() => setInfo(null));
    // A delete waiting behind an undo toast still happens when the window goes away.
    const onHide = () => expireAllToasts();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  useEffect(
    () =>
      getBridge().subscribe('menuCommand', (command) => {
        if (command === 'show-settings') setSettingsOpen(true);
        else if (command === 'show-start') navigate({ screen: 'start' });
        else if (command === 'new-document' || command === 'open-file' || command === 'import-json' || command === 'import-word') {
          navigate({ screen: 'start' });
          setStartCommand(command);
        } else setDocumentCommand({ command, at: Date.now() });
      }),
    [],
  );
  useEffect(() => getBridge().subscribe('openDocument', (documentId) => navigate({ screen: 'document', documentId, view: DEFAULT_VIEW, item: undefined })), []);

  return (
    <div class="app" data-language={language}>
      <a class="skip-link" href="#main" onClick={(e) => skipToMain(e)}>
        {t('app.skipToContent')}
      </a>
      {route.screen === 'start' ? (
        <StartScreen command={startCommand} onCommandHandled={() => setStartCommand(undefined)} onOpenSettings={() => setSettingsOpen(true)} />
      ) : (
        <DocumentScreen
          key={route.documentId}
          documentId={route.documentId}
          view={route.view}
          item={route.item}
          menuCommand={documentCommand}
          onOpenSettings={() => setSettingsOpen(true)}
        />
      )}
      {settingsOpen && <SettingsDialog dataDir={info?.dataDir} onClose={() => setSettingsOpen(false)} />}
      <ToastRegion />
      <Announcer />
    </div>
  );
}

/** The skip link must not change the hash route. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
}
