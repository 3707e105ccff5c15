// Child process of test/integration/crash-kill9.test.ts: writes numbered edits through the real store until killed.
// Usage: node --import tsx crash-writer.ts <dataDir> <compactAfterRecords>
// Prints "ready <json>" once the document is loaded, then "ack <n>" for edit n ONLY after its append resolved.
import * as Y from 'yjs';
import { DocumentStore } from '../../../../main/storage/document-store';

const DOC = 'crash';
const [dataDir, compactArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir> [compactAfterRecords]');

const store = await DocumentStore.open({ dataDir, compactAfterRecords: Number(compactArg ?? 500) });
const loaded = await store.load(DOC);
const doc = new Y.Doc();
Y.applyUpdate(doc, loaded.update);
const text = doc.getText('body');
const numbers = text.toString().split(',').filter(Boolean).map(Number);
let next = numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
process.stdout.write(`ready ${JSON.stringify({ count: numbers.length, recovery: loaded.recovery ?? null })}\n`);

function edit(n: number): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  doc.once('update', capture);
  doc.transact(() => text.insert(text.length, `${n},`), 'crash-writer');
  if (!update) throw new Error('no update');
  return update;
}

// Bursts of 1–5 concurrent appends (exercising group commit), forever.
for (;;) {
  const burst: Promise<void>[] = [];
  const size = 1 + Math.floor(Math.random() * 5);
  for (let i = 0; i < size; i++) {
    const n = next++;
    burst.push(
      store.append(DOC, edit(n)).then(() => {
        process.stdout.write(`ack ${n}\n`); // stdout to a pipe is synchronous on Linux
      }),
    );
  }
  try {
    await Promise.all(burst);
  } catch (error) {
    process.stdout.write(`error ${(error as Error).message}\n`);
    process.exit(1);
  }
}
