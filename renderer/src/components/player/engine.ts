import { segmentAt, type Timeline, type TimelineSegment } from './timeline';
import { clockStart, frameInterval, MAX_LEAD_MS, pictureEndsAt, prerollDue, StartLatency } from './switchTiming';

/** What the controls show; emitted on every change and while playing. */
export interface EngineState {
  segmentIndex: number;
  /** Seconds inside the segment in play. */
  currentTime: number;
  /** Seconds on the recording's axis (gaps included). */
  position: number;
  playing: boolean;
  ended: boolean;
  waiting: boolean;
  rate: number;
  volume: number;
  muted: boolean;
  error: string | null;
}

export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
/** One frame at the 25 fps of most recorders. */
export const FRAME_SEC = 1 / 25;

type Slot = 0 | 1;

/** The next segment started ahead of the switch (hidden, muted), to be shown when the picture in play ends. */
interface Preroll {
  slot: Slot;
  /** How long before the end it is started (the start latency estimate when it was planned). */
  lead: number;
  /** The timers that start it and show it; re-aimed at every frame of the element in play. */
  startTimer: number;
  flipTimer: number;
  /** When play() was called on it; null until then. */
  started: number | null;
}

/** While a segment plays it is reported shown again this often, so its register row spans the whole viewing. */
export const SHOWN_REPORT_MS = 60_000;

/**
 * Plays a recording's segments as one continuous timeline on two media elements: the segment in
 * play on one, the next one preloaded on the other, taken over at `ended` without user action.
 * Plain DOM, no React: the switch must not wait for a render.
 *
 * Preloading is not viewing (查阅登记): the next segment is fetched as a preload (no register row),
 * and `onShown` is called when a segment is actually shown (taken over, or seeked into) and again
 * every SHOWN_REPORT_MS while it plays; the caller reports that to the API.
 */
/**
 * Space (or K) pauses and resumes. At the end of the recording it does nothing: a clerk who watched to the end and
 * touches Space must not start a new viewing; replaying is the deliberate 重新播放 button.
 */
export function spaceToggles(state: Pick<EngineState, 'ended'>): boolean {
  return !state.ended;
}

export class SegmentEngine {
  private active: Slot = 0;
  private readonly slotSeg: [number, number] = [-1, -1];
  /** Seek to apply once a freshly loaded element knows its duration. */
  private readonly pendingTime: [number | null, number | null] = [null, null];
  private state: EngineState;
  private raf = 0;
  private lastEmit = 0;
  /** When the segment in play was last reported shown (performance.now()). */
  private lastShown = 0;
  private readonly cleanups: (() => void)[] = [];
  private preroll: Preroll | null = null;
  /** A started next element whose start latency is not measured yet. */
  private measuring: { slot: Slot; started: number } | null = null;
  private readonly latency = new StartLatency();
  /** The interval between presented frames of the element in play, learnt as it plays. */
  private frameMs = FRAME_SEC * 1000;

  constructor(
    private readonly els: [HTMLMediaElement, HTMLMediaElement],
    private readonly timeline: Timeline,
    private readonly srcOf: (segment: TimelineSegment, preload: boolean) => string,
    private readonly onChange: (s: EngineState) => void,
    private readonly onShown: (segment: TimelineSegment) => void = () => undefined,
  ) {
    this.state = { segmentIndex: 0, currentTime: 0, position: 0, playing: false, ended: false, waiting: false, rate: 1, volume: 1, muted: false, error: null };
    els.forEach((el, i) => this.listen(el, i as Slot));
  }

  get current(): EngineState {
    return this.state;
  }

  /** The element on screen and the index of the segment it holds (-1: none), for a caller that keeps several engines in step. */
  get shown(): { el: HTMLMediaElement; segmentIndex: number } {
    return { el: this.el, segmentIndex: this.slotSeg[this.active] };
  }

  /** Plays the element on screen at `factor` × the chosen speed for a moment (sync nudges); the chosen speed is kept. */
  nudge(factor: number): void {
    const rate = this.state.rate * factor;
    if (Math.abs(this.el.playbackRate - rate) > 1e-4) this.el.playbackRate = rate;
  }

