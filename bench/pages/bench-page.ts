// The benchmark's browser page (bundled with esbuild, served by bench/lib/page-server.ts): the app's
// editor stack and plain Yjs side by side in one page, driven from Node through `window.pejlingBench`.
// All times are performance.now() milliseconds of this page; sync times are epoch milliseconds
// (performance.timeOrigin + now) so two pages of one browser can be compared.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import { richSchema } from '../../shared/richtext/schema';
import { StrategyModel } from '../../shared/model';
import { createEditor, type StackVariant } from './editor-stack';

export interface ReplayResult {
  edits: number;
  ms: number;
  text: string;
  /** Y.encodeStateAsUpdate of the document afterwards. */
  encodedBytes: number;
}

export interface LoadResult {
  /** Y.applyUpdate into a fresh doc, per run. */
  applyMs: number[];
  /** applyUpdate + binding an editor (laid out), per run. */
  loadMs: number[];
  textLength: number;
}

const YIELD_EVERY = 2000;
const PROGRESS_EVERY = 50_000;
let trace: (number | string)[] | null = null;
let paragraphSteps: (number | string)[] | null = null;
let editorUpdate: Uint8Array | null = null;
let plainUpdate: Uint8Array | null = null;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const epochNow = () => performance.timeOrigin + performance.now();

function mountPoint(): HTMLElement {
  const mount = document.createElement('div');
  mount.className = 'bench-mount';
  document.body.append(mount);
  return mount;
}

/** A doc whose fragment holds one empty paragraph: the rich-text field the trace is typed into. */
function paragraphDoc(): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  fragment.insert(0, [new Y.XmlElement('paragraph')]);
  return { doc, fragment };
}

async function loadTrace(): Promise<number> {
  const response = await fetch('/trace.json');
  if (!response.ok) throw new Error(`GET /trace.json: ${response.status}`);
  trace = (await response.json()) as (number | string)[];
  return trace.length / 3;
}

function requireTrace(count: number): (number | string)[] {
  if (!trace) throw new Error('loadTrace() first');
  if (count * 3 > trace.length) throw new Error(`the trace has only ${trace.length / 3} edits, not ${count}`);
  return trace;
}

export type TraceMapping = 'paragraphs' | 'one-paragraph';

async function loadParagraphSteps(): Promise<void> {
  const response = await fetch('/trace-steps.json');
  if (!response.ok) throw new Error(`GET /trace-steps.json: ${response.status}`);
  paragraphSteps = (await response.json()) as (number | string)[];
}

/** The text of a Y.XmlFragment of paragraphs, one line per paragraph. */
function fragmentText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? block.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
    .join('\n');
}

/**
 * Every edit as one ProseMirror transaction in the editor stack. 'one-paragraph': the text goes into a
 * single paragraph, "\n" included, at position + 1. 'paragraphs': "\n" is a paragraph break (steps from
 * bench/lib/trace.ts paragraphSteps).
 */
