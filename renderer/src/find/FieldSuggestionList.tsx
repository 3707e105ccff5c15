// Suggested titles and goals (issue 14) in the forms: the suggestions for a field shown under it
// ("Forslag fra Bo: <text>" with Acceptér / Afvis), and, in suggestion mode, the field's input bound
// to this user's own suggestion instead of the field (shared/model/field-suggestions.ts), so the
// input component stays generic. Accepting or rejecting is one navigator undo step (STRUCTURE_ORIGIN:
// Ctrl+Z outside a field, and the toast's "Fortryd").
import type { ComponentProps } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FieldSuggestions, type FieldSuggestion } from '../../../shared/model/field-suggestions';
import type { StrategyModel, TextFieldHandle } from '../../../shared/model';
import { t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { announce } from '../ui/announcer';
import { BoundInput, BoundTextArea } from '../ui/BoundInput';
import { showToast } from '../ui/toasts';
import { useSuggestionAuthor, useSuggestionMode } from './suggestion-mode';
import './find.css';

const perModel = new WeakMap<StrategyModel, FieldSuggestions>();

/** The one FieldSuggestions of a session's model (its handles are cached per field). */
export function fieldSuggestionsOf(model: StrategyModel): FieldSuggestions {
  let fs = perModel.get(model);
  if (!fs) {
    fs = new FieldSuggestions(model);
    perModel.set(model, fs);
  }
  return fs;
}

/** The suggestions of one field (or of every field when `itemId` is undefined), kept current. */
export function useFieldSuggestionList(session: DocumentSession, itemId?: string, field?: string): FieldSuggestion[] {
  const fs = fieldSuggestionsOf(session.model);
  const read = () => fs.list({ ...(itemId !== undefined ? { itemId } : {}), ...(field !== undefined ? { field } : {}) });
  const [list, setList] = useState(read);
  useEffect(() => {
    setList(read());
    return fs.observe(() => setList(read()));
  }, [session, itemId, field]);
  return list;
}

type InputProps = Omit<ComponentProps<typeof BoundInput>, 'field'>;
type TextAreaProps = Omit<ComponentProps<typeof BoundTextArea>, 'field'>;

/** Which handle a typed text field binds to: the field itself, or in suggestion mode this user's suggestion for it. */
function useSuggestableHandle(session: DocumentSession, itemId: string, fieldKey: string, readOnly: boolean | undefined): { field: TextFieldHandle; suggesting: boolean } {
  const mode = useSuggestionMode(session);
  const author = useSuggestionAuthor(session);
  const suggesting = mode && !readOnly;
  const field = useMemo(
    () => (suggesting ? fieldSuggestionsOf(session.model).handle(itemId, fieldKey, author) : session.model.textField(itemId, fieldKey)),
    [suggesting, session, itemId, fieldKey, author],
  );
  return { field, suggesting };
}

/**
 * A BoundInput for a title (or another typed text field) that can be suggested for: bound to the
 * field, or in suggestion mode to this user's suggestion (a dashed frame says so); the field's
 * suggestions are listed under it.
 */
export function SuggestableInput({ session, itemId, fieldKey, ...rest }: InputProps & { session: DocumentSession; itemId: string; fieldKey: string }) {
  const { field, suggesting } = useSuggestableHandle(session, itemId, fieldKey, rest.readOnly as boolean | undefined);
  return (
    <>
      <BoundInput {...rest} class={`${String(rest.class ?? '')}${suggesting ? ' is-suggesting-field' : ''}`} field={field} data-suggesting={suggesting ? '' : undefined} />
      <FieldSuggestionList session={session} itemId={itemId} field={fieldKey} readOnly={!!rest.readOnly} />
    </>
  );
}

/** The same for a goal's text (a BoundTextArea). */
export function SuggestableTextArea({ session, itemId, fieldKey, ...rest }: TextAreaProps & { session: DocumentSession; itemId: string; fieldKey: string }) {
  const { field, suggesting } = useSuggestableHandle(session, itemId, fieldKey, rest.readOnly as boolean | undefined);
  return (
    <div class="suggestable-text">
      <BoundTextArea {...rest} class={`${String(rest.class ?? '')}${suggesting ? ' is-suggesting-field' : ''}`} field={field} data-suggesting={suggesting ? '' : undefined} />
      <FieldSuggestionList session={session} itemId={itemId} field={fieldKey} readOnly={!!rest.readOnly} />
    </div>
  );
}

/** Runs a decision as its own navigator undo step and offers "Fortryd" in a toast. */
function decide(session: DocumentSession, suggestion: FieldSuggestion, decision: 'accept' | 'reject'): void {
  const fs = fieldSuggestionsOf(session.model);
  const undo = session.structureUndo;
  undo.stopCapturing();
  if (decision === 'accept') fs.accept(suggestion.id, STRUCTURE_ORIGIN);
  else fs.reject(suggestion.id, STRUCTURE_ORIGIN);
  undo.stopCapturing();
  const undoItem = undo.undoStack[undo.undoStack.length - 1];
  const message = t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected');
  announce(message);
  showToast({
    message,
    action: {
      label: t('common.undo'),
      run: () => {
        if (undoItem && undo.undoStack[undo.undoStack.length - 1] === undoItem) undo.undo();
        else showToast({ message: t('find.cannotUndo'), tone: 'error' });
      },
    },
  });
}

/** The field's own text, kept current (shown beside this user's suggestion, which the input shows in its place). */
function useCurrentText(session: DocumentSession, itemId: string, field: string, active: boolean): string {
  const handle = session.model.textField(itemId, field);
  const [text, setText] = useState(() => handle.value());
  useEffect(() => {
    if (!active) return;
    setText(handle.value());
    return handle.subscribe(() => setText(handle.value()));
  }, [handle, active]);
  return text;
}

export function FieldSuggestionList({ session, itemId, field, readOnly }: { session: DocumentSession; itemId: string; field: string; readOnly: boolean }) {
  const list = useFieldSuggestionList(session, itemId, field);
  const author = useSuggestionAuthor(session);
  const suggesting = useSuggestionMode(session) && !readOnly;
  const mine = suggesting && list.some((s) => s.authorId === author.id);
  const current = useCurrentText(session, itemId, field, mine);
  if (list.length === 0) return null;
  return (
    <ul class="field-suggestions" aria-label={t('find.suggestion.list')} data-suggestions-for={`${itemId}:${field}`}>
      {list.map((s) => {
        const text = s.text || t('find.suggestion.empty');
        return (
          <li key={s.id} class="field-suggestion" data-suggestion={s.id} style={s.color ? { '--suggestion-color': s.color } : undefined}>
            <span class="field-suggestion-author">{s.authorId === author.id ? t('find.suggestion.mine') : t('suggestions.popover', { author: s.authorName })}:</span>
            <span class="field-suggestion-text">{text}</span>
            {!readOnly && (
              <span class="field-suggestion-actions">
                <button type="button" class="button button-small" data-action="accept" aria-label={t('suggestions.acceptLabel', { author: s.authorName })} onClick={() => decide(session, s, 'accept')}>
                  {t('suggestions.accept')}
                </button>
                <button type="button" class="button button-small button-quiet" data-action="reject" aria-label={t('suggestions.rejectLabel', { author: s.authorName })} onClick={() => decide(session, s, 'reject')}>
                  {t('suggestions.reject')}
                </button>
              </span>
            )}
            {mine && s.authorId === author.id && <span class="field-suggestion-current">{t('find.suggestion.current', { text: current || t('find.suggestion.empty') })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
