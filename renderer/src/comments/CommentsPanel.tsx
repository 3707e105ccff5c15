// The comments panel beside the document: every thread in document order with its quote, filtered
// by status (open / resolved / all), "mine" and "this part"; each thread expands to its messages,
// replies and resolve; "Gå til teksten" opens the item and selects the commented text. A thread on
// the selected part as a whole starts here too.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { VISION_ID } from '../../../shared/model/model-constants';
import type { CommentThread, ThreadFilter, ThreadStatus } from '../../../shared/model/comments';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { Icon } from '../ui/Icon';
import { useCommentEnv, useThreadsVersion } from './comments-env';
import { NewCommentForm, ThreadCard } from './ThreadCard';
import './comments.css';

interface Props {
  /** The item id (or VISION_ID) of the part open in the document, if it is one threads can be on. */
  selectedItem: string | undefined;
  /** The name of an item as the navigator shows it. */
  labelOf: (itemId: string) => string;
  /** Opens the thread's item in the edit view and selects its anchor. */
  onJump: (thread: CommentThread) => void;
  onClose: () => void;
}

type StatusFilter = ThreadStatus | 'all';

export function CommentsPanel({ selectedItem, labelOf, onJump, onClose }: Props) {
  const env = useCommentEnv();
  const version = useThreadsVersion(env?.comments, { withText: true });
  const [status, setStatus] = useState<StatusFilter>('open');
  const [mine, setMine] = useState(false);
  const [thisItem, setThisItem] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [newOnItem, setNewOnItem] = useState(false);

  const filter: ThreadFilter = {};
  if (status !== 'all') filter.status = status;
  if (mine && env) filter.mine = env.me.name;
  if (thisItem && selectedItem) filter.itemId = selectedItem;
  const threads = useMemo(() => env?.comments.list(filter) ?? [], [env, version, status, mine, thisItem, selectedItem, env?.me.name]);
  const listRef = useRef<HTMLUListElement>(null);
  // A thread asked for by a jump (a find result, "Gå til teksten") is shown: filters that hide it give way
  // and its card is scrolled into view. Only then: a thread that is merely active (the caret in its text) and
  // hidden by the person's filter stays hidden.
  const reveal = env?.reveal ?? null;
  const revealShown = reveal !== null && threads.some((thread) => thread.id === reveal.threadId);
  useEffect(() => {
    if (!reveal || !env) return;
    if (env.comments.get(reveal.threadId) && !revealShown) {
      setStatus('all');
      setMine(false);
      setThisItem(false);
      return; // shown after this render, scrolled to on the next run
    }
    listRef.current?.querySelector(`[data-thread="${CSS.escape(reveal.threadId)}"]`)?.scrollIntoView({ block: 'nearest' });
    env.revealDone(reveal.seq);
  }, [reveal?.seq, revealShown]);
  if (!env) return null;

  const expand = (id: string) => setExpanded((prev) => new Set([...prev, id]));
  const statusOptions: [StatusFilter, string][] = [
    ['open', t('comments.filterOpen')],
    ['resolved', t('comments.filterResolved')],
    ['all', t('comments.filterAll')],
  ];
  const itemLabel = selectedItem ? labelOf(selectedItem) : undefined;

  return (
    <aside class="comments-panel" id="comments-panel" aria-labelledby="comments-panel-title" data-testid="comments-panel">
      <div class="comments-panel-head">
        <h2 id="comments-panel-title" class="comments-panel-title">
          <Icon name="comment" /> {t('comments.panel')}
        </h2>
        <button type="button" class="icon-button" aria-label={t('comments.panelClose')} title={t('comments.panelClose')} onClick={onClose}>
          <Icon name="tableDelete" />
        </button>
      </div>
      <fieldset class="comments-filters">
        <legend class="visually-hidden">{t('comments.filters')}</legend>
        <div class="comments-status" role="radiogroup" aria-label={t('comments.filters')} data-field="filter.status">
          {statusOptions.map(([value, label]) => (
            <label key={value} class={`comments-chip${status === value ? ' is-on' : ''}`}>
              <input type="radio" name="comments-status" value={value} checked={status === value} onChange={() => setStatus(value)} />
              {label}
            </label>
          ))}
        </div>
        <label class={`comments-chip${mine ? ' is-on' : ''}`}>
          <input type="checkbox" data-field="filter.mine" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
          {t('comments.filterMine')}
        </label>
        <label class={`comments-chip${thisItem ? ' is-on' : ''}`}>
          <input type="checkbox" data-field="filter.item" checked={thisItem} disabled={!selectedItem} onChange={(e) => setThisItem(e.currentTarget.checked)} />
          {t('comments.filterItem')}
        </label>
      </fieldset>
      {env.canComment && selectedItem && !newOnItem && (
        <button type="button" class="button button-small comments-new-item" onClick={() => setNewOnItem(true)}>
          <Icon name="plus" /> {t('comments.commentItem', { item: itemLabel ?? '' })}
        </button>
      )}
      {newOnItem && selectedItem && (
        <NewCommentForm
          itemLabel={itemLabel}
          onCancel={() => setNewOnItem(false)}
          onSubmit={(text) => {
            try {
              const id = env.comments.create({ target: { id: selectedItem }, text, author: env.me });
              env.setActive(id);
              setNewOnItem(false);
              announce(t('comments.created'));
            } catch (error) {
              announce(t('comments.failed', { reason: error instanceof Error ? error.message : String(error) }));
            }
          }}
        />
      )}
      <p class="comments-count" role="status">
        {t('comments.shown', { count: threads.length })}
      </p>
      {threads.length === 0 ? (
        <p class="comments-empty">{t('comments.empty')}</p>
      ) : (
        <ul class="comments-list" ref={listRef}>
          {threads.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                env={env}
                thread={thread}
                itemLabel={labelOf(thread.target.id)}
                collapsed={!expanded.has(thread.id) && env.active !== thread.id}
                onExpand={() => expand(thread.id)}
                onJump={() => {
                  expand(thread.id);
                  onJump(thread);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** Open threads per navigator key (items by id, the vision as 'vision'), kept current. */
export function useOpenCommentCounts(): ReadonlyMap<string, number> {
  const env = useCommentEnv();
  const version = useThreadsVersion(env?.comments);
  return useMemo(() => {
    const out = new Map<string, number>();
    if (!env) return out;
    for (const [id, c] of env.comments.counts()) if (c.open > 0) out.set(id === VISION_ID ? 'vision' : id, c.open);
    return out;
  }, [env, version]);
}

/** A navigator row's count of open threads (its text is the row's description). */
export function CommentCount({ count, id }: { count: number; id: string }) {
  const text = t('comments.count', { count });
  return (
    <span class="nav-comments" id={id} title={text} data-testid="nav-comment-count">
      <Icon name="comment" size={12} />
      <span aria-hidden="true">{count}</span>
      <span class="visually-hidden">{text}</span>
    </span>
  );
}
