// The cover's own logo (issue 16): "Vælg logo" takes a PNG, SVG or JPEG (checked by its bytes, at most 2 MiB)
// with a required alternative text, stores it in the document (shared/model/images.ts: the picture in
// `images`, its id in meta.logo), shows it here and removes it again. The Word export and the PDF put it on the
// cover with its alt text; without one, the house style's mark is decoration only (shared/export/docx/cover.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../../../shared/model';
import { imagesMap, MAX_IMAGE_BYTES, readLogo, removeLogo, setLogo } from '../../../../shared/model/images';
import { metaMap } from '../../../../shared/model/layout';
import { t } from '../../i18n/i18n';
import { pictureUrl, readPicture, refusalText } from '../../images/pictures';
import { announce } from '../../ui/announcer';
import '../../images/images.css';

function useLogo(doc: Y.Doc) {
  const [logo, setState] = useState(() => readLogo(doc));
  useEffect(() => {
    const update = () => setState(readLogo(doc));
    const meta = metaMap(doc);
    const images = imagesMap(doc);
    meta.observe(update);
    images.observe(update);
    update();
    return () => {
      meta.unobserve(update);
      images.unobserve(update);
    };
  }, [doc]);
  return logo;
}

export function LogoField({ doc, organisation, readOnly }: { doc: Y.Doc; organisation: string; readOnly: boolean }) {
  const logo = useLogo(doc);
  const [url, setUrl] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!logo) return setUrl(null);
    const next = pictureUrl(logo.image.bytes, logo.image.mime);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [logo?.id]);
  useEffect(() => {
    if (editing) fileRef.current?.focus();
  }, [editing]);

  const close = () => {
    setEditing(false);
    setFile(null);
    setAlt('');
    setError(null);
  };

  const save = async () => {
    if (!file) return setError(t('images.dialog.chooseFile'));
    if (alt.trim() === '') return setError(t('images.refused.altMissing'));
    setBusy(true);
    try {
      const picture = await readPicture(file);
      setLogo(doc, { bytes: picture.bytes, alt, name: picture.name, ...(picture.png ? { png: picture.png } : {}) }, LOCAL_ORIGIN);
      announce(t('publishing.logo.saved'));
      close();
    } catch (e) {
      setError(refusalText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="form-section logo-field" aria-labelledby="logo-heading" data-testid="logo-field">
      <h2 class="form-section-title" id="logo-heading">
        {t('publishing.logo.label')}
      </h2>
      {logo && url ? (
        <div class="logo-current">
          <img src={url} alt={logo.image.alt} data-testid="logo-preview" />
          <div>
            <p class="small">{t('publishing.logo.current', { alt: logo.image.alt })}</p>
            {!readOnly && !editing && (
              <div class="link-actions">
                <button type="button" class="button button-small" onClick={() => setEditing(true)}>
                  {t('publishing.logo.change')}
                </button>
                <button
                  type="button"
                  class="button button-small button-danger"
                  onClick={() => {
                    removeLogo(doc, LOCAL_ORIGIN);
                    announce(t('publishing.logo.removed'));
                  }}
                >
                  {t('publishing.logo.remove')}
                </button>
              </div>
            )}
          </div>
        </div>
      ) : (
        <p class="field-hint">{t('publishing.logo.none')}</p>
      )}
      {!readOnly && !logo && !editing && (
        <div>
          <button type="button" class="button" onClick={() => setEditing(true)}>
            {t('publishing.logo.choose')}
          </button>
        </div>
      )}
      {editing && (
        <form
          class="logo-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <label class="field">
            <span class="field-label">{t('publishing.logo.file', { limit: MAX_IMAGE_BYTES / (1024 * 1024) })}</span>
            <input
              ref={fileRef}
              data-field="logo.file"
              class="input"
              type="file"
              accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setError(null);
              }}
            />
          </label>
          <label class="field">
            <span class="field-label">{t('publishing.logo.alt')}</span>
            <input
              data-field="logo.alt"
              class="input"
              type="text"
              required
              aria-required="true"
              value={alt}
              placeholder={t('export.logoAlt', { organisation: organisation || t('publishing.logo.organisation'), ending: /[sxz]$/i.test(organisation) ? 'sxz' : 'other' })}
              aria-describedby="logo-alt-hint"
              onInput={(e) => {
                setAlt(e.currentTarget.value);
                setError(null);
              }}
            />
            <span class="field-hint" id="logo-alt-hint">
              {t('publishing.logo.altHint')}
            </span>
          </label>
          {error && (
            <p class="inline-error small" role="alert" data-testid="logo-error">
              {error}
            </p>
          )}
          <div class="link-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {t('publishing.logo.save')}
            </button>
            <button type="button" class="button" onClick={close}>
              {t('publishing.logo.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
