import { describe, expect, it } from 'vitest';
import type { MulticamCameraDto } from '../../../main/api/dto';
import { axisPosition, buildAxis, coverageAt, spread } from '../../../renderer/src/components/multicam/axis';
import { HARD_SYNC_SEC, MasterClock, MAX_NUDGE, progressStalled, regroupPosition, REGROUP_SEC, SpeedNudge } from '../../../renderer/src/components/multicam/clock';
import { SETTLE_MS } from '../../../renderer/src/components/multicam/sync';

const T0 = Date.UTC(2024, 4, 20, 1, 30, 0);
const iso = (sec: number) => new Date(T0 + sec * 1000).toISOString();

/** A camera whose recorder stamped its segments at these seconds after T0, placed with `shiftSec`. */
function camera(id: number, segments: [number, number][], shiftSec: number): MulticamCameraDto {
  return {
    recording: {
      id,
      recorderSerial: `R${id}`,
      officer: null,
      startAt: iso(segments[0]![0]),
      endAt: iso(segments[segments.length - 1]![1]),
      segments: segments.map(([a, b], i) => ({
        mediaId: id * 10 + i,
        originalName: `${id}-${i}.MP4`,
        startAt: iso(a),
        endAt: iso(b),
        durationSec: b - a,
        size: 1,
        videoCodec: 'h264',
        audioCodec: 'aac',
        needsProxy: false,
        flags: [],
      })),
      gaps: [],
      overlaps: [],
      totalDurationSec: 0,
      totalSize: 0,
    },
    relation: 'overlap',
    cases: [],
    drift: { seconds: -shiftSec, basis: 'info_file_time', measuredAt: null },
    adjustment: null,
    shiftSec,
    correctedStartAt: iso(segments[0]![0] + shiftSec),
    correctedEndAt: iso(segments[segments.length - 1]![1] + shiftSec),
    overlapSec: 0,
    preselected: true,
    canView: true,
    denied: null,
  };
}

describe('the shared axis', () => {
  // A: 0–10 s. C: stamped 13–23 s by a clock 7 s ahead → 6–16 s. B: 2–6 s, a gap, 8–12 s.
  const axis = buildAxis([camera(1, [[0, 10]], 0), camera(3, [[13, 23]], -7), camera(2, [[2, 6], [8, 12]], 0)]);
  const [a, c, b] = axis.cameras as [(typeof axis.cameras)[0], (typeof axis.cameras)[0], (typeof axis.cameras)[0]];

  it('starts at the earliest corrected start and spans to the latest corrected end', () => {
    expect(axis.startMs).toBe(T0);
    expect(axis.span).toBe(16);
    expect([a.offset, c.offset, b.offset]).toEqual([0, 6, 2]);
  });

  it('the same true instant is the same axis position in every camera (an event at 5 s)', () => {
    expect(coverageAt(a, 5)).toEqual({ segmentIndex: 0, time: 5 });
    expect(coverageAt(b, 5)).toEqual({ segmentIndex: 0, time: 3 });
    expect(coverageAt(c, 6.5)).toEqual({ segmentIndex: 0, time: 0.5 });
    expect(axisPosition(c, 0, 0.5)).toBe(6.5);
    expect(axisPosition(b, 1, 1)).toBe(9);
  });

  it('has no footage before a camera starts, in its gaps and after it ends', () => {
    expect(coverageAt(c, 5.9)).toBeNull();
    expect(coverageAt(b, 7)).toBeNull();
    expect(coverageAt(b, 8)).toEqual({ segmentIndex: 1, time: 0 });
    expect(coverageAt(a, 10)).toBeNull();
  });

  it('measures the spread of positions that should agree', () => {
    expect(spread([5, 5.03, 4.99])).toBeCloseTo(0.04, 10);
    expect(spread([5])).toBe(0);
  });
});