  private get el(): HTMLMediaElement {
    return this.els[this.active];
  }

  private get other(): Slot {
    return this.active === 0 ? 1 : 0;
  }

  private listen(el: HTMLMediaElement, slot: Slot): void {
    const on = (type: string, fn: () => void) => {
      el.addEventListener(type, fn);
      this.cleanups.push(() => el.removeEventListener(type, fn));
    };
    const mine = () => slot === this.active;
    on('loadedmetadata', () => {
      const t = this.pendingTime[slot];
      if (t !== null) {
        this.pendingTime[slot] = null;
        el.currentTime = Math.min(t, Math.max(0, el.duration - 0.05));
      }
    });
    on('ended', () => {
      if (mine()) this.advance();
    });
    if (el instanceof HTMLVideoElement) this.watchLastFrame(el, slot);
    on('play', () => mine() && this.patch({ playing: true, ended: false }));
    on('playing', () => mine() && this.patch({ waiting: false }));
    on('pause', () => mine() && !this.switching && this.patch({ playing: false }));
    on('waiting', () => {
      if (!mine()) return;
      // Its picture stands still: the end the next segment was aimed at is no longer known.
      this.cancelPreroll();
      this.patch({ waiting: true });
    });
    on('seeked', () => mine() && this.sync(true));
    on('timeupdate', () => mine() && this.sync(false));
    on('error', () => {
      if (mine()) this.patch({ error: '无法播放该分段（文件损坏或格式不受支持）', playing: false, waiting: false });
    });
  }

  private switching = false;
  private destroyed = false;

  /**
   * Starts the preloaded next segment ahead of the switch, hidden and muted, by the start latency measured at earlier
   * switches, and shows it when the picture in play ends: a paused element takes 100 ms or more from play() to a
   * moving clock, and `ended` comes later still (after the sound), so switching only then stands the picture still.
   * `ended` stays the fallback (no frame near the end seen, next not ready, sound only).
   */
  private watchLastFrame(el: HTMLVideoElement, slot: Slot): void {
    let prevMedia: number | null = null;
    const onFrame: VideoFrameRequestCallback = (now, frame) => {
      if (this.destroyed) return;
      const m = this.measuring;
      if (m && m.slot === slot && frame.mediaTime > 0.001) {
        this.latency.add(clockStart(now, frame.mediaTime, el.playbackRate || 1) - m.started);
        this.measuring = null;
      }
      if (slot === this.active) {
        const rate = el.playbackRate;
        this.frameMs = frameInterval(prevMedia, frame.mediaTime, rate, this.frameMs);
        prevMedia = frame.mediaTime;
        const next = this.slotSeg[slot] + 1;
        const ready = this.slotSeg[this.other] === next && this.els[this.other].readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
        if (ready && this.state.playing && !el.paused && rate > 0 && Number.isFinite(el.duration)) {
          const endsAt = pictureEndsAt(now, frame.mediaTime, el.duration, rate);
          const p = this.preroll;
          if (p) {
            if (p.slot === this.other) this.aim(p, endsAt);
          } else if (prerollDue(now, endsAt, this.latency.estimate, this.frameMs)) this.schedulePreroll(endsAt, this.latency.estimate);
        }
      } else prevMedia = null;
      el.requestVideoFrameCallback(onFrame);
    };
    el.requestVideoFrameCallback(onFrame);
  }

  /**
   * Plans the start of the next element `lead` ms before `endsAt`. Planned a few frames ahead, so that a frame
   * callback that comes late on a busy page does not make the start late; each later frame re-aims it (`aim`).
   */
  private schedulePreroll(endsAt: number, lead: number): void {
    const slot = this.other;
    const p: Preroll = { slot, lead: Math.min(lead, MAX_LEAD_MS), startTimer: 0, flipTimer: 0, started: null };
    this.preroll = p;
    // What the switch aimed at, for the player bench (tests/bench/player-probes.ts).
    this.els[slot].dataset.prerollLead = String(Math.round(p.lead));
    this.aim(p, endsAt);
  }

