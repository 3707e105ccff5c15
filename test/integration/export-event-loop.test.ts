// Issue 20 item 4: a Word export of the largest strategy runs off the event loop, so the server in the
// same process (as in `pejling server` and the desktop host) keeps answering /healthz and relaying sync
// within 100 ms while it runs. Before, the export ran on the loop and blocked both for its whole length.
import { request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { exportStrategyDocument } from '../../main/export/export-document';
import { largeStrategy } from './export-helpers';
import { removeTempDirs, startTestServer, stockClient, waitFor } from './server-helpers';

afterAll(removeTempDirs);

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

const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? Infinity;

describe('Word export and the event loop', () => {
  it('/healthz and sync answer within 100 ms while the largest strategy exports', async () => {
    const server = await startTestServer();
    const writer = stockClient(server.wsUrl, 'under-export');
    const reader = stockClient(server.wsUrl, 'under-export');
    try {
      await waitFor(() => writer.provider.synced && reader.provider.synced, { message: 'both clients synced' });
      const strategy = largeStrategy();
      let n = 0;
      /** Probes /healthz and one edit's trip writer → server → reader, every 40 ms while `running()`. */
      const probe = async (running: () => boolean, health: number[], sync: number[]): Promise<void> => {
        while (running()) {
          health.push(await healthz(server.server.url));
          // One edit from the writer; the time until the reader has it (through the server).
          const key = `k${n++}`;
          const sent = performance.now();
          const seen = new Promise<number>((resolve) => {
            const map = reader.doc.getMap('probe');
            const watch = (): void => {
              if (map.has(key)) {
                map.unobserve(watch);
                resolve(performance.now() - sent);
              }
            };
            map.observe(watch);
          });
          writer.doc.getMap('probe').set(key, n);
          sync.push(await seen);
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      };
      // The same probes without an export first: what the machine gives anyway (the server writes each
      // edit durably before relaying it, so a sync trip includes an fsync).
      const idleHealth: number[] = [];
      const idleSync: number[] = [];
      const idleUntil = performance.now() + 2000;
      await probe(() => performance.now() < idleUntil, idleHealth, idleSync);

      const health: number[] = [];
      const sync: number[] = [];
      let exporting = true;
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const started = performance.now();
      // 'quick' page numbers keep the test short; the bench measures the heavier modes.
      const exported = exportStrategyDocument(strategy, { part: 'strategy', style: 'kommune', pageNumbers: 'quick' }).finally(() => {
        exporting = false;
      });
      const probing = probe(() => exporting, health, sync);
      const result = await exported;
      await probing;
      loop.disable();
      const exportMs = performance.now() - started;
      const loopP99 = loop.percentile(99) / 1e6;
      const loopMax = loop.max / 1e6;
      console.log(
        `export of the large strategy: ${Math.round(exportMs)} ms, ${result.pageCount} pages; during it /healthz p95 ${p95(health).toFixed(1)} ms ` +
          `(max ${Math.max(...health).toFixed(1)}, n=${health.length}), sync p95 ${p95(sync).toFixed(1)} ms (max ${Math.max(...sync).toFixed(1)}, n=${sync.length}); ` +
          `without an export: /healthz p95 ${p95(idleHealth).toFixed(1)} ms, sync p95 ${p95(idleSync).toFixed(1)} ms; event-loop delay p99 ${loopP99.toFixed(1)} ms, max ${loopMax.toFixed(1)} ms`,
      );
      expect(result.bytes.length).toBeGreaterThan(100_000);
      expect(health.length).toBeGreaterThan(10);
      // On the loop, the export held it for its whole length (max delay = the export's time); in a worker
      // the loop's longest stall is scheduling noise. (The delay percentiles also count the time this
      // process waits for a CPU on a shared machine, so the bound is on the longest stall, not on p99.)
      expect(loopMax).toBeLessThan(Math.min(1000, exportMs / 4));
      expect(p95(health)).toBeLessThan(100);
      // A sync trip includes the server's fsync, which the export cannot shorten: on a disk slower than
      // 100 ms per fsync (seen on this shared machine), the bound is what the same probe gives without an export.
      expect(p95(sync)).toBeLessThan(Math.max(100, 2 * p95(idleSync)));
    } finally {
      writer.destroy();
      reader.destroy();
      await server.stop();
    }
  }, 180_000);
});
