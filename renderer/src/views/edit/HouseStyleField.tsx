// The cover editor's choice of house style (meta.style, issue 16): the styles the host can export with
// (templates/styles/*.json that load). The export uses `neutral` when the document names none, so that is
// what the field shows then; a style the document names that is not installed here stays listed, marked so.
import { useEffect, useState } from 'preact/hooks';
import { getBridge } from '../../bridge/get-bridge';
import { t } from '../../i18n/i18n';
import { BoundSelect } from '../../ui/BoundInput';
import { Field } from './Field';

const DEFAULT_STYLE = 'neutral';

export function HouseStyleField({ value, readOnly, onCommit }: { value: string | undefined; readOnly: boolean; onCommit: (style: string) => void }) {
  const [styles, setStyles] = useState<{ name: string; label: string }[] | null>(null);
  useEffect(() => {
    let live = true;
    getBridge()
      .listHouseStyles()
      .then((list) => live && setStyles(list))
      .catch(() => live && setStyles([]));
    return () => {
      live = false;
    };
  }, []);
  const current = value ?? DEFAULT_STYLE;
  const options = (styles ?? []).map((s) => ({ value: s.name, label: s.label }));
  if (!options.some((o) => o.value === current)) options.push({ value: current, label: t('publishing.style.missing', { name: current }) });
  return (
    <Field label={t('publishing.style.label')}>
      <BoundSelect data-field="style" class="select" disabled={readOnly || styles === null} value={current} options={options} onCommit={onCommit} />
    </Field>
  );
}
