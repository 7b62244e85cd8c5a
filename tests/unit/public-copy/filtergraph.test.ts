import { describe, expect, it } from 'vitest';
import { rectAt, regionSegments, type CopyOperations, type Region } from '../../../main/common';
import { audioFilter, copyArgs, escapeFilterValue, maskBox, videoGraph } from '../../../main/public-copy';

const frame = { width: 640, height: 360 };
const label = { text: '公开使用副本 · SQ-0007 · 2026-11-28', fontFile: '/fonts/NotoSansCJK-Regular.ttc' };
const moving: Region = { kind: 'plate', style: 'blur', from: 0, to: 8, keyFrames: [{ t: 2, x: 100, y: 100, w: 60, h: 30 }, { t: 6, x: 300, y: 140, w: 100, h: 50 }] };

/** Evaluates one of the builder's ffmpeg expressions of t. */
function evalExpr(expr: string, t: number): number {
  const body = expr.replace(/\bt\b/g, String(t));
  return new Function('floor', 'clip', `return ${body};`)(Math.floor, (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))) as number;
}

describe('the filtergraph of a public-use copy', () => {
  it('hides the interpolated rectangle at every moment of each stretch (the box holds it)', () => {
    const ops = { range: { from: 1, to: 7 }, regions: [moving], mute: [] };
    for (const seg of regionSegments(moving, ops.range)) {
      const box = maskBox(seg, frame, ops.range.from);
      for (let t = seg.from; t <= seg.to; t += 0.1) {
        const r = rectAt(moving.keyFrames, t);
        const x = evalExpr(box.x, t - ops.range.from);
        const y = evalExpr(box.y, t - ops.range.from);
        expect(x % 2).toBe(0);
        expect(x).toBeLessThanOrEqual(r.x);
        expect(y).toBeLessThanOrEqual(r.y);
        expect(x + box.w).toBeGreaterThanOrEqual(r.x + r.w);
        expect(y + box.h).toBeGreaterThanOrEqual(r.y + r.h);
      }
    }
  });

  it('keeps the box inside the frame near its edge', () => {
    const edge: Region = { ...moving, keyFrames: [{ t: 0, x: 600, y: 330, w: 40, h: 30 }] };
    const [seg] = regionSegments(edge, { from: 0, to: 8 });
    const box = maskBox(seg!, frame, 0);
    expect(evalExpr(box.x, 3) + box.w).toBeLessThanOrEqual(640);
    expect(evalExpr(box.y, 3) + box.h).toBeLessThanOrEqual(360);
  });

  it('enables each stretch only over its own time, on the copy timeline', () => {
    const graph = videoGraph({ range: { from: 1, to: 7 }, regions: [moving], mute: [] }, frame, label);
    expect(graph).toContain('split=4[m0][s0][s1][s2]');
    expect(graph).toContain("enable='between(t,0,1)'");
    expect(graph).toContain("enable='between(t,1,5)'");
    expect(graph).toContain("enable='between(t,5,6)'");
    expect(graph).toContain('boxblur=');
    expect(graph).toMatch(/drawtext=fontfile=\/fonts\/NotoSansCJK-Regular\.ttc:text=公开使用副本 · SQ-0007 · 2026-11-28:expansion=none/);
    expect(graph.endsWith('format=yuv420p[vout]')).toBe(true);
  });

  it('pixelates by scaling down and back with nearest neighbour', () => {
    const graph = videoGraph({ range: { from: 0, to: 8 }, regions: [{ ...moving, style: 'pixelate' }], mute: [] }, frame, label);
    expect(graph).toMatch(/scale=\d+:\d+:flags=area,scale=\d+:\d+:flags=neighbor/);
    expect(graph).not.toContain('boxblur');
  });

  it('with no regions still burns the label', () => {
    expect(videoGraph({ range: { from: 0, to: 8 }, regions: [], mute: [] }, frame, label)).toMatch(/^\[0:v\]null\[m0\];\[m0\]drawtext=/);
  });

  it('silences the mute ranges, clipped to the copy and shifted to its timeline', () => {
    const ops: CopyOperations = { range: { from: 2, to: 10 }, regions: [], mute: [{ from: 0, to: 3 }, { from: 5, to: 6.5 }, { from: 11, to: 12 }] };
    expect(audioFilter(ops)).toBe("volume=volume=0:enable='between(t,0,1)+between(t,3,4.5)'");
    expect(audioFilter({ ...ops, mute: [] })).toBeNull();
  });

  it('escapes option values for the filter and the graph', () => {
    expect(escapeFilterValue("C:/a b'c,[d];e")).toBe("C\\\\:/a b\\\\\\'c\\,\\[d\\]\\;e");
  });

  it('writes H.264/AAC MP4 with faststart, input-seeked to the range, audio through the mute filter', () => {
    const args = copyArgs({ input: 'in.mp4', output: 'out.mp4', ops: { range: { from: 1.5, to: 4 }, regions: [], mute: [{ from: 2, to: 3 }] }, frame, hasAudio: true, label, comment: '公开使用副本' });
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-i') + 2)).toEqual(['-ss', '1.5', '-t', '2.5', '-i', 'in.mp4']);
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'libx264', '-c:a', 'aac', '-movflags', '+faststart', '-map', '[aout]']));
    expect(args.at(-1)).toBe('out.mp4');
    const silent = copyArgs({ input: 'in.mp4', output: 'out.mp4', ops: { range: { from: 0, to: 4 }, regions: [], mute: [] }, frame, hasAudio: false, label, comment: 'x' });
    expect(silent).toContain('-an');
    expect(silent.join(' ')).not.toContain('[aout]');
  });
});
