// "Forord (uden nummer)" in a section's form: the section's heading gets no chapter number in the
// published document (shared/export/strategy-index.ts numbers the rest from 1), and the Disposition
// shows it so. A plain field of the section, so it syncs and undoes like its placement.
import type { DocumentSession } from '../session/document-session';
import { t } from '../i18n/i18n';

export function ForewordToggle({ session, sectionId, unnumbered, readOnly }: { session: DocumentSession; sectionId: string; unnumbered: boolean; readOnly: boolean }) {
  return (
    <div class="field">
      <label class="checkbox-label">
        <input
          data-field="unnumbered"
          type="checkbox"
          checked={unnumbered}
          disabled={readOnly}
          aria-describedby="foreword-hint"
          onChange={(e) => session.model.update('section', sectionId, { unnumbered: e.currentTarget.checked })}
        />{' '}
        {t('structure.foreword')}
      </label>
      <p class="field-hint" id="foreword-hint">
        {t('structure.forewordHint')}
      </p>
    </div>
  );
}
