// Issue 11, item 9: segments that overlap on the recorder's clock are an overlap (a clock problem), not "无中断".
import { describe, expect, it } from 'vitest';
import { groupSegments } from '../../../main/ingest';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 1, 0, s));

describe('groupSegments', () => {
  it('keeps a recording whose next segment starts a second before the last ends, and records the overlap', () => {
    const [rec, ...rest] = groupSegments([
      { id: 1, start: at(0), end: at(10) },
      { id: 2, start: at(9), end: at(19) },
      { id: 3, start: at(19), end: at(29) },
    ]);
    expect(rest).toEqual([]);
    expect(rec!.mediaIds).toEqual([1, 2, 3]);
    expect(rec!.gaps).toEqual([{ afterMediaId: 1, seconds: 1, overlap: true }]);
  });

  it('a real gap stays a gap; rounding noise is neither', () => {
    const [rec] = groupSegments([
      { id: 1, start: at(0), end: at(10) },
      { id: 2, start: at(13), end: at(20) },
      { id: 3, start: new Date(at(20).getTime() - 200), end: at(30) },
    ]);
    expect(rec!.gaps).toEqual([{ afterMediaId: 1, seconds: 3 }]);
  });
});