async function replayEditor(count: number, mapping: TraceMapping, variant: StackVariant = 'full'): Promise<ReplayResult> {
  const edits = requireTrace(count);
  if (mapping === 'paragraphs' && !paragraphSteps) await loadParagraphSteps();
  const steps = paragraphSteps ?? [];
  const { doc, fragment } = paragraphDoc();
  const awareness = new Awareness(doc);
  const view = createEditor(mountPoint(), fragment, awareness, variant);
  if (variant === 'prosemirror-only') view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, richSchema.node('paragraph')));
  let at = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const tr = view.state.tr;
    if (mapping === 'one-paragraph') {
      const pos = (edits[i * 3] as number) + 1;
      const del = edits[i * 3 + 1] as number;
      const ins = edits[i * 3 + 2] as string;
      if (del > 0) tr.delete(pos, pos + del);
      if (ins.length > 0) tr.insertText(ins, pos);
    } else {
      const n = steps[at++] as number;
      for (let s = 0; s < n; s++) {
        const kind = steps[at++] as number;
        if (kind === 0) {
          const pos = steps[at++] as number;
          tr.insertText(steps[at++] as string, pos);
        } else if (kind === 1) {
          tr.split(steps[at++] as number);
        } else {
          const from = steps[at++] as number;
          tr.delete(from, steps[at++] as number);
        }
      }
    }
    view.dispatch(tr);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) {
      if ((i + 1) % PROGRESS_EVERY === 0) console.log(`bench: ${mapping}/${variant}: ${i + 1} of ${count} edits, ${Math.round(performance.now() - started)} ms`);
      await nextTask();
    }
  }
  void document.body.offsetHeight; // the final layout belongs to the replay
  const ms = performance.now() - started;
  const text = view.state.doc.textBetween(0, view.state.doc.content.size, '\n');
  if (variant !== 'prosemirror-only') {
    const yText = fragmentText(fragment);
    if (yText !== text) throw new Error(`editor and Y.XmlFragment differ after the replay (${text.length} vs ${yText.length} characters)`);
  }
  const update = Y.encodeStateAsUpdate(doc);
  if (variant === 'full') editorUpdate = update;
  view.destroy();
  document.querySelector('.bench-mount')?.remove();
  awareness.destroy();
  doc.destroy();
  return { edits: count, ms, text, encodedBytes: update.length };
}

/** Every edit as one transaction on a plain Y.Text. */
async function replayPlain(count: number): Promise<ReplayResult> {
  const edits = requireTrace(count);
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const pos = edits[i * 3] as number;
    const del = edits[i * 3 + 1] as number;
    const ins = edits[i * 3 + 2] as string;
    doc.transact(() => {
      if (del > 0) text.delete(pos, del);
      if (ins.length > 0) text.insert(pos, ins);
    });
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTask();
  }
  const ms = performance.now() - started;
  plainUpdate = Y.encodeStateAsUpdate(doc);
  const result = { edits: count, ms, text: text.toString(), encodedBytes: plainUpdate.length };
  doc.destroy();
  return result;
}

/**
 * Times `runs` loads of a document: Y.applyUpdate into a fresh doc ("apply"), then `open` ("load" = apply + open).
 * `open` returns the text length to read after the clock stopped, and how to tear down what it made.
 */
async function timeLoads(
  runs: number,
  update: Uint8Array,
  open: (doc: Y.Doc) => { textLength: () => number; dispose: () => void },
): Promise<LoadResult> {
  const applyMs: number[] = [];
  const loadMs: number[] = [];
  let textLength = 0;
  for (let run = 0; run < runs; run++) {
    await nextTask();
    const started = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const applied = performance.now();
    const opened = open(doc);
    const loaded = performance.now();
    applyMs.push(applied - started);
    loadMs.push(loaded - started);
    textLength = opened.textLength();
    opened.dispose();
    doc.destroy();
  }
  return { applyMs, loadMs, textLength };
}

/** Loading the replayed document: Y.applyUpdate into a fresh doc, then binding an editor to it (laid out). */
async function loadEditorDocument(runs: number): Promise<LoadResult> {
  if (!editorUpdate) throw new Error('replayEditor() first');
  return timeLoads(runs, editorUpdate, (doc) => {
    const awareness = new Awareness(doc);
    const view = createEditor(mountPoint(), doc.getXmlFragment('body'), awareness);
    void document.body.offsetHeight;
    return {
      textLength: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n').length,
      dispose: () => {
        view.destroy();
        document.querySelector('.bench-mount')?.remove();
        awareness.destroy();
      },
    };
  });
}

/** Loading the plain Y.Text document: Y.applyUpdate into a fresh doc and reading the text. */
async function loadPlainDocument(runs: number): Promise<LoadResult> {
  if (!plainUpdate) throw new Error('replayPlain() first');
  return timeLoads(runs, plainUpdate, (doc) => {
    const length = doc.getText('body').toString().length;
    return { textLength: () => length, dispose: () => undefined };
  });
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Y.applyUpdate of a document's state into a fresh doc, `runs` times (the first run is cold). */
async function applyUpdateTimes(base64: string, runs: number): Promise<number[]> {
  const update = fromBase64(base64);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await nextTask();
    const started = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    times.push(performance.now() - started);
    doc.destroy();
  }
  return times;
}

