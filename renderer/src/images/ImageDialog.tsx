// "Indsæt billede": a picture file (PNG, JPEG or SVG, checked by its bytes), its alternative text (required:
// the Word file and the tagged PDF carry it to screen readers) and its width in percent of the text width.
// Opened from the toolbar, or with a pasted or dropped picture already chosen.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_IMAGE_BYTES } from '../../../shared/model/images';
import { t } from '../i18n/i18n';
import { pictureUrl, readPicture, refusalText, type ReadPicture } from './pictures';
import './images.css';

export interface PictureChoice {
  picture: ReadPicture;
  alt: string;
  width: number;
}

/** A picture already in the text whose alt text and width are changed (no new file). */
export interface PictureEdit {
  alt: string;
  width: number;
  url: string | undefined;
}

interface Props {
  /** A picture that was pasted or dropped (already checked). */
  initial?: ReadPicture | undefined;
  /** Editing the alt text and width of a picture in the text. */
  edit?: PictureEdit | undefined;
  onInsert: (choice: PictureChoice) => void;
  onUpdate?: ((change: { alt: string; width: number }) => void) | undefined;
  onCancel: () => void;
}

const WIDTHS = [100, 75, 50, 25];

export function ImageDialog({ initial, edit, onInsert, onUpdate, onCancel }: Props) {
  const [picture, setPicture] = useState<ReadPicture | undefined>(initial);
  const [alt, setAlt] = useState(edit?.alt ?? '');
  const [width, setWidth] = useState(edit?.width ?? 100);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);

  useEffect(() => (initial || edit ? altRef.current : firstRef.current)?.focus(), []);
  useEffect(() => {
    if (!picture) return setPreview(null);
    const url = pictureUrl(picture.bytes, picture.mime);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [picture]);

  const choose = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    try {
      setPicture(await readPicture(file));
    } catch (e) {
      setPicture(undefined);
      setError(refusalText(e));
    }
  };

  return (
    <div class="link-popover image-popover" role="dialog" aria-label={edit ? t('images.dialog.editTitle') : t('images.dialog.title')} data-testid="image-dialog">
      <form
        class="link-form"
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!picture && !edit) return setError(t('images.dialog.chooseFile'));
          if (alt.trim() === '') {
            setError(t('images.refused.altMissing'));
            altRef.current?.focus();
            return;
          }
          if (edit) onUpdate?.({ alt: alt.trim(), width });
          else if (picture) onInsert({ picture, alt: alt.trim(), width });
        }}
      >
        {initial && <p class="field-hint">{t('images.pasted', { name: initial.name })}</p>}
        {edit?.url && (
          <div class="image-preview">
            <img src={edit.url} alt="" />
          </div>
        )}
        {!edit && (
          <label class="field">
            <span class="field-label">{t('images.dialog.file', { limit: MAX_IMAGE_BYTES / (1024 * 1024) })}</span>
            <input
              ref={firstRef}
              data-field="image.file"
              class="input"
              type="file"
              accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
              onChange={(e) => void choose(e.currentTarget.files?.[0])}
            />
          </label>
        )}
        {picture && preview && (
          <div class="image-preview">
            <img src={preview} alt="" />
            <span class="small muted">{picture.name}</span>
          </div>
        )}
        <label class="field">
          <span class="field-label">{t('images.dialog.alt')}</span>
          <input
            ref={altRef}
            data-field="image.alt"
            class="input"
            type="text"
            required
            aria-required="true"
            value={alt}
            aria-describedby="image-alt-hint"
            onInput={(e) => {
              setAlt(e.currentTarget.value);
              setError(null);
            }}
          />
          <span id="image-alt-hint" class="field-hint">
            {t('images.dialog.altHint')}
          </span>
        </label>
        <label class="field">
          <span class="field-label">{t('images.dialog.width')}</span>
          <select data-field="image.width" class="select" value={String(width)} onChange={(e) => setWidth(Number(e.currentTarget.value))}>
            {WIDTHS.map((w) => (
              <option key={w} value={String(w)}>
                {`${w} %`}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p class="inline-error small" role="alert" data-testid="image-error">
            {error}
          </p>
        )}
        <div class="link-actions">
          <span class="toolbar-spacer" />
          <button type="button" class="button button-small" onClick={onCancel}>
            {t('images.dialog.cancel')}
          </button>
          <button type="submit" class="button button-small button-primary">
            {edit ? t('images.dialog.update') : t('images.dialog.insert')}
          </button>
        </div>
      </form>
    </div>
  );
}
