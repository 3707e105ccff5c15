// An open document: header with the view tabs and document commands, the navigator, the active view
// and the status bar. Owns the DocumentSession for as long as the document is open.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentSummary, MenuCommand } from '../../../shared/bridge';
import type { ComponentChildren, ComponentProps } from 'preact';
import { getBridge } from '../bridge/get-bridge';
import { showRecoveryNotice } from './recovery-notice';
import { useSessionState, useWholeSessionState } from '../session/use-session-state';
import { BridgeError } from '../bridge/bridge-error';
import { errorMessage } from '../i18n/errors';
import { navigate } from '../route/route';
import { currentLanguage, t } from '../i18n/i18n';
import { Navigator, redoStructure, undoStructure } from '../navigator/Navigator';
import { buildNavTree, findNode, META_KEY } from '../session/nav-tree';
import { resolveLabels } from '../session/labels';
import type { NavContext } from '../session/nav-actions';
import { StatusBar } from '../status/StatusBar';
import { Icon } from '../ui/Icon';
import { formatYears } from '../../../shared/i18n/format';
import { dismissToast, showToast, updateToast } from '../ui/toasts';
import { getView, listViews } from '../session/view-registry';
import './builtin-views';
import { DocumentSession } from '../session/document-session';
import { useDocVersion, usePresence } from '../session/use-doc';
import { ExportMenu } from './ExportMenu';
import { usePublishGuard } from '../publishing/PublishGuard';
import { focusedEditorCommand } from '../editor/editor-registry';
import { isReadOnly } from '../collab/connection-status';
import { FieldPresenceProvider } from '../collab/field-presence';
import { PresenceList } from '../collab/PresenceList';
import { ReadOnlyBanner } from '../collab/ReadOnlyBanner';
import { ShareButton, ShareDialog } from '../collab/ShareDialog';
import { useUnsyncedWarning } from '../session/use-unsynced-warning';
import { useMyPresence } from '../session/use-my-presence';
import { VISION_ID } from '../../../shared/model/model-constants';
import { commentsOf } from '../../../shared/model/comments';
import { CommentsContext, isCommenter, mayComment, useDocumentCommentEnv } from '../comments/comments-env';
import { CommentsPanel } from '../comments/CommentsPanel';
import { ReviewTabs, SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { toggleSuggesting, useSuggestionSession } from '../suggestions/suggest-mode';
import { jumpToSuggestion } from '../suggestions/editor-suggestions';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { CommenterBanner, CommentsToggle } from '../comments/CommentsToggle';
import { useShownVersion } from '../versions/version-mode';
import { VersionBanner } from '../versions/VersionBanner';
import { VersionsButton } from '../versions/VersionsButton';
import { useVersions } from '../versions/VersionsPanel';
import { exportChangesSince } from '../versions/version-actions';
import { FindAndReplace } from '../find/FindPanel';
import { FieldSuggestionReview, useFieldSuggestionCount } from '../find/FieldSuggestionReview';

interface Props {
  documentId: string;
  view: string;
  item: string | undefined;
  menuCommand?: { command: MenuCommand; at: number } | undefined;
  onOpenSettings: () => void;
}

export function DocumentScreen({ documentId, view, item, menuCommand, onOpenSettings }: Props) {
  const [summary, setSummary] = useState<DocumentSummary | null>(null);
  /** 'checking' until the host's list says whether the document exists. */
  const [phase, setPhase] = useState<'checking' | 'missing' | 'found'>('checking');

  // The document's summary (title, remote, sync state): asked for once, then kept current by what the host pushes.
  useEffect(() => {
    let stopped = false;
    const off = getBridge().subscribe('documentChanged', (change) => {
      if (change.id === documentId && change.summary) setSummary(change.summary);
    });
    getBridge()
      .getDocument(documentId)
      .then(
        (found) => {
          if (stopped) return;
          setSummary(found);
          setPhase('found');
        },
        (error: unknown) => {
          if (stopped) return;
          // A document the host does not have is not opened; any other trouble opens anyway (the channel reports it).
          const missing = error instanceof BridgeError && error.code === 'document-not-found';
          setPhase((prev) => (prev === 'checking' ? (missing ? 'missing' : 'found') : prev));
        },
      );
    return () => {
      stopped = true;
      off();
    };
  }, [documentId]);

  // A document this host does not list (deleted, or a stale link) is not opened: connecting would
  // create an empty document nobody can find again.
  if (phase !== 'found') return <LoadingScreen text={phase === 'missing' ? t('doc.notFound') : t('doc.opening')} />;
  return (
    <SessionHost
      documentId={documentId}
      summary={summary}
      view={view}
      item={item}
      menuCommand={menuCommand}
      onOpenSettings={onOpenSettings}
    />
  );
}

function LoadingScreen({ text }: { text: string }) {
  return (
    <div class="document-loading">
      <main id="main" tabIndex={-1} class="loading-main">
        <p class="loading-text" role="status">
          {text}
        </p>
        <a class="button" href="#/">
          {t('doc.backToStart')}
        </a>
      </main>
    </div>
  );
}

/** Owns the DocumentSession while the document is open; shows the editor once the first sync is done. */
function SessionHost({ documentId, summary, ...rest }: Omit<Props, 'documentId'> & { documentId: string; summary: DocumentSummary | null }) {
  const session = useMemo(() => new DocumentSession(documentId, getBridge()), [documentId]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // Synced with the host, or (browser mode, offline) opened from the local copy.
    void session.whenReady().then(() => {
      if (cancelled) return;
      setReady(true);
      void showRecoveryNotice(getBridge(), documentId);
    });
    return () => {
      cancelled = true;
      session.destroy();
    };
  }, [session]);

  const shown = useShownVersion(session); // a saved version or a comparison, shown read-only instead (renderer/src/versions)
  if (!ready) return <LoadingScreen text={t('doc.opening')} />;
  if (shown) return <OpenDocument key={shown.key} session={shown.session} summary={summary} {...rest} banner={<VersionBanner shown={shown} live={session} />} />;
  return <OpenDocument session={session} summary={summary} {...rest} />;
}