// ---- sync between two pages ---------------------------------------------------------------------------

let syncView: EditorView | null = null;
let syncProvider: WebsocketProvider | null = null;
const keydowns: number[] = [];
const arrivals: number[] = [];

/** Joins `room` on a y-websocket server with the stock WebsocketProvider and binds an editor to it. */
async function joinSync(serverUrl: string, room: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, { disableBc: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with ${serverUrl}/${room} within 15 s`)), 15_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  syncProvider = provider;
  syncView = createEditor(mountPoint(), doc.getXmlFragment('prosemirror'), provider.awareness);
  window.addEventListener('keydown', () => keydowns.push(epochNow()), { capture: true });
  // The document's text, not the DOM's: remote cursors put their labels into the DOM too.
  let seen = syncView.state.doc.textContent.length;
  new MutationObserver(() => {
    const length = syncView?.state.doc.textContent.length ?? 0;
    const now = epochNow();
    while (seen < length) {
      arrivals.push(now);
      seen++;
    }
  }).observe(syncView.dom, { subtree: true, childList: true, characterData: true });
}

function focusSyncEditor(): void {
  if (!syncView) throw new Error('joinSync() first');
  syncView.focus();
  syncView.dispatch(syncView.state.tr.setSelection(TextSelection.atEnd(syncView.state.doc)));
}

function syncLog(): { keydowns: number[]; arrivals: number[]; text: string } {
  return { keydowns: [...keydowns], arrivals: [...arrivals], text: syncView?.state.doc.textContent ?? '' };
}

function leaveSync(): void {
  syncView?.destroy();
  syncProvider?.destroy();
  syncView = null;
  syncProvider = null;
}

// ---- typing into a bare editor (baseline of the app's typing latency) -------------------------------------

/** An editor of the stack, not connected to anything, holding these paragraphs; focused at the end. */
function mountTypingEditor(paragraphs: string[]): void {
  const doc = new Y.Doc();
  const view = createEditor(mountPoint(), doc.getXmlFragment('body'), new Awareness(doc));
  const nodes = paragraphs.map((p) => richSchema.node('paragraph', null, p ? [richSchema.text(p)] : []));
  view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, nodes));
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)));
}

// ---- a remote burst into a bare editor (baseline of the app's remote-burst figure) ----------------------

/**
 * The bare editor stack bound to a focus area's body of `state`; then `burst` (a colleague's offline edits, one
 * update) applied to its doc: ms from applying it to the next frame, and to the first task after it (painted).
 */
async function burstIntoEditor(stateBase64: string, burstBase64: string, focusAreaId: string, marker: string): Promise<{ shownMs: number; paintedMs: number }> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(stateBase64));
  const mount = mountPoint();
  const view = createEditor(mount, new StrategyModel(doc).fragment(focusAreaId, 'body'), new Awareness(doc));
  const burst = fromBase64(burstBase64);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await nextTask();
  const started = performance.now();
  Y.applyUpdate(doc, burst, 'remote');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const shownMs = performance.now() - started;
  await nextTask();
  const paintedMs = performance.now() - started;
  const shown = view.state.doc.textContent.includes(marker);
  view.destroy();
  mount.remove();
  doc.destroy();
  if (!shown) throw new Error('the bare editor does not show the burst');
  return { shownMs, paintedMs };
}

const api = {
  loadTrace,
  replayEditor,
  replayPlain,
  loadEditorDocument,
  loadPlainDocument,
  applyUpdateTimes,
  joinSync,
  focusSyncEditor,
  syncLog,
  leaveSync,
  mountTypingEditor,
  burstIntoEditor,
};

export type BenchPageApi = typeof api;
(window as unknown as { pejlingBench: BenchPageApi }).pejlingBench = api;
