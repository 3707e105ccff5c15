// 1. The real editing trace replayed into a rich-text field through the app's editor stack (ProseMirror +
// y-prosemirror, one transaction per trace edit, in Chromium), against a plain Y.Text in the same page and
// in Node; the replayed document's encoded size and the time to load it (applyUpdate + binding an editor).
//
// Two mappings of the trace's text into the field: "paragraphs" (each "\n" is a paragraph break: the paper
// as a rich-text document; the budgeted figure) and "one paragraph" (the whole text, "\n" included, in a
// single paragraph: a worst case, replayed on a prefix only because its cost grows with the square of the
// text). Layers: ProseMirror alone and ProseMirror + ySyncPlugin on the same prefix show what costs what.
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import type { BenchContext } from '../lib/context';
import { callBench, openBenchPage } from '../lib/browser';
import { cdpSession, layoutDelta, metrics, profileTop } from '../lib/cdp';
import { figure, type Figure } from '../lib/figures';
import { sourceMapResolver } from '../lib/source-map';
import { median } from '../lib/stats';
import type { TraceEdit } from '../lib/trace';

const GROUP = '1 Editing trace';

/** Replays edits [0, count) into a plain Y.Text in Node. */
function replayInNode(edits: readonly TraceEdit[], count: number): { ms: number; text: string } {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const [pos, del, ins] = edits[i]!;
    doc.transact(() => {
      if (del > 0) text.delete(pos, del);
      if (ins.length > 0) text.insert(pos, ins);
    });
  }
  const ms = performance.now() - started;
  const result = text.toString();
  doc.destroy();
  return { ms, text: result };
}

/** The text after `count` edits, computed without Yjs (checks every replay). */
function expectedText(edits: readonly TraceEdit[], count: number): string {
  // Chunks of at most 4 KiB keep each splice cheap.
  const chunks: string[] = [''];
  for (let i = 0; i < count; i++) {
    const [pos, del, ins] = edits[i]!;
    let at = pos;
    let c = 0;
    while (c < chunks.length - 1 && at > chunks[c]!.length) at -= chunks[c++]!.length;
    let chunk = chunks[c]!;
    let rest = del;
    // Deletions may run into the following chunks.
    while (rest > 0) {
      const take = Math.min(rest, chunk.length - at);
      chunk = chunk.slice(0, at) + chunk.slice(at + take);
      rest -= take;
      if (rest > 0) {
        chunks[c] = chunk;
        const next = chunks.splice(c + 1, 1)[0];
        if (next === undefined) throw new Error(`trace edit ${i} deletes past the end of the text`);
        chunk += next;
      }
    }
    chunk = chunk.slice(0, at) + ins + chunk.slice(at);
    if (chunk.length > 4096) chunks.splice(c, 1, chunk.slice(0, 2048), chunk.slice(2048));
    else chunks[c] = chunk;
  }
  return chunks.join('');
}

async function plainRate(page: Page, count: number, expected: string): Promise<{ rate: number; ms: number; bytes: number }> {
  const run = await callBench(page, 'replayPlain', count);
  if (run.text !== expected) throw new Error(`plain Y.Text in Chromium ends with other text than the trace (${run.text.length} vs ${expected.length} characters)`);
  return { rate: count / (run.ms / 1000), ms: run.ms, bytes: run.encodedBytes };
}

