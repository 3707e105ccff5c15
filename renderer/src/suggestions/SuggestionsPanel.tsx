// The list of pending suggestions, a tab beside the comments panel: every suggestion in document
// order with its author, time, part and what it changes; filters like the comments' (by author,
// this part); accept or reject one, or all shown (all in the document, all of one author, all in the
// open part) in one transaction that "Fortryd" (and Ctrl+Z outside the text) takes back.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import {
  decideInDocument,
  listPending,
  suggestionsMap,
  type Decision,
  type PendingSuggestion,
  type SuggestionFilter,
  type SuggestionTarget,
} from '../../../shared/model/suggestions';
import { formatDateTime, t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { authorName } from './editor-suggestions';
import './suggestions.css';

const QUOTE_MAX = 80;
const NEUTRAL = '#475467';

function quote(text: string): string {
  const flat = text.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
}

/** What a pending suggestion changes, in words (the same words as the popover's). */
export function describePending(p: PendingSuggestion): string {
  const inserted = quote(p.inserted);
  const deleted = quote(p.deleted);
  if (inserted && deleted) return t('suggestions.change.replace', { deleted, inserted });
  if (inserted) return t('suggestions.change.insert', { text: inserted });
  if (deleted) return t('suggestions.change.delete', { text: deleted });
  const m = p.modifications[0];
  const format = m?.attrName && ['strong', 'em', 'link'].includes(m.attrName) ? m.attrName : 'other';
  return t('suggestions.change.format', { add: m?.newValue === null ? 'no' : 'yes', format, text: quote(p.modified) });
}

/**
 * The pending suggestions of the document, re-read after changes (text changes come with every
 * keystroke: re-reading walks every rich field, so it waits for a pause of 300 ms). A change made with
 * `decisionOrigin` (accept or reject in the list) is re-read at once: the list must not shift 300 ms later,
 * under a pointer already on its way to the next button.
 */
export function usePendingSuggestions(doc: Y.Doc, decisionOrigin?: unknown): PendingSuggestion[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      clearTimeout(timer);
      if (decisionOrigin !== undefined && origin === decisionOrigin) setVersion((v) => v + 1);
      else timer = setTimeout(() => setVersion((v) => v + 1), 300);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [doc, decisionOrigin]);
  return useMemo(() => listPending(doc), [doc, version]);
}

interface TabsProps {
  doc: Y.Doc;
  tab: 'comments' | 'suggestions';
  onTab: (tab: 'comments' | 'suggestions') => void;
  comments: ComponentChildren;
  suggestions: ComponentChildren;
  /** Pending suggestions outside the text (suggested titles and goals, renderer/src/find), counted in the tab too. */
  extraCount?: number;
}

/** The side panel's two tabs: Kommentarer and Forslag (n). */
export function ReviewTabs({ doc, tab, onTab, comments, suggestions, extraCount = 0 }: TabsProps) {
  const count = usePendingSuggestions(doc).length + extraCount;
  const tabs: ['comments' | 'suggestions', string][] = [
    ['comments', t('suggestions.commentsTab')],
    ['suggestions', t('suggestions.panelTab', { count })],
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'comments' ? 'suggestions' : 'comments';
    onTab(next);
    requestAnimationFrame(() => document.getElementById(`review-tab-${next}`)?.focus());
  };
  return (
    <div class="review-side">
      <div class="review-tabs" role="tablist" aria-label={t('suggestions.panel')} onKeyDown={onKeyDown}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`review-tab-${id}`}
            class="review-tab"
            aria-selected={tab === id}
            aria-controls="review-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            data-testid={`review-tab-${id}`}
            onClick={() => onTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div class="review-tabpanel" id="review-tabpanel" role="tabpanel" aria-labelledby={`review-tab-${tab}`}>
        {tab === 'comments' ? comments : suggestions}
      </div>
    </div>
  );
}

interface PanelProps {
  doc: Y.Doc;
  /** The item id (or VISION_ID) of the part open in the document, if it has rich fields. */
  selectedItem: string | undefined;
  labelOf: (itemId: string) => string;
  /** Opens the suggestion's part in the edit view and puts the caret in it. */
  onJump: (target: SuggestionTarget, id: string) => void;
  /** The transaction origin of decisions made here, and the undo that takes the last one back. */
  origin: unknown;
  onUndo: () => void;
  /** Whether this person may change the text (viewers and commenters only read the list). */
  canDecide: boolean;
}

