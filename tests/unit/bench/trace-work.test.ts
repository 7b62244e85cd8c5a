import { describe, expect, it } from 'vitest';
import { mainThreadWork } from '../../bench/trace-work';

const thread = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const x = (name: string, ts: number, dur: number, tdur: number, tid = 1) => ({ name, ph: 'X', pid: 7, tid, ts, dur, tdur });

describe('mainThreadWork', () => {
  it('sums thread time (not wall time) per part on the page main thread, a part nested in itself once', () => {
    const events = [
      thread(7, 1, 'CrRendererMain'),
      thread(7, 2, 'Compositor'),
      // One task: a script call with a nested script call and a style recalc inside it, then layout and paint.
      x('RunTask', 0, 10_000, 8_000),
      x('FunctionCall', 100, 5_000, 4_000),
      x('FunctionCall', 200, 1_000, 1_000),
      x('UpdateLayoutTree', 1_500, 1_000, 500),
      x('Layout', 6_000, 2_000, 1_500),
      x('Paint', 8_500, 1_000, 700),
      // Another thread's work is not the page's.
      x('RunTask', 0, 50_000, 50_000, 2),
      x('FunctionCall', 0, 50_000, 50_000, 2),
    ];
    expect(mainThreadWork(events)).toEqual({ task: 8, script: 4, style: 0.5, layout: 1.5, paint: 0.7, gc: 0 });
  });

  it('takes the busiest renderer main thread when the trace holds several', () => {
    const events = [thread(7, 1, 'CrRendererMain'), thread(9, 1, 'CrRendererMain'), x('RunTask', 0, 1_000, 1_000), { ...x('RunTask', 0, 9_000, 3_000), pid: 9 }, { ...x('Layout', 10, 9_000, 3_000), pid: 9 }];
    expect(mainThreadWork(events).task).toBe(3);
  });
});