export async function measureEditingTrace(ctx: BenchContext): Promise<Figure[]> {
  const trace = await ctx.trace();
  const total = trace.edits.length;
  // Quick mode: the first 15 % of the trace. The one-paragraph worst case: a shorter prefix.
  const count = ctx.quick ? Math.round(total * 0.15) : total;
  const layerCount = Math.round(total * (ctx.quick ? 0.05 : 0.1));
  const profileCount = Math.min(count, ctx.quick ? 5_000 : 10_000);
  const worstCount = Math.round(total * (ctx.quick ? 0.02 : 0.05));
  ctx.log(`editing trace: ${count} of ${total} edits (one-paragraph worst case: ${worstCount}; layers: ${layerCount})`);

  const expected = expectedText(trace.edits, count);
  if (count === total && expected !== trace.endContent) throw new Error('replaying the trace as text does not give its endContent');
  const expectedLayer = expectedText(trace.edits, layerCount);
  const expectedWorst = expectedText(trace.edits, worstCount);
  const node = replayInNode(trace.edits, count);
  if (node.text !== expected) throw new Error('plain Y.Text in Node ends with other text than the trace');

  const pages = await ctx.pageServer();
  const page = await openBenchPage(await ctx.browser(), pages.url, ctx.log);
  const session = await cdpSession(page);
  try {
    await callBench(page, 'loadTrace');
    // The budgeted run, with plain Y.Text before and after it (averaged: the machine's load drifts).
    const plainBefore = await plainRate(page, count, expected);
    const m0 = await metrics(session);
    const editor = await callBench(page, 'replayEditor', count, 'paragraphs', 'full');
    const layout = layoutDelta(m0, await metrics(session));
    ctx.log(`  editor stack: ${Math.round(editor.ms)} ms (${layout.layouts} layouts, ${layout.layoutMs} ms layout); Y.Text: ${Math.round(plainBefore.ms)} ms`);
    if (editor.text !== expected) throw new Error(`the editor stack ends with other text than the trace (${editor.text.length} vs ${expected.length} characters)`);
    const plainAfter = await plainRate(page, count, expected);
    const plainMs = (plainBefore.ms + plainAfter.ms) / 2;
    const editorRate = count / (editor.ms / 1000);
    const chromiumPlainRate = count / (plainMs / 1000);

    // Loading the replayed document (the last full-stack replay's state).
    const runs = ctx.quick ? 3 : 5;
    const editorLoad = await callBench(page, 'loadEditorDocument', runs);
    const plainLoad = await callBench(page, 'loadPlainDocument', runs);
    if (editorLoad.textLength !== expected.length) throw new Error(`the loaded editor shows ${editorLoad.textLength} characters, not ${expected.length}`);

    // Layers on the same prefix: what ProseMirror, ySyncPlugin and the rest cost.
    const layers: Record<string, number> = {};
    for (const variant of ['prosemirror-only', 'sync-only', 'full'] as const) {
      const run = await callBench(page, 'replayEditor', layerCount, 'paragraphs', variant);
      if (run.text !== expectedLayer) throw new Error(`the ${variant} editor ends with other text than the trace`);
      layers[variant] = Math.round(layerCount / (run.ms / 1000));
    }
    const layerPlain = await plainRate(page, layerCount, expectedLayer);

    // Worst case: the whole text in one paragraph.
    const worstPlain = await plainRate(page, worstCount, expectedWorst);
    const w0 = await metrics(session);
    const worst = await callBench(page, 'replayEditor', worstCount, 'one-paragraph', 'full');
    const worstLayout = layoutDelta(w0, await metrics(session));
    if (worst.text !== expectedWorst) throw new Error('the one-paragraph replay ends with other text than the trace');

    // Where the time goes: a CPU profile of a short full-stack replay (not part of any timing above).
    const profiled = await profileTop(session, () => callBench(page, 'replayEditor', profileCount, 'paragraphs', 'full'), {
      resolve: sourceMapResolver(pages.dir),
    });

    return [
      figure({
        id: 'trace.editor-rate',
        group: GROUP,
        title: `Trace replay, editor stack, "\\n" = paragraph (${count === total ? 'whole trace' : `first ${count} edits`})`,
        value: editorRate,
        unit: 'edits/s',
        baseline: { label: 'plain Y.Text, same page', value: chromiumPlainRate, unit: 'edits/s' },
        // Tracked without a budget since issue 18: one ProseMirror transaction per edit is what no user makes;
        // remote edits are held to the remote-burst budget (scenarios/remote-burst.ts) instead.
        budget: null,
        details: {
          edits: count,
          traceEdits: total,
          editorMs: Math.round(editor.ms),
          chromiumPlainMs: [Math.round(plainBefore.ms), Math.round(plainAfter.ms)],
          finalCharacters: expected.length,
          forcedLayouts: layout.layouts,
          layoutMs: layout.layoutMs,
          layoutShare: Math.round((100 * layout.layoutMs) / editor.ms) / 100,
          cpuProfileTop: profiled.top,
          cpuProfileEdits: profileCount,
        },
      }),
      figure({
        id: 'trace.editor-rate-vs-node',
        group: GROUP,
        title: 'Trace replay, editor stack vs plain Y.Text in Node',
        value: editorRate,
        unit: 'edits/s',
        baseline: { label: 'plain Y.Text, Node', value: count / (node.ms / 1000), unit: 'edits/s' },
        details: { nodePlainMs: Math.round(node.ms) },
      }),
      figure({
        id: 'trace.layer-prosemirror',
        group: GROUP,
        title: `Layer: ProseMirror alone, no Yjs (first ${layerCount} edits)`,
        value: layers['prosemirror-only']!,
        unit: 'edits/s',
        baseline: { label: 'plain Y.Text, same page', value: layerPlain.rate, unit: 'edits/s' },
      }),
      figure({
        id: 'trace.layer-ysync',
        group: GROUP,
        title: `Layer: ProseMirror + ySyncPlugin (first ${layerCount} edits)`,
        value: layers['sync-only']!,
        unit: 'edits/s',
        baseline: { label: 'plain Y.Text, same page', value: layerPlain.rate, unit: 'edits/s' },
        details: { fullStackSamePrefix: layers.full },
      }),
      figure({
        id: 'trace.one-paragraph-rate',
        group: GROUP,
        title: `Trace replay, editor stack, all in one paragraph (first ${worstCount} edits)`,
        value: worstCount / (worst.ms / 1000),
        unit: 'edits/s',
        baseline: { label: 'plain Y.Text, same page', value: worstPlain.rate, unit: 'edits/s' },
        // Tracked without a budget since issue 18: one ProseMirror transaction per edit is what no user makes;
        // remote edits are held to the remote-burst budget (scenarios/remote-burst.ts) instead.
        budget: null,
        details: { editorMs: Math.round(worst.ms), forcedLayouts: worstLayout.layouts, layoutMs: worstLayout.layoutMs, finalCharacters: expectedWorst.length },
      }),
      figure({
        id: 'trace.encoded-size',
        group: GROUP,
        title: 'Encoded document after the replay (editor stack)',
        value: editor.encodedBytes,
        unit: 'bytes',
        baseline: { label: 'plain Y.Text document', value: plainBefore.bytes, unit: 'bytes' },
      }),
      figure({
        id: 'trace.load',
        group: GROUP,
        title: 'Load the replayed document: applyUpdate + bind editor',
        value: median(editorLoad.loadMs),
        unit: 'ms',
        baseline: { label: 'applyUpdate of the plain Y.Text doc', value: median(plainLoad.loadMs), unit: 'ms' },
        details: {
          runs,
          editorApplyUpdateMs: median(editorLoad.applyMs),
          editorLoadMsPerRun: editorLoad.loadMs.map((ms) => Math.round(ms * 10) / 10),
          plainLoadMsPerRun: plainLoad.loadMs.map((ms) => Math.round(ms * 10) / 10),
        },
      }),
    ];
  } finally {
    await page.context().close();
  }
}
