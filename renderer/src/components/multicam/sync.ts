import type { SegmentEngine } from '../player/engine';
import { axisPosition, coverageAt, spread, type AxisCamera } from './axis';
import { MasterClock, progressStalled, regroupPosition, SpeedNudge } from './clock';

/** After a seek, a start or a camera coming into view, its first second is not counted in the measured drift. */
export const SETTLE_MS = 1000;
/**
 * The volume of the cameras not heard: 2^-16, below the last bit of 16-bit sound, so they are silent. Not `muted`
 * (nor volume 0): Chromium then clocks a player from a timer of its own, which on a loaded machine was measured losing
 * 10–35 % of real time, while players with sound share the sound output's clock and stay together to the millisecond.
 */
export const SILENT_VOLUME = 2 ** -16;
/** A paused player further than this from the clock is seeked (half a frame at 25 fps). */
const PAUSED_TOLERANCE_SEC = 0.02;

export interface SyncCamera {
  axis: AxisCamera;
  /** null: no leave to view, nothing is loaded or played. */
  engine: SegmentEngine | null;
}

export interface SyncState {
  position: number;
  playing: boolean;
  ended: boolean;
  /** Some player in view waits for data: the clock is held. */
  waiting: boolean;
  rate: number;
  /** Per camera: it has footage at the position. */
  covered: boolean[];
  /** Between the players in view, now and the most since the last play or seek (ms); null before a measurement. */
  driftMs: number | null;
  maxDriftMs: number | null;
  /** Measurements taken since the last play or seek. */
  samples: number;
  /** Since the last play or seek: players that stalled (waited for data while playing) and regroups of all players. */
  stalls: number;
  regroups: number;
}

const READY = 3; // HTMLMediaElement.HAVE_FUTURE_DATA

/**
 * Keeps several players on one wall-clock axis. A master clock (MasterClock) says where the axis is; on every
 * animation frame (and at once when a player stalls) each camera with footage there is compared with it. While they
 * play, the clock follows the players (it is set to the mean of their positions) rather than the wall clock, and each
 * player's speed is nudged towards that mean (SpeedNudge): on a loaded machine the players run slower than real time
 * and unevenly, and no player is asked to keep up with a clock it cannot follow. The clock waits for the slowest: while
 * a player waits for data every player is held, and when players are found more than a frame apart (one stalled while
 * the page got no frame to notice) they regroup: held, aligned on the slowest, and started together once all are
 * ready. A camera with no footage at the position (before its start, in a gap, after its end) is paused. The spread of
 * the players' positions is measured on every frame while all play and none stalled since the last frame (except in
 * the first second after a seek, a start, a player resuming or a camera coming into view) and reported.
 */
export class MultiSync {
  private readonly clock = new MasterClock();
  private playing = false;
  private ended = false;
  private raf = 0;
  private lastEmit = 0;
  private readonly settleUntil: number[];
  private readonly wasCovered: boolean[];
  private readonly nudges: SpeedNudge[];
  private lastTick = 0;
  private maxDrift: number | null = null;
  private lastDrift: number | null = null;
  private samples = 0;
  private waiting = false;
  /** Held until every player is aligned and ready, then all start together. */
  private regrouping = false;
  /** A player in view fired `waiting` since the last tick. */
  private stallSeen = false;
  private stalls = 0;
  private regroups = 0;
  private readonly watched = new WeakSet<HTMLMediaElement>();
  /** Where each player was at the last tick, while it played on without being sought or started (else null). */
  private readonly lastAt: (number | null)[];

  constructor(
    private readonly cams: readonly SyncCamera[],
    private readonly span: number,
    private readonly onState: (s: SyncState) => void,
  ) {
    this.settleUntil = cams.map(() => 0);
    this.wasCovered = cams.map(() => false);
    this.nudges = cams.map(() => new SpeedNudge());
    this.lastAt = cams.map(() => null);
    const t = performance.now();
    // Each loads its first segment paused; the loop moves it to the clock.
    for (const c of cams) c.engine?.start(0, false);
    this.clock.set(0, t);
    this.loop();
  }

