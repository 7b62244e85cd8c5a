// Issue 14 item 2: when the player starts the next segment so that the picture does not stand still at a switch.
import { describe, expect, it } from 'vitest';
import {
  clockStart,
  DEFAULT_START_LATENCY_MS,
  frameInterval,
  MAX_LEAD_MS,
  pictureEndsAt,
  prerollAt,
  StartLatency,
} from '../../../renderer/src/components/player/switchTiming';

describe('switch timing', () => {
  it('the last frame shows until the element’s duration, at the playback rate', () => {
    expect(pictureEndsAt(1000, 9.933, 10, 1)).toBeCloseTo(1067, 6);
    expect(pictureEndsAt(1000, 9.8, 10, 2)).toBeCloseTo(1100, 6);
  });

  it('starts the next element the start latency before the end, decided only within about a frame of that time', () => {
    // 300 ms left, latency 100: the start is 200 ms away, more than 1.5 frames of 40 ms → a later frame decides.
    expect(prerollAt(1000, 1300, 100, 40)).toBeNull();
    // 150 ms left: start at 1050, 50 ms from now (≤ 60).
    expect(prerollAt(1000, 1150, 100, 40)).toBe(1050);
    // Already past the start time (a late frame): start at once (a time in the past).
    expect(prerollAt(1000, 1020, 100, 40)).toBe(920);
  });

  it('never starts more than MAX_LEAD_MS ahead, however slow the measured starts were', () => {
    expect(prerollAt(1000, 1000 + MAX_LEAD_MS + 10, 5000, 40)).toBe(1010);
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
