// Issue 14 item 2: when the player starts the next segment so that the picture does not stand still at a switch.
import { describe, expect, it } from 'vitest';
import {
  clockStart,
  DEFAULT_START_LATENCY_MS,
  frameInterval,
  MAX_LEAD_MS,
  pictureEndsAt,
  PLAN_AHEAD_MS,
  prerollDue,
  StartLatency,
} from '../../../renderer/src/components/player/switchTiming';

describe('switch timing', () => {
  it('the last frame shows until the element’s duration, at the playback rate', () => {
    expect(pictureEndsAt(1000, 9.933, 10, 1)).toBeCloseTo(1067, 6);
    expect(pictureEndsAt(1000, 9.8, 10, 2)).toBeCloseTo(1100, 6);
  });

  it('plans the start (the start latency before the end) once it is at most PLAN_AHEAD_MS away, or past', () => {
    expect(PLAN_AHEAD_MS).toBe(250);
    // Latency 100: 351 ms left → the start is 251 ms away, not yet; 350 left → 250 away, due.
    expect(prerollDue(1000, 1351, 100, 40)).toBe(false);
    expect(prerollDue(1000, 1350, 100, 40)).toBe(true);
    // Already past the start time (a late frame): due.
    expect(prerollDue(1000, 1020, 100, 40)).toBe(true);
    // Frames further apart than PLAN_AHEAD_MS / 1.5 (slow motion, few frames): 1.5 frames ahead instead.
    expect(prerollDue(1000, 1399, 100, 200)).toBe(true);
    expect(prerollDue(1000, 1401, 100, 200)).toBe(false);
  });

  it('never starts more than MAX_LEAD_MS ahead, however slow the measured starts were', () => {
    // Latency 5000 counts as MAX_LEAD_MS: due when the end is MAX_LEAD_MS + PLAN_AHEAD_MS away, not earlier.
    expect(prerollDue(1000, 1000 + MAX_LEAD_MS + PLAN_AHEAD_MS, 5000, 40)).toBe(true);
    expect(prerollDue(1000, 1000 + MAX_LEAD_MS + PLAN_AHEAD_MS + 1, 5000, 40)).toBe(false);
  });

  it('a frame at media time m presented at t means the clock started at t − m / rate', () => {
    expect(clockStart(700, 0.067, 1)).toBeCloseTo(633, 6);
    expect(clockStart(700, 0.2, 2)).toBeCloseTo(600, 6);
  });

  it('the latency estimate is the default until measured, then the lower middle of the last five', () => {
    const l = new StartLatency();
    expect(l.estimate).toBe(DEFAULT_START_LATENCY_MS);
    for (const ms of [300, 70, 80, 90, 60]) l.add(ms);
    expect(l.estimate).toBe(80);
    l.add(-5);
    l.add(Number.NaN);
    expect(l.estimate).toBe(80);
    // A sixth drops the oldest: 60 70 80 90 400 → 80; two more drop 70 and 80: 40 50 60 90 400 → 60.
    l.add(400);
    expect(l.estimate).toBe(80);
    l.add(50);
    l.add(40);
    expect(l.estimate).toBe(60);
  });

  it('learns the frame interval from consecutive frames, ignoring jumps', () => {
    expect(frameInterval(null, 1, 1, 40)).toBe(40);
    expect(frameInterval(1, 1 + 1 / 15, 1, 40)).toBeCloseTo(66.67, 1);
    expect(frameInterval(1, 1.5, 1, 40)).toBe(40);
    expect(frameInterval(1, 1.08, 2, 40)).toBeCloseTo(40, 6);
  });
});
