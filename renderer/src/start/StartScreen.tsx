// The start screen: the strategies on this machine, "Ny strategi" from a template or an example,
// "Åbn fil…" and "Importér JSON…". A refused file is explained as a list of `path: reason`.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DocumentSummary, TemplateSummary } from '../../../shared/bridge';
import { getBridge } from '../bridge/get-bridge';
import { BridgeError } from '../bridge/bridge-error';
import { errorMessage, errorProblems } from '../i18n/errors';
import { pickFile } from '../bridge/file-picker';
import { currentLanguage, formatDateTime, t } from '../i18n/i18n';
import { navigate } from '../route/route';
import { showToast } from '../ui/toasts';
import { syncLabel } from './sync-label';
import { getSettings } from '../settings/settings';
import { formatYears } from '../../../shared/i18n/format';
import { STRATEGY_STATUSES } from '../../../shared/format/schema';

type StrategyStatus = (typeof STRATEGY_STATUSES)[number];
const isStrategyStatus = (value: string | undefined): value is StrategyStatus => (STRATEGY_STATUSES as readonly (string | undefined)[]).includes(value);
import { NewStrategyForm } from './NewStrategyForm';
import { ProblemList, type FileProblem } from './ProblemList';
import { pickWordDocument, WordImportDialog, type WordSource } from '../import/WordImportDialog';

interface Props {
  /** Set by the desktop menu ("Ny strategi…", "Åbn fil…", "Importér JSON…") to start that flow. */
  command?: 'new-document' | 'open-file' | 'import-json' | 'import-word' | undefined;
  onCommandHandled?: () => void;
  onOpenSettings: () => void;
}