  get state(): SyncState {
    const pos = this.clock.now(performance.now());
    return {
      position: pos,
      playing: this.playing,
      ended: this.ended,
      waiting: this.waiting,
      rate: this.clock.rate,
      covered: this.cams.map((c) => coverageAt(c.axis, pos) !== null),
      driftMs: this.lastDrift === null ? null : this.lastDrift * 1000,
      maxDriftMs: this.maxDrift === null ? null : this.maxDrift * 1000,
      samples: this.samples,
      stalls: this.stalls,
      regroups: this.regroups,
    };
  }

  private resetMeasure(t: number): void {
    for (const n of this.nudges) n.reset();
    this.maxDrift = null;
    this.lastDrift = null;
    this.samples = 0;
    this.stalls = 0;
    this.regroups = 0;
    this.settleUntil.fill(t + SETTLE_MS);
  }

  play(): void {
    const t = performance.now();
    if (this.ended || this.clock.now(t) >= this.span) this.clock.set(0, t);
    this.ended = false;
    this.playing = true;
    this.resetMeasure(t);
    this.clock.run(t);
    this.tick();
  }

  pause(): void {
    const t = performance.now();
    this.playing = false;
    this.clock.hold(t);
    for (const c of this.cams) c.engine?.pause();
    this.tick();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  seek(position: number): void {
    const t = performance.now();
    this.clock.set(Math.min(Math.max(0, position), this.span), t);
    this.ended = false;
    this.resetMeasure(t);
    for (const c of this.cams) {
      const cov = coverageAt(c.axis, this.clock.now(t));
      if (c.engine && cov) c.engine.seek(axisPosition(c.axis, cov.segmentIndex, cov.time) - c.axis.offset, this.playing);
      else c.engine?.pause();
    }
    this.tick();
  }

  setRate(rate: number): void {
    const t = performance.now();
    this.clock.setRate(rate, t);
    for (const c of this.cams) c.engine?.setRate(rate);
    this.resetMeasure(t);
    this.tick();
  }

  /** Only this camera is heard (null: none); the others play silently (SILENT_VOLUME). */
  setSound(index: number | null): void {
    this.cams.forEach((c, i) => c.engine?.setVolume(i === index ? 1 : SILENT_VOLUME));
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.raf = -1;
  }

  /**
   * A stall is acted on at once rather than at the next animation frame, which a busy page may not get for most of a
   * second; a player resuming after one counts as (re)started.
   */
  private watch(el: HTMLMediaElement, i: number): void {
    if (this.watched.has(el)) return;
    this.watched.add(el);
    const shown = () => this.cams[i]?.engine?.shown.el === el;
    el.addEventListener('waiting', () => {
      if (!shown() || !this.playing) return;
      this.stallSeen = true;
      this.stalls++;
      this.tick();
    });
    el.addEventListener('playing', () => {
      if (shown()) this.settleUntil[i] = performance.now() + SETTLE_MS;
    });
  }

  private loop(): void {
    if (this.raf === -1) return;
    this.tick();
    this.raf = requestAnimationFrame(() => this.loop());
  }

  /** One step of the sync loop; also called at once after every command. */
  private tick(): void {
    if (this.raf === -1) return;
    const t = performance.now();
    const dt = (t - this.lastTick) / 1000;
    this.lastTick = t;
    let pos = this.clock.now(t);
    if (this.playing && pos >= this.span) {
      this.clock.hold(t);
      this.clock.set(this.span, t);
      pos = this.span;
      this.playing = false;
      this.ended = true;
      for (const c of this.cams) c.engine?.pause();
    }
    const views = this.cams.map((c, i) => {
      if (c.engine) this.watch(c.engine.shown.el, i);
      const cov = coverageAt(c.axis, pos);
      if (cov && !this.wasCovered[i]) this.settleUntil[i] = t + SETTLE_MS;
      this.wasCovered[i] = cov !== null;
      const shown = c.engine?.shown;
      const ready = !shown || !cov || (!shown.el.seeking && shown.el.readyState >= READY);
      return { c, i, cov, ready };
    });
    // A player in view waits for data: hold the clock and every player (the one waiting too, or it runs on alone as
    // soon as its data comes) until all can go on together.
    const waiting = views.some((v) => !v.ready);
    this.waiting = waiting;
    const stalled = this.stallSeen;
    this.stallSeen = false;
    const hold = this.playing && (waiting || this.regrouping);
    if (hold) {
      this.clock.hold(t);
      for (const v of views) v.c.engine?.pause();
    } else if (this.playing) {
      this.clock.run(t);
    }
    /** Every player in view is ready and at the clock (when held). */
    let aligned = !waiting;
    /** The players playing their footage at the position: where each is on the axis. */
    const live: { i: number; engine: SegmentEngine; at: number; settled: boolean; rate: number }[] = [];
    for (const { c, i, cov, ready } of views) {
      const engine = c.engine;
      if (!engine || !ready) continue;
      const { el, segmentIndex } = engine.shown;
      if (!cov) {
        if (!el.paused) engine.pause();
        continue;
      }
      const local = axisPosition(c.axis, cov.segmentIndex, cov.time) - c.axis.offset;
      const err = segmentIndex === cov.segmentIndex ? el.currentTime - cov.time : Infinity;
      if (!this.playing || hold) {
        if (!el.paused) engine.pause();
        if (Math.abs(err) > PAUSED_TOLERANCE_SEC) {
          engine.seek(local, false);
          aligned = false;
        }
        continue;
      }
      if (!Number.isFinite(err)) {
        // In another segment than the clock's (across a segment boundary): that one player is moved.
        engine.seek(local, true);
        this.settleUntil[i] = t + SETTLE_MS;
        continue;
      }
      if (el.paused) {
        if (engine.current.ended || Math.abs(err) > PAUSED_TOLERANCE_SEC) engine.seek(local, true);
        else engine.play();
        this.settleUntil[i] = t + SETTLE_MS;
        continue;
      }
      live.push({ i, engine, at: axisPosition(c.axis, segmentIndex, el.currentTime), settled: t >= this.settleUntil[i]!, rate: el.playbackRate });
    }
    // Regrouped: every player is ready at the held clock; the next tick starts them together.
    if (this.regrouping && aligned) this.regrouping = false;
    const prev = live.map((l) => this.lastAt[l.i]);
    this.lastAt.fill(null);
    if (this.playing && !hold && live.length) {
      const steps = live.flatMap((l, k) => (prev[k] == null ? [] : [{ moved: l.at - prev[k], expected: l.rate * dt }]));
      const silentStall = progressStalled(steps);
      if (silentStall) this.stalls++;
      const settled = live.filter((l) => l.settled).map((l) => l.at);
      if (settled.length >= 2 && !stalled && !silentStall) {
        const d = spread(settled);
        this.lastDrift = d;
        this.maxDrift = Math.max(this.maxDrift ?? 0, d);
        this.samples++;
      }
      const regroupAt = regroupPosition(live);
      if (regroupAt !== null) {
        this.regrouping = true;
        this.regroups++;
        for (const n of this.nudges) n.reset();
        this.clock.set(regroupAt, t);
        this.clock.hold(t);
        for (const l of live) l.engine.pause();
      } else {
        for (const l of live) this.lastAt[l.i] = l.at;
        // The clock follows the players; each is nudged towards where they are together.
        const together = live.reduce((sum, l) => sum + l.at, 0) / live.length;
        this.clock.set(together, t);
        // A player's lasting lag is learnt only once all have settled: before that the error is where they started.
        const learn = live.every((l) => l.settled);
        for (const l of live) l.engine.nudge(this.nudges[l.i]!.factor(l.at - together, dt, learn));
      }
    }
    if (t - this.lastEmit >= 100 || !this.playing) {
      this.lastEmit = t;
      this.onState(this.state);
    }
  }
}
