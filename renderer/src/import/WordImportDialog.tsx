// "Importér Word…": the preview of a Word document's outline before anything is created. Every heading is shown
// at its level with the role the importer recognised (sektion, vision, perspektiv, indsatsområde, ignorér …);
// the user changes a role per level or per heading, the import report below follows every change, and
// "Opret" creates the strategy as a new document (through the same path as an imported JSON file) and opens it.
import { useMemo, useState } from 'preact/hooks';
import type { DocumentSummary } from '../../../shared/bridge';
import { buildStrategy } from '../../../shared/import/build';
import type { RawDocument } from '../../../shared/import/raw';
import { HEADING_ROLES, recogniseOutline, type HeadingRole } from '../../../shared/import/recognise';
import { formatReport } from '../../../shared/import/report';
import { getBridge } from '../bridge/get-bridge';
import { errorMessage } from '../i18n/errors';
import { currentLanguage, t } from '../i18n/i18n';

export interface WordSource {
  fileName: string;
  document: RawDocument;
}

/** Asks for a .docx and reads it on the host (a refused file is the code word-import, worded by the catalog). */
export function pickWordDocument(): Promise<WordSource | null> {
  return getBridge().readWordDocument();
}

const MIXED = '';

interface Props {
  source: WordSource;
  onClose: () => void;
  onCreated: (summary: DocumentSummary) => void;
}

export function WordImportDialog({ source, onClose, onCreated }: Props) {
  const outline = useMemo(() => recogniseOutline(source.document), [source]);
  const [roles, setRoles] = useState<HeadingRole[]>(() => outline.headings.map((h) => h.role));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = currentLanguage();

  const result = useMemo(() => {
    const confirmed = { ...outline, headings: outline.headings.map((h, i) => ({ ...h, role: roles[i] ?? h.role })) };
    return buildStrategy(source.document, confirmed, { fileName: source.fileName, lang });
  }, [outline, roles, source, lang]);
  const report = useMemo(() => formatReport(result.report, lang), [result, lang]);

  const levels = [...new Set(outline.headings.map((h) => h.level))].sort((a, b) => a - b);
  const roleOfLevel = (level: number): string => {
    const at = roles.filter((_, i) => outline.headings[i]!.level === level);
    return at.every((role) => role === at[0]) ? (at[0] ?? MIXED) : MIXED;
  };
  const setLevel = (level: number, role: HeadingRole) => setRoles((prev) => prev.map((r, i) => (outline.headings[i]!.level === level ? role : r)));
  const setOne = (index: number, role: HeadingRole) => setRoles((prev) => prev.map((r, i) => (i === index ? role : r)));

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const text = JSON.stringify(result.strategy);
      const summary = await getBridge().createDocument({ from: 'json', text, fileName: source.fileName.replace(/\.docx$/i, '.json') });
      onCreated(summary);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  const roleOptions = HEADING_ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`wordImport.role.${role}`)}
    </option>
  ));

  return (
    <dialog
      class="dialog word-import"
      aria-labelledby="word-import-title"
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="word-import"
    >
      <div class="dialog-body">
        <h2 id="word-import-title" class="dialog-title">
          {t('wordImport.title', { file: source.fileName })}
        </h2>
        <p class="small muted">{t('wordImport.intro')}</p>
        {levels.length > 0 && (
          <fieldset class="word-import-levels">
            <legend class="field-label">{t('wordImport.byLevel')}</legend>
            {levels.map((level) => (
              <label key={level} class="word-import-level">
                <span>{t('wordImport.level', { level })}</span>
                <select class="select" data-field={`role.level-${level}`} value={roleOfLevel(level)} onChange={(e) => setLevel(level, e.currentTarget.value as HeadingRole)}>
                  {roleOfLevel(level) === MIXED && <option value={MIXED}>{t('wordImport.mixed')}</option>}
                  {roleOptions}
                </select>
              </label>
            ))}
          </fieldset>
        )}
        <div class="word-import-outline" role="group" aria-label={t('wordImport.outline')}>
          {outline.headings.length === 0 && <p class="muted">{t('wordImport.noHeadings')}</p>}
          <ol class="word-import-headings">
            {outline.headings.map((heading, i) => (
              <li key={heading.block} class="word-import-heading" style={{ paddingInlineStart: `${(heading.level - 1) * 20}px` }}>
                <span class="word-import-title">
                  {heading.number && <span class="muted">{heading.number} </span>}
                  {heading.title}
                </span>
                <select
                  class="select select-small"
                  data-field={`role.heading-${i}`}
                  aria-label={t('wordImport.roleOf', { title: heading.title })}
                  value={roles[i]}
                  onChange={(e) => setOne(i, e.currentTarget.value as HeadingRole)}
                >
                  {roleOptions}
                </select>
              </li>
            ))}
          </ol>
        </div>
        <details class="word-import-report" open>
          <summary>{t('wordImport.report')}</summary>
          <ul class="small" data-testid="word-import-report">
            {report.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
        {error && (
          <p class="problem-panel" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" class="button button-primary" onClick={() => void create()} disabled={busy} data-testid="word-import-create">
          {t('wordImport.create')}
        </button>
      </div>
    </dialog>
  );
}
