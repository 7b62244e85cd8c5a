/**
 * The ffmpeg command of a public-use copy, built from its operations alone (pure): each masked rectangle blurred or
 * pixelated over its time, the mute ranges silenced, the label burned into a corner, H.264/AAC MP4 with faststart.
 * The whole argument list goes into the copy's provenance as it was run.
 */
import { regionSegments, type CopyOperations, type FrameSize, type Rect, type Region, type Segment } from '../common';

/** Filter-option escaping, then filtergraph escaping (ffmpeg-filters "Notes on filtergraph escaping"). */
export function escapeFilterValue(value: string): string {
  const option = value.replace(/[\\':]/g, '\\$&');
  return option.replace(/[\\'[\],;]/g, '\\$&');
}

/** Seconds as ffmpeg expressions read them, with no exponent. */
const num = (n: number): string => (Math.round(n * 10000) / 10000).toFixed(4).replace(/\.?0+$/, '') || '0';
const even = (n: number): number => Math.max(2, 2 * Math.ceil(n / 2));

/**
 * The box that hides a segment: as wide and high as the larger of its two ends (plus 4 px for the even rounding of its
 * corner), centred where the rectangle is, so it holds the interpolated rectangle at every moment (a box that also
 * changed size would need a filter per frame).
 */
export interface MaskBox {
  w: number;
  h: number;
  /** ffmpeg expressions of `t` (seconds of the copy), even so crop and overlay agree on yuv420p. */
  x: string;
  y: string;
}

export function maskBox(seg: Segment, frame: FrameSize, offset: number): MaskBox {
  const w = Math.min(even(Math.max(seg.a.w, seg.b.w)) + 4, frame.width - (frame.width % 2));
  const h = Math.min(even(Math.max(seg.a.h, seg.b.h)) + 4, frame.height - (frame.height % 2));
  const centre = (r: Rect, axis: 'x' | 'y') => (axis === 'x' ? r.x + r.w / 2 : r.y + r.h / 2);
  const axisExpr = (axis: 'x' | 'y', size: number, limit: number): string => {
    const c0 = centre(seg.a, axis);
    const slope = seg.to > seg.from ? (centre(seg.b, axis) - c0) / (seg.to - seg.from) : 0;
    const start = seg.from - offset;
    const pos = slope === 0 ? `${num(c0 - size / 2)}` : `${num(c0 - size / 2)}+${num(slope)}*(t-${num(start)})`;
    return `2*floor(clip(${pos},0,${limit - size})/2)`;
  };
  return { w, h, x: axisExpr('x', w, frame.width), y: axisExpr('y', h, frame.height) };
}

/** The filter that hides what is inside a w×h box. */
export function maskFilter(style: Region['style'], w: number, h: number): string {
  if (style === 'pixelate') {
    const block = Math.max(8, Math.round(Math.min(w, h) / 6));
    return `scale=${Math.max(1, Math.round(w / block))}:${Math.max(1, Math.round(h / block))}:flags=area,scale=${w}:${h}:flags=neighbor`;
  }
  // boxblur's radius may be at most half the plane's side; chroma planes are half size in yuv420p.
  const luma = Math.max(1, Math.floor(Math.min(w, h) / 4));
  const chroma = Math.max(1, Math.floor(Math.min(w, h) / 8));
  return `boxblur=luma_radius=${luma}:luma_power=3:chroma_radius=${chroma}:chroma_power=3`;
}

const between = (from: number, to: number): string => `between(t,${num(from)},${num(to)})`;

export interface LabelStyle {
  text: string;
  /** A font file with CJK glyphs (./label-font.ts). */
  fontFile: string;
}

/** The burned-in label, bottom right, white on a dark box, sized to the frame. */
export function labelFilter(label: LabelStyle, frame: FrameSize): string {
  const size = Math.max(12, Math.round(frame.height / 22));
  const pad = Math.max(4, Math.round(size / 2));
  return [
    `drawtext=fontfile=${escapeFilterValue(label.fontFile)}`,
    `text=${escapeFilterValue(label.text)}`,
    'expansion=none',
    `fontsize=${size}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.65',
    `boxborderw=${Math.round(pad / 2)}`,
    `x=w-tw-${pad}`,
    `y=h-th-${pad}`,
  ].join(':');
}

/** The video filtergraph: one crop→mask→overlay per moving stretch of each region, then the label. */
export function videoGraph(ops: CopyOperations, frame: FrameSize, label: LabelStyle): string {
  const pieces = ops.regions.flatMap((r) => regionSegments(r, ops.range).map((seg) => ({ seg, style: r.style })));
  const parts: string[] = [];
  const streams = pieces.map((_, i) => `s${i}`);
  parts.push(pieces.length ? `[0:v]split=${pieces.length + 1}[m0]${streams.map((s) => `[${s}]`).join('')}` : '[0:v]null[m0]');
  pieces.forEach(({ seg, style }, i) => {
    const box = maskBox(seg, frame, ops.range.from);
    const enable = between(seg.from - ops.range.from, seg.to - ops.range.from);
    parts.push(`[s${i}]crop=w=${box.w}:h=${box.h}:x='${box.x}':y='${box.y}':exact=1,${maskFilter(style, box.w, box.h)}[b${i}]`);
    parts.push(`[m${i}][b${i}]overlay=x='${box.x}':y='${box.y}':eval=frame:enable='${enable}'[m${i + 1}]`);
  });
  parts.push(`[m${pieces.length}]${labelFilter(label, frame)},format=yuv420p[vout]`);
  return parts.join(';');
}

/** The audio filter silencing the mute ranges (times of the copy), or null when nothing is muted. */
export function audioFilter(ops: CopyOperations): string | null {
  const ranges = ops.mute
    .map((m) => ({ from: Math.max(m.from, ops.range.from) - ops.range.from, to: Math.min(m.to, ops.range.to) - ops.range.from }))
    .filter((m) => m.to > m.from);
  if (!ranges.length) return null;
  return `volume=volume=0:enable='${ranges.map((m) => between(m.from, m.to)).join('+')}'`;
}

export interface CopyCommand {
  input: string;
  output: string;
  ops: CopyOperations;
  frame: FrameSize;
  hasAudio: boolean;
  label: LabelStyle;
  /** Written into the file's metadata so a player shows what it is. */
  comment: string;
}

/** The full ffmpeg argument list (without the program itself). */
export function copyArgs(c: CopyCommand): string[] {
  const duration = c.ops.range.to - c.ops.range.from;
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y'];
  args.push('-ss', num(c.ops.range.from), '-t', num(duration), '-i', c.input);
  const audio = c.hasAudio ? audioFilter(c.ops) : null;
  args.push('-filter_complex', videoGraph(c.ops, c.frame, c.label) + (audio ? `;[0:a:0]${audio}[aout]` : ''));
  args.push('-map', '[vout]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-profile:v', 'high');
  if (c.hasAudio) args.push('-map', audio ? '[aout]' : '0:a:0', '-c:a', 'aac', '-b:a', '128k');
  else args.push('-an');
  args.push('-sn', '-dn', '-map_metadata', '-1', '-metadata', `comment=${c.comment}`, '-movflags', '+faststart', '-f', 'mp4', c.output);
  return args;
}
