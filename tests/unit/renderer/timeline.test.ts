// Issue 11, item 9: the player's timeline and the library's summary say the same about overlapping segments.
import { describe, expect, it } from 'vitest';
import { buildTimeline, continuityText } from '../../../renderer/src/components/player/timeline';

const seg = (mediaId: number, startIso: string, durationSec: number) => ({
  mediaId, originalName: `${mediaId}.MP4`, startAt: startIso, endAt: null, durationSec, needsProxy: false,
});

describe('timeline overlaps', () => {
  it('a segment starting one second before the previous ends is an overlap, never "无中断"', () => {
    const t = buildTimeline([seg(1, '2026-11-23T01:00:00Z', 10), seg(2, '2026-11-23T01:00:09Z', 10)]);
    expect(t.gaps).toEqual([]);
    expect(t.overlaps).toEqual([{ offset: 10, seconds: 1 }]);
    expect(continuityText(t.gaps.length, t.overlaps.length)).toBe('1 处时间重叠（记录仪时钟问题）');
  });

  it('uses what the recording reports, so the summary and the timeline agree', () => {
    const t = buildTimeline([seg(1, '2026-11-23T01:00:00Z', 10), seg(2, '2026-11-23T01:00:09Z', 10)], [], [{ afterMediaId: 1, seconds: 1 }]);
    expect(t.overlaps).toHaveLength(1);
    expect(continuityText(0, 1)).toBe(continuityText(t.gaps.length, t.overlaps.length));
  });

  it('contiguous segments: 无中断; a gap: 中断', () => {
    const c = buildTimeline([seg(1, '2026-11-23T01:00:00Z', 10), seg(2, '2026-11-23T01:00:10Z', 10)]);
    expect(continuityText(c.gaps.length, c.overlaps.length)).toBe('无中断');
    const g = buildTimeline([seg(1, '2026-11-23T01:00:00Z', 10), seg(2, '2026-11-23T01:00:15Z', 10)]);
    expect(continuityText(g.gaps.length, g.overlaps.length)).toBe('1 处中断');
  });
});
