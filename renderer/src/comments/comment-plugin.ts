// The rich-text editor's side of comments: highlights of open threads, a marker after each for
// screen readers and pointer users, the active thread, and Ctrl+Alt+M.
//
// The anchors are `comment` marks (shared/richtext/schema.ts), synced by y-prosemirror like any mark.
// Whether a thread is open lives in the `comments` root, not in the text, so the highlight is a
// decoration: a resolved thread keeps its mark but shows nothing until it is reopened.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { COMMENT_MARK } from '../../../shared/richtext/schema';
import type { ThreadStatus } from '../../../shared/model/comments';

interface PluginState {
  statuses: ReadonlyMap<string, ThreadStatus>;
  active: string | null;
  /** The marker's accessible text per thread ("Kommenteret tekst (2 kommentarer)"). */
  labels: ReadonlyMap<string, string>;
  decorations: DecorationSet;
}

interface Meta {
  statuses?: ReadonlyMap<string, ThreadStatus>;
  active?: string | null;
  labels?: ReadonlyMap<string, string>;
}

export const commentPluginKey = new PluginKey<PluginState>('pejling-comments');

/** The thread ids of comment marks. */
function threadIdsOf(marks: readonly Mark[]): string[] {
  return marks.filter((m) => m.type.name === COMMENT_MARK).map((m) => String(m.attrs.threadId));
}

/** Every anchor's ranges in the document, per thread (adjacent text nodes merged). */
export function anchorRanges(doc: PMNode): Map<string, { from: number; to: number }[]> {
  const out = new Map<string, { from: number; to: number }[]>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const id of threadIdsOf(node.marks)) {
      const ranges = out.get(id) ?? [];
      const last = ranges.at(-1);
      if (last && last.to === pos) last.to = pos + node.nodeSize;
      else ranges.push({ from: pos, to: pos + node.nodeSize });
      out.set(id, ranges);
    }
    return false;
  });
  return out;
}

/** Open threads whose anchor covers the position (innermost, i.e. shortest, first). */
export function openThreadsAt(state: EditorState, pos: number): string[] {
  const plugin = commentPluginKey.getState(state);
  if (!plugin) return [];
  const $pos = state.doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  const ids = [...new Set(threadIdsOf(marks))].filter((id) => plugin.statuses.get(id) === 'open');
  if (ids.length < 2) return ids;
  const ranges = anchorRanges(state.doc);
  const length = (id: string) => (ranges.get(id) ?? []).reduce((n, r) => n + r.to - r.from, 0);
  return ids.sort((a, b) => length(a) - length(b));
}

function marker(label: string, threadId: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'comment-marker';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.setAttribute('title', label);
  el.dataset.thread = threadId;
  el.contentEditable = 'false';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M2.5 3h11v7.5H7.2L4.2 13v-2.5H2.5z');
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  el.appendChild(svg);
  return el;
}

function buildDecorations(doc: PMNode, statuses: ReadonlyMap<string, ThreadStatus>, active: string | null, labels: ReadonlyMap<string, string>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, ranges] of anchorRanges(doc)) {
    if (statuses.get(id) !== 'open') continue;
    const cls = `comment-highlight${id === active ? ' is-active' : ''}`;
    for (const r of ranges) decorations.push(Decoration.inline(r.from, r.to, { nodeName: 'mark', class: cls, 'data-thread': id }));
    const end = ranges.at(-1)!.to;
    const label = labels.get(id) ?? '';
    decorations.push(Decoration.widget(end, () => marker(label, id), { side: 1, key: `comment-${id}-${label}`, ignoreSelection: true }));
  }
  return DecorationSet.create(doc, decorations);
}

export interface CommentPluginOptions {
  /** Ctrl+Alt+M (also in a read-only editor, for commenters). */
  onComment: () => void;
  /** A click on a highlight or marker. */
  onOpenThread: (threadId: string) => void;
}

export function commentPlugin(options: CommentPluginOptions): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: commentPluginKey,
    state: {
      init: (_config, state) => ({ statuses: new Map(), active: null, labels: new Map(), decorations: DecorationSet.create(state.doc, []) }),
      apply(tr: Transaction, prev: PluginState): PluginState {
        const meta = tr.getMeta(commentPluginKey) as Meta | undefined;
        if (!meta && !tr.docChanged) return prev;
        const next = { ...prev, ...(meta ?? {}) } as PluginState;
        next.decorations = buildDecorations(tr.doc, next.statuses, next.active, next.labels);
        return next;
      },
    },
    props: {
      decorations: (state) => commentPluginKey.getState(state)?.decorations ?? null,
      handleDOMEvents: {
        // handleDOMEvents run in a read-only editor too (keymaps do not).
        keydown(_view, event) {
          if (event.ctrlKey && event.altKey && !event.shiftKey && (event.code === 'KeyM' || event.key.toLowerCase() === 'm')) {
            event.preventDefault();
            options.onComment();
            return true;
          }
          return false;
        },
        mousedown(_view, event) {
          const target = event.target as HTMLElement | null;
          const markerEl = target?.closest<HTMLElement>('.comment-marker');
          if (markerEl?.dataset.thread) {
            event.preventDefault();
            options.onOpenThread(markerEl.dataset.thread);
            return true;
          }
          return false;
        },
      },
      handleClick(view, pos) {
        const ids = openThreadsAt(view.state, pos);
        if (ids[0]) options.onOpenThread(ids[0]);
        return false;
      },
    },
  });
}

/** Tells the plugin which threads are open, which is active, and the markers' texts. */
export function updateComments(view: EditorView, meta: Meta): void {
  view.dispatch(view.state.tr.setMeta(commentPluginKey, meta).setMeta('addToHistory', false));
}

/** Selects the thread's anchor and scrolls it into view; false when the field holds none. */
export function selectAnchor(view: EditorView, threadId: string): boolean {
  const ranges = anchorRanges(view.state.doc).get(threadId);
  if (!ranges?.length) return false;
  const from = ranges[0]!.from;
  const to = ranges.at(-1)!.to;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
  return true;
}