  /** (Re)sets the preroll's timers: start `lead` before `endsAt` (unless started), show it at `endsAt`. */
  private aim(p: Preroll, endsAt: number): void {
    const next = this.els[p.slot];
    const start = () => {
      if (this.preroll !== p || p.started !== null) return;
      next.muted = true;
      next.playbackRate = this.state.rate;
      p.started = performance.now();
      this.measuring = { slot: p.slot, started: p.started };
      next.play().catch(() => undefined);
    };
    const flip = () => {
      if (this.preroll === p) this.advance();
    };
    const now = performance.now();
    window.clearTimeout(p.startTimer);
    window.clearTimeout(p.flipTimer);
    if (p.started === null) p.startTimer = window.setTimeout(start, Math.max(0, endsAt - p.lead - now));
    p.flipTimer = window.setTimeout(flip, Math.max(0, endsAt - now));
  }

  private clearTimers(p: Preroll): void {
    window.clearTimeout(p.startTimer);
    window.clearTimeout(p.flipTimer);
  }

  /** A seek, pause, speed change or new load before the switch: the started next element goes back to its start. */
  private cancelPreroll(): void {
    const p = this.preroll;
    if (!p) return;
    this.preroll = null;
    this.clearTimers(p);
    if (p.started !== null && p.slot !== this.active) {
      const el = this.els[p.slot];
      el.pause();
      el.muted = this.state.muted;
      el.currentTime = 0;
      if (this.measuring?.slot === p.slot) this.measuring = null;
    }
  }

  private patch(p: Partial<EngineState>): void {
    this.state = { ...this.state, ...p };
    this.onChange(this.state);
    if (this.state.playing) this.tick();
  }

  private sync(force: boolean): void {
    const seg = this.timeline.segments[this.slotSeg[this.active]];
    if (!seg) return;
    const now = performance.now();
    if (!force && now - this.lastEmit < 60) return;
    this.lastEmit = now;
    const t = this.el.currentTime;
    this.patch({ segmentIndex: seg.index, currentTime: t, position: seg.offset + t });
    if (this.state.playing && now - this.lastShown >= SHOWN_REPORT_MS) this.reportShown();
  }

  /** The segment on the active element is on screen now. */
  private reportShown(): void {
    const seg = this.timeline.segments[this.slotSeg[this.active]];
    if (!seg) return;
    this.lastShown = performance.now();
    this.onShown(seg);
  }

