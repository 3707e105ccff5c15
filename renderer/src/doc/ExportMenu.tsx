// "Eksportér": a disclosure with the document's output formats (Word, JSON, a .pejling copy).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';

interface Props {
  onDocx: () => void;
  /** The consultation copy: the Word document with the open comment threads. */
  onConsultation: () => void;
  /** "Eksportér Word med forslag": the Word document with the pending suggestions as tracked changes. */
  onSuggestions?: () => void;
  onJson: () => void;
  onPejling: () => void;
  /** "Eksportér PDF": the tagged PDF of the published document. */
  onPdf?: () => void;
  /** "Eksportér ændringer siden <version>", newest version first (renderer/src/versions). */
  changesSince?: { id: string; name: string; run: () => void }[] | undefined;
}

export function ExportMenu({ onDocx, onConsultation, onSuggestions, onJson, onPejling, onPdf, changesSince = [] }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };

  return (
    <div
      class="disclosure"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          ref.current?.querySelector<HTMLElement>('.disclosure-button')?.focus();
        }
      }}
    >
      <button type="button" class="button disclosure-button" aria-expanded={open} aria-controls="export-options" onClick={() => setOpen(!open)}>
        <Icon name="download" />
        {t('doc.export')}
      </button>
      {open && (
        <div class="disclosure-panel" id="export-options">
          <button type="button" class="disclosure-item" data-action="export-docx" onClick={() => choose(onDocx)}>
            <Icon name="word" />
            <span>
              <span class="disclosure-item-title">{t('doc.exportDocx')}</span>
              <span class="disclosure-item-hint">{t('doc.exportDocxHint')}</span>
            </span>
          </button>
          {onPdf && (
            <button type="button" class="disclosure-item" data-action="export-pdf" onClick={() => choose(onPdf)}>
              <Icon name="download" />
              <span>
                <span class="disclosure-item-title">{t('pdf.menu.export')}</span>
                <span class="disclosure-item-hint">{t('pdf.menu.exportHint')}</span>
              </span>
            </button>
          )}
          <button type="button" class="disclosure-item" data-action="export-consultation" onClick={() => choose(onConsultation)}>
            <Icon name="word" />
            <span>
              <span class="disclosure-item-title">{t('comments.menu.consultation')}</span>
              <span class="disclosure-item-hint">{t('comments.menu.consultationHint')}</span>
            </span>
          </button>
          {onSuggestions && (
            <button type="button" class="disclosure-item" data-action="export-suggestions" onClick={() => choose(onSuggestions)}>
              <Icon name="word" />
              <span>
                <span class="disclosure-item-title">{t('suggestionsExport.menu.docx')}</span>
                <span class="disclosure-item-hint">{t('suggestionsExport.menu.docxHint')}</span>
              </span>
            </button>
          )}
          {changesSince.map((item) => (
            <button key={item.id} type="button" class="disclosure-item" data-action="export-changes" data-version={item.name} onClick={() => choose(item.run)}>
              <Icon name="word" />
              <span>
                <span class="disclosure-item-title">{t('versions.changesSince', { name: item.name })}</span>
                <span class="disclosure-item-hint">{t('versions.changesSinceHint')}</span>
              </span>
            </button>
          ))}
          <button type="button" class="disclosure-item" onClick={() => choose(onJson)}>
            <Icon name="download" />
            <span>
              <span class="disclosure-item-title">{t('doc.exportJson')}</span>
              <span class="disclosure-item-hint">{t('doc.exportJsonHint')}</span>
            </span>
          </button>
          <button type="button" class="disclosure-item" onClick={() => choose(onPejling)}>
            <Icon name="download" />
            <span>
              <span class="disclosure-item-title">{t('doc.savePejling')}</span>
              <span class="disclosure-item-hint">{t('doc.savePejlingHint')}</span>
            </span>
          </button>
        </div>
      )}
    </div>
  );
}
