/** Behind or ahead of the others by more than this, a player is seeked instead of nudged. */
export const HARD_SYNC_SEC = 0.5;
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

  /** The speed factor for a player `errSec` ahead (positive) or behind (negative) of the others, `dtSec` after the last. */
  factor(errSec: number, dtSec: number): number {
    const dt = Math.min(Math.max(dtSec, 0), MAX_DT_SEC);
    this.bias = clamp(this.bias + errSec * LEARN * dt, MAX_NUDGE);
    const u = clamp(errSec * GAIN + this.bias, MAX_NUDGE);
    return Math.round((1 - u) / STEP) * STEP;
  }
}
