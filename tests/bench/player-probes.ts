/**
 * The in-page halves of the player benchmark, as strings for `page.evaluate` (tsx would wrap named inner
 * functions in a helper the page lacks). Times are `performance.now()` in the page.
 */

/** One open, in ms after the click; null where the page did not see that step. */
export interface OpenMarks {
  /** First API call started / its answer ended / the last one before the first frame ended, and how many there were. */
  apiFirstStart: number | null;
  apiFirstEnd: number | null;
  apiLastEnd: number | null;
  apiCalls: number;
  /** The player's dialog is in the document. */
  dialog: number | null;
  /** The element in play got its `src` and is shown (the stage took it). */
  src: number | null;
  /** The shown segment's first request for bytes: sent, its headers arrived, its body ended (this page's view of it). */
  mediaStart: number | null;
  mediaResponse: number | null;
  mediaEnd: number | null;
  /** The shown element's own events, wherever it was when they fired (a warm element fires them before it is shown). */
  meta: number | null;
  data: number | null;
  playing: number | null;
  /** The element's first frame as its callback's metadata tells: handed to the compositor, and expected on screen. */
  presented: number | null;
  expectedDisplay: number | null;
  /** The second animation frame after the stage made the element visible: its showing is on screen. */
  painted: number | null;
  /** The first frame on screen (the measure): the later of its expected display and `painted`. */
  frame: number;
}

/**
 * Arms `window.__open`: a promise of the OpenMarks of the next click. The click is taken in the capture phase; the
 * element in play is found by a MutationObserver (no polling delay). The first frame is on screen once the element
 * holds it and is shown: every video element gets a requestVideoFrameCallback as soon as it has a source, whose
 * metadata tells when its first frame is expected on screen (the warm element of warmStart.ts decodes it while
 * hidden, 35–60 ms after the click); the element's showing is on screen by the second animation frame after the
 * stage makes it visible. A callback asked only when the element is shown reports its second frame whenever the
 * page rendered between the first frame and the asking (found 2026-11-28: presentedFrames 2, mediaTime 0.067 in
 * every open over 200 ms, 1 and 0 in every other), which counts Chromium's start of play (the second frame comes
 * 150–200 ms after the first) on top.
 * Media events do not bubble but pass the document in the capture phase: every element's are kept, and the shown
 * element's are read at the end.
 */
export const OPEN_PROBE = `(() => {
  performance.clearResourceTimings();
  const m = { t0: null, src: null, dialog: null, painted: null };
  const seen = new Map();
  const note = (e) => {
    const el = e.target;
    if (!(el instanceof HTMLMediaElement)) return;
    const marks = seen.get(el) ?? {};
    if (marks[e.type] === undefined) marks[e.type] = performance.now();
    seen.set(el, marks);
  };
  const types = ['loadedmetadata', 'loadeddata', 'playing'];
  for (const t of types) document.addEventListener(t, note, { capture: true });
  document.addEventListener('click', () => { m.t0 = performance.now(); }, { capture: true, once: true });
  // Each video element's first presented frame: its metadata and when the page learned of it.
  const firsts = new Map();
  const watch = (el) => {
    if (firsts.has(el)) return;
    firsts.set(el, new Promise((done) => el.requestVideoFrameCallback((_now, md) => done(md))));
  };
  window.__open = new Promise((resolve) => {
    let armed = false;
    const finish = async (v) => {
      const md = await firsts.get(v);
      obs.disconnect();
      for (const t of types) document.removeEventListener(t, note, { capture: true });
      const frame = Math.max(md.expectedDisplayTime, m.painted);
      const t0 = m.t0 ?? frame;
      const rel = (x) => (x === null || x === undefined ? null : x - t0);
      const res = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.startTime <= frame);
      const api = res.filter((e) => e.name.includes('/api/')).sort((a, b) => a.startTime - b.startTime);
      // The shown segment's own requests, warm (purpose=preload) or not; not the next segment's.
      const path = new URL(v.src).pathname;
      const media = res.filter((e) => new URL(e.name).pathname === path).sort((a, b) => a.startTime - b.startTime);
      const firstMedia = media[0];
      const ev = seen.get(v) ?? {};
      resolve({
        apiFirstStart: api.length ? Math.min(...api.map((e) => e.startTime)) - t0 : null,
        apiFirstEnd: api.length ? api[0].responseEnd - t0 : null,
        apiLastEnd: api.length ? Math.max(...api.map((e) => e.responseEnd)) - t0 : null,
        apiCalls: api.length,
        dialog: rel(m.dialog),
        src: rel(m.src),
        mediaStart: firstMedia ? firstMedia.startTime - t0 : null,
        mediaResponse: firstMedia && firstMedia.responseStart > 0 ? firstMedia.responseStart - t0 : null,
        mediaEnd: firstMedia && firstMedia.responseEnd > 0 ? firstMedia.responseEnd - t0 : null,
        meta: rel(ev.loadedmetadata),
        data: rel(ev.loadeddata),
        playing: rel(ev.playing),
        presented: rel(md.presentationTime),
        expectedDisplay: rel(md.expectedDisplayTime),
        painted: rel(m.painted),
        frame: frame - t0,
      });
    };
    const check = () => {
      if (m.dialog === null && document.querySelector('[role="dialog"]')) m.dialog = performance.now();
      for (const el of document.querySelectorAll('video[src]')) watch(el);
      const v = document.querySelector('video[data-active="true"][src]');
      if (!v || armed || v.style.visibility !== 'visible') return;
      armed = true;
      m.src = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        m.painted = performance.now();
        finish(v);
      }));
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'data-active', 'style'] });
  });
})()`;

