import { spread } from './axis';

/** Players further apart than this, even in their first second, are regrouped instead of nudged. */
export const HARD_SYNC_SEC = 0.5;
/** Players past their first second further apart than this (one frame at 25 fps) are regrouped instead of nudged. */
export const REGROUP_SEC = 0.04;
/**
 * The most a nudge changes a player's speed (±20 %). Chromium keeps the pitch when the speed changes
 * (preservesPitch), so the one camera heard only sounds a little quicker or slower while it is pulled in.
 */
export const MAX_NUDGE = 0.2;
/** Speed change per second of error: 40 ms ahead → 10 % slower, closed in about half a second. */
const GAIN = 2.5;
/** Per second² of error: how fast a lasting lag of a player (see SpeedNudge) is learnt. */
const LEARN = 2;
/** Speeds are set in steps of this: each change of playbackRate costs the browser work. */
const STEP = 0.0025;
/** A longer pause between two measurements (a busy page) counts as this long. */
const MAX_DT_SEC = 0.5;

const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));

/**
 * The master clock of the shared axis: a position that runs at the chosen speed from the moment it was set. It is
 * held while a player waits for data, so a camera that stalls is waited for rather than left behind. Times are
 * performance.now() milliseconds, passed in.
 */
export class MasterClock {
  private base = 0;
  private since = 0;
  private running = false;
  private speed = 1;

  get rate(): number {
    return this.speed;
  }

  get isRunning(): boolean {
    return this.running;
  }

  now(t: number): number {
    return this.running ? this.base + ((t - this.since) / 1000) * this.speed : this.base;
  }

  set(pos: number, t: number): void {
    this.base = pos;
    this.since = t;
  }

  run(t: number): void {
    if (this.running) return;
    this.since = t;
    this.running = true;
  }

  hold(t: number): void {
    if (!this.running) return;
    this.base = this.now(t);
    this.running = false;
  }

  setRate(rate: number, t: number): void {
    this.base = this.now(t);
    this.since = t;
    this.speed = rate;
  }
}

/**
 * The speed of one player, kept with the others by a proportional-integral nudge. The integral learns a lasting
 * lag: on a loaded machine the muted players were measured running 5–20 % slower than the heard one at the same
 * playbackRate, which a purely proportional nudge leaves as a standing error of tens of milliseconds (or, past its
 * limit, lets grow until the player is seeked).
 */
export class SpeedNudge {
  private bias = 0;

  /**
   * The speed factor for a player `errSec` ahead (positive) or behind (negative) of the others, `dtSec` after the last.
   * `learn` false: the error is where the players started (each play() takes its own 50–150 ms to get going), not a
   * lasting lag; learning it too winds the speed up, and once the players meet it pushes them past each other (seen on
   * an idle machine: a regroup every second, play after play).
   */
  factor(errSec: number, dtSec: number, learn = true): number {
    const dt = Math.min(Math.max(dtSec, 0), MAX_DT_SEC);
    if (learn) this.bias = clamp(this.bias + errSec * LEARN * dt, MAX_NUDGE);
    const u = clamp(errSec * GAIN + this.bias, MAX_NUDGE);
    return Math.round((1 - u) / STEP) * STEP;
  }

  /** The players start afresh (a play, a seek, a regroup): what was learnt may not hold for them. */
  reset(): void {
    this.bias = 0;
  }
}

/**
 * Where the players should regroup (held, aligned on the slowest, started again together), or null to go on nudging.
 * Nudges close a few frames in a second; a player that stalled while the page got no frame to notice it is left
 * hundreds of milliseconds behind, which nudging would take seconds to close. Aligning on the slowest moves the
 * others back into footage they have already buffered rather than the slow one ahead into footage it may not have.
 */
export function regroupPosition(live: readonly { at: number; settled: boolean }[]): number | null {
  const all = live.map((l) => l.at);
  const settled = live.filter((l) => l.settled).map((l) => l.at);
  if (spread(all) <= HARD_SYNC_SEC && spread(settled) <= REGROUP_SEC) return null;
  return Math.min(...all);
}

/**
 * Whether some player stalled between two looks at them: its position moved more than a frame less (or more) than its
 * speed says, compared with the others. A busy machine delays every player alike, and that is not a stall; one whose
 * sound output ran dry for a moment stands still without telling (no `waiting` event), and that is.
 * `moved`: axis seconds each player moved since the last look; `expected`: its playbackRate × the seconds between.
 */
export function progressStalled(steps: readonly { moved: number; expected: number }[]): boolean {
  if (steps.length < 2) return false;
  const behind = steps.map((s) => s.expected - s.moved);
  return spread(behind) > REGROUP_SEC;
}
