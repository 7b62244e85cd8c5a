// Issue 14 item 2: while a recording plays, the player runs one frame loop, and none after it is closed. The loop used
// to schedule a second frame whenever its own emit restarted it, so loops multiplied while playing and outlived the
// player (hundreds of callbacks a frame after a few opens, on the main thread the next open needs).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SegmentEngine } from '../../../renderer/src/components/player/engine';
import { buildTimeline } from '../../../renderer/src/components/player/timeline';

/** Just what the engine touches of a media element (a sound: no frame callbacks). */
class FakeMedia {
  readonly dataset: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  readyState = 4;
  currentTime = 0;
  duration = 10;
  paused = true;
  playbackRate = 1;
  defaultPlaybackRate = 1;
  volume = 1;
  muted = false;
  preload = '';
  src = '';
  private readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, fn: () => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(fn);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, fn: () => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  fire(type: string): void {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }
  play(): Promise<void> {
    this.paused = false;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  load(): void {}
  removeAttribute(): void {}
  setAttribute(): void {}
  hasAttribute(): boolean {
    return true;
  }
}

describe('the player engine frame loop', () => {
  let frames: Map<number, FrameRequestCallback>;
  let nextId: number;
  let now: number;

  /** Runs one animation frame: every callback scheduled before it. */
  const frame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb(now);
  };

  beforeEach(() => {
    frames = new Map();
    nextId = 1;
    now = 1000;
    vi.stubGlobal('HTMLMediaElement', { HAVE_NOTHING: 0, HAVE_METADATA: 1, HAVE_CURRENT_DATA: 2, HAVE_FUTURE_DATA: 3, HAVE_ENOUGH_DATA: 4 });
    vi.stubGlobal('HTMLVideoElement', class {});
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      const id = nextId++;
      frames.set(id, cb);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('keeps one loop while playing, however often it emits, and none once destroyed', () => {
    const a = new FakeMedia();
    const b = new FakeMedia();
    const timeline = buildTimeline([{ mediaId: 1, originalName: '1.MP4', startAt: '2026-11-23T01:00:00Z', endAt: null, durationSec: 10, needsProxy: false }]);
    const states: boolean[] = [];
    const engine = new SegmentEngine([a, b] as unknown as [HTMLMediaElement, HTMLMediaElement], timeline, () => 'media', (s) => states.push(s.playing));
    engine.start(0, true);
    a.fire('play');
    expect(states.at(-1)).toBe(true);
    for (let i = 0; i < 40; i++) {
      now += 70; // past the emit interval: every frame emits
      a.currentTime = Math.min(10, a.currentTime + 0.07);
      frame();
      expect(frames.size).toBe(1);
    }
    engine.destroy();
    frame();
    expect(frames.size).toBe(0);
  });
});
