// A labelled form field; the label wraps the control so it is its accessible name.
import type { ComponentChildren } from 'preact';

export function Field({ label, hint, children, wide }: { label: string; hint?: string | undefined; children: ComponentChildren; wide?: boolean }) {
  return (
    <label class={`field${wide ? ' field-wide' : ''}`}>
      <span class="field-label">{label}</span>
      {children}
      {hint && <span class="field-hint">{hint}</span>}
    </label>
  );
}
