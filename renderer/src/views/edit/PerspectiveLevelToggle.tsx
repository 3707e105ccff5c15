// "No perspective level" (as in Bornholm's strategy): the focus areas stand directly under the strategy. In the
// model that is one hidden perspective, so the switch is possible while the strategy has at most one perspective.
// Runs with the navigator's origin, so the navigator's undo takes it back like any other structural change.
import type { DocumentSession } from '../../session/document-session';
import { STRUCTURE_ORIGIN } from '../../session/structure-ops';
import { useDocVersion } from '../../session/use-doc';
import { t } from '../../i18n/i18n';

export function PerspectiveLevelToggle({ session, readOnly }: { session: DocumentSession; readOnly: boolean }) {
  useDocVersion(session, { structureOnly: true });
  const { model } = session;
  const perspectives = model.list('perspective').filter((p) => !p.virtual);
  const hidden = perspectives.some((p) => p.hidden);
  const possible = hidden || perspectives.length <= 1;

  const toggle = (noLevel: boolean) => {
    if (noLevel) {
      const only = perspectives[0];
      if (only) model.update('perspective', only.id, { hidden: true }, STRUCTURE_ORIGIN);
      else model.add('perspective', { title: t('structure.hiddenPerspectiveTitle'), hidden: true }, undefined, STRUCTURE_ORIGIN);
    } else {
      for (const p of perspectives) if (p.hidden) model.update('perspective', p.id, { hidden: false }, STRUCTURE_ORIGIN);
    }
  };

  return (
    <div class="field">
      <label class="checkbox-label">
        <input
          data-field="perspective.hidden"
          type="checkbox"
          checked={hidden}
          disabled={readOnly || !possible}
          aria-describedby="perspective-level-hint"
          onChange={(e) => toggle(e.currentTarget.checked)}
        />{' '}
        {t('structure.noPerspectiveLevel')}
      </label>
      <p class="field-hint" id="perspective-level-hint">
        {possible ? t('structure.noPerspectiveLevelHint') : t('structure.noPerspectiveLevelImpossible')}
      </p>
    </div>
  );
}
