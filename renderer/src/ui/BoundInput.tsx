// Inputs bound to a model field, collaboratively.
//
// Typed text (titles, goals, names, labels, meta fields) binds to the field's Y.Text through a
// TextFieldHandle (`field`): every input event becomes one delta (the change between what the input
// showed and what it shows now), so two people typing in one field at once both keep their text;
// another user's change is applied at once, with this user's caret and selection moved through it.
//
// Other values (numbers, dates, amounts) use `value` + `onCommit`: typing commits after a short pause
// (and on blur or Enter); another user's change shows up at once unless this user is typing in the
// field.
//
// `validate` returns why the typed text cannot be saved (or null). An invalid field keeps what was
// typed, says why (aria-invalid, a message linked with aria-describedby), and saves nothing until
// the text is corrected: no silent reverts.
import type {
  PartialInputHTMLAttributes,
  PartialSelectHTMLAttributes,
  SelectHTMLAttributes,
  InputHTMLAttributes,
  TextareaHTMLAttributes,
} from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { diffText, mapPosition, type TextChange, type TextFieldHandle } from '../../../shared/model';
import { FieldPresenceChip, fieldPresenceProps, useFieldPresence } from '../collab/field-presence';
import { useFieldLabel } from './field-label';

const DEBOUNCE_MS = 250;

type Validate = (value: string) => string | null;