export function SuggestionsPanel({ doc, selectedItem, labelOf, onJump, origin, onUndo, canDecide }: PanelProps) {
  const all = usePendingSuggestions(doc, origin);
  const [authorId, setAuthorId] = useState('');
  const [thisItem, setThisItem] = useState(false);
  const [undoable, setUndoable] = useState(false);
  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of all) if (p.meta) byId.set(p.meta.authorId, p.meta.authorName);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [all]);
  const filter: SuggestionFilter = {};
  if (authorId) filter.authorId = authorId;
  if (thisItem && selectedItem) filter.itemId = selectedItem;
  const shown = all.filter((p) => (!filter.authorId || p.meta?.authorId === filter.authorId) && (!filter.itemId || p.target.id === filter.itemId));
  // The metadata map changes without text changes (a suggestion's author arriving): re-render then too.
  const [, setTick] = useState(0);
  useEffect(() => {
    const map = suggestionsMap(doc);
    const bump = () => setTick((n) => n + 1);
    map.observe(bump);
    return () => map.unobserve(bump);
  }, [doc]);

  const decide = (decision: Decision, f: SuggestionFilter) => {
    const decided = decideInDocument(doc, decision, f, origin);
    if (decided.size === 0) return;
    setUndoable(true);
    announce(decided.size === 1 ? t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected') : t('suggestions.decidedMany', { decision, count: decided.size }));
  };

  return (
    <section class="suggestions-panel" aria-labelledby="suggestions-panel-title" data-testid="suggestions-panel">
      <h2 id="suggestions-panel-title" class="visually-hidden">
        {t('suggestions.panel')}
      </h2>
      <fieldset class="comments-filters">
        <legend class="visually-hidden">{t('suggestions.filters')}</legend>
        <label class="suggestions-author">
          {t('suggestions.filterAuthor')}{' '}
          <select data-field="suggestions.author" value={authorId} onChange={(e) => setAuthorId(e.currentTarget.value)}>
            <option value="">{t('suggestions.filterAllAuthors')}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label class={`comments-chip${thisItem ? ' is-on' : ''}`}>
          <input type="checkbox" data-field="suggestions.item" checked={thisItem} disabled={!selectedItem} onChange={(e) => setThisItem(e.currentTarget.checked)} />
          {t('suggestions.filterItem')}
        </label>
      </fieldset>
      <p class="comments-count" role="status">
        {t('suggestions.shown', { count: shown.length })}
      </p>
      {canDecide && (shown.length > 1 || undoable) && (
        <div class="suggestions-bulk">
          {shown.length > 1 && (
            <>
              <button type="button" class="button button-small" data-action="suggestions-accept-shown" onClick={() => decide('accept', filter)}>
                {t('suggestions.acceptShown')}
              </button>
              <button type="button" class="button button-small" data-action="suggestions-reject-shown" onClick={() => decide('reject', filter)}>
                {t('suggestions.rejectShown')}
              </button>
            </>
          )}
          {undoable && (
            <button
              type="button"
              class="button button-small button-quiet"
              data-action="suggestions-undo"
              onClick={() => {
                onUndo();
                setUndoable(false);
              }}
            >
              {t('suggestions.undo')}
            </button>
          )}
        </div>
      )}
      {shown.length === 0 ? (
        <p class="comments-empty">{t('suggestions.empty')}</p>
      ) : (
        <ul class="suggestions-list">
          {shown.map((p) => {
            const author = authorName(p.meta);
            return (
              <li key={p.id} class="suggestion-card" style={{ '--suggestion-color': p.meta?.color ?? NEUTRAL }} data-suggestion-id={p.id} data-testid="suggestion-card">
                <div class="suggestion-popover-head">
                  <span class="suggestion-swatch" aria-hidden="true" />
                  <strong>{author}</strong>
                  {p.meta?.at && <time dateTime={p.meta.at}>{formatDateTime(p.meta.at)}</time>}
                </div>
                <p class="suggestion-card-item">{labelOf(p.target.id)}</p>
                <p class="suggestion-popover-change">{describePending(p)}</p>
                <div class="suggestion-popover-actions">
                  {canDecide && (
                    <>
                      <button type="button" class="button button-small button-primary" data-action="suggestion-accept" aria-label={t('suggestions.acceptLabel', { author })} onClick={() => decide('accept', { ids: [p.id] })}>
                        {t('suggestions.accept')}
                      </button>
                      <button type="button" class="button button-small" data-action="suggestion-reject" aria-label={t('suggestions.rejectLabel', { author })} onClick={() => decide('reject', { ids: [p.id] })}>
                        {t('suggestions.reject')}
                      </button>
                    </>
                  )}
                  <button type="button" class="button button-small button-quiet" data-action="suggestion-jump" onClick={() => onJump(p.target, p.id)}>
                    {t('suggestions.jump')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
