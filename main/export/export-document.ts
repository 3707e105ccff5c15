// What the host and the CLI call to export a strategy to Word. The export (docx, docx's layout estimate,
// the LibreOffice page-number passes and the re-exports between them) is seconds of CPU on a large
// strategy: it runs in a worker thread, so the server's /healthz and sync keep answering meanwhile
// (issue 20 item 4: a 24 KB title blocked every user for 46 s). ./export-in-process.ts does the work.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { ExportError } from '../../shared/export/docx/export-docx';
import type { StrategyFile } from '../../shared/format/schema';
import { exportStrategyDocumentInProcess, type ExportRequest, type ExportResult } from './export-in-process';
import type { ExportWorkerError, ExportWorkerInput } from './export-worker';
import { serveOffice, type ExportPhase } from './office/office-port';
import { UnknownStyleError } from './styles';

export type { ExportRequest, ExportResult } from './export-in-process';

/**
 * How to start the worker from where this module runs: from source (tsx, vitest) a small bootstrap
 * registers tsx in the new thread and imports export-worker.ts; in the bundled app (dist/electron) the
 * worker is its own bundle, export-worker.cjs, next to this one. Undefined when neither is found: the
 * export then runs on the calling thread, as before.
 */
function workerSource(): { code: string; eval: true } | { file: string; eval: false } | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const worker = new URL('./export-worker.ts', here).href;
    const tsx = tsxEsmApi(here);
    if (!tsx) return undefined;
    return {
      eval: true,
      code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); }).catch((error) => { require('node:worker_threads').parentPort.postMessage({ ok: false, error: { name: 'Error', message: 'the export worker did not start: ' + (error && error.message) } }); });`,
    };
  }
  const bundled = join(dirname(fileURLToPath(here)), 'export-worker.cjs');
  return existsSync(bundled) ? { eval: false, file: bundled } : undefined;
}

/** The URL of tsx's ESM API (`tsx/esm/api`), from its package.json (vitest has no import.meta.resolve). */
function tsxEsmApi(from: string): string | undefined {
  try {
    const manifest = createRequire(from).resolve('tsx/package.json');
    const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports ?? {};
    const entry = exports['./esm/api'] as { import?: string | { default?: string } } | undefined;
    const relative = typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
    return relative ? pathToFileURL(join(dirname(manifest), relative)).href : undefined;
  } catch {
    return undefined;
  }
}

function rebuildError(error: ExportWorkerError): Error {
  if (error.name === 'UnknownStyleError' && error.requested !== undefined) return new UnknownStyleError(error.requested, error.known ?? []);
  if (error.name === 'ExportError') return new ExportError(error.message);
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

function exportInWorker(source: NonNullable<ReturnType<typeof workerSource>>, input: ExportWorkerInput, onPhase?: (phase: ExportPhase) => void): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    // The warm LibreOffice lives in this thread (it outlives the worker); the worker reaches it over a port.
    const office = new MessageChannel();
    serveOffice(office.port1, onPhase);
    const workerData = { ...input, officePort: office.port2 };
    const options = { workerData, transferList: [office.port2] };
    const worker = source.eval ? new Worker(source.code, { eval: true, ...options }) : new Worker(source.file, options);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      office.port1.close();
      void worker.terminate();
    };
    worker.once('message', (message: { ok: true; result: ExportResult } | { ok: false; error: ExportWorkerError }) => {
      settle(() => (message.ok ? resolve({ ...message.result, bytes: new Uint8Array(message.result.bytes) }) : reject(rebuildError(message.error))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the Word export stopped unexpectedly (worker exit code ${code})`))));
  });
}

/** `onPhase` hears the export's phases (writing the .docx, LibreOffice laying it out, checking the page numbers, writing the PDF). */
export async function exportStrategyDocument(strategy: StrategyFile, request: ExportRequest, onPhase?: (phase: ExportPhase) => void): Promise<ExportResult> {
  const source = process.env.PEJLING_EXPORT_IN_PROCESS === '1' ? undefined : workerSource();
  if (!source) return exportStrategyDocumentInProcess(strategy, request, onPhase);
  const { compare, ...rest } = request;
  return exportInWorker(source, { strategyJson: JSON.stringify(strategy), request: rest, ...(compare ? { compareJson: JSON.stringify(compare) } : {}) }, onPhase);
}
