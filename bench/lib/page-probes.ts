// Functions that run inside browser pages (passed to Playwright's addInitScript / evaluate, so they must
// be self-contained): the watcher that times opening a document to an interactive editor, and the
// typing probe that times each keystroke to the next frame.

export interface OpenWatch {
  focusAreaId: string;
  /** Navigator items of kind focusArea to wait for. */
  focusAreas: number;
  /** Text the focus area's editor shows once its content is there. */
  snippet: string;
  /** Character typed into the editor to prove it accepts input. */
  marker: string;
}

export interface OpenTiming {
  /** Navigator and editor present, editor showing the content (ms after t0). */
  readyMs: number;
  /** The typed marker is in the editor's ProseMirror document (ms after t0). */
  interactiveMs: number;
  /** False when ProseMirror's document could not be read and the DOM text was checked instead. */
  checkedModel: boolean;
}

/**
 * Installs `window.__benchOpen(t0)`: resolves when the navigator lists the focus areas, the focus area's
 * editor shows its text, and a character typed into it (execCommand insertText, as typing does) has
 * reached ProseMirror's document. Checked on every DOM change. With a document route in the URL at load,
 * starts at once with t0 = 0 (navigation start) and leaves the promise in `window.__benchOpenResult`.
 */
export function installOpenWatcher(watch: OpenWatch): void {
  type ViewDescHolder = HTMLElement & { pmViewDesc?: { node?: { textContent: string } } };
  const w = window as unknown as { __benchOpen: (t0: number) => Promise<OpenTiming>; __benchOpenResult?: Promise<OpenTiming> };
  w.__benchOpen = (t0: number) =>
    new Promise<OpenTiming>((resolve) => {
      let readyAt: number | null = null;
      let done = false;
      const editor = () => document.querySelector<ViewDescHolder>(`[data-field="${watch.focusAreaId}:body"] .ProseMirror`);
      const check = () => {
        if (done) return;
        const el = editor();
        if (readyAt === null) {
          const items = document.querySelectorAll('[role="tree"] [data-kind="focusArea"]').length;
          if (items < watch.focusAreas || !el || !el.isContentEditable || !(el.textContent ?? '').includes(watch.snippet)) return;
          readyAt = performance.now();
          el.focus();
          const selection = getSelection();
          selection?.selectAllChildren(el);
          selection?.collapseToEnd();
          document.execCommand('insertText', false, watch.marker);
        }
        if (!el) return;
        const modelText = el.pmViewDesc?.node?.textContent;
        const text = modelText ?? el.textContent ?? '';
        if (!text.includes(watch.marker)) return;
        done = true;
        observer.disconnect();
        resolve({ readyMs: readyAt - t0, interactiveMs: performance.now() - t0, checkedModel: modelText !== undefined });
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      const poll = () => {
        check();
        if (!done) requestAnimationFrame(poll);
      };
      poll();
    });
  if (location.hash.startsWith('#/doc/')) w.__benchOpenResult = w.__benchOpen(0);
}

/** Records, for every keydown, the time to the next animation frame and to the first task after it (painted). */
export function installTypingProbe(): void {
  const w = window as unknown as { __typing: { frame: number[]; painted: number[] } };
  w.__typing = { frame: [], painted: [] };
  document.addEventListener(
    'keydown',
    () => {
      const start = performance.now();
      requestAnimationFrame(() => {
        w.__typing.frame.push(performance.now() - start);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__typing.painted.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

export function typingSamples(): { frame: number[]; painted: number[] } {
  return (window as unknown as { __typing: { frame: number[]; painted: number[] } }).__typing;
}

/** Arrival times of WebSocket messages of at least `minBytes` (the app's own sockets), in `window.__burstArrivals`. */
export function installBurstProbe(minBytes: number): void {
  const w = window as unknown as { __burstArrivals: { at: number; bytes: number }[]; WebSocket: typeof WebSocket };
  w.__burstArrivals = [];
  const Native = w.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Registered before the app's own handler, so it runs first: the time the message reached the page.
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as unknown;
        const bytes = data instanceof ArrayBuffer ? data.byteLength : data instanceof Blob ? data.size : 0;
        if (bytes >= minBytes) w.__burstArrivals.push({ at: performance.now(), bytes });
      });
    }
  }
  w.WebSocket = ProbedWebSocket;
}

export interface BurstTiming {
  /** The burst's message reached the page (performance.now()). */
  arrivedAt: number;
  bytes: number;
  /** From arrival to the first frame whose editor holds the marker. */
  shownMs: number;
  /** From arrival to the first task after that frame (painted). */
  paintedMs: number;
}

/**
 * Resolves once a message counted by installBurstProbe arrives after this call and the editor `selector` then
 * shows `marker` (ProseMirror's document, else the DOM text), checked every frame; rejects after `timeoutMs`.
 */
export function waitForBurst([selector, marker, timeoutMs]: [string, string, number]): Promise<BurstTiming> {
  type ViewDescHolder = HTMLElement & { pmViewDesc?: { node?: { textContent: string } } };
  const w = window as unknown as { __burstArrivals: { at: number; bytes: number }[] };
  const seen = w.__burstArrivals.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const frame = () => {
      const now = performance.now();
      const arrival = w.__burstArrivals[seen];
      const el = document.querySelector<ViewDescHolder>(selector);
      const text = el ? (el.pmViewDesc?.node?.textContent ?? el.textContent ?? '') : '';
      if (arrival && text.includes(marker)) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({ arrivedAt: arrival.at, bytes: arrival.bytes, shownMs: now - arrival.at, paintedMs: performance.now() - arrival.at });
        channel.port2.postMessage(null);
        return;
      }
      if (now - started > timeoutMs) {
        reject(new Error(`no burst shown within ${timeoutMs} ms (${w.__burstArrivals.length - seen} large messages arrived)`));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Starts recording frame intervals (rAF to rAF) and long tasks; `window.__frames.stop()` returns them. */
export function startFrameWatch(): void {
  const intervals: number[] = [];
  const longTasks: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = (now: number) => {
    if (!running) return;
    intervals.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = null;
  }
  (window as unknown as { __frames: { stop(): { intervals: number[]; longTasks: number[] } } }).__frames = {
    stop() {
      running = false;
      observer?.disconnect();
      return { intervals, longTasks };
    },
  };
}

export function stopFrameWatch(): { intervals: number[]; longTasks: number[] } {
  return (window as unknown as { __frames: { stop(): { intervals: number[]; longTasks: number[] } } }).__frames.stop();
}
