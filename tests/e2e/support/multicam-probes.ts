/**
 * What the 多机位同步 bench (tests/bench/multicam.ts) measures inside the page: how far apart the frames the players
 * present are while they play.
 * It installs itself on `window` and is read back later.
 */
import type { Page } from '@playwright/test';

/** The tiles whose cameras the viewer may see. */
const VIEWABLE = '[data-testid="multicam-tile"][data-can-view="true"]';

/**
 * From now on, each frame a viewable tile's players present (requestVideoFrameCallback: its media time) is the
 * tile's picture; on every animation frame the pictures' positions on the shared axis are compared, but only while
 * every player plays and is ready, none stalled, sought or (re)started in the last `settleMs` (as the sync loop
 * counts), and every picture is current (its media time at most `maxLagMs` behind the player's own clock: a player
 * whose pictures fell behind its clock, a decoder or compositor starved on a busy machine, has stalled; the sync loop
 * holds the others for it). Such samples are counted in `__spreadSkipped`. A player whose clock moved `stallSec` less
 * (or more) than its speed says, compared with the others, since the last sample stalled without telling (its sound
 * output ran dry): from then the next `settleMs` are not counted either.
 */
export function sampleShownSpread(page: Page, settleMs: number, maxLagMs: number, stallSec: number): Promise<void> {
  return page.evaluate(
    ({ sel, settleMs, maxLagMs, stallSec }) => {
      const probe = (window as unknown as { __multicam: { offsets: number[] } }).__multicam;
      const all = [...document.querySelectorAll<HTMLElement>('[data-testid="multicam-tile"]')];
      const tiles = all.map((tile, i) => ({ tile, offset: probe.offsets[i]! })).filter((t) => t.tile.matches(sel));
      const shown = new Map<HTMLVideoElement, { media: number; at: number }>();
      const w = window as unknown as { __spread: { at: number; ms: number }[]; __spreadSkipped: number; __spreadRun?: number };
      // A later call replaces this one: its frame callbacks and samples stop rather than pile up.
      const run = (w.__spreadRun = (w.__spreadRun ?? 0) + 1);
      const current = () => w.__spreadRun === run;
      w.__spread = [];
      w.__spreadSkipped = 0;
      let quietSince = performance.now();
      for (const { tile } of tiles) {
        for (const v of tile.querySelectorAll('video')) {
          for (const ev of ['playing', 'seeked', 'waiting', 'pause']) v.addEventListener(ev, () => (quietSince = performance.now()));
          const onFrame = (now: number, meta: VideoFrameCallbackMetadata) => {
            if (!current()) return;
            shown.set(v, { media: meta.mediaTime, at: now });
            v.requestVideoFrameCallback(onFrame);
          };
          v.requestVideoFrameCallback(onFrame);
        }
      }
      /** Each player's clock at the last sample, to tell one that stood still (see MultiSync's silent stalls). */
      let prev: { t: number; cur: number[] } | null = null;
      const sample = () => {
        if (!current()) return;
        requestAnimationFrame(sample);
        const now = performance.now();
        const players = tiles.map(({ tile, offset }) => {
          const v = tile.querySelector<HTMLVideoElement>('video[data-active="true"]');
          const f = v ? shown.get(v) : undefined;
          return v && f && !v.paused && !v.seeking && v.readyState >= 3 ? { v, f, offset } : null;
        });
        const cur = players.map((p) => (p ? p.offset + p.v.currentTime : NaN));
        if (prev && players.every((p) => p)) {
          const dt = (now - prev.t) / 1000;
          const behind = players.map((p, k) => p!.v.playbackRate * dt - (cur[k]! - prev!.cur[k]!));
          if (Math.max(...behind) - Math.min(...behind) > stallSec) quietSince = now;
        }
        prev = { t: now, cur };
        if (!players.every((p) => p) || now < quietSince + settleMs) return;
        if (players.some((p) => (p!.v.currentTime - p!.f.media) * 1000 > maxLagMs)) {
          w.__spreadSkipped++;
          return;
        }
        const at = players.map((p) => p!.offset + p!.f.media);
        w.__spread.push({ at: Math.min(...at), ms: (Math.max(...at) - Math.min(...at)) * 1000 });
      };
      requestAnimationFrame(sample);
    },
    { sel: VIEWABLE, settleMs, maxLagMs, stallSec },
  );
}
