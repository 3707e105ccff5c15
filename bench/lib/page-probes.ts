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
