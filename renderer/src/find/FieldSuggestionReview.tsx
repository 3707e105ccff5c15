// The suggested titles and goals in the review list (the side panel's Forslag tab, beside the
// suggestions in the text): each with its author, part, field and text; accept or reject one, or all
// shown, as one navigator undo step; "Gå til" opens the field.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Comments } from '../../../shared/model/comments';
import type { FieldSuggestion } from '../../../shared/model/field-suggestions';
import { formatDateTime, t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { announce } from '../ui/announcer';
import { fieldSuggestionsOf, useFieldSuggestionList } from './FieldSuggestionList';
import { fieldLabel } from './field-labels';
import { focusFieldWhenShown, partKeyOf } from './find-jump';

interface Props {
  session: DocumentSession;
  /** The name of a part of the navigator (by its key). */
  labelOf: (itemId: string) => string;
  /** Opens a part in a view. */
  select: (key: string, view?: string) => void;
  readOnly: boolean;
}

/** How many field suggestions are pending (for the tab's count); re-renders its caller only when the number changes, not on typing. */
export function useFieldSuggestionCount(session: DocumentSession): number {
  const fs = fieldSuggestionsOf(session.model);
  const [count, setCount] = useState(() => fs.list().length);
  useEffect(() => {
    setCount(fs.list().length);
    return fs.observe(() => setCount(fs.list().length));
  }, [session]);
  return count;
}

export function FieldSuggestionReview({ session, labelOf, select, readOnly }: Props) {
  const all = useFieldSuggestionList(session);
  const [authorId, setAuthorId] = useState('');
  const ordered = useMemo(() => {
    // document order of the parts, then oldest first
    const order = new Map(new Comments(session.model).documentOrder().map((id, i) => [id, i]));
    return [...all].sort((a, b) => (order.get(a.itemId) ?? -1) - (order.get(b.itemId) ?? -1));
  }, [all]);
  const authors = useMemo(() => [...new Map(all.map((s) => [s.authorId, s.authorName])).entries()], [all]);
  const shown = authorId ? ordered.filter((s) => s.authorId === authorId) : ordered;
  if (all.length === 0) return null;

  const decide = (decision: 'accept' | 'reject', list: FieldSuggestion[]) => {
    const fs = fieldSuggestionsOf(session.model);
    const undo = session.structureUndo;
    undo.stopCapturing();
    if (decision === 'accept') fs.acceptMany(list.map((s) => s.id), STRUCTURE_ORIGIN);
    else fs.reject(list.map((s) => s.id), STRUCTURE_ORIGIN);
    undo.stopCapturing();
    announce(list.length === 1 ? t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected') : t('suggestions.decidedMany', { decision, count: list.length }));
  };

  return (
    <section class="field-suggestion-review" aria-labelledby="field-suggestion-review-title" data-testid="field-suggestion-review">
      <h3 id="field-suggestion-review-title" class="field-suggestion-review-title">
        {t('find.review.title', { count: all.length })}
      </h3>
      {authors.length > 1 && (
        <label class="small">
          {t('suggestions.filterAuthor')}{' '}
          <select data-field="fieldSuggestions.author" value={authorId} onChange={(e) => setAuthorId(e.currentTarget.value)}>
            <option value="">{t('suggestions.filterAllAuthors')}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!readOnly && shown.length > 1 && (
        <div class="field-suggestion-review-bulk">
          <button type="button" class="button button-small" data-action="field-suggestions-accept-shown" onClick={() => decide('accept', shown)}>
            {t('suggestions.acceptShown')}
          </button>
          <button type="button" class="button button-small" data-action="field-suggestions-reject-shown" onClick={() => decide('reject', shown)}>
            {t('suggestions.rejectShown')}
          </button>
        </div>
      )}
      <ul class="field-suggestion-review-list">
        {shown.map((s) => (
          <li key={s.id} class="field-suggestion-card" data-suggestion={s.id} style={s.color ? { '--suggestion-color': s.color } : undefined}>
            <div class="field-suggestion-card-head">
              <strong>{s.authorName}</strong>
              {s.at && <time dateTime={s.at}>{formatDateTime(s.at)}</time>}
            </div>
            <p class="field-suggestion-card-where">
              {labelOf(partKeyOf(session.model, s))} · {fieldLabel(s.field)}
            </p>
            <p class="field-suggestion-text">{s.text || t('find.suggestion.empty')}</p>
            <div class="field-suggestion-actions">
              {!readOnly && (
                <>
                  <button type="button" class="button button-small button-primary" data-action="accept" aria-label={t('suggestions.acceptLabel', { author: s.authorName })} onClick={() => decide('accept', [s])}>
                    {t('suggestions.accept')}
                  </button>
                  <button type="button" class="button button-small" data-action="reject" aria-label={t('suggestions.rejectLabel', { author: s.authorName })} onClick={() => decide('reject', [s])}>
                    {t('suggestions.reject')}
                  </button>
                </>
              )}
              <button
                type="button"
                class="button button-small button-quiet"
                data-action="jump"
                onClick={() => {
                  select(partKeyOf(session.model, s), 'edit');
                  focusFieldWhenShown(session.model, s.itemId, s.field);
                }}
              >
                {t('suggestions.jump')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