describe('the sync clock and its nudges', () => {
  it('runs at the chosen speed, holds still while held, and keeps its place across a speed change', () => {
    const clock = new MasterClock();
    clock.set(3, 1000);
    expect(clock.now(5000)).toBe(3);
    clock.run(1000);
    expect(clock.now(2000)).toBe(4);
    clock.hold(2000);
    expect(clock.now(9000)).toBe(4);
    clock.run(9000);
    clock.setRate(2, 9500);
    expect(clock.now(9500)).toBe(4.5);
    expect(clock.now(10500)).toBe(6.5);
  });

  it('slows a player that is ahead, speeds one that is behind, within ±20 %, and leaves one in step alone', () => {
    expect(new SpeedNudge().factor(0, 0.016)).toBe(1);
    expect(new SpeedNudge().factor(0.02, 0.016)).toBeLessThan(1);
    expect(new SpeedNudge().factor(-0.02, 0.016)).toBeGreaterThan(1);
    expect(new SpeedNudge().factor(0.5, 0.016)).toBeCloseTo(1 - MAX_NUDGE, 10);
    expect(new SpeedNudge().factor(-0.5, 0.016)).toBeCloseTo(1 + MAX_NUDGE, 10);
  });

  /**
   * Players whose clocks run at `pace` × the speed they are given, each nudged towards their mean every `dtSec`; a lag
   * is learnt from `learnFrom` seconds on (MultiSync: once every player has settled).
   */
  function simulate(pace: number[], start: number[], dtSec: number, seconds: number, learnFrom = 0): number[] {
    const nudges = pace.map(() => new SpeedNudge());
    const pos = [...start];
    const spreads: number[] = [];
    for (let t = 0; t < seconds; t += dtSec) {
      const mean = pos.reduce((a, b) => a + b, 0) / pos.length;
      const speed = pos.map((p, i) => nudges[i]!.factor(p - mean, dtSec, t >= learnFrom));
      pos.forEach((_, i) => (pos[i]! += pace[i]! * speed[i]! * dtSec));
      spreads.push(Math.max(...pos) - Math.min(...pos));
    }
    return spreads;
  }

  it('pulls players that started 60 ms apart within half a frame in a second', () => {
    const spreads = simulate([1, 1, 1], [0.06, 0, 0.03], 0.016, 3);
    expect(Math.max(...spreads.slice(Math.round(1 / 0.016)))).toBeLessThan(0.02);
    expect(Math.max(...spreads.slice(Math.round(3 / 0.016)))).toBeLessThan(0.005);
  });

  it('pulls players that started 150 ms apart (a slow start) in without overshooting them more than a frame apart again', () => {
    // A start this far apart is the start's latency, not a lasting lag: learning it as one would push the players past
    // each other once they met (seen: regroup after regroup, each second, on an idle machine).
    const spreads = simulate([1, 1, 1], [0.15, 0, 0.075], 0.016, 4, SETTLE_MS / 1000);
    expect(Math.max(...spreads.slice(Math.round(1 / 0.016)))).toBeLessThan(REGROUP_SEC);
    expect(Math.max(...spreads.slice(Math.round(2 / 0.016)))).toBeLessThan(0.005);
    // Learning from the start instead overshoots: they meet, then part again.
    const eager = simulate([1, 1, 1], [0.15, 0, 0.075], 0.016, 4);
    expect(Math.max(...eager.slice(Math.round(2 / 0.016)))).toBeGreaterThan(0.01);
  });

  it('forgets what it learnt when told to (a play, seek or regroup starts the players afresh)', () => {
    const n = new SpeedNudge();
    for (let i = 0; i < 100; i++) n.factor(0.03, 0.016);
    expect(n.factor(0, 0.016)).not.toBe(1);
    n.reset();
    expect(n.factor(0, 0.016)).toBe(1);
  });

  it('learns a lasting lag: a player whose clock loses 15 % stays within a few milliseconds, even at 4 checks a second', () => {
    for (const dt of [0.016, 0.25]) {
      const spreads = simulate([1, 0.85, 1], [0, 0, 0], dt, 10);
      expect(Math.max(...spreads.slice(Math.round(3 / dt))), `every ${dt} s`).toBeLessThan(0.01);
    }
  });

  it('regroups on the slowest when settled players are more than a frame apart, or any are far apart; else nudges', () => {
    const at = (...p: [number, boolean][]) => p.map(([a, settled]) => ({ at: a, settled }));
    // Within a frame: nudged.
    expect(regroupPosition(at([5, true], [5 + REGROUP_SEC - 0.001, true], [5.01, true]))).toBeNull();
    // One left 300 ms behind by a stall: all go back to it.
    expect(regroupPosition(at([5.3, true], [5, true], [5.31, true]))).toBe(5);
    // Just (re)started players are nudged in, unless far off.
    expect(regroupPosition(at([5.3, false], [5, true], [5.01, true]))).toBeNull();
    expect(regroupPosition(at([5 + HARD_SYNC_SEC + 0.01, false], [5, true]))).toBe(5);
    expect(regroupPosition(at([5, true]))).toBeNull();
  });

  it('tells a player that stood still between two looks from a page that was late for all of them', () => {
    // 0.7 s without a look: every player moved 0.7 s at speed 1 (or as nudged): no stall.
    expect(progressStalled([{ moved: 0.7, expected: 0.7 }, { moved: 0.84, expected: 0.84 }, { moved: 0.69, expected: 0.7 }])).toBe(false);
    // One stood still for 200 ms of it: a stall, though nothing told.
    expect(progressStalled([{ moved: 0.7, expected: 0.7 }, { moved: 0.5, expected: 0.7 }, { moved: 0.7, expected: 0.7 }])).toBe(true);
    // The same for one that jumped ahead.
    expect(progressStalled([{ moved: 0.7, expected: 0.7 }, { moved: 0.75, expected: 0.7 }])).toBe(true);
    expect(progressStalled([{ moved: 0, expected: 0.7 }])).toBe(false);
  });
});
