// What the comment parts of the window share: the document's threads, who I am (the presence name
// and colour), whether I may comment, and which thread is active (opened from the panel or by
// placing the caret in commented text). Provided once by the document screen.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import type { CommentAuthor, Comments, CommentTarget } from '../../../shared/model/comments';

/** A request to show a thread's anchor: the editor holding it selects the text and scrolls to it. */
export interface JumpRequest {
  threadId: string;
  target: CommentTarget;
  /** Increases with each request, so asking twice jumps twice. */
  seq: number;
}

export class CommentEnv {
  private activeId: string | null = null;
  private jumpRequest: JumpRequest | null = null;
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private revealRequest: { threadId: string; seq: number } | null = null;
  private cached: ReturnType<Comments['summaries']> | null = null;

  constructor(
    readonly comments: Comments,
    public me: CommentAuthor,
    public canComment: boolean,
  ) {
    // One read of the threads per change, shared by every editor, the header and the navigator.
    comments.observe(() => (this.cached = null));
  }

  /** Status and message count per thread (cached until the threads change). */
  summaries(): ReturnType<Comments['summaries']> {
    this.cached ??= this.comments.summaries();
    return this.cached;
  }

  get active(): string | null {
    return this.activeId;
  }

  get jump(): JumpRequest | null {
    return this.jumpRequest;
  }

  setActive(threadId: string | null): void {
    if (this.activeId === threadId) return;
    this.activeId = threadId;
    this.emit();
  }

  /** A thread the comments panel is asked to show (a jump): until the panel has shown it. */
  get reveal(): { threadId: string; seq: number } | null {
    return this.revealRequest;
  }

  /**
   * Asks the editor of the thread's field to select its anchor (the caller has opened the item), and the
   * comments panel to show the thread even where its filters hid it.
   */
  requestJump(threadId: string, target: CommentTarget): void {
    this.jumpRequest = { threadId, target, seq: ++this.seq };
    this.revealRequest = { threadId, seq: this.seq };
    this.activeId = threadId;
    this.emit();
  }

  /** The panel that showed a requested thread clears the request. */
  revealDone(seq: number): void {
    if (this.revealRequest?.seq === seq) this.revealRequest = null;
  }

  /** The editor that handled a jump clears it. */
  jumpDone(seq: number): void {
    if (this.jumpRequest?.seq === seq) this.jumpRequest = null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export const CommentsContext = createContext<CommentEnv | null>(null);

/** The env, re-rendering the caller when the active thread or a jump request changes. */
export function useCommentEnv(): CommentEnv | null {
  const env = useContext(CommentsContext);
  const [, setTick] = useState(0);
  useEffect(() => env?.subscribe(() => setTick((n) => n + 1)), [env]);
  return env;
}

/**
 * Re-renders the caller after a change of the threads (per frame). With `withText`, also after
 * rich-text changes, which can orphan a thread or bring its anchor back (the panel shows that;
 * editors and counts do not need it, so typing does not re-render every editor).
 */
export function useThreadsVersion(comments: Comments | undefined, { withText = false } = {}): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!comments) return;
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    // Text changes come with every keystroke; re-reading the threads then costs 20–70 ms on the large
    // strategy with 500 threads (list() walks every commented field), so they wait for a pause in typing.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(bump, 400);
    };
    const offThreads = comments.observe(bump);
    const offText = withText ? comments.model.observe(later) : () => undefined;
    return () => {
      offThreads();
      offText();
      clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [comments, withText]);
  return version;
}

function roles(state: ChannelProviderState): (string | undefined)[] {
  return [state.role, state.remote?.role].map((r) => (r === undefined ? undefined : String(r)));
}

/**
 * The remote role `commenter` (the sync server enforces it): every field is read-only, comment
 * actions work. Booleans, so a component selecting them re-renders only when they change.
 */
export function isCommenter(state: ChannelProviderState): boolean {
  const r = roles(state);
  return r.includes('commenter') && !r.includes('viewer');
}

/** Everyone but a viewer may comment. */
export function mayComment(state: ChannelProviderState): boolean {
  return !roles(state).includes('viewer');
}

/** True when two targets name the same item and field. */
export function isSameTarget(a: CommentTarget, b: CommentTarget): boolean {
  return a.id === b.id && a.field === b.field;
}

/** One env per document, its author and rights kept current with the presence name and the role. */
export function useDocumentCommentEnv(comments: Comments, me: CommentAuthor, canComment: boolean): CommentEnv {
  const [env] = useState(() => new CommentEnv(comments, me, canComment));
  env.me = me;
  env.canComment = canComment;
  return env;
}
