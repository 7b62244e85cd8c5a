/**
 * Pure maths of 多机位同步: where a camera's footage lies on the true wall-clock axis, and which recordings of other
 * cameras overlap a given one there. No I/O.
 */

/** At most this many cameras play side by side (the anchor included). */
export const MAX_CAMERAS = 4;

/** How far a candidate may lie outside the anchor on the recorders' clocks and still overlap once corrected. */
export const SEARCH_MARGIN_MS = 3_600_000;

export interface CameraClock {
  /** Recorder clock minus true time, seconds, measured at docking (main/ingest/drift.ts); null when not measured. */
  driftSec: number | null;
  /** The hand correction in force, seconds; positive moves the footage later on the shared axis. */
  adjustSec: number;
}

/** Seconds to add to a time on the recorder's clock to place it on the true axis. */
export function shiftSeconds(c: CameraClock): number {
  return c.adjustSec - (c.driftSec ?? 0);
}

/** An interval in ms since the epoch. */
export interface Span {
  startMs: number;
  endMs: number;
}

/** A recording's span on its recorder's clock, moved onto the true axis. */
export function correctedSpan(onRecorderClock: Span, c: CameraClock): Span {
  const shift = Math.round(shiftSeconds(c) * 1000);
  return { startMs: onRecorderClock.startMs + shift, endMs: onRecorderClock.endMs + shift };
}

/** Seconds two spans share; 0 when they do not meet. */
export function overlapSeconds(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs)) / 1000;
}

export type CameraRelation = 'anchor' | 'overlap' | 'case' | 'overlap_case';

export interface CameraCandidate {
  recordingId: number;
  recorderId: number | null;
  /** Already corrected. */
  span: Span;
  /** Shares a case with the anchor. */
  sameCase: boolean;
}

export interface ChosenCamera<C extends CameraCandidate> {
  candidate: C;
  relation: CameraRelation;
  overlapSec: number;
  /** Offered ticked: the anchor and the best overlapping others, up to MAX_CAMERAS. */
  preselected: boolean;
}

/**
 * The anchor first, then the recordings of other recorders that overlap it on the true axis (most overlap first),
 * then the other recordings of its cases (nearest first). A recording of the anchor's own recorder is never
 * simultaneous and is offered only through a case.
 */
export function chooseCameras<C extends CameraCandidate>(anchor: C, others: readonly C[]): ChosenCamera<C>[] {
  const rows = others
    .filter((o) => o.recordingId !== anchor.recordingId)
    .map((o): ChosenCamera<C> | null => {
      const otherRecorder = o.recorderId === null || o.recorderId !== anchor.recorderId;
      const overlapSec = otherRecorder ? overlapSeconds(anchor.span, o.span) : 0;
      const relation: CameraRelation | null = overlapSec > 0 ? (o.sameCase ? 'overlap_case' : 'overlap') : o.sameCase ? 'case' : null;
      return relation ? { candidate: o, relation, overlapSec, preselected: false } : null;
    })
    .filter((r): r is ChosenCamera<C> => r !== null)
    .sort((a, b) => b.overlapSec - a.overlapSec || distance(anchor.span, a.candidate.span) - distance(anchor.span, b.candidate.span) || a.candidate.recordingId - b.candidate.recordingId);
  let room = MAX_CAMERAS - 1;
  for (const r of rows) {
    if (room > 0 && r.overlapSec > 0) {
      r.preselected = true;
      room--;
    }
  }
  return [{ candidate: anchor, relation: 'anchor', overlapSec: (anchor.span.endMs - anchor.span.startMs) / 1000, preselected: true }, ...rows];
}

function distance(a: Span, b: Span): number {
  return Math.abs(a.startMs - b.startMs);
}
