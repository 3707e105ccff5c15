// Inputs bound to a model field, collaboratively: typing commits after a short pause (and on blur);
// another user's change shows up at once unless this user is typing in the field (focused and
// not yet committed), so nobody's keystrokes are overwritten mid-word.
import type { InputHTMLAttributes, PartialInputHTMLAttributes, PartialSelectHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

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

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'role' | 'value' | 'onInput' | 'onBlur' | 'onFocus'> & {
  value: string;
  onCommit: (value: string) => void;
  debounceMs?: number;
};

export function BoundInput({ value, onCommit, debounceMs = DEBOUNCE_MS, onKeyDown, ...rest }: InputProps) {
  const bound = useBoundValue(value, onCommit, debounceMs);
  return (
    <input
      {...(rest as InputHTMLAttributes)}
      value={bound.draft}
      onInput={(e) => bound.onInput(e.currentTarget.value)}
      onFocus={bound.onFocus}
      onBlur={bound.onBlur}
      onKeyDown={(e) => {
        if (e.key === 'Enter') bound.commitNow();
        onKeyDown?.(e);
      }}
    />
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes, 'value' | 'onInput' | 'onBlur' | 'onFocus'> & {
  value: string;
  onCommit: (value: string) => void;
  debounceMs?: number;
};

export function BoundTextarea({ value, onCommit, debounceMs = DEBOUNCE_MS, ...rest }: TextareaProps) {
  const bound = useBoundValue(value, onCommit, debounceMs);
  return (
    <textarea
      {...rest}
      value={bound.draft}
      onInput={(e) => bound.onInput(e.currentTarget.value)}
      onFocus={bound.onFocus}
      onBlur={bound.onBlur}
    />
  );
}

type SelectProps = Omit<PartialSelectHTMLAttributes<HTMLSelectElement>, 'role' | 'size' | 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
  options: { value: string; label: string }[];
};

/** Selects commit at once (there is no typing to protect). */
export function BoundSelect({ value, onCommit, options, ...rest }: SelectProps) {
  return (
    <select {...(rest as SelectHTMLAttributes)} value={value} onChange={(e) => onCommit(e.currentTarget.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
