// One comment thread: its quote, its messages (author with their colour, time in the UI's language),
// a reply box, edit and delete of one's own messages, resolve and reopen. Shown beside the text in
// the editor and in the comments panel.
import { useState } from 'preact/hooks';
import type { CommentMessage, CommentThread } from '../../../shared/model/comments';
import { formatDateTime, t } from '../i18n/i18n';
import { safeColor } from '../collab/presence';
import { announce } from '../ui/announcer';
import type { CommentEnv } from './comments-env';

interface Props {
  env: CommentEnv;
  thread: CommentThread;
  /** The item the thread is on (for a whole-item thread's heading). */
  itemLabel?: string | undefined;
  /** "Gå til teksten", when the thread is shown away from its text. */
  onJump?: (() => void) | undefined;
  /** Closes the card (beside the text). */
  onClose?: (() => void) | undefined;
  /** A panel entry starts collapsed: the first message only. */
  collapsed?: boolean | undefined;
  onExpand?: (() => void) | undefined;
}

export function threadLabel(thread: CommentThread, itemLabel: string | undefined): string {
  if (thread.quote !== '') return t('comments.thread', { author: thread.author, quote: shorten(thread.quote) });
  return t('comments.threadOnItem', { author: thread.author, item: itemLabel ?? '' });
}

