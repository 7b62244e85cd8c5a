import type { RecordingDto } from '../../../../main/api/dto';

/** One piece of the continuous timeline: a segment placed on the recording's wall-clock axis. */
export interface TimelineSegment {
  index: number;
  mediaId: number;
  name: string;
  /** Wall-clock start of the segment (ms since epoch). */
  startMs: number;
  /** Seconds from the recording's start to the segment's start (gaps included). */
  offset: number;
  duration: number;
  needsProxy: boolean;
}

export interface TimelineGap {
  /** Seconds from the recording's start. */
  offset: number;
  seconds: number;
}

export interface Timeline {
  startMs: number;
  /** Seconds from the first segment's start to the last one's end (gaps included). */
  span: number;
  segments: TimelineSegment[];
  gaps: TimelineGap[];
  /** Where a segment starts before the previous one ends (seconds of overlap): the recorder's clock stepped back. */
  overlaps: TimelineGap[];
}

/** The one summary of a recording's continuity, for the timeline and the library's grouped rows alike. */
export function continuityText(gaps: number, overlaps: number): string {
  const parts: string[] = [];
  if (gaps) parts.push(`${gaps} 处中断`);
  if (overlaps) parts.push(`${overlaps} 处时间重叠（记录仪时钟问题）`);
  return parts.length ? parts.join('，') : '无中断';
}

export interface SegmentInput {
  mediaId: number;
  originalName: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  needsProxy: boolean;
}

function durationOf(s: SegmentInput): number {
  if (s.durationSec !== null && s.durationSec > 0) return s.durationSec;
  if (s.endAt) return Math.max(0, (Date.parse(s.endAt) - Date.parse(s.startAt)) / 1000);
  return 0;
}

/** Lays the segments out on one wall-clock axis; gaps are where one segment ends before the next begins. */
export function buildTimeline(segments: SegmentInput[], gaps?: RecordingDto['gaps'], overlaps?: RecordingDto['overlaps']): Timeline {
  const first = segments[0];
  const startMs = first ? Date.parse(first.startAt) : 0;
  const placed: TimelineSegment[] = [];
  let cursor = 0;
  segments.forEach((s, index) => {
    const duration = durationOf(s);
    // Never overlap the previous segment on the axis (clock steps inside a recording).
    const offset = Math.max(cursor, (Date.parse(s.startAt) - startMs) / 1000);
    placed.push({ index, mediaId: s.mediaId, name: s.originalName, startMs: Date.parse(s.startAt), offset, duration, needsProxy: s.needsProxy });
    cursor = offset + duration;
  });
  const drawn: TimelineGap[] = [];
  const overlapped: TimelineGap[] = [];
  for (let i = 0; i + 1 < placed.length; i++) {
    const a = placed[i]!;
    const b = placed[i + 1]!;
    const measured = b.offset - (a.offset + a.duration);
    const reported = gaps?.find((g) => g.afterMediaId === a.mediaId)?.seconds;
    if (reported !== undefined || measured >= 1) drawn.push({ offset: a.offset + a.duration, seconds: reported ?? measured });
    // On the recorder's clock b starts before a ends; the axis never overlaps, so this is measured from the clock.
    const clockOverlap = (a.startMs + a.duration * 1000 - b.startMs) / 1000;
    const reportedOverlap = overlaps?.find((g) => g.afterMediaId === a.mediaId)?.seconds;
    if (reportedOverlap !== undefined || clockOverlap > 0.5) overlapped.push({ offset: b.offset, seconds: reportedOverlap ?? Math.round(clockOverlap * 10) / 10 });
  }
  return { startMs, span: cursor, segments: placed, gaps: drawn, overlaps: overlapped };
}

/** The segment that plays at `pos` (seconds on the axis); inside a gap, the one after it. */
export function segmentAt(t: Timeline, pos: number): { segment: TimelineSegment; time: number } | null {
  const segs = t.segments;
  if (!segs.length) return null;
  for (const s of segs) {
    if (pos < s.offset) return { segment: s, time: 0 };
    if (pos < s.offset + s.duration) return { segment: s, time: pos - s.offset };
  }
  const last = segs[segs.length - 1]!;
  return { segment: last, time: Math.max(0, last.duration - 0.05) };
}