/** One switch, in ms on the page's clock; see SWITCH_PROBE. */
export interface SwitchMarks {
  /** How long the picture stood still: from the end of the last frame in play to the next segment's picture. */
  stall: number;
  /** The raw gap between the last presented frame of one and the first presented frame after the switch. */
  gap: number;
  /** play() on the next element → its clock started (its first frame's time); null: play() not seen. */
  latency: number | null;
  /** How long before the end of the picture in play play() was called on the next element; null: not seen. */
  lead: number | null;
  /** play() on the next element − when the player meant to call it (the end less the lead it aimed at, data-preroll-lead); null: no start ahead. */
  startLate: number | null;
  /** The next element shown (data-active) − the end of the picture in play. */
  flipLate: number;
  /** The next element shown → the next animation frame (that frame paints the switch): the page's work in between. */
  flipToFrame: number;
  /** Frames of the next segment that played before it was shown (never on screen). */
  hiddenFrames: number;
}

/**
 * Defines `window.__switchOnce(from, lastSec)`: with segment `from` in play (brought there first: from 0 after the
 * recording's end by 重新播放), waits for the next segment's preload, jumps to `lastSec` before the end, and
 * resolves with the switch's SwitchMarks. The end of the previous segment's picture E is its last frame's
 * presentation time plus the media time left; the next one's clock start S is its first frame after the switch's
 * presentation time less its media time; the switch F is the first animation frame after the next element became the
 * one shown (the frame that paints it). The stall is max(S, F) − E: a next segment that ran hidden before it was shown
 * stands the last picture still until F (and its first frames were never seen: `hiddenFrames`). The first play() after the preload is seen by wrapping
 * HTMLMediaElement.prototype.play.
 */
export const SWITCH_PROBE = `(() => {
  const plays = new Map();
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!plays.has(this)) plays.set(this, performance.now());
    return play.call(this);
  };
  const active = () => document.querySelector('video[data-active="true"]');
  const toggle = () => document.querySelector('[data-testid="play-toggle"]');
  const until = (ok, what, ms = 8000) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const look = () => {
      if (ok()) resolve();
      else if (performance.now() - t0 > ms) reject(new Error('timed out: ' + what));
      else setTimeout(look, 10);
    };
    look();
  });
  const playingAt = (i) => { const v = active(); return v && v.dataset.segmentIndex === String(i) && !v.paused && v.readyState >= 3; };
  window.__switchOnce = async (from, lastSec) => {
    let v = active();
    if (v.dataset.segmentIndex !== String(from)) {
      if (from !== 0) throw new Error('switch probe: expected segment ' + from + ', at ' + v.dataset.segmentIndex);
      v.currentTime = Math.max(0, v.duration - 0.1);
      if (v.paused) toggle().click();
      await until(() => toggle().getAttribute('aria-label') === '重新播放', 'recording end');
      toggle().click();
    } else if (v.paused) toggle().click();
    await until(() => playingAt(from), 'playing segment ' + from);
    v = active();
    const next = [...document.querySelectorAll('video[data-slot]')].find((x) => x !== v);
    await until(() => next.dataset.segmentIndex === String(from + 1) && next.readyState >= 2, 'preload of ' + (from + 1));
    plays.delete(next);
    delete next.dataset.prerollLead;
    const log = [];
    let live = true;
    for (const el of [v, next]) {
      const cb = (now, md) => {
        if (!live) return;
        log.push({ el, now, media: md.mediaTime, at: performance.now() });
        el.requestVideoFrameCallback(cb);
      };
      el.requestVideoFrameCallback(cb);
    }
    let flip = null;
    let painted = null;
    const obs = new MutationObserver(() => {
      if (flip !== null || next.dataset.active !== 'true') return;
      flip = performance.now();
      requestAnimationFrame(() => { painted = performance.now(); });
    });
    obs.observe(next, { attributes: true, attributeFilter: ['data-active'] });
    const rate = v.playbackRate;
    const duration = v.duration;
    v.currentTime = Math.max(0, duration - lastSec);
    await until(() => painted !== null && log.filter((e) => e.el === next && e.at > flip).length >= 3, 'switch to ' + (from + 1));
    live = false;
    obs.disconnect();
    const last = log.filter((e) => e.el === v && e.at <= flip).pop();
    const first = log.find((e) => e.el === next && e.at > flip);
    if (!last || !first) throw new Error('switch probe: no frames around the switch');
    const endOfPrevious = last.now + ((duration - last.media) * 1000) / rate;
    const startOfNext = first.now - (first.media * 1000) / rate;
    const own = log.filter((e) => e.el === v && e.at <= flip).slice(-2);
    const frameMs = own.length === 2 && own[1].media > own[0].media ? ((own[1].media - own[0].media) * 1000) / rate : 40;
    const called = plays.get(next);
    const aimed = next.dataset.prerollLead === undefined ? null : Number(next.dataset.prerollLead);
    return {
      startLate: called === undefined || aimed === null ? null : called - (endOfPrevious - aimed),
      stall: Math.max(0, Math.max(startOfNext, painted) - endOfPrevious),
      gap: first.now - last.now,
      latency: called === undefined ? null : startOfNext - called,
      lead: called === undefined ? null : endOfPrevious - called,
      flipLate: flip - endOfPrevious,
      flipToFrame: painted - flip,
      hiddenFrames: Math.max(0, Math.floor((painted - startOfNext) / frameMs + 1e-6)),
    };
  };
})()`;