/** Focuses a new text box once, when it appears (not again on each render). */
function focusOnce(el: HTMLTextAreaElement | null): void {
  if (!el || el.dataset.focused) return;
  el.dataset.focused = '1';
  el.focus();
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function ThreadCard({ env, thread, itemLabel, onJump, onClose, collapsed = false, onExpand }: Props) {
  const [reply, setReply] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const { comments, me, canComment } = env;
  const resolved = thread.status === 'resolved';
  const messages = collapsed ? thread.messages.slice(0, 1) : thread.messages;

  const act = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      announce(t('comments.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const sendReply = () => {
    if (reply.trim() === '') return;
    act(() => comments.reply(thread.id, reply, me));
    setReply('');
  };
  const saveEdit = (message: CommentMessage) => {
    if (draft.trim() === '') return;
    act(() => comments.editMessage(thread.id, message.id, draft, me.name));
    setEditing(null);
  };
  const submitOnCtrlEnter = (event: KeyboardEvent, submit: () => void) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <article
      class={`comment-thread${resolved ? ' is-resolved' : ''}${thread.orphaned ? ' is-orphaned' : ''}${env.active === thread.id ? ' is-active' : ''}`}
      aria-label={threadLabel(thread, itemLabel)}
      data-thread={thread.id}
      data-status={thread.status}
    >
      {thread.quote !== '' ? (
        <blockquote class="comment-quote">{shorten(thread.currentQuote ?? thread.quote, 160)}</blockquote>
      ) : (
        itemLabel && <p class="comment-on-item">{itemLabel}</p>
      )}
      {thread.orphaned && <p class="comment-orphaned">{t('comments.orphaned')}</p>}
      {resolved && thread.resolvedBy && <p class="comment-resolved-by">{t('comments.resolvedBy', { name: thread.resolvedBy })}</p>}
      <ol class="comment-messages">
        {messages.map((message) => {
          const own = canComment && message.author === me.name;
          return (
            <li class="comment-message" key={message.id} data-message={message.id}>
              <div class="comment-meta">
                <span class="comment-dot" aria-hidden="true" style={{ background: safeColor(message.color) }} />
                <strong class="comment-author">{message.author}</strong>
                <time class="comment-time" dateTime={message.date}>
                  {formatDateTime(message.date)}
                </time>
                {message.edited && <span class="comment-edited">({t('comments.edited')})</span>}
              </div>
              {editing === message.id ? (
                <div class="comment-form">
                  <textarea
                    class="comment-input"
                    data-field="comment.edit"
                    aria-label={t('comments.editLabel')}
                    value={draft}
                    ref={focusOnce}
                    onInput={(e) => setDraft(e.currentTarget.value)}
                    onKeyDown={(e) => submitOnCtrlEnter(e, () => saveEdit(message))}
                  />
                  <div class="comment-actions">
                    <button type="button" class="button button-small" onClick={() => setEditing(null)}>
                      {t('comments.cancel')}
                    </button>
                    <button type="button" class="button button-small button-primary" disabled={draft.trim() === ''} onClick={() => saveEdit(message)}>
                      {t('comments.save')}
                    </button>
                  </div>
                </div>
              ) : (
                <p class="comment-text">{message.text}</p>
              )}
              {own && editing !== message.id && !collapsed && (
                <div class="comment-actions comment-own-actions">
                  {confirmDelete === message.id ? (
                    <>
                      <span class="comment-confirm" role="alert">
                        {t('comments.deleteConfirm')}
                      </span>
                      <button type="button" class="button button-small" onClick={() => setConfirmDelete(null)}>
                        {t('comments.cancel')}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-danger"
                        onClick={() => {
                          setConfirmDelete(null);
                          act(() => comments.deleteMessage(thread.id, message.id, me.name));
                        }}
                      >
                        {t('comments.delete')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => {
                          setDraft(message.text);
                          setEditing(message.id);
                        }}
                      >
                        {t('comments.edit')}
                      </button>
                      <button type="button" class="link-button" onClick={() => setConfirmDelete(message.id)}>
                        {t('comments.delete')}
                      </button>
                    </>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {collapsed && thread.messages.length > 1 && (
        <button type="button" class="link-button comment-more" onClick={onExpand}>
          {t('comments.messages', { count: thread.messages.length })}
        </button>
      )}
      {!collapsed && canComment && !resolved && (
        <div class="comment-form comment-reply">
          <textarea
            class="comment-input"
            data-field="comment.reply"
            aria-label={t('comments.replyLabel')}
            placeholder={t('comments.reply')}
            value={reply}
            rows={2}
            onInput={(e) => setReply(e.currentTarget.value)}
            onKeyDown={(e) => submitOnCtrlEnter(e, sendReply)}
          />
          <div class="comment-actions">
            <button type="button" class="button button-small button-primary" disabled={reply.trim() === ''} onClick={sendReply}>
              {t('comments.sendReply')}
            </button>
          </div>
        </div>
      )}
      <div class="comment-actions comment-thread-actions">
        {onJump && thread.anchor !== 'item' && !thread.orphaned && (
          <button type="button" class="link-button" onClick={onJump}>
            {t('comments.jump')}
          </button>
        )}
        {collapsed && onExpand && (
          <button type="button" class="link-button" onClick={onExpand}>
            {t('comments.reply')}
          </button>
        )}
        {canComment && (
          <button
            type="button"
            class="button button-small"
            data-action={resolved ? 'reopen' : 'resolve'}
            onClick={() =>
              act(() => {
                if (resolved) comments.reopen(thread.id);
                else comments.resolve(thread.id, me);
                announce(t(resolved ? 'comments.reopenedNotice' : 'comments.resolvedNotice'));
              })
            }
          >
            {t(resolved ? 'comments.reopen' : 'comments.resolve')}
          </button>
        )}
        {onClose && (
          <button type="button" class="link-button" onClick={onClose}>
            {t('comments.close')}
          </button>
        )}
      </div>
    </article>
  );
}

interface NewProps {
  /** The quote (text comments) or the item's name (whole-item comments). */
  quote?: string | undefined;
  itemLabel?: string | undefined;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** The first message of a new thread. */
export function NewCommentForm({ quote, itemLabel, onSubmit, onCancel }: NewProps) {
  const [text, setText] = useState('');
  const label = quote ? t('comments.newLabel', { quote: shorten(quote) }) : t('comments.newItemLabel', { item: itemLabel ?? '' });
  const submit = () => {
    if (text.trim() !== '') onSubmit(text);
  };
  return (
    <form
      class="comment-thread comment-new"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {quote && <blockquote class="comment-quote">{shorten(quote, 160)}</blockquote>}
      <textarea
        class="comment-input"
        data-field="comment.new"
        aria-label={label}
        value={text}
        rows={3}
        ref={focusOnce}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <div class="comment-actions">
        <button type="button" class="button button-small" onClick={onCancel}>
          {t('comments.cancel')}
        </button>
        <button type="submit" class="button button-small button-primary" disabled={text.trim() === ''}>
          {t('comments.send')}
        </button>
      </div>
    </form>
  );
}
