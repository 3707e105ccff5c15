// Find and replace across the whole strategy (Ctrl+F, Ctrl+H, the header's "Søg" and the desktop
// menu): every title, text, goal, initiative field and comment (shared/model/find.ts). Results are
// listed by part, each with its field and a snippet with the hit marked; a result jumps to the hit
// (opens the part and selects the text). "Erstat" / "Erstat alle" run as ONE navigator undo step
// (STRUCTURE_ORIGIN, so Ctrl+Z outside a field and the toast's "Fortryd" take the whole replace
// back); in suggestion mode they write suggestions instead (field suggestions in titles and goals,
// suggested deletion + insertion in rich text).
import { createPortal } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MenuCommand } from '../../../shared/bridge';
import { findInStrategy, replaceHits, type FindHit, type FindOptions } from '../../../shared/model/find';
import { META_ID, VISION_ID } from '../../../shared/model/model-constants';
import { t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { findNode, type NavNode } from '../session/nav-tree';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { announce } from '../ui/announcer';
import { Icon } from '../ui/Icon';
import { showToast } from '../ui/toasts';
import { fieldLabel } from './field-labels';
import { partKeyOf, selectWhenShown } from './find-jump';
import { useSuggestionAuthor, useSuggestionMode } from './suggestion-mode';
import './find.css';

interface Props {
  session: DocumentSession;
  tree: NavNode[];
  /** Opens a part in a view (the edit view for a jump). */
  select: (key: string, view?: string) => void;
  readOnly: boolean;
  menuCommand?: { command: MenuCommand; at: number } | undefined;
  /** Shows a comment thread in the comments panel (a hit in a comment). */
  openThread: (threadId: string) => void;
}

// Searching the large strategy (bench/generate-large-strategy.ts: 1,000 initiatives) takes 270 ms
// warm on this 2-core machine under load (findInStrategy, measured with tsx): the search waits for a
// pause in typing, and while others edit it re-runs at most every LIVE_MS.
const TYPING_MS = 150;
const LIVE_MS = 500;

/** A number that changes (at most every LIVE_MS) while `active` and the document changes. */
function useLiveVersion(session: DocumentSession, active: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = session.model.observe(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, LIVE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [session, active]);
  return version;
}

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function FindAndReplace({ session, tree, select, readOnly, menuCommand, openThread }: Props) {
  // In suggestion mode, replacing writes suggestions by this user.
  const suggesting = useSuggestionMode(session) && !readOnly;
  const author = useSuggestionAuthor(session);
  const [open, setOpen] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [current, setCurrent] = useState(-1);
  const queryRef = useRef<HTMLInputElement>(null);
  const searched = useSettled(query, TYPING_MS);
  const version = useLiveVersion(session, open && searched !== '');
  const options: FindOptions = { matchCase, wholeWord };
  const hits = useMemo(() => (open ? findInStrategy(session.model, searched, options) : []), [session, open, searched, matchCase, wholeWord, version]);

  const show = (withReplace: boolean) => {
    setOpen(true);
    if (withReplace && !readOnly) setReplacing(true);
    requestAnimationFrame(() => {
      queryRef.current?.focus();
      queryRef.current?.select();
    });
  };

  // Ctrl+F finds, Ctrl+H finds and replaces (also from inside a field: this is the whole strategy's search).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'f' && key !== 'h') return;
      event.preventDefault();
      show(key === 'h');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  useEffect(() => {
    if (menuCommand?.command === 'find') show(false);
    else if (menuCommand?.command === 'replace') show(true);
  }, [menuCommand?.at]);

  const groups = useMemo(() => {
    const out = new Map<string, { key: string; label: string; hits: { hit: FindHit; index: number }[] }>();
    hits.forEach((hit, index) => {
      const key = partKeyOf(session.model, hit);
      let group = out.get(key);
      if (!group) {
        const label = hit.itemId === META_ID ? t('nav.meta') : hit.itemId === VISION_ID && hit.field !== 'comment' ? t('nav.vision') : findNode(tree, key)?.node.label || t('doc.untitled');
        group = { key, label, hits: [] };
        out.set(key, group);
      }
      group.hits.push({ hit, index });
    });
    return [...out.values()];
  }, [hits, tree]);

  const jump = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setCurrent(index);
    const key = partKeyOf(session.model, hit);
    select(key, 'edit');
    // A hit in a comment: its thread, opened in the comments panel (which selects its anchor in the text).
    if (hit.target.type === 'comment') openThread(hit.target.threadId);
    else void selectWhenShown(key, hit);
  };

  /** Replaces the given hits (re-found now, so what others typed since the list was drawn counts) as one undo step. */
  const replace = (which: 'one' | 'all', key?: string) => {
    if (readOnly) return;
    const fresh = findInStrategy(session.model, query, options);
    const targets = which === 'all' ? fresh : fresh.filter((h) => h.key === key);
    if (targets.length === 0) return;
    const undo = session.structureUndo;
    undo.stopCapturing();
    const result = replaceHits(session.model, targets, {
      replacement,
      origin: STRUCTURE_ORIGIN,
      ...(suggesting ? { suggest: { author } } : {}),
    });
    undo.stopCapturing();
    if (result.replaced === 0) {
      if (result.skipped > 0) announce(t('find.skipped', { count: result.skipped }));
      return;
    }
    const undoItem = undo.undoStack[undo.undoStack.length - 1];
    const done = t(suggesting ? 'find.suggested' : 'find.replaced', { count: result.replaced });
    const message = result.skipped > 0 && which === 'all' ? `${done}. ${t('find.skipped', { count: result.skipped })}` : done;
    showToast({
      message,
      action: {
        label: t('common.undo'),
        run: () => {
          if (undoItem && undo.undoStack[undo.undoStack.length - 1] === undoItem) {
            undo.undo();
            announce(t('find.undone'));
          } else {
            showToast({ message: t('find.cannotUndo'), tone: 'error' });
          }
        },
      },
    });
    announce(message);
  };

  const close = () => {
    setOpen(false);
    setCurrent(-1);
  };

  const onQueryKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && hits.length > 0) {
      event.preventDefault();
      jump((current + (event.shiftKey ? hits.length - 1 : 1)) % hits.length);
      // keep typing in the search field: the jump moved the focus to the hit
      requestAnimationFrame(() => requestAnimationFrame(() => queryRef.current?.focus()));
    }
  };

  const replaceable = hits.filter((h) => h.target.type !== 'comment').length;
  const hasComments = hits.some((h) => h.target.type === 'comment');
  return (
    <>
      <button type="button" class="button button-quiet find-toggle" aria-pressed={open} aria-controls={open ? 'find-panel' : undefined} title={t('find.open')} data-testid="find-toggle" onClick={() => (open ? close() : show(false))}>
        <Icon name="search" />
        <span>{t('find.button')}</span>
      </button>
      {open &&
        createPortal(
        <section class="find-panel" id="find-panel" role="search" aria-label={replacing ? t('find.titleReplace') : t('find.title')} data-testid="find-panel" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <header class="find-header">
            <h2 class="find-title">{replacing ? t('find.titleReplace') : t('find.title')}</h2>
            <button type="button" class="icon-button" aria-label={t('find.close')} title={t('find.close')} onClick={close}>
              ×
            </button>
          </header>
          <label class="find-row">
            <span class="visually-hidden">{t('find.query')}</span>
            <input
              ref={queryRef}
              class="input"
              type="search"
              data-field="find.query"
              placeholder={t('find.query')}
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setCurrent(-1);
              }}
              onKeyDown={onQueryKey}
            />
          </label>
          {replacing && (
            <label class="find-row">
              <span class="visually-hidden">{t('find.replacement')}</span>
              <input class="input" type="text" data-field="find.replacement" placeholder={t('find.replacement')} value={replacement} onInput={(e) => setReplacement(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Escape' && close()} />
            </label>
          )}
          <div class="find-options">
            <label>
              <input type="checkbox" data-field="find.matchCase" checked={matchCase} onChange={(e) => setMatchCase(e.currentTarget.checked)} /> {t('find.matchCase')}
            </label>
            <label>
              <input type="checkbox" data-field="find.wholeWord" checked={wholeWord} onChange={(e) => setWholeWord(e.currentTarget.checked)} /> {t('find.wholeWord')}
            </label>
          </div>
          {!replacing && !readOnly && (
            <button type="button" class="button button-small button-quiet" onClick={() => setReplacing(true)}>
              {t('find.showReplace')}
            </button>
          )}
          {replacing && (
            <div class="find-actions">
              <button type="button" class="button button-small button-primary" data-testid="find-replace-all" disabled={replaceable === 0} onClick={() => replace('all')}>
                {suggesting ? t('find.replaceAllSuggest') : t('find.replaceAll')}
              </button>
              {suggesting && <p class="find-note small">{t('find.suggestNote')}</p>}
            </div>
          )}
          {searched !== '' && (
            <p class="find-count" role="status" data-testid="find-count">
              {hits.length === 0 ? t('find.count', { count: 0 }) : t('find.countIn', { count: hits.length, items: groups.length })}
            </p>
          )}
          {replacing && hasComments && <p class="muted small">{t('find.commentsNotReplaced')}</p>}
          {groups.length > 0 && (
            <ol class="find-results" aria-label={t('find.results')}>
              {groups.map((group) => (
                <li key={group.key} class="find-group" data-part={group.key}>
                  <h3 class="find-group-title">{group.label}</h3>
                  <ol class="find-group-hits">
                    {group.hits.map(({ hit, index }) => (
                      <li key={hit.key} class={`find-hit${index === current ? ' is-current' : ''}`} data-hit={hit.key}>
                        <button type="button" class="find-hit-jump" aria-label={t('find.jump', { field: fieldLabel(hit.field), item: group.label })} onClick={() => jump(index)}>
                          <span class="find-hit-field">{fieldLabel(hit.field)}</span>
                          <span class="find-hit-snippet">
                            {hit.before}
                            <mark>{hit.text}</mark>
                            {hit.after}
                          </span>
                        </button>
                        {replacing && !readOnly && hit.target.type !== 'comment' && (
                          <button type="button" class="button button-small find-hit-replace" onClick={() => replace('one', hit.key)}>
                            {suggesting ? t('find.replaceOneSuggest') : t('find.replaceOne')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          )}
        </section>,
          // Outside the header, whose buttons are styled for the dark bar.
          document.body,
        )}
    </>
  );
}
