import type { MaskStyle, RegionKind } from './values';

// What a public-use copy (公开使用副本, rules art. 13) is made of: the operations the chief marks on the original and the
// record kept of each copy (the DTOs are in main/public-copy). Times are seconds on the original's own timeline; rectangles are pixels of its frame.

/** Where a masked rectangle is at one moment of the original. */
export interface KeyFrame {
  t: number;
  x: number;
  y: number;
  w: number;
  h: number;
}


/** A rectangle hidden from `from` to `to`; between key frames it moves linearly, outside them it stays put. */
export interface Region {
  kind: RegionKind;
  style: MaskStyle;
  from: number;
  to: number;
  /** At least one, in time order. */
  keyFrames: KeyFrame[];
}

export interface TimeRange {
  from: number;
  to: number;
}

/** Everything a copy does to its original, exactly as recorded in its provenance. */
export interface CopyOperations {
  /** The part of the original the copy covers. */
  range: TimeRange;
  regions: Region[];
  /** Silenced, on the original's timeline. */
  mute: TimeRange[];
}

/** The frame the operations are drawn on. */
export interface FrameSize {
  width: number;
  height: number;
}


// -- Motion: shared by the filtergraph and the editor that draws the rectangles live --


export type Rect = Omit<KeyFrame, 't'>;

const lerp = (a: number, b: number, f: number): number => a + (b - a) * f;

/** The rectangle at time t: linear between the key frames around it, held before the first and after the last. */
export function rectAt(keyFrames: readonly KeyFrame[], t: number): Rect {
  const first = keyFrames[0];
  if (!first) throw new Error('a region needs a key frame');
  if (t <= first.t) return { x: first.x, y: first.y, w: first.w, h: first.h };
  for (let i = 1; i < keyFrames.length; i++) {
    const b = keyFrames[i]!;
    if (t <= b.t) {
      const a = keyFrames[i - 1]!;
      const f = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t);
      return { x: lerp(a.x, b.x, f), y: lerp(a.y, b.y, f), w: lerp(a.w, b.w, f), h: lerp(a.h, b.h, f) };
    }
  }
  const last = keyFrames[keyFrames.length - 1]!;
  return { x: last.x, y: last.y, w: last.w, h: last.h };
}

/** Whether a region hides anything at time t. */
export const regionActive = (r: Pick<Region, 'from' | 'to'>, t: number): boolean => t >= r.from && t <= r.to;

/** One stretch of a region over which its rectangle moves linearly from `a` to `b`. */
export interface Segment {
  from: number;
  to: number;
  a: Rect;
  b: Rect;
}

/**
 * The region cut at its key frames into linear stretches, clipped to [from, to] and to `within`.
 * Between key frames a rectangle is linear in time, so each stretch is exactly its two ends joined by a line.
 */
export function regionSegments(region: Region, within: { from: number; to: number }): Segment[] {
  const from = Math.max(region.from, within.from);
  const to = Math.min(region.to, within.to);
  if (!(to > from)) return [];
  const cuts = [from, ...region.keyFrames.map((k) => k.t).filter((t) => t > from && t < to), to];
  const out: Segment[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const s = cuts[i - 1]!;
    const e = cuts[i]!;
    if (e > s) out.push({ from: s, to: e, a: rectAt(region.keyFrames, s), b: rectAt(region.keyFrames, e) });
  }
  return out;
}

/** Sets or replaces the key frame at t (within half a frame at `fps`), keeping time order: what a drag in the editor does. */
export function withKeyFrame(keyFrames: readonly KeyFrame[], k: KeyFrame, fps = 25): KeyFrame[] {
  const tolerance = 0.5 / fps;
  const rest = keyFrames.filter((f) => Math.abs(f.t - k.t) > tolerance);
  return [...rest, k].sort((a, b) => a.t - b.t);
}
