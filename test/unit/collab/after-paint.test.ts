// The after-paint queue (renderer/src/collab/after-paint.ts): work a keystroke causes runs once, after the frame
// that shows it, however often it was scheduled; a hidden tab (no frames) still runs it; flush and cancel do what
// the local copy needs when the tab goes away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paintCoalescer } from '../../../renderer/src/collab/after-paint';

let frames: FrameRequestCallback[] = [];
let visibility: 'visible' | 'hidden' = 'visible';

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  visibility = 'visible';
  vi.stubGlobal('document', {
    get visibilityState() {
      return visibility;
    },
  });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});

afterEach(() => {
  // Whatever a test left scheduled runs now, so the shared queue starts empty for the next one.
  vi.runAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The browser draws a frame: its animation callbacks run, the frame is painted, then queued tasks run. */
function drawFrame(): void {
  const callbacks = frames;
  frames = [];
  for (const callback of callbacks) callback(performance.now());
}

describe('paintCoalescer', () => {
  it('runs the work once, after the next frame is painted, however often it was scheduled', () => {
    const work = vi.fn();
    const later = paintCoalescer(work);
    later.schedule();
    later.schedule();
    later.schedule();
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    // The frame's rendering comes after its animation callbacks: the work waits for the task after them.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    later.schedule();
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('asks for one frame for all the work waiting, and runs each piece', () => {
    const first = vi.fn();
    const second = vi.fn();
    paintCoalescer(first).schedule();
    paintCoalescer(second).schedule();
    expect(frames).toHaveLength(1);
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('still runs in a hidden tab, where no frame comes, after 100 ms', () => {
    visibility = 'hidden';
    const work = vi.fn();
    paintCoalescer(work).schedule();
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(99);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs a frame that never comes on a busy page after 100 ms too', () => {
    const work = vi.fn();
    paintCoalescer(work).schedule();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('flush runs scheduled work at once and only once; cancel drops it', () => {
    const flushed = vi.fn();
    const cancelled = vi.fn();
    const a = paintCoalescer(flushed);
    const b = paintCoalescer(cancelled);
    a.flush();
    expect(flushed).not.toHaveBeenCalled();
    a.schedule();
    b.schedule();
    a.flush();
    b.cancel();
    expect(flushed).toHaveBeenCalledTimes(1);
    drawFrame();
    vi.advanceTimersByTime(100);
    expect(flushed).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('one failing piece does not keep the others from running, and is reported', () => {
    const after = vi.fn();
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    paintCoalescer(() => {
      throw new Error('boom');
    }).schedule();
    paintCoalescer(after).schedule();
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(after).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(expect.stringContaining('deferred'), expect.objectContaining({ message: 'boom' }));
    report.mockRestore();
  });
});
