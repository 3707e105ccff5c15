// 7. Sync while a large Word export runs (issue 20 item 4): the sync server and the Word export share a
// process in `pejling server` and in the desktop host. Two stock y-websocket clients exchange one edit
// every 50 ms through the server while the large strategy is exported (main/export/export-document.ts,
// which runs the export in a worker thread); the figure is the p95 of an edit's trip from one client to
// the other during the export. Baseline: the same probe with no export running. The server's data is on
// tmpfs (/dev/shm) where there is one, so the disk's flush latency does not hide the event loop's share.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { exportStrategyDocument } from '../../main/export/export-document';
import type { PageNumberMode } from '../../main/export/layout-pass';
import { createPejlingServer } from '../../main/server/server';
import { generateLargeStrategy } from '../generate-large-strategy';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { percentile } from '../lib/stats';

const GROUP = '7 Sync during export';
const PROBE_INTERVAL_MS = 50;

interface Samples {
  sync: number[];
  healthz: number[];
}

function healthz(base: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}/healthz`, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function measureExportSync(ctx: BenchContext): Promise<Figure[]> {
  const dataDir = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pejling-bench-export-sync-'));
  const server = await createPejlingServer({ dataDir, logger: () => undefined });
  const clients = [0, 1].map(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws'), 'export-sync', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  });
  const [writer, reader] = clients as [(typeof clients)[0], (typeof clients)[0]];
  try {
    const deadline = Date.now() + 10_000;
    while (!(writer.provider.synced && reader.provider.synced)) {
      if (Date.now() > deadline) throw new Error('the probe clients did not sync');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    let n = 0;
    const probe = async (running: () => boolean, into: Samples): Promise<void> => {
      while (running()) {
        into.healthz.push(await healthz(server.url));
        const key = `k${n++}`;
        const sent = performance.now();
        const seen = new Promise<number>((resolve) => {
          const map = reader.doc.getMap<number>('probe');
          const watch = (): void => {
            if (!map.has(key)) return;
            map.unobserve(watch);
            resolve(performance.now() - sent);
          };
          map.observe(watch);
        });
        writer.doc.getMap<number>('probe').set(key, n);
        into.sync.push(await seen);
        await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
      }
    };

    const idle: Samples = { sync: [], healthz: [] };
    const idleUntil = performance.now() + (ctx.quick ? 2000 : 5000);
    await probe(() => performance.now() < idleUntil, idle);

    const mode: PageNumberMode = ctx.quick ? 'quick' : 'estimate';
    const strategy = generateLargeStrategy();
    const during: Samples = { sync: [], healthz: [] };
    let exporting = true;
    const started = performance.now();
    const exported = exportStrategyDocument(strategy, { part: 'strategy', style: 'kommune', pageNumbers: mode }).finally(() => {
      exporting = false;
    });
    const probing = probe(() => exporting, during);
    const result = await exported;
    await probing;
    const exportMs = performance.now() - started;
    ctx.log(`  sync during a '${mode}' export (${Math.round(exportMs)} ms): p95 ${percentile(during.sync, 95).toFixed(1)} ms over ${during.sync.length} edits; idle p95 ${percentile(idle.sync, 95).toFixed(1)} ms`);
    return [
      figure({
        id: 'export.sync-during.p95',
        group: GROUP,
        title: `Sync p95 while a large export runs ('${mode}' page numbers, export in a worker thread)`,
        value: percentile(during.sync, 95),
        unit: 'ms',
        baseline: { label: 'same probe, no export running', value: percentile(idle.sync, 95), unit: 'ms' },
        budget: { text: 'p95 < 100 ms', maxValue: 100 },
        details: {
          exportMs: Math.round(exportMs),
          pages: result.pageCount,
          pageSource: result.pageSource,
          edits: during.sync.length,
          syncP50: percentile(during.sync, 50),
          syncMax: Math.max(...during.sync),
          healthzP95: percentile(during.healthz, 95),
          healthzMax: Math.max(...during.healthz),
          idleSyncP50: percentile(idle.sync, 50),
          idleHealthzP95: percentile(idle.healthz, 95),
          dataOnTmpfs: dataDir.startsWith('/dev/shm'),
        },
      }),
    ];
  } finally {
    for (const client of clients) {
      client.provider.destroy();
      client.doc.destroy();
    }
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