/** The draft/commit logic of value inputs: debounced commits, and nothing committed while invalid. */
function useBoundValue(value: string, onCommit: (value: string) => void, debounceMs: number, validate: Validate | undefined) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const draftRef = useRef(value);
  const focused = useRef(false);
  const dirty = useRef(false);
  const invalid = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const validateRef = useRef(validate);
  validateRef.current = validate;

  useEffect(() => {
    // What this user typed and could not be saved stays until they correct it.
    if (invalid.current || (focused.current && dirty.current)) return;
    draftRef.current = value;
    setDraft(value);
  }, [value]);

  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    const reason = validateRef.current?.(draftRef.current) ?? null;
    invalid.current = reason !== null;
    setError(reason);
    if (reason !== null) return;
    dirty.current = false;
    commitRef.current(draftRef.current);
  };

  // A pending edit is committed when the field goes away (e.g. the user switched item).
  useEffect(() => () => commit(), []);

  return {
    draft,
    error,
    onInput(next: string) {
      draftRef.current = next;
      setDraft(next);
      dirty.current = true;
      // A correction clears the message at once; a new mistake is reported when the pause ends.
      if (invalid.current && (validateRef.current?.(next) ?? null) === null) {
        invalid.current = false;
        setError(null);
      }
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
 * Binds an input to a TextFieldHandle. The input's value is set here, never by rendering, so a
 * remote change can move the caret instead of resetting it. `synced` is the field's text the input
 * last agreed with; an invalid draft (see `validate`) is kept while remote changes advance `synced`.
 */
function useTextBinding(
  ref: { current: HTMLInputElement | HTMLTextAreaElement | null },
  field: TextFieldHandle | undefined,
  validate: Validate | undefined,
) {
  const [error, setError] = useState<string | null>(null);
  const synced = useRef('');
  const validateRef = useRef(validate);
  validateRef.current = validate;

  useLayoutEffect(() => {
    const input = ref.current;
    if (!field || !input) return;
    synced.current = field.value();
    input.value = synced.current;
    setError(null);
    return field.subscribe((changes: TextChange[] | null) => {
      const next = field.value();
      const el = ref.current;
      if (!el) return;
      if (el.value !== synced.current) {
        // this user's invalid draft stays; the next valid edit is diffed against the new text
        synced.current = next;
        return;
      }
      const steps = changes ?? [diffText(synced.current, next)].filter((c): c is TextChange => c !== null);
      const focused = el.ownerDocument.activeElement === el;
      let start = el.selectionStart ?? el.value.length;
      let end = el.selectionEnd ?? start;
      for (const step of steps) {
        start = mapPosition(start, step);
        end = mapPosition(end, step);
      }
      synced.current = next;
      if (el.value === next) return;
      el.value = next;
      if (focused) el.setSelectionRange(start, end);
    });
  }, [field]);

  return {
    error,
    onInput(e: Event) {
      const el = e.currentTarget as HTMLInputElement | HTMLTextAreaElement;
      if (!field) return;
      const next = el.value;
      const reason = validateRef.current?.(next) ?? null;
      setError(reason);
      if (reason !== null) return;
      const change = diffText(synced.current, next, el.selectionEnd ?? undefined);
      synced.current = next;
      if (change) field.edit(change);
    },
  };
}

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'role' | 'value' | 'onInput' | 'onBlur' | 'onFocus'> & {
  /** Typed text: bind to the field's Y.Text (`model.textField(id, key)`); `value`/`onCommit` are then not used. */
  field?: TextFieldHandle;
  value?: string;
  onCommit?: (value: string) => void;
  /** Why the typed text cannot be saved, or null when it can. */
  validate?: Validate;
  debounceMs?: number;
  /** Identifies the field to co-editors (who is editing it); by default its place in the view. */
  presenceKey?: string;
};

const noCommit = (): void => undefined;

export function BoundInput({ field, value = '', onCommit = noCommit, validate, debounceMs = DEBOUNCE_MS, onKeyDown, presenceKey, ...rest }: InputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const bound = useBoundValue(value, onCommit, debounceMs, field ? undefined : validate);
  const text = useTextBinding(ref, field, validate);
  const presence = useFieldPresence(ref, presenceKey);
  const editable = !rest.readOnly && !rest.disabled;
  const errorId = useId();
  const label = useFieldLabel();
  const error = field ? text.error : bound.error;
  const describedBy = [rest['aria-describedby'], label?.hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const labelledBy = rest['aria-labelledby'] ?? (rest['aria-label'] === undefined ? label?.labelId : undefined);
  return (
    <>
      <input
        {...(rest as InputHTMLAttributes)}
        {...presence.attributes}
        {...fieldPresenceProps(presence.editors)}
        {...(field ? {} : { value: bound.draft })}
        aria-invalid={error ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        aria-labelledby={labelledBy}
        ref={ref}
        onInput={(e) => (field ? text.onInput(e) : bound.onInput(e.currentTarget.value))}
        onFocus={() => {
          bound.onFocus();
          if (editable) presence.onFocus();
        }}
        onBlur={() => {
          bound.onBlur();
          presence.onBlur();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !field) bound.commitNow();
          onKeyDown?.(e);
        }}
      />
      {error && (
        <span class="field-hint inline-error" id={errorId} data-field-error="">
          {error}
        </span>
      )}
      <FieldPresenceChip editors={presence.editors} field={ref} />
    </>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'role' | 'value' | 'onInput' | 'onBlur' | 'onFocus' | 'onKeyDown'> & {
  onKeyDown?: (e: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) => void;
  /** The field's Y.Text (`model.textField(id, key)`). */
  field: TextFieldHandle;
  validate?: Validate;
  presenceKey?: string;
};

// `field-sizing: content` (CSS) grows a textarea with its text in Chromium (the desktop app and the browsers we
// test); elsewhere (Firefox) the height follows scrollHeight, measured on every change and resize.
const growsByCss = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
function fitHeight(el: HTMLTextAreaElement | null): void {
  if (!el || growsByCss) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
}

/**
 * Typed text that wraps and grows with what is written (a goal): bound to the field's Y.Text like BoundInput.
 * Enter inserts no line break (the text is one paragraph that wraps); the caller's onKeyDown still hears it.
 */
export function BoundTextArea({ field, validate, onKeyDown, presenceKey, ...rest }: TextAreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = useTextBinding(ref, field, validate);
  const presence = useFieldPresence(ref, presenceKey);
  const editable = !rest.readOnly && !rest.disabled;
  const errorId = useId();
  const label = useFieldLabel();
  const describedBy = [rest['aria-describedby'], label?.hintId, text.error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const labelledBy = rest['aria-labelledby'] ?? (rest['aria-label'] === undefined ? label?.labelId : undefined);
  useLayoutEffect(() => {
    const el = ref.current;
    fitHeight(el);
    if (!el || growsByCss) return;
    const unsubscribe = field.subscribe(() => fitHeight(ref.current));
    const observer = new ResizeObserver(() => fitHeight(ref.current));
    observer.observe(el);
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [field]);
  return (
    <>
      <textarea
        rows={1}
        {...(rest as TextareaHTMLAttributes)}
        {...presence.attributes}
        {...fieldPresenceProps(presence.editors)}
        aria-invalid={text.error ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        aria-labelledby={labelledBy}
        ref={ref}
        onInput={(e) => {
          text.onInput(e);
          fitHeight(ref.current);
        }}
        onFocus={() => {
          if (editable) presence.onFocus();
        }}
        onBlur={() => presence.onBlur()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
          onKeyDown?.(e);
        }}
      />
      {text.error && (
        <span class="field-hint inline-error" id={errorId} data-field-error="">
          {text.error}
        </span>
      )}
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
