// One LibreOffice kept running (issue 16, "speed with right page numbers"): a headless soffice with its own
// profile, driven through UNO by the Python bridge in ./bridge-source.ts, which this module starts and talks
// to over stdin/stdout in JSON lines. Starting soffice is about a second of the two to four that a one-shot
// `soffice --convert-to` took per conversion of a 17-page strategy, and the bridge reads the table of
// contents' pages straight from the layout (no PDF needed for a Word export) and checks new page numbers in
// the loaded document instead of converting the document again.
//
// Lifetime: started on the first conversion and kept while the process (app, server, CLI batch) runs; a
// dead bridge or soffice is started again on the next conversion (the bridge restarts a dead soffice itself
// and converts once more); a conversion that takes longer than its timeout ends both processes and fails
// with a LibreOfficeError; stop() ends them, and so does the process's exit (synchronously, by process
// group). The bridge takes soffice along when its stdin closes or its parent is gone (a killed app).
// While no conversion runs the children are unref'ed, so a CLI exits when its work is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { LibreOfficeError } from '../libreoffice';
import { TAGGED_PDF_OPTIONS } from '../pdf/pdf-filter';
import { BRIDGE_SOURCE } from './bridge-source';

/** What LibreOffice is doing for an export (shown as the export's progress). */
export type OfficePhase = 'laying-out' | 'checking' | 'writing-pdf' | 'restarting';

export interface OfficeLayoutRequest {
  docx: Uint8Array;
  /** Read (and check) the table of contents' page numbers. */
  toc: boolean;
  /** Layouts at most: the first, and each check after writing the laid-out pages into the entries. */
  maxPasses?: number;
  /** Also export the tagged PDF (./pdf/pdf-filter.ts) of the document as laid out last. */
  pdf?: boolean;
  timeoutMs?: number;
}

/** A layout's answer. The page fields are there when the request asked for the table of contents. */
export interface OfficeLayout {
  /** The page each table-of-contents entry's heading is on, in the entries' order (the headings' order). */
  headingPages?: number[];
  /** The page numbers the entries carried in the document given. */
  writtenPages?: number[];
  /** True when the given numbers were already right: that layout was the check. */
  agreedFirst?: boolean;
  /** True when the last layout confirmed `headingPages` as written in the entries. */
  verified?: boolean;
  /** True when the check ran inside soffice (the bridge's UNO component), false when over the pipe. */
  checkedInSoffice?: boolean;
  pageCount: number;
  passes: number;
  layoutMs: number;
  pdfMs?: number;
}

export interface OfficeLayoutResult extends OfficeLayout {
  pdf?: Uint8Array;
}

export interface OfficeEvents {
  onPhase?: (phase: OfficePhase) => void;
  /** The pages, before the PDF is written (so the caller can write its final .docx meanwhile). */
  onPages?: (layout: OfficeLayout) => void;
}

/** A warm LibreOffice, here or in another thread (./office-port.ts). */
export interface Office {
  layout(request: OfficeLayoutRequest, events?: OfficeEvents): Promise<OfficeLayoutResult>;
}

interface Pending {
  /** The bridge the request went to (an old bridge's exit must not fail a newer one's requests). */
  bridge: ChildProcess;
  events: OfficeEvents | undefined;
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

type BridgeMessage = {
  id?: number;
  event?: 'ready' | 'failed' | 'phase' | 'pages';
  ok?: boolean;
  error?: string;
  phase?: OfficePhase;
  result?: Record<string, unknown>;
  sofficePid?: number | null;
};

const live = new Set<WarmOffice>();
let exitHook = false;

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export interface WarmOfficeOptions {
  soffice: string;
  python: string;
  /** Per conversion (default 120 s: the large strategy takes 5-20 s on a loaded 2-core machine). */
  timeoutMs?: number;
  /** For soffice to answer on its pipe (default 120 s). */
  startTimeoutMs?: number;
}

export class WarmOffice implements Office {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private workdir: string | undefined;
  private sofficePid: number | undefined;
  private stderr = '';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times the bridge was started (a restart after a death counts). */
  bridgeStarts = 0;

  constructor(readonly options: WarmOfficeOptions) {}

  /** The bridge's and soffice's process ids while they run. */
  processIds(): { bridge?: number; soffice?: number } {
    return {
      ...(this.child?.pid !== undefined && this.child.exitCode === null ? { bridge: this.child.pid } : {}),
      ...(this.sofficePid !== undefined ? { soffice: this.sofficePid } : {}),
    };
  }

