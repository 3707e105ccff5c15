// Work that a keystroke causes but that nothing on screen needs before the next frame (writing the local copy,
// remembering the unsynced count, re-rendering the status bar) runs after that frame is painted, so it is not
// between the keydown and the frame that shows the character.
//
// Why (measured in the large strategy, CPU profile of 30 keystrokes, bench/scenarios/open-strategy.ts): inside the
// keydown task each keystroke opened an IndexedDB transaction and added the update (~0.8 ms), wrote and then
// removed the unsynced count in localStorage (~0.6 ms), and re-rendered the status bar before the frame.

/** A frame callback never comes in a hidden tab: then (and as a bound on a busy page) a timer runs the work. */
const FALLBACK_MS = 100;

// One queue for the whole window: one frame callback and one timer per frame, however many pieces of work wait
// (the profile showed a timer and a frame request per scheduled piece costing more than the work they deferred).
const queue = new Set<() => void>();
let frame = 0;
let task: ReturnType<typeof setTimeout> | null = null;
let fallback: ReturnType<typeof setTimeout> | null = null;

function drain(): void {
  if (frame) cancelAnimationFrame(frame);
  if (task !== null) clearTimeout(task);
  if (fallback !== null) clearTimeout(fallback);
  frame = 0;
  task = null;
  fallback = null;
  const work = [...queue];
  queue.clear();
  for (const run of work) {
    try {
      run();
    } catch (error) {
      // One failing piece must not keep the others from running.
      console.error('Pejling: work deferred to after the frame failed:', error);
    }
  }
}

function request(): void {
  if (fallback !== null) return;
  fallback = setTimeout(drain, FALLBACK_MS);
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    frame = requestAnimationFrame(() => {
      frame = 0;
      // The frame's own rendering follows this callback; a task queued now runs after it.
      task = setTimeout(drain, 0);
    });
  }
}

/**
 * Coalesces calls into one run after the next frame has been painted (a task queued from that frame's animation
 * callback), or after FALLBACK_MS when no frame comes (hidden tab): `schedule()` as often as wanted, `flush()` to run now what
 * is scheduled (the tab is going away), `cancel()` to drop it.
 */
export function paintCoalescer(work: () => void): { schedule(): void; flush(): void; cancel(): void } {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    work();
  };
  return {
    schedule() {
      if (scheduled) return;
      scheduled = true;
      queue.add(run);
      request();
    },
    flush() {
      if (!scheduled) return;
      queue.delete(run);
      run();
    },
    cancel() {
      scheduled = false;
      queue.delete(run);
    },
  };
}
