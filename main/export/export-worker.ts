// The worker thread of the Word export (see ./export-document.ts): receives one strategy and request,
// runs the export (docx, the layout estimate, the LibreOffice passes) and posts the result back, its
// bytes transferred rather than copied. One export per worker; the thread ends when it is done.
import { parentPort, workerData } from 'node:worker_threads';
import type { StrategyFile } from '../../shared/format/schema';
import { exportStrategyDocumentInProcess, type ExportRequest } from './export-in-process';
import { UnknownStyleError } from './styles';

export interface ExportWorkerInput {
  /** The strategy as JSON text: a string crosses to the thread as one copy (2 ms for the largest
   * strategy), a structured clone of the object tree held the calling thread for 30-60 ms. */
  strategyJson: string;
  /** A redline's options (its old strategy) as JSON text, for the same reason. */
  compareJson?: string;
  request: Omit<ExportRequest, 'compare'>;
}

/** An error crossing the thread boundary: enough to rebuild the classes callers test with instanceof. */
export interface ExportWorkerError {
  name: string;
  message: string;
  requested?: string;
  known?: string[];
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('export-worker.ts runs as a worker thread');
  const { strategyJson, compareJson, request } = workerData as ExportWorkerInput;
  try {
    const compare = compareJson === undefined ? undefined : (JSON.parse(compareJson) as ExportRequest['compare']);
    const result = await exportStrategyDocumentInProcess(JSON.parse(strategyJson) as StrategyFile, { ...request, ...(compare ? { compare } : {}) });
    port.postMessage({ ok: true, result }, [result.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const out: ExportWorkerError =
      error instanceof UnknownStyleError
        ? { name: error.name, message: error.message, requested: error.requested, known: error.known }
        : { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
    port.postMessage({ ok: false, error: out });
  }
}

void main();
