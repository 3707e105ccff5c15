// Test helper, run under a low `ulimit -n`: writes 300 documents at once through the real store, first with the
// handles the limit allows, then again while almost every handle is taken by other files (released after 700 ms).
// Prints one JSON line: how many writes failed in each wave, the peak of open log handles, and whether every
// document reads back complete from a fresh store.
import { openSync, closeSync } from 'node:fs';
import * as Y from 'yjs';
import { DocumentStore } from '../../../../main/storage/document-store';

const dataDir = process.argv[2]!;
const DOCUMENTS = 300;

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  const listener = (u: Uint8Array) => (update = u);
  doc.on('update', listener);
  doc.getText('body').insert(doc.getText('body').length, text);
  doc.off('update', listener);
  return update!;
}

const docs = Array.from({ length: DOCUMENTS }, () => new Y.Doc());
const store = await DocumentStore.open({ dataDir, idleCloseMs: 200 });
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, store.openFileCount)), 1);

async function wave(label: string): Promise<number> {
  const results = await Promise.allSettled(docs.map((doc, i) => store.append(`doc-${i}`, edit(doc, `${label}${i} `))));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) process.stderr.write(`${label}: ${(failed[0] as PromiseRejectedResult).reason}\n`);
  return failed.length;
}

const first = await wave('a');
// Other files take every handle left; they are closed again after 700 ms.
const hogs: number[] = [];
try {
  for (;;) hogs.push(openSync('/dev/null', 'r'));
} catch {
  // EMFILE: the process is out of handles now
}
setTimeout(() => {
  for (const fd of hogs.splice(0)) closeSync(fd);
}, 700);
const second = await wave('b');
clearInterval(sample);
await store.close();

const check = await DocumentStore.open({ dataDir });
let complete = 0;
for (let i = 0; i < DOCUMENTS; i++) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await check.load(`doc-${i}`)).update);
  if (doc.getText('body').toString() === `a${i} b${i} `) complete++;
}
await check.close();
process.stdout.write(`${JSON.stringify({ first, second, peak, hogs: hogs.length, complete, maxOpen: (store as unknown as { pool: { maxOpen: number } }).pool.maxOpen })}\n`);
