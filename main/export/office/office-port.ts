// The warm LibreOffice across a thread boundary: an export runs in a worker thread (../export-document.ts),
// the office lives in the main thread, which outlives the worker. The worker's side is an Office whose
// layout() posts the request (the .docx transferred, not copied) and receives the phases, the pages and the
// result; the main side serves the port with this process's shared office. The export's own progress
// (writing the .docx) travels on the same port.
import type { MessagePort } from 'node:worker_threads';
import { LibreOfficeError } from '../libreoffice';
import { sharedWarmOffice } from './shared-office';
import type { Office, OfficeLayout, OfficeLayoutRequest, OfficeLayoutResult, OfficePhase } from './warm-office';

/** An export's phase as the user sees it. */
export type ExportPhase = 'writing' | Exclude<OfficePhase, 'restarting'>;

type ToMain =
  | { id: number; kind: 'probe'; soffice: string }
  | { id: number; kind: 'layout'; soffice: string; request: OfficeLayoutRequest }
  | { kind: 'export-phase'; phase: ExportPhase };

type ToWorker =
  | { id: number; kind: 'probe'; available: boolean }
  | { id: number; kind: 'phase'; phase: OfficePhase }
  | { id: number; kind: 'pages'; layout: OfficeLayout }
  | { id: number; kind: 'done'; result: OfficeLayoutResult }
  | { id: number; kind: 'error'; message: string };

/** Main thread: answers one worker's office requests; `onPhase` gets the export's phases. */
export function serveOffice(port: MessagePort, onPhase?: (phase: ExportPhase) => void): void {
  const reply = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
    try {
      port.postMessage(message, transfer);
    } catch {
      /* the worker is gone */
    }
  };
  port.on('message', (message: ToMain) => {
    if (message.kind === 'export-phase') {
      onPhase?.(message.phase);
      return;
    }
    const { id } = message;
    void sharedWarmOffice(message.soffice).then(async (office) => {
      if (message.kind === 'probe') return reply({ id, kind: 'probe', available: office !== undefined });
      if (!office) return reply({ id, kind: 'error', message: 'no warm LibreOffice in this process' });
      try {
        const result = await office.layout(message.request, {
          // The worker's export passes the phases on itself ('export-phase').
          onPhase: (phase) => reply({ id, kind: 'phase', phase }),
          onPages: (layout) => reply({ id, kind: 'pages', layout }),
        });
        reply({ id, kind: 'done', result }, result.pdf ? [result.pdf.buffer as ArrayBuffer] : []);
      } catch (error) {
        reply({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}

/** Worker thread: the office behind the port, and the export's phases sent back. */
export function officeOverPort(port: MessagePort): { provider: (soffice: string) => Promise<Office | undefined>; phase: (phase: ExportPhase) => void } {
  let nextId = 1;
  const waiting = new Map<number, (message: ToWorker) => void>();
  port.on('message', (message: ToWorker) => waiting.get(message.id)?.(message));
  const ask = (message: ToMain & { id: number }, transfer: ArrayBuffer[], onMessage: (reply: ToWorker) => boolean) => {
    waiting.set(message.id, (reply) => {
      if (onMessage(reply)) waiting.delete(message.id);
    });
    port.postMessage(message, transfer);
  };
  const probes = new Map<string, Promise<Office | undefined>>();
  const provider = (soffice: string): Promise<Office | undefined> => {
    let probe = probes.get(soffice);
    if (!probe) {
      probe = new Promise((resolve) => {
        ask({ id: nextId++, kind: 'probe', soffice }, [], (reply) => {
          if (reply.kind !== 'probe') return false;
          resolve(reply.available ? office(soffice) : undefined);
          return true;
        });
      });
      probes.set(soffice, probe);
    }
    return probe;
  };
  const office = (soffice: string): Office => ({
    layout: (request, events) =>
      new Promise((resolve, reject) => {
        // A copy of the bytes: the caller keeps its .docx, the copy is transferred.
        const docx = request.docx.slice();
        ask({ id: nextId++, kind: 'layout', soffice, request: { ...request, docx } }, [docx.buffer as ArrayBuffer], (reply) => {
          if (reply.kind === 'phase') events?.onPhase?.(reply.phase);
          else if (reply.kind === 'pages') events?.onPages?.(reply.layout);
          else if (reply.kind === 'done') resolve(reply.result);
          else if (reply.kind === 'error') reject(new LibreOfficeError(reply.message));
          return reply.kind === 'done' || reply.kind === 'error';
        });
      }),
  });
  return { provider, phase: (phase) => port.postMessage({ kind: 'export-phase', phase } satisfies ToMain) };
}
