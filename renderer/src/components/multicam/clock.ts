/** Behind or ahead by more than this, a player is seeked instead of nudged. */
export const HARD_SYNC_SEC = 0.3;
/** The most a nudge changes a player's speed (±8 %): not heard as a change of pitch, closes 40 ms in half a second. */
export const MAX_NUDGE = 0.08;
/** Below this error a player plays at the chosen speed. */
const DEAD_BAND_SEC = 0.004;
/** Nudge per second of error: 40 ms behind → +8 %. */
const GAIN = 2;

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

/** The speed factor for a player `errSec` ahead (positive) or behind (negative) of the master clock. */
export function nudgeFactor(errSec: number): number {
  if (Math.abs(errSec) < DEAD_BAND_SEC) return 1;
  return 1 - Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, errSec * GAIN));
}