  /** Starts the bridge and soffice unless they run; resolves when soffice answers. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const ready = this.spawnBridge();
    this.ready = ready;
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
    });
    return ready;
  }

  layout(request: OfficeLayoutRequest, events?: OfficeEvents): Promise<OfficeLayoutResult> {
    const run = this.queue.then(() => this.runLayout(request, events));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the bridge and soffice and removes their folder. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        (child.stdin as Writable | null)?.write(`${JSON.stringify({ op: 'quit' })}\n`);
      } catch {
        /* the pipe is gone */
      }
      const timer = setTimeout(() => this.kill(), 10_000);
      await exited;
      clearTimeout(timer);
    }
    this.kill();
  }

  private async spawnBridge(): Promise<void> {
    this.kill();
    const workdir = mkdtempSync(path.join(os.tmpdir(), 'pejling-office-'));
    this.workdir = workdir;
    const script = path.join(workdir, 'bridge.py');
    await writeFile(script, BRIDGE_SOURCE);
    await mkdir(path.join(workdir, 'jobs'));
    const child = spawn(this.options.python, ['-u', script, this.options.soffice, workdir], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    this.child = child;
    this.bridgeStarts += 1;
    this.stderr = '';
    live.add(this);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const office of live) office.kill();
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    return new Promise<void>((resolve, reject) => {
      let started = false;
      let soffice: number | undefined;
      const timer = setTimeout(() => {
        this.kill();
        reject(new LibreOfficeError(`LibreOffice did not start within ${Math.round((this.options.startTimeoutMs ?? 120_000) / 1000)} s`));
      }, this.options.startTimeoutMs ?? 120_000);
      const lines = createInterface({ input: child.stdout as Readable });
      lines.on('line', (line) => {
        let message: BridgeMessage;
        try {
          message = JSON.parse(line) as BridgeMessage;
        } catch {
          return;
        }
        if (typeof message.sofficePid === 'number') {
          soffice = message.sofficePid;
          if (this.child === child) this.sofficePid = soffice;
        }
        if (message.event === 'ready') {
          started = true;
          clearTimeout(timer);
          this.idle();
          resolve();
        } else if (message.event === 'failed') {
          clearTimeout(timer);
          reject(new LibreOfficeError(message.error ?? 'LibreOffice did not start'));
        } else if (message.id !== undefined) {
          this.answer(message);
        }
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new LibreOfficeError(`the LibreOffice bridge could not be started (${this.options.python}): ${error.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        // soffice goes with its bridge: the bridge ends it, unless it was killed itself.
        killGroup(soffice);
        if (this.child === child) {
          this.sofficePid = undefined;
          this.child = undefined;
          this.ready = undefined;
          live.delete(this);
        }
        const why = `the LibreOffice bridge stopped (${signal ?? `exit code ${code}`})${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').pop()}` : ''}`;
        if (!started) reject(new LibreOfficeError(why));
        for (const [id, pending] of this.pending) {
          if (pending.bridge !== child) continue;
          this.pending.delete(id);
          pending.reject(new LibreOfficeError(why));
        }
      });
    });
  }

  private answer(message: BridgeMessage): void {
    const pending = this.pending.get(message.id!);
    if (!pending) return;
    if (message.event === 'phase' && message.phase) pending.events?.onPhase?.(message.phase);
    else if (message.event === 'pages' && message.result) pending.events?.onPages?.(message.result as unknown as OfficeLayout);
    else if (message.ok === true) {
      this.pending.delete(message.id!);
      pending.resolve(message.result ?? {});
    } else if (message.ok === false) {
      this.pending.delete(message.id!);
      pending.reject(new LibreOfficeError(`LibreOffice could not lay out the document: ${message.error ?? 'unknown error'}`));
    }
  }

  private async runLayout(request: OfficeLayoutRequest, events?: OfficeEvents): Promise<OfficeLayoutResult> {
    events?.onPhase?.('laying-out');
    await this.start();
    const id = this.nextId++;
    const jobs = path.join(this.workdir!, 'jobs');
    const input = path.join(jobs, `${id}.docx`);
    const output = path.join(jobs, `${id}.pdf`);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 120_000;
    await writeFile(input, request.docx);
    this.busy();
    try {
      const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          // A conversion that hangs takes the office down with it; the next one starts afresh.
          this.kill();
          reject(new LibreOfficeError(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        this.pending.set(id, {
          bridge: this.child!,
          events,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        const line = { id, op: 'layout', input, toc: request.toc, maxPasses: request.maxPasses ?? 3, ...(request.pdf ? { pdf: output, filter: TAGGED_PDF_OPTIONS } : {}) };
        (this.child!.stdin as Writable).write(`${JSON.stringify(line)}\n`);
      });
      const layout = result as unknown as OfficeLayout;
      if (!request.pdf) return layout;
      let pdf: Buffer;
      try {
        pdf = await readFile(output);
      } catch {
        throw new LibreOfficeError('LibreOffice wrote no PDF');
      }
      return { ...layout, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    } finally {
      this.idle();
      // The bridge closes the document after answering: on Windows the files may still be open for a moment.
      await rm(input, { force: true }).catch(() => undefined);
      await rm(output, { force: true }).catch(() => undefined);
    }
  }

  /** A conversion runs: the children keep the process alive. */
  private busy(): void {
    const child = this.child;
    if (!child) return;
    child.ref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { ref?: () => void } | null)?.ref?.();
  }

  /** Nothing runs: the children do not keep the process alive (the exit hook ends them). */
  private idle(): void {
    const child = this.child;
    if (!child || this.pending.size > 0) return;
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  /** Ends both processes at once (synchronous: also used on the process's exit). */
  kill(): void {
    killGroup(this.sofficePid);
    this.sofficePid = undefined;
    const child = this.child;
    if (child?.pid !== undefined && child.exitCode === null) killGroup(child.pid);
    this.child = undefined;
    this.ready = undefined;
    live.delete(this);
    if (this.workdir) {
      rmSync(this.workdir, { recursive: true, force: true });
      this.workdir = undefined;
    }
  }
}
