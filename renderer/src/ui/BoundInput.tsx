// Inputs bound to a model field, collaboratively: typing commits after a short pause (and on blur);
// another user's change shows up at once unless this user is typing in the field (focused and
// not yet committed), so nobody's keystrokes are overwritten mid-word.
import type { InputHTMLAttributes, PartialInputHTMLAttributes, PartialSelectHTMLAttributes, SelectHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FieldPresenceChip, fieldPresenceProps, useFieldPresence } from '../collab/field-presence';

const DEBOUNCE_MS = 250;

/** The draft/commit logic shared by text inputs, textareas and selects. */
function useBoundValue(value: string, onCommit: (value: string) => void, debounceMs: number) {
  const [draft, setDraft] = useState(value);
  const draftRef = useRef(value);
  const focused = useRef(false);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  useEffect(() => {
    if (focused.current && dirty.current) return;
    draftRef.current = value;
    setDraft(value);
  }, [value]);

  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    dirty.current = false;
    commitRef.current(draftRef.current);
  };

  // A pending edit is committed when the field goes away (e.g. the user switched item).
  useEffect(() => () => commit(), []);

  return {
    draft,
    onInput(next: string) {
      draftRef.current = next;
      setDraft(next);
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(commit, debounceMs);
    },
    onFocus() {
      focused.current = true;
    },
    onBlur() {
      focused.current = false;
      commit();
    },
    commitNow: commit,
  };
}

/**
 * What a text input and a textarea share: the draft value with debounced commits, and telling co-editors who is
 * editing the field while it has focus.
 */
function textFieldBinding(bound: ReturnType<typeof useBoundValue>, presence: ReturnType<typeof useFieldPresence>, editable: boolean) {
  return {
    ...presence.attributes,
    ...fieldPresenceProps(presence.editors),
    value: bound.draft,
    onInput: (e: Event) => bound.onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    onFocus: () => {
      bound.onFocus();
      if (editable) presence.onFocus();
    },
    onBlur: () => {
      bound.onBlur();
      presence.onBlur();
    },
  };
}

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'role' | 'value' | 'onInput' | 'onBlur' | 'onFocus'> & {
  value: string;
  onCommit: (value: string) => void;
  debounceMs?: number;
  /** Identifies the field to co-editors (who is editing it); by default its place in the view. */
  presenceKey?: string;
};

export function BoundInput({ value, onCommit, debounceMs = DEBOUNCE_MS, onKeyDown, presenceKey, ...rest }: InputProps) {
  const bound = useBoundValue(value, onCommit, debounceMs);
  const ref = useRef<HTMLInputElement>(null);
  const presence = useFieldPresence(ref, presenceKey);
  const editable = !rest.readOnly && !rest.disabled;
  return (
    <>
      <input
        {...(rest as InputHTMLAttributes)}
        {...textFieldBinding(bound, presence, editable)}
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Enter') bound.commitNow();
          onKeyDown?.(e);
        }}
      />
      <FieldPresenceChip editors={presence.editors} field={ref} />
    </>
  );
}

type SelectProps = Omit<PartialSelectHTMLAttributes<HTMLSelectElement>, 'role' | 'size' | 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
  options: { value: string; label: string }[];
  presenceKey?: string;
};

/** Selects commit at once (there is no typing to protect). */
export function BoundSelect({ value, onCommit, options, presenceKey, onFocus, onBlur, ...rest }: SelectProps) {
  const ref = useRef<HTMLSelectElement>(null);
  const presence = useFieldPresence(ref, presenceKey);
  return (
    <>
      <select
        {...(rest as SelectHTMLAttributes)}
        {...presence.attributes}
        {...fieldPresenceProps(presence.editors)}
        ref={ref}
        value={value}
        onChange={(e) => onCommit(e.currentTarget.value)}
        onFocus={(e) => {
          if (!rest.disabled) presence.onFocus();
          onFocus?.(e);
        }}
        onBlur={(e) => {
          presence.onBlur();
          onBlur?.(e);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldPresenceChip editors={presence.editors} field={ref} />
    </>
  );
}
