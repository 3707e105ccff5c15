// Chrome DevTools protocol helpers: renderer metrics (layouts, heap) and a CPU profile summarised as
// the functions that took the most time, so a missed budget comes with where the time went.
import type { CDPSession, Page } from '@playwright/test';
import type { FrameResolver } from './source-map';

export type Metrics = Record<string, number>;

export async function cdpSession(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

export async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Layout work between two metric snapshots: count and seconds. */
export function layoutDelta(before: Metrics, after: Metrics): { layouts: number; layoutMs: number; styleRecalcMs: number } {
  const d = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  return { layouts: d('LayoutCount'), layoutMs: Math.round(d('LayoutDuration') * 1000), styleRecalcMs: Math.round(d('RecalcStyleDuration') * 1000) };
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapUsedAfterGc(session: CDPSession): Promise<{ usedBytes: number; totalBytes: number }> {
  await session.send('HeapProfiler.collectGarbage');
  const m = await metrics(session);
  return { usedBytes: m.JSHeapUsedSize ?? Number.NaN, totalBytes: m.JSHeapTotalSize ?? Number.NaN };
}

export interface ProfileEntry {
  function: string;
  /** file:line of the function (file name only). */
  where: string;
  selfMs: number;
  selfPercent: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Runs `action` under the V8 CPU profiler of the page; returns the top functions by self time. */
export async function profileTop<T>(
  session: CDPSession,
  action: () => Promise<T>,
  options: { top?: number; resolve?: FrameResolver } = {},
): Promise<{ result: T; top: ProfileEntry[]; totalMs: number }> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await session.send('Profiler.start');
  let result: T;
  let stopped: { profile: unknown };
  try {
    result = await action();
  } finally {
    stopped = await session.send('Profiler.stop');
  }
  const summary = summariseCpuProfile(stopped.profile as CpuProfile, options.top ?? 12, options.resolve);
  return { result: result!, ...summary };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The functions with the most self time in a V8 CPU profile (CDP or a --cpu-prof .cpuprofile file).
 * `resolve` maps frames of minified bundles back to their sources (bench/lib/source-map.ts).
 */
export function summariseCpuProfile(profile: CpuProfile, top = 12, resolve?: FrameResolver): { top: ProfileEntry[]; totalMs: number } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    totalUs += delta;
    const frame = node.callFrame;
    const original = resolve && frame.url ? resolve(frame.url, frame.lineNumber, frame.columnNumber) : null;
    const file = frame.url.split('/').pop() ?? '';
    const where = original ? `${original.file}:${original.line}` : file ? `${file}:${frame.lineNumber + 1}` : '';
    const key = `${original?.name ?? (frame.functionName || '(anonymous)')}\u0000${where}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  });
  const topEntries = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, where] = key.split('\u0000') as [string, string];
      return { function: fn, where, selfMs: Math.round(us / 1000), selfPercent: Math.round((1000 * us) / totalUs) / 10 };
    });
  return { top: topEntries, totalMs: Math.round(totalUs / 1000) };
}

