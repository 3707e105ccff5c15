// Comments in one rich-text field: the plugin (highlights, markers, Ctrl+Alt+M), the "Kommentér"
// action, and the thread or new-comment form shown beside the text. The editor calls
// `useEditorComments` and renders what it returns; without a CommentsContext (or a target) nothing
// of it is active.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { EditorView } from 'prosemirror-view';
import type { CommentTarget } from '../../../shared/model/comments';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { Icon } from '../ui/Icon';
import { commentPlugin, openThreadsAt, selectAnchor, updateComments } from './comment-plugin';
import { isSameTarget, useCommentEnv, useThreadsVersion } from './comments-env';
import { NewCommentForm, ThreadCard } from './ThreadCard';
import './comments.css';

interface Draft {
  from: number;
  to: number;
  quote: string;
}

export interface EditorComments {
  /** The plugin to add to the editor's state (stable for the editor's lifetime). */
  plugin: ReturnType<typeof commentPlugin>;
  /** Call once the view exists (and with null when it goes). */
  attach: (view: EditorView | null) => void;
  /** Starts a comment on the selection (the toolbar button); undefined when this user may not comment here. */
  start: (() => void) | undefined;
  /** The thread or the new-comment form, beside the text. */
  aside: ComponentChildren;
}

/**
 * `label` names the field ("Vision"): a comment without a selection is on the whole field (the way a
 * commenter, whose text has no caret, comments from the keyboard).
 */
export function useEditorComments(target: CommentTarget | undefined, label: string): EditorComments {
  const env = useCommentEnv();
  const viewRef = useRef<EditorView | null>(null);
  const [attached, setAttached] = useState<EditorView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  /** The thread opened here by a click or the caret (null: none), kept until closed or moved off. */
  const [open, setOpen] = useState<string | null>(null);
  const version = useThreadsVersion(env?.comments);
  const enabled = !!env && !!target;
  const canComment = enabled && env.canComment;

  const start = () => {
    const view = viewRef.current;
    if (!view || !env?.canComment || !target) return;
    const { from, to } = view.state.selection;
    setDraft(from === to ? { from, to, quote: '' } : { from, to, quote: view.state.doc.textBetween(from, to, '\n', ' ') });
  };
  const startRef = useRef(start);
  startRef.current = start;
  const envRef = useRef(env);
  envRef.current = env;

  const plugin = useMemo(
    () =>
      commentPlugin({
        onComment: () => startRef.current(),
        onOpenThread: (id) => {
          setOpen(id);
          envRef.current?.setActive(id);
        },
      }),
    [],
  );

  // The plugin learns which threads are open, which one is active, and the markers' texts.
  useEffect(() => {
    const view = attached;
    if (!view || !env) return;
    const summaries = env.summaries();
    const statuses = new Map([...summaries].map(([id, s]) => [id, s.status]));
    const labels = new Map([...summaries].map(([id, s]) => [id, t('comments.highlight', { count: s.messages })]));
    updateComments(view, { statuses, labels, active: env.active });
  }, [attached, env, version, env?.active]);

  // A jump from the panel to a thread anchored in this field.
  const jump = env?.jump;
  useEffect(() => {
    const view = attached;
    if (!view || !env || !jump || !target || !isSameTarget(jump.target, target)) return;
    env.jumpDone(jump.seq);
    if (selectAnchor(view, jump.threadId)) {
      setOpen(jump.threadId);
      view.focus();
      (view.dom as HTMLElement).scrollIntoView?.({ block: 'center' });
    }
  }, [attached, jump?.seq]);

  // The caret in an open anchor opens that thread beside the text.
  const view = attached;
  const caretThread = view && enabled && !draft ? (openThreadsAt(view.state, view.state.selection.from)[0] ?? null) : null;
  useEffect(() => {
    if (caretThread && caretThread !== open) {
      setOpen(caretThread);
      env?.setActive(caretThread);
    }
  }, [caretThread]);

  let aside: ComponentChildren = null;
  if (enabled && draft) {
    aside = (
      <div class="comment-aside">
        <NewCommentForm
          quote={draft.quote}
          itemLabel={label}
          onCancel={() => {
            setDraft(null);
            viewRef.current?.focus();
          }}
          onSubmit={(text) => {
            try {
              const range = draft.quote === '' ? {} : { range: { from: draft.from, to: draft.to }, quote: draft.quote };
              const id = env.comments.create({ target, ...range, text, author: env.me });
              setDraft(null);
              setOpen(id);
              env.setActive(id);
              announce(t('comments.created'));
            } catch (error) {
              announce(t('comments.failed', { reason: error instanceof Error ? error.message : String(error) }));
            }
          }}
        />
      </div>
    );
  } else if (enabled && open) {
    const thread = env.comments.get(open);
    if (thread && isSameTarget(thread.target, target) && thread.status === 'open' && !thread.orphaned) {
      aside = (
        <div class="comment-aside">
          <ThreadCard
            env={env}
            thread={thread}
            onClose={() => {
              setOpen(null);
              if (env.active === open) env.setActive(null);
              viewRef.current?.focus();
            }}
          />
        </div>
      );
    }
  }

  return {
    plugin,
    attach: (v) => {
      viewRef.current = v;
      setAttached(v);
    },
    start: canComment ? start : undefined,
    aside,
  };
}

/** The toolbar a commenter sees on a read-only field: only "Kommentér". */
export function CommentOnlyToolbar({ label, onComment }: { label: string; onComment: () => void }) {
  return (
    <div class="rich-toolbar comment-only-toolbar" role="toolbar" aria-label={label}>
      <CommentButton onComment={onComment} />
    </div>
  );
}

/** "Kommentér" (Ctrl+Alt+M) for a toolbar. */
export function CommentButton({ onComment, tabIndex }: { onComment: () => void; tabIndex?: number }) {
  return (
    <button
      type="button"
      class="icon-button toolbar-button comment-button"
      aria-label={t('comments.comment')}
      title={t('comments.commentShortcut')}
      aria-keyshortcuts="Control+Alt+M"
      tabIndex={tabIndex}
      data-action="comment"
      // keep the editor's selection: the button must not take focus on mouse down
      onMouseDown={(e) => e.preventDefault()}
      onClick={onComment}
    >
      <Icon name="comment" />
    </button>
  );
}