export function StartScreen({ command, onCommandHandled, onOpenSettings }: Props) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingDeletes, setPendingDeletes] = useState<Set<string>>(new Set());
  const [wordSource, setWordSource] = useState<WordSource | null>(null);
  const newFormRef = useRef<HTMLElement>(null);

  const refresh = useCallback(async () => {
    try {
      const [docs, tpls] = await Promise.all([getBridge().listDocuments(), getBridge().listTemplates()]);
      docs.sort((a, b) => b.modified.localeCompare(a.modified));
      setDocuments(docs);
      setTemplates(tpls);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
      setDocuments([]);
    }
  }, []);

  useEffect(() => {
    document.title = 'Pejling';
    void refresh();
  }, [refresh]);

  // The list stays current by what the host pushes (a title typed elsewhere, a colleague opening a document, a
  // deletion), instead of being read once when the screen opens.
  useEffect(
    () =>
      getBridge().subscribe('documentChanged', ({ id, summary }) =>
        setDocuments((prev) => {
          if (prev === null) return prev;
          const others = prev.filter((d) => d.id !== id);
          return summary ? [...others, summary].sort((a, b) => b.modified.localeCompare(a.modified)) : others;
        }),
      ),
    [],
  );

  const open = (summary: DocumentSummary) => navigate({ screen: 'document', documentId: summary.id, view: 'edit', item: undefined });

  async function run(action: () => Promise<DocumentSummary | null>, fileName?: () => string | undefined) {
    setBusy(true);
    setProblem(null);
    try {
      const created = await action();
      if (created) open(created);
    } catch (error) {
      setProblem({ fileName: fileName?.(), problems: errorProblems(error) });
    } finally {
      setBusy(false);
    }
  }

  const openFile = () => run(() => getBridge().openFile());

  const importJson = () => {
    let name: string | undefined;
    return run(
      async () => {
        const file = await pickFile('.json,application/json');
        if (!file) return null;
        name = file.name;
        const text = await file.text();
        // Checked here first, so the problems are in the UI language (the host checks again, in the UI language it was told).
        // Loaded on demand: the schema (zod) is not needed to start the app.
        const { parseStrategyText, formatProblem } = await import('./import-check');
        const checked = parseStrategyText(text, currentLanguage());
        if (!checked.ok) throw new BridgeError(t('start.fileRefusedNamed', { name: file.name }), { problems: checked.problems.map(formatProblem) });
        return getBridge().createDocument({ from: 'json', text, fileName: file.name });
      },
      () => name,
    );
  };

  // "Importér Word…": the host reads the .docx; the preview (renderer/src/import) creates the document.
  const importWord = () => run(async () => (setWordSource(await pickWordDocument()), null));

  useEffect(() => {
    if (!command) return;
    onCommandHandled?.();
    if (command === 'open-file') void openFile();
    else if (command === 'import-json') void importJson();
    else if (command === 'import-word') void importWord();
    else newFormRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [command]);

  // Delete with an undo toast: the document disappears from the list at once and is deleted
  // on the host when the toast expires, unless the user chose "Fortryd".
  function remove(summary: DocumentSummary) {
    setPendingDeletes((prev) => new Set(prev).add(summary.id));
    const restore = () =>
      setPendingDeletes((prev) => {
        const next = new Set(prev);
        next.delete(summary.id);
        return next;
      });
    showToast({
      message: t('start.deleted', { title: summary.title || t('doc.untitled') }),
      action: { label: t('common.undo'), run: restore },
      onExpire: () => {
        getBridge()
          .deleteDocument(summary.id)
          .then(() => setDocuments((prev) => prev?.filter((d) => d.id !== summary.id) ?? prev))
          .catch((error: unknown) => {
            restore();
            showToast({ message: t('start.deleteFailed', { reason: errorMessage(error) }), tone: 'error' });
          });
      },
    });
  }

  const visible = documents?.filter((d) => !pendingDeletes.has(d.id)) ?? null;
  const templateList = templates.filter((x) => x.kind === 'template');
  const examples = templates.filter((x) => x.kind === 'example');

  return (
    <div class="start-screen">
      <header class="app-header" role="banner">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('start.tagline')}</span>
        </div>
        <div class="header-actions">
          <button type="button" class="button" onClick={() => void openFile()} disabled={busy}>
            {t('start.openFile')}
          </button>
          <button type="button" class="button" onClick={() => void importJson()} disabled={busy}>
            {t('start.importJson')}
          </button>
          <button type="button" class="button" onClick={() => void importWord()} disabled={busy} data-testid="import-word">
            {t('wordImport.start')}
          </button>
          <button type="button" class="button button-quiet" onClick={onOpenSettings}>
            {t('settings.open')}
          </button>
        </div>
      </header>
      <main class="start-main" id="main" tabIndex={-1}>
        {problem && <ProblemList problem={problem} onDismiss={() => setProblem(null)} />}
        {wordSource && <WordImportDialog source={wordSource} onClose={() => setWordSource(null)} onCreated={open} />}
        <div class="start-columns">
          <section class="panel start-documents" aria-labelledby="start-documents-heading">
            <h1 id="start-documents-heading" class="panel-title">
              {t('start.documentsHeading')}
            </h1>
            {loadError && (
              <p class="inline-error" role="alert">
                {t('start.loadFailed', { reason: loadError })}
              </p>
            )}
            {visible === null ? (
              <p class="muted">{t('common.loading')}</p>
            ) : visible.length === 0 ? (
              <p class="empty-state">{t('start.noDocuments')}</p>
            ) : (
              <ul class="document-list">
                {visible.map((summary) => {
                  const sync = syncLabel(summary.sync);
                  const me = getSettings().userName.trim();
                  const openBy = (summary.openBy ?? []).filter((name) => name !== me);
                  return (
                    <li key={summary.id} class="document-row">
                      <a
                        class="document-open"
                        href={`#/doc/${encodeURIComponent(summary.id)}/edit`}
                        aria-describedby={`doc-meta-${summary.id}`}
                      >
                        <span class="document-title">
                          {summary.title || t('doc.untitled')}
                          {summary.origin?.kind === 'example' && <span class="document-copy-mark"> {t('firstHour.copyMark')}</span>}
                        </span>
                        <span class="document-meta" id={`doc-meta-${summary.id}`}>
                          <span class="document-organisation">{summary.organisation}</span>
                          {summary.period && <span class="document-period">{formatYears(summary.period)}</span>}
                          {isStrategyStatus(summary.status) && <span class="document-status">{t(`meta.status.${summary.status}`)}</span>}
                          <span class="document-modified">{t('start.modified', { when: formatDateTime(summary.modified) })}</span>
                          <span class={`badge badge-${sync.tone}`} title={sync.title}>{sync.text}</span>
                          {openBy.length > 0 && <span class="document-open-by">{t('firstHour.openBy', { names: openBy.join(', ') })}</span>}
                          {summary.origin && summary.created && (
                            <span class="document-origin">
                              {t(`firstHour.origin.${summary.origin.kind}`, { source: summary.origin.source, when: formatDateTime(summary.created) })}
                            </span>
                          )}
                        </span>
                        {summary.notice && <span class="document-notice" role="note">{summary.notice}</span>}
                      </a>
                      <button
                        type="button"
                        class="icon-button document-delete"
                        aria-label={t('start.deleteDocument', { title: summary.title || t('doc.untitled') })}
                        title={t('common.delete')}
                        onClick={() => remove(summary)}
                      >
                        <TrashIcon />
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section class="panel start-new" aria-labelledby="start-new-heading" ref={newFormRef}>
            <h2 id="start-new-heading" class="panel-title">
              {t('start.newHeading')}
            </h2>
            <NewStrategyForm
              templates={templateList}
              busy={busy}
              onCreate={(name, title, organisation) =>
                run(() =>
                  getBridge().createDocument({
                    from: 'template',
                    name,
                    ...(title ? { title } : {}),
                    ...(organisation ? { organisation } : {}),
                  }),
                )
              }
            />
            {examples.length > 0 && (
              <div class="examples">
                <h3 class="subheading">{t('start.examplesHeading')}</h3>
                <ul class="example-list">
                  {examples.map((example) => (
                    <li key={example.name} class="example-row">
                      <div class="example-text">
                        <span class="example-title">{example.title}</span>
                        <span class="muted small">{example.organisation}</span>
                      </div>
                      <button
                        type="button"
                        class="button button-small"
                        disabled={busy}
                        aria-label={t('start.openExampleNamed', { title: example.title })}
                        onClick={() => void run(() => getBridge().createDocument({ from: 'example', name: example.name }))}
                      >
                        {t('start.openExample')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </div>
      </main>
    </div>
  );
}

function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6 2h4l.5 1H13v1.5H3V3h2.5L6 2zm-1.5 3.5h7l-.6 8a1 1 0 0 1-1 .9H6.1a1 1 0 0 1-1-.9l-.6-8z"
        fill="currentColor"
      />
    </svg>
  );
}
