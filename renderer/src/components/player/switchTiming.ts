/**
 * When to start the next segment so that its first frame follows the last frame of the one in play without a
 * stall (issue 14 item 2). A paused, preloaded element takes a while from `play()` to moving its clock: measured at
 * 100–160 ms on a loaded machine, four frames at 25 fps. Most of it is the sound output (2026-11-29, in the program's
 * page): muted, the clock starts in 18–35 ms, but unmuting it at the switch holds the clock about 66 ms while the
 * output starts; with sound from the start it starts in 55–86 ms.
 * So the next element is started that long before the picture in play ends, hidden and muted, and shown at the end.
 * Pure: times in ms on the page's `performance.now()` clock.
 */

/** How many recent start latencies the estimate is taken from. */
const SAMPLES = 5;
/** Before any switch was measured: a start latency seen on a loaded machine. */
export const DEFAULT_START_LATENCY_MS = 100;
/** Never start the next segment earlier than this before the end, whatever was measured (a stall is better than a skip). */
export const MAX_LEAD_MS = 400;

/** When the picture of the element in play ends: the frame presented at `now` shows `mediaTime` until `duration`. */
export function pictureEndsAt(now: number, mediaTime: number, duration: number, rate: number): number {
  return now + ((duration - mediaTime) * 1000) / rate;
}

/**
 * How far ahead of the next element's start it is planned. A frame's callback comes late on a busy page (seen 60 ms
 * after the frame was presented): a start planned only at the frame before would then be late, and the picture
 * stand still. Later frames re-aim the planned start, so planning ahead costs no exactness.
 */
export const PLAN_AHEAD_MS = 250;

/**
 * At a frame of the element in play: is it time to plan the start of the next one (`endsAt − lead`, at most
 * MAX_LEAD_MS before the end), that is, is the start at most PLAN_AHEAD_MS (or 1.5 frames) away, or past?
 */
export function prerollDue(now: number, endsAt: number, leadMs: number, frameMs: number): boolean {
  const at = endsAt - Math.min(leadMs, MAX_LEAD_MS);
  return at - now <= Math.max(frameMs * 1.5, PLAN_AHEAD_MS);
}

/** Where the clock of a started element began: a presented frame at `now` showing `mediaTime`, at `rate`. */
export function clockStart(now: number, mediaTime: number, rate: number): number {
  return now - (mediaTime * 1000) / rate;
}

/**
 * The start latencies of recent switches (play() → the element's clock moving); the estimate is their lower middle,
 * so that an unusually slow start does not make every later switch skip the first frames of a segment.
 */
export class StartLatency {
  private readonly samples: number[] = [];

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.samples.push(ms);
    if (this.samples.length > SAMPLES) this.samples.shift();
  }

  get estimate(): number {
    if (this.samples.length === 0) return DEFAULT_START_LATENCY_MS;
    const s = [...this.samples].sort((a, b) => a - b);
    return s[Math.floor((s.length - 1) / 2)] ?? DEFAULT_START_LATENCY_MS;
  }
}

/** The interval between presented frames, learnt from consecutive media times (at least 1/60 s, at most 1/10 s). */
export function frameInterval(prevMediaTime: number | null, mediaTime: number, rate: number, fallbackMs: number): number {
  if (prevMediaTime === null) return fallbackMs;
  const d = ((mediaTime - prevMediaTime) * 1000) / rate;
  return d >= 1000 / 60 && d <= 100 ? d : fallbackMs;
}
