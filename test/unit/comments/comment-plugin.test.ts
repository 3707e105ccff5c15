// The editor plugin's state: only open threads are highlighted (a resolved thread keeps its mark,
// unhighlighted), each open anchor gets one marker named for screen readers, overlapping threads
// both show, and the thread under the caret is the innermost open one.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { richSchema } from '../../../shared/richtext/schema';
import { commentPlugin, commentPluginKey, openThreadsAt } from '../../../renderer/src/comments/comment-plugin';
import type { ThreadStatus } from '../../../shared/model/comments';

const mark = (threadId: string) => richSchema.marks.comment!.create({ threadId });

/** "Vi bruger data klogt": A on "bruger data klogt", B on "data" (inside A). */
function state() {
  const p = richSchema.nodes.paragraph!.create(null, [
    richSchema.text('Vi '),
    richSchema.text('bruger ', [mark('A')]),
    richSchema.text('data', [mark('A'), mark('B')]),
    richSchema.text(' klogt', [mark('A')]),
  ]);
  const doc = richSchema.nodes.doc!.create(null, [p]);
  return EditorState.create({ doc, plugins: [commentPlugin({ onComment: () => undefined, onOpenThread: () => undefined })] });
}

function withStatuses(s: EditorState, statuses: Record<string, ThreadStatus>): EditorState {
  const labels = new Map(Object.keys(statuses).map((id) => [id, `Kommenteret tekst (${id})`]));
  return s.apply(s.tr.setMeta(commentPluginKey, { statuses: new Map(Object.entries(statuses)), labels, active: null }));
}

function decorations(s: EditorState): { inline: [number, number, string][]; widgets: [number, string][] } {
  const found = commentPluginKey.getState(s)!.decorations.find() as (Decoration & { type: { attrs?: Record<string, string>; spec?: unknown } })[];
  const inline: [number, number, string][] = [];
  const widgets: [number, string][] = [];
  for (const d of found) {
    if (d.from === d.to) widgets.push([d.from, (d.spec as { key: string }).key]);
    else inline.push([d.from, d.to, (d.type.attrs as Record<string, string>)['data-thread']!]);
  }
  return { inline: inline.sort(), widgets };
}

describe('comment plugin', () => {
  it('highlights open threads only, with one named marker after each', () => {
    let s = withStatuses(state(), { A: 'open', B: 'resolved' });
    expect(decorations(s)).toEqual({ inline: [[4, 21, 'A']], widgets: [[21, 'comment-A-Kommenteret tekst (A)']] });
    s = withStatuses(s, { A: 'open', B: 'open' });
    const both = decorations(s);
    expect(both.inline).toEqual([
      [11, 15, 'B'],
      [4, 21, 'A'],
    ].sort());
    expect(both.widgets.map((w) => w[0]).sort()).toEqual([15, 21]);
    // a thread that is not (or no longer) known is not highlighted
    s = withStatuses(s, {});
    expect(decorations(s)).toEqual({ inline: [], widgets: [] });
  });

  it('the thread under the caret is the innermost open one', () => {
    let s = withStatuses(state(), { A: 'open', B: 'open' });
    expect(openThreadsAt(s, 12)).toEqual(['B', 'A']);
    expect(openThreadsAt(s, 6)).toEqual(['A']);
    expect(openThreadsAt(s, 2)).toEqual([]);
    s = withStatuses(s, { A: 'open', B: 'resolved' });
    expect(openThreadsAt(s, 12)).toEqual(['A']);
  });

  it('decorations follow typing', () => {
    let s = withStatuses(state(), { A: 'open', B: 'resolved' });
    s = s.apply(s.tr.insertText('Nu ', 1));
    expect(decorations(s).inline).toEqual([[7, 24, 'A']]);
  });
});
