// The worker thread of the Word export (see ./export-document.ts): receives one strategy and request,
// runs the export (docx, the layout estimate, the LibreOffice passes) and posts the result back, its
// bytes transferred rather than copied. One export per worker; the thread ends when it is done.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { StrategyFile } from '../../shared/format/schema';
import { exportStrategyDocumentInProcess, type ExportRequest } from './export-in-process';
import { officeOverPort } from './office/office-port';
import { setOfficeProvider } from './office/shared-office';
import { UnknownStyleError } from './styles';

export interface ExportWorkerInput {
  /** The strategy as JSON text: a string crosses to the thread as one copy (2 ms for the largest
   * strategy), a structured clone of the object tree held the calling thread for 30-60 ms. */
  strategyJson: string;
  /** A redline's options (its old strategy) as JSON text, for the same reason. */
  compareJson?: string;
  request: Omit<ExportRequest, 'compare'>;
  /** The main thread's warm LibreOffice (./office/office-port.ts); the export's phases go back on it too. */
  officePort?: MessagePort;
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
  const { strategyJson, compareJson, request, officePort } = workerData as ExportWorkerInput;
  const office = officePort ? officeOverPort(officePort) : undefined;
  if (office) setOfficeProvider(office.provider);
  try {
    const compare = compareJson === undefined ? undefined : (JSON.parse(compareJson) as ExportRequest['compare']);
    const result = await exportStrategyDocumentInProcess(JSON.parse(strategyJson) as StrategyFile, { ...request, ...(compare ? { compare } : {}) }, office?.phase);
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
