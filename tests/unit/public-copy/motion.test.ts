import { describe, expect, it } from 'vitest';
import { rectAt, regionSegments, withKeyFrame, type KeyFrame, type Region } from '../../../main/common';

const k = (t: number, x: number, y = 10, w = 40, h = 20): KeyFrame => ({ t, x, y, w, h });

describe('key-frame motion of a masked rectangle', () => {
  const frames = [k(1, 100), k(3, 200, 50, 60, 40), k(5, 100)];

  it('is linear between key frames and exact on them', () => {
    expect(rectAt(frames, 1)).toEqual({ x: 100, y: 10, w: 40, h: 20 });
    expect(rectAt(frames, 2)).toEqual({ x: 150, y: 30, w: 50, h: 30 });
    expect(rectAt(frames, 3)).toEqual({ x: 200, y: 50, w: 60, h: 40 });
    expect(rectAt(frames, 4.5)).toEqual({ x: 125, y: 20, w: 45, h: 25 });
  });

  it('holds before the first and after the last key frame', () => {
    expect(rectAt(frames, 0)).toEqual(rectAt(frames, 1));
    expect(rectAt(frames, 9)).toEqual(rectAt(frames, 5));
    expect(rectAt([k(2, 7)], 100)).toEqual({ x: 7, y: 10, w: 40, h: 20 });
  });

  it('cuts a region at its key frames, clipped to its own time and the copy range', () => {
    const region: Region = { kind: 'face', style: 'blur', from: 0, to: 6, keyFrames: frames };
    const segs = regionSegments(region, { from: 2, to: 10 });
    expect(segs.map((s) => [s.from, s.to])).toEqual([[2, 3], [3, 5], [5, 6]]);
    expect(segs[0]!.a.x).toBe(150);
    expect(segs[0]!.b.x).toBe(200);
    expect(segs[2]!.a).toEqual(segs[2]!.b);
    expect(regionSegments(region, { from: 7, to: 9 })).toEqual([]);
  });

  it('a drag sets the key frame at the current time, replacing one within half a frame, in time order', () => {
    const next = withKeyFrame(frames, k(3.01, 0), 25);
    expect(next.map((f) => [f.t, f.x])).toEqual([[1, 100], [3.01, 0], [5, 100]]);
    expect(withKeyFrame(frames, k(2, 1)).map((f) => f.t)).toEqual([1, 2, 3, 5]);
  });
});
