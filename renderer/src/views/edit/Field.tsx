// A labelled form field; the label wraps the control, and tells it (FieldLabelContext) which
// element names it and which describes it, so a bound input's error message adds to its
// description, not to its name.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { FieldLabelContext } from '../../ui/field-label';

export function Field({ label, hint, children, wide }: { label: string; hint?: string | undefined; children: ComponentChildren; wide?: boolean }) {
  const labelId = useId();
  const hintId = useId();
  return (
    <label class={`field${wide ? ' field-wide' : ''}`}>
      <span class="field-label" id={labelId}>
        {label}
      </span>
      <FieldLabelContext.Provider value={{ labelId, hintId: hint ? hintId : undefined }}>{children}</FieldLabelContext.Provider>
      {hint && (
        <span class="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </label>
  );
}
