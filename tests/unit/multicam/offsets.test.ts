import { describe, expect, it } from 'vitest';
import { chooseCameras, correctedSpan, MAX_CAMERAS, overlapSeconds, shiftSeconds, type CameraCandidate } from '../../../main/multicam';

const T0 = Date.UTC(2024, 4, 20, 1, 30, 0);
const span = (fromSec: number, toSec: number) => ({ startMs: T0 + fromSec * 1000, endMs: T0 + toSec * 1000 });
const cam = (recordingId: number, recorderId: number | null, fromSec: number, toSec: number, sameCase = false): CameraCandidate => ({
  recordingId,
  recorderId,
  span: span(fromSec, toSec),
  sameCase,
});

describe('offset maths', () => {
  it('a recorder 7 s ahead is moved 7 s earlier; a hand correction moves it on from there', () => {
    expect(shiftSeconds({ driftSec: 7, adjustSec: 0 })).toBe(-7);
    expect(shiftSeconds({ driftSec: -3, adjustSec: 0 })).toBe(3);
    expect(shiftSeconds({ driftSec: 7, adjustSec: 0.4 })).toBeCloseTo(-6.6, 10);
    // Not measured: no drift assumed, only the hand correction.
    expect(shiftSeconds({ driftSec: null, adjustSec: -0.12 })).toBeCloseTo(-0.12, 10);
  });

  it('corrects both ends of a span by the same shift, to the millisecond', () => {
    expect(correctedSpan(span(6, 16), { driftSec: 7, adjustSec: 0 })).toEqual(span(-1, 9));
    expect(correctedSpan(span(0, 10), { driftSec: 0, adjustSec: 0.04 })).toEqual({ startMs: T0 + 40, endMs: T0 + 10_040 });
  });

  it('overlap is what two spans share, zero when they only touch or do not meet', () => {
    expect(overlapSeconds(span(0, 10), span(2, 12))).toBe(8);
    expect(overlapSeconds(span(0, 10), span(3, 5))).toBe(2);
    expect(overlapSeconds(span(0, 10), span(10, 20))).toBe(0);
    expect(overlapSeconds(span(0, 10), span(30, 40))).toBe(0);
  });
});

describe('choosing cameras', () => {
  it('puts the anchor first, then other recorders by overlap, then case-only recordings; a clock correction decides overlap', () => {
    const anchor = cam(1, 10, 0, 10);
    // Recorder 12's footage stamped 15–25 s on a clock 7 s ahead: 8–18 s on the true axis, 2 s shared.
    const ahead = { ...cam(3, 12, 15, 25), span: correctedSpan(span(15, 25), { driftSec: 7, adjustSec: 0 }) };
    const chosen = chooseCameras(anchor, [cam(2, 11, 2, 12), ahead, cam(4, 13, 40, 50, true), cam(5, 14, 40, 50), cam(6, 10, 11, 15, true)]);
    expect(chosen.map((c) => [c.candidate.recordingId, c.relation, c.overlapSec])).toEqual([
      [1, 'anchor', 10],
      [2, 'overlap', 8],
      [3, 'overlap', 2],
      [6, 'case', 0],
      [4, 'case', 0],
    ]);
    expect(chosen.filter((c) => c.preselected).map((c) => c.candidate.recordingId)).toEqual([1, 2, 3]);
  });

  it("never counts the anchor's own recorder as simultaneous, and preselects at most four cameras", () => {
    const anchor = cam(1, 10, 0, 10);
    const others = [cam(2, 10, 5, 8), cam(3, 11, 0, 10), cam(4, 12, 1, 10), cam(5, 13, 2, 10), cam(6, 14, 3, 10, true), cam(7, null, 4, 10)];
    const chosen = chooseCameras(anchor, others);
    expect(chosen.find((c) => c.candidate.recordingId === 2)).toBeUndefined();
    expect(chosen.find((c) => c.candidate.recordingId === 6)?.relation).toBe('overlap_case');
    expect(chosen.filter((c) => c.preselected).map((c) => c.candidate.recordingId)).toEqual([1, 3, 4, 5]);
    expect(chosen.filter((c) => c.preselected)).toHaveLength(MAX_CAMERAS);
  });
});