  /**
   * One frame loop while playing. `sync` may call `tick` again (through `patch`): then that call has scheduled the next
   * frame and the loop does not schedule a second one (it did, and the loops multiplied every emit and outlived the
   * player: hundreds of callbacks a frame after a few opens, issue 14 item 2).
   */
  private tick(): void {
    if (this.raf || this.destroyed) return;
    const loop = () => {
      this.raf = 0;
      if (!this.state.playing || this.destroyed) return;
      this.sync(false);
      if (!this.raf && !this.destroyed) this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  private mark(): void {
    this.els.forEach((el, i) => {
      const on = i === this.active;
      el.dataset.active = on ? 'true' : 'false';
      el.dataset.segmentIndex = String(this.slotSeg[i]);
      el.style.visibility = on ? 'visible' : 'hidden';
      el.setAttribute('aria-hidden', on ? 'false' : 'true');
    });
  }

  /**
   * `preload`: fetched for later, not shown now (the handler registers no viewing for it). `warm`: the element already
   * fetches this segment as a preload (warmStart.ts): it keeps its source and the segment is reported shown now.
   */
  private load(slot: Slot, index: number, time = 0, preload = false, warm = false): void {
    if (this.preroll?.slot === slot) this.cancelPreroll();
    const seg = this.timeline.segments[index];
    const el = this.els[slot];
    if (!seg) {
      this.slotSeg[slot] = -1;
      el.removeAttribute('src');
      el.load();
      this.mark();
      return;
    }
    this.slotSeg[slot] = index;
    el.preload = 'auto';
    el.playbackRate = this.state.rate;
    el.defaultPlaybackRate = this.state.rate;
    el.volume = this.state.volume;
    el.muted = this.state.muted;
    this.pendingTime[slot] = time > 0 ? time : null;
    if (warm && time > 0 && el.readyState >= HTMLMediaElement.HAVE_METADATA) {
      this.pendingTime[slot] = null;
      el.currentTime = time;
    }
    if (!warm) el.src = this.srcOf(seg, preload);
    this.mark();
    // Loaded straight onto the screen: the handler registers it as it loads, but Chromium may serve a URL it fetched
    // before from its own media cache without asking (seen in the player bench): so it is reported shown here too
    // (within the idle time that only extends the same viewing). A warm element was fetched as a preload.
    if (warm || (!preload && slot === this.active)) this.reportShown();
  }

  /**
   * Preloads the next segment once the one in play can play: until then its first frame has the disk, the
   * connection and the decoder to itself.
   */
  private preloadOnceReady(): void {
    const el = this.el;
    if (el.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
      this.preloadNext();
      return;
    }
    const go = () => {
      el.removeEventListener('canplay', go);
      if (this.slotSeg[this.active] >= 0) this.preloadNext();
    };
    el.addEventListener('canplay', go);
    this.cleanups.push(() => el.removeEventListener('canplay', go));
  }

  private preloadNext(): void {
    const next = this.slotSeg[this.active] + 1;
    if (this.slotSeg[this.other] !== next) this.load(this.other, next < this.timeline.segments.length ? next : -1, 0, true);
  }

  private startPlay(el: HTMLMediaElement): void {
    el.play().catch((e: unknown) => {
      // Autoplay refused without a gesture: try again muted; an aborted play (new load) is fine.
      if (e instanceof DOMException && e.name === 'NotAllowedError' && !el.muted) {
        this.setMuted(true);
        el.play().catch(() => this.patch({ playing: false }));
      }
    });
  }

  /**
   * Loads the first segment (or the one at `position`) and plays it when `autoplay`. `warmMediaId`: the first element
   * already fetches that media as a preload (warmStart.ts); kept when it is the segment to show.
   */
  start(position = 0, autoplay = true, warmMediaId: number | null = null): void {
    const at = segmentAt(this.timeline, position);
    if (!at) return;
    this.active = 0;
    this.load(0, at.segment.index, at.time, false, at.segment.mediaId === warmMediaId && this.els[0].hasAttribute('src'));
    this.preloadOnceReady();
    this.patch({ segmentIndex: at.segment.index, currentTime: at.time, position: at.segment.offset + at.time, ended: false });
    if (autoplay) this.startPlay(this.el);
  }

  /** The segment in play ended: the preloaded next one takes over at once. */
  private advance(): void {
    const next = this.slotSeg[this.active] + 1;
    if (next >= this.timeline.segments.length) {
      const last = this.timeline.segments[this.timeline.segments.length - 1];
      this.patch({ playing: false, ended: true, position: last ? last.offset + last.duration : this.state.position });
      return;
    }
    const p = this.preroll;
    if (p) {
      this.clearTimers(p);
      this.preroll = null;
      // Started ahead: it plays on from where its clock is, not from 0 again — unless it ran past its first frame
      // (the start took less than estimated): evidence is never skipped, it is shown from 0 after a short stall.
      if (p.started !== null && p.slot === this.other && this.slotSeg[p.slot] === next) {
        const ahead = this.els[p.slot];
        this.swap(true, ahead.currentTime * 1000 > 1.5 * this.frameMs * (ahead.playbackRate || 1) ? 0 : null);
        return;
      }
    }
    if (this.slotSeg[this.other] !== next) this.load(this.other, next);
    this.swap(true, 0);
  }

  /** `time`: where to show the other element from; null: as it is (started ahead). */
  private swap(play: boolean, time: number | null): void {
    const old = this.el;
    this.switching = true;
    this.active = this.other;
    const el = this.el;
    el.playbackRate = this.state.rate;
    el.volume = this.state.volume;
    el.muted = this.state.muted;
    if (time !== null && Math.abs(el.currentTime - time) > 0.01) {
      if (el.readyState >= HTMLMediaElement.HAVE_METADATA) el.currentTime = time;
      else this.pendingTime[this.active] = time > 0 ? time : null;
    }
    this.mark();
    this.reportShown();
    if (play) this.startPlay(el);
    old.pause();
    this.switching = false;
    const shown = this.slotSeg[this.active];
    const seg = this.timeline.segments[shown];
    const t = time ?? el.currentTime;
    // The controls' render and the next preload wait until the switch is painted: done here, they held the frame
    // that shows the new element by 20 ms (up to 90 on a busy machine) in the player bench.
    this.afterPaint(() => {
      if (seg && this.slotSeg[this.active] === shown) {
        this.patch({ segmentIndex: seg.index, currentTime: t, position: seg.offset + t, playing: play, ended: false, error: null });
      }
      this.preloadNext();
    });
  }

  /** Runs `fn` after the next frame is painted (a task queued from that frame's animation callback). */
  private afterPaint(fn: () => void): void {
    requestAnimationFrame(() => {
      window.setTimeout(() => {
        if (!this.destroyed) fn();
      }, 0);
    });
  }

  play(): void {
    if (this.state.ended) {
      this.seek(0, true);
      return;
    }
    this.startPlay(this.el);
  }

  pause(): void {
    this.cancelPreroll();
    this.el.pause();
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  /** Seeks on the recording's axis; a position in another segment loads or takes over that one. */
  seek(position: number, play = this.state.playing): void {
    this.cancelPreroll();
    const clamped = Math.min(Math.max(0, position), this.timeline.span);
    const at = segmentAt(this.timeline, clamped);
    if (!at) return;
    const idx = at.segment.index;
    if (this.slotSeg[this.active] === idx) {
      const el = this.el;
      if (el.readyState >= HTMLMediaElement.HAVE_METADATA) el.currentTime = at.time;
      else this.pendingTime[this.active] = at.time;
      this.patch({ currentTime: at.time, position: at.segment.offset + at.time, ended: false });
      if (play && el.paused) this.startPlay(el);
    } else if (this.slotSeg[this.other] === idx) {
      this.swap(play, at.time);
    } else {
      this.el.pause();
      this.load(this.active, idx, at.time);
      this.patch({ segmentIndex: idx, currentTime: at.time, position: at.segment.offset + at.time, ended: false, playing: play, error: null });
      if (play) this.startPlay(this.el);
      this.preloadOnceReady();
    }
  }

  /** ±1 frame while paused. */
  step(frames: number): void {
    if (this.state.playing) this.pause();
    this.seek(this.state.position + frames * FRAME_SEC, false);
  }

  setRate(rate: number): void {
    this.cancelPreroll();
    for (const el of this.els) {
      el.playbackRate = rate;
      el.defaultPlaybackRate = rate;
    }
    this.patch({ rate });
  }

  setVolume(volume: number): void {
    for (const el of this.els) el.volume = volume;
    this.patch({ volume });
    if (volume > 0 && this.state.muted) this.setMuted(false);
  }

  setMuted(muted: boolean): void {
    for (const el of this.els) el.muted = muted;
    this.patch({ muted });
  }

  /** Leave to view was refused when a segment was shown: nothing more is shown or played. */
  refuse(message: string): void {
    this.cancelPreroll();
    for (const el of this.els) {
      el.pause();
      el.removeAttribute('src');
      el.load();
    }
    this.slotSeg[0] = -1;
    this.slotSeg[1] = -1;
    this.mark();
    this.patch({ playing: false, waiting: false, error: message });
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelPreroll();
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    for (const c of this.cleanups) c();
    for (const el of this.els) {
      el.pause();
      el.removeAttribute('src');
      el.load();
    }
  }
}
