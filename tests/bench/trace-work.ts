import type { CDPSession } from 'playwright-core';

/**
 * The renderer main thread's CPU time while `run` runs, from a DevTools trace: each event's thread time (`tdur`),
 * not its wall time, so the numbers hold up on a loaded machine where a task waits for a core. `task` is all
 * top-level tasks; the others are the parts the Performance panel names (script, style, layout, paint …), each
 * inclusive (a style recalculation forced inside a script call counts in both).
 */
export interface ThreadWork {
  task: number;
  script: number;
  style: number;
  layout: number;
  paint: number;
  gc: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Trace event names → the part they count in (outermost only: a part's events nested in the same part count once). */
const PARTS: Record<string, keyof Omit<ThreadWork, 'task'>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

export async function traceWork<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; work: ThreadWork }> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const result = await run();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return { result, work: mainThreadWork(events) };
}

/** Sums thread time on the busiest CrRendererMain thread (the page's), in ms. */
export function mainThreadWork(events: TraceEvent[]): ThreadWork {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const count = (k: string) => events.filter((e) => `${e.pid}:${e.tid}` === k).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  const work: ThreadWork = { task: 0, script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  // Complete events ('X') nest by time; an event inside another of the same part is not counted again.
  const open: { end: number; part: string }[] = [];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  for (const e of onMain) {
    const ts = e.ts;
    while (open.length && open[open.length - 1]!.end <= ts) open.pop();
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    const part = e.name === 'RunTask' ? 'task' : PARTS[e.name];
    if (part && !open.some((o) => o.part === part)) work[part as keyof ThreadWork] += ms;
    open.push({ end: ts + (e.dur ?? 0), part: part ?? '' });
  }
  return work;
}