interface OpenProps {
  session: DocumentSession;
  summary: DocumentSummary | null;
  view: string;
  item: string | undefined;
  menuCommand?: { command: MenuCommand; at: number } | undefined;
  onOpenSettings: () => void;
  /** A version or comparison is shown (its banner replaces the viewer's). */
  banner?: ComponentChildren;
}

function OpenDocument({ session, summary, view, item, menuCommand, onOpenSettings, banner }: OpenProps) {
  // Typing into the edited item's own plain fields re-renders only those fields and the navigator (which follows them
  // itself), not the whole screen (test/e2e/render-budget.spec.ts). The comments panel lists parts by title: while it
  // is open, the screen follows every title.
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [reviewTab, setReviewTab] = useState<'comments' | 'suggestions'>('comments'); // suggestions/: the side panel's tabs
  const fieldSuggestionCount = useFieldSuggestionCount(session); // find/: suggested titles and goals count in the Forslag tab
  const version = useDocVersion(session, { structureOnly: true, ignoreTextOf: (getView(view) ?? listViews()[0])?.id === 'edit' && !commentsOpen ? item : undefined });
  const others = usePresence(session);
  const commenter = useSessionState(session, isCommenter); // comments/: fields read-only, comments allowed
  const readOnly = useSessionState(session, isReadOnly) || commenter;
  const remoteActive = useSessionState(session, (s) => !!s.remote && s.remote.state.kind !== 'local');
  const me = useMyPresence(session);
  const [shareOpen, setShareOpen] = useState(false);
  const publish = usePublishGuard(session.doc); // asks before a document with template guidance is exported
  const changesSince = useVersions(session).slice(-5).reverse().map((v) => ({ id: v.id, name: v.name, run: () => void exportChangesSince(session, v) })); // the newest five

  useSuggestionSession(session.documentId, { authorId: me.name, authorName: me.name, color: me.color }, !readOnly); // suggestion mode per person, Ctrl+Shift+E
  const commentEnv = useDocumentCommentEnv(commentsOf(session.model), me, useSessionState(session, mayComment));
  useUnsyncedWarning(session);
  const labels = useMemo(() => resolveLabels(session.model, currentLanguage()), [session, version, currentLanguage()]); // defaults in the UI's words
  const tree = useMemo(() => buildNavTree(session.model, labels), [session, version, labels]);
  const meta = session.model.getMeta();
  const views = listViews();
  const activeView = getView(view) ?? views[0]!;
  const selectedKey = item && findNode(tree, item) ? item : (item ?? META_KEY);
  const tabsRef = useRef<HTMLDivElement>(null);

  const select = (key: string, nextView?: string) =>
    navigate({ screen: 'document', documentId: session.documentId, view: nextView ?? activeView.id, item: key }, { replace: !nextView || nextView === activeView.id });

  const ctx: NavContext = { session, tree, labels, select: (key) => select(key) };

  useEffect(() => {
    document.title = `${meta.title || t('doc.untitled')} – Pejling`;
  }, [meta.title]);

  useEffect(() => {
    session.setLocation(selectedKey);
  }, [session, selectedKey]);

  // Ctrl+Z with focus outside any text field undoes the last navigator operation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || target.isContentEditable)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undoStructure(session);
      else if ((key === 'z' && event.shiftKey) || key === 'y') redoStructure(session);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  // The export's toast follows its phases (writing, LibreOffice laying out, checking page numbers, writing the PDF).
  const followExport = (toast: number, format: 'docx' | 'pdf') =>
    getBridge().subscribe('exportProgress', (event) => event.id === session.documentId && updateToast(toast, t(`pdf.progress.${format}`, { phase: t(`pdf.phase.${event.phase}`) })));
  const exportDocx = async (comments = false, suggestions = false) => {
    // Laying out the table of contents' page numbers takes seconds on a large strategy: say that it is working.
    const progress = showToast({ message: t('doc.exporting') }, 120_000);
    const unfollow = followExport(progress, 'docx');
    try {
      const result = await getBridge().exportDocx(session.documentId, { part: 'strategy', ...(comments ? { comments: true } : {}), ...(suggestions ? { suggestions: true } : {}) });
      dismissToast(progress);
      if (result.saved) showToast({ message: t('doc.exported', { target: result.target ?? '' }) });
    } catch (error) {
      dismissToast(progress);
      showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
    } finally {
      unfollow();
    }
  };
  const exportPdf = async () => {
    // LibreOffice lays the PDF out (and verifies the contents' page numbers): seconds; say that it is working.
    const progress = showToast({ message: t('pdf.exporting') }, 180_000);
    const unfollow = followExport(progress, 'pdf');
    try {
      const result = await getBridge().exportDocx(session.documentId, { part: 'strategy', format: 'pdf' });
      dismissToast(progress);
      if (result.saved) showToast({ message: t('pdf.exported', { target: result.target ?? '' }) });
    } catch (error) {
      dismissToast(progress);
      showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
    } finally {
      unfollow();
    }
  };
  // "Udskriv" (Ctrl+P): the published document, through its PDF, not the app's screen.
  const printDocument = async () => {
    const progress = showToast({ message: t('pdf.printing') }, 180_000);
    try {
      await getBridge().exportDocx(session.documentId, { part: 'strategy', format: 'pdf', print: true });
    } catch (error) {
      showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
    } finally {
      dismissToast(progress);
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      void printDocument();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
  const saveAs = async (format: 'pejling' | 'json') => {
    try {
      const result = await getBridge().saveDocumentAs(session.documentId, format);
      if (result.saved) showToast({ message: t('doc.savedAs', { target: result.target ?? '' }) });
    } catch (error) {
      showToast({ message: t('doc.saveFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
    }
  };

  // Commands from the desktop menu.
  useEffect(() => {
    if (!menuCommand) return;
    switch (menuCommand.command) {
      case 'export-docx':
        publish.guard(() => void exportDocx());
        break;
      case 'export-pdf':
        publish.guard(() => void exportPdf());
        break;
      case 'print':
        void printDocument();
        break;
      case 'export-json':
        void saveAs('json');
        break;
      case 'save-as':
        void saveAs('pejling');
        break;
      case 'show-outline':
        select(selectedKey, activeView.id === 'outline' ? 'edit' : 'outline');
        break;
      case 'show-share':
        setShareOpen(true);
        break;
      case 'toggle-suggestions':
        if (!readOnly) toggleSuggesting();
        break;
      case 'undo':
      case 'redo':
        if (document.activeElement?.matches('input, textarea')) {
          // Plain fields keep the browser's own undo.
          document.execCommand(menuCommand.command);
        } else if (!focusedEditorCommand(menuCommand.command)) {
          if (menuCommand.command === 'undo') undoStructure(session);
          else redoStructure(session);
        }
        break;
      default:
        break;
    }
  }, [menuCommand?.at]);

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = views.findIndex((v) => v.id === activeView.id);
    const nextView = views[(index + (event.key === 'ArrowRight' ? 1 : -1) + views.length) % views.length];
    if (!nextView) return;
    event.preventDefault();
    select(selectedKey, nextView.id);
    requestAnimationFrame(() => tabsRef.current?.querySelector<HTMLElement>(`[data-view="${nextView.id}"]`)?.focus());
  };

  const ActiveView = activeView.component;
  return (
    <div class="document-screen">
      <header class="app-header doc-header" role="banner">
        <a class="icon-button header-home" href="#/" aria-label={t('doc.backToStart')} title={t('doc.backToStart')}>
          <Icon name="home" />
        </a>
        <div class="doc-heading">
          <span class="doc-title" title={meta.title || t('doc.untitled')}>{meta.title || t('doc.untitled')}</span>
          <span class="doc-organisation" title={`${meta.organisation}${meta.period.from ? ` · ${formatYears(meta.period)}` : ''}`}>
            {meta.organisation}
            {meta.period.from ? ` · ${formatYears(meta.period)}` : ''}
          </span>
        </div>
        <div class="view-tabs" role="tablist" aria-label={t('doc.views')} ref={tabsRef} onKeyDown={onTabKey}>
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              data-view={v.id}
              class="view-tab"
              aria-selected={v.id === activeView.id}
              aria-controls="view-panel"
              tabIndex={v.id === activeView.id ? 0 : -1}
              title={v.shortcut ? `${v.label()} (${v.shortcut})` : v.label()}
              onClick={() => select(selectedKey, v.id)}
            >
              {v.label()}
            </button>
          ))}
        </div>
        <div class="header-actions">
          <CommentsContext.Provider value={commentEnv}>
            <CommentsToggle open={commentsOpen} onToggle={() => setCommentsOpen((v) => !v)} />
          </CommentsContext.Provider>
          <FindAndReplace
            session={session}
            tree={tree}
            select={select}
            readOnly={readOnly}
            menuCommand={menuCommand}
            openThread={(threadId) => {
              const thread = commentEnv.comments.get(threadId);
              if (!thread) return;
              setReviewTab('comments');
              setCommentsOpen(true);
              commentEnv.requestJump(thread.id, thread.target);
            }}
          />
          <PresenceList me={me} others={others} partLabel={(key) => findNode(tree, key)?.node.label || undefined} onFollow={(key) => select(key)} />
          <ShareButton onClick={() => setShareOpen(true)} connected={!!summary?.remote || remoteActive} />
          {!banner && <VersionsButton session={session} />}
          <ExportMenu onDocx={() => publish.guard(() => void exportDocx())} onPdf={() => publish.guard(() => void exportPdf())} onConsultation={() => publish.guard(() => void exportDocx(true))} onSuggestions={() => publish.guard(() => void exportDocx(false, true))} onJson={() => void saveAs('json')} onPejling={() => void saveAs('pejling')} changesSince={banner ? [] : changesSince} />
          <button type="button" class="icon-button header-icon" aria-label={t('settings.open')} title={t('settings.open')} onClick={onOpenSettings}>
            <Icon name="gear" />
          </button>
        </div>
      </header>
      {banner ?? (readOnly && (commenter ? <CommenterBanner /> : <ReadOnlyBanner />))}
      <FieldPresenceProvider awareness={session.awareness} location={selectedKey}>
        <CommentsContext.Provider value={commentEnv}>
        <div class={`document-body${commentsOpen ? ' has-comments-panel' : ''}`}>
          <Navigator ctx={ctx} selectedKey={selectedKey} others={others} readOnly={readOnly} />
          <main class="document-main" id="main" tabIndex={-1}>
            <div class="view-panel" id="view-panel" role="tabpanel" aria-labelledby={`tab-${activeView.id}`} data-view={activeView.id}>
              <ActiveView session={session} selectedKey={selectedKey} select={select} tree={tree} labels={labels} readOnly={readOnly} />
            </div>
          </main>
          {commentsOpen && (
            <ReviewTabs
              doc={session.doc}
              tab={reviewTab}
              onTab={setReviewTab}
              extraCount={fieldSuggestionCount}
              comments={
            <CommentsPanel
              selectedItem={selectedKey === 'vision' ? VISION_ID : session.model.kindOf(selectedKey) ? selectedKey : undefined}
              labelOf={(id) => (id === VISION_ID ? t('nav.vision') : findNode(tree, id)?.node.label || t('doc.untitled'))}
              onJump={(thread) => {
                select(thread.target.id === VISION_ID ? 'vision' : thread.target.id, 'edit');
                commentEnv.requestJump(thread.id, thread.target);
              }}
              onClose={() => setCommentsOpen(false)}
            />
              }
              suggestions={
                <>
                <SuggestionsPanel
                  doc={session.doc}
                  selectedItem={selectedKey === 'vision' ? VISION_ID : session.model.kindOf(selectedKey) ? selectedKey : undefined}
                  labelOf={(id) => (id === VISION_ID ? t('nav.vision') : findNode(tree, id)?.node.label || t('doc.untitled'))}
                  onJump={(target, id) => {
                    select(target.id === VISION_ID ? 'vision' : target.id, 'edit');
                    jumpToSuggestion(session.model.fragment(target.id, target.field), id);
                  }}
                  origin={STRUCTURE_ORIGIN}
                  onUndo={() => undoStructure(session)}
                  canDecide={!readOnly}
                />
                <FieldSuggestionReview session={session} labelOf={(key) => findNode(tree, key)?.node.label || t('doc.untitled')} select={select} readOnly={readOnly} />
                </>
              }
            />
          )}
        </div>
        </CommentsContext.Provider>
      </FieldPresenceProvider>
      <LiveStatusBar session={session} summary={summary} others={others} readOnly={readOnly} />
      {publish.dialog}
      {shareOpen && <LiveShareDialog session={session} knownUrl={summary?.remote?.url} coEditors={others.map((o) => o.state.user.name)} onClose={() => setShareOpen(false)} />}
    </div>
  );
}

/** The status bar follows every change of the connection state; only it re-renders when typing changes it. */
function LiveStatusBar({ session, ...rest }: { session: DocumentSession } & Omit<ComponentProps<typeof StatusBar>, 'state'>) {
  return <StatusBar state={useWholeSessionState(session)} {...rest} />;
}

function LiveShareDialog({ session, ...rest }: { session: DocumentSession } & Omit<ComponentProps<typeof ShareDialog>, 'state' | 'documentId'>) {
  return <ShareDialog documentId={session.documentId} state={useWholeSessionState(session)} {...rest} />;
}
