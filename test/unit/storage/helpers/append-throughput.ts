// Measures append throughput of the real log with fsync (not a test; run by hand):
//   node --import tsx test/unit/storage/helpers/append-throughput.ts [dir]
// dir defaults to a temp folder under os.tmpdir(); pass a folder on the disk you care about.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocumentLog } from '../../../../main/storage/document-log';

const base = await mkdtemp(join(process.argv[2] ?? tmpdir(), 'pejling-throughput-'));

/** One keystroke-sized Yjs update per call, from `clients` independent docs. */
function typists(clients: number): () => Uint8Array {
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  let turn = 0;
  return () => {
    const doc = docs[turn++ % clients]!;
    let update: Uint8Array | undefined;
    doc.once('update', (u: Uint8Array) => (update = u));
    const text = doc.getText('body');
    text.insert(text.length, 'x');
    return update!;
  };
}

async function measure(name: string, run: (log: FileDocumentLog, next: () => Uint8Array) => Promise<number>, clients = 1) {
  const dir = join(base, name.replace(/\W+/g, '-'));
  await mkdir(dir);
  const log = await FileDocumentLog.open('bench', dir);
  const next = typists(clients);
  const started = performance.now();
  const count = await run(log, next);
  const seconds = (performance.now() - started) / 1000;
  const { fsyncs } = log.stats();
  await log.close();
  console.log(
    `${name.padEnd(34)} ${count} appends in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} appends/s, ` +
      `${fsyncs} fsyncs (${(count / fsyncs).toFixed(1)} appends per fsync)`,
  );
}

await measure('single (await each append)', async (log, next) => {
  for (let i = 0; i < 300; i++) await log.append(next());
  return 300;
});

await measure('20 clients, each awaits its own', async (log, next) => {
  const perClient = 100;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < perClient; i++) await log.append(next());
    }),
  );
  return 20 * perClient;
}, 20);

await measure('burst of 5000 issued at once', async (log, next) => {
  await Promise.all(Array.from({ length: 5000 }, () => log.append(next())));
  return 5000;
});

await rm(base, { recursive: true, force: true });
