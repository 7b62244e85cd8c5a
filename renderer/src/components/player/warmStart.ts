import { mediaUrl } from './mediaUrl';

/**
 * The first segment's bytes, asked for at the click (issue 14 item 2): the media pipeline starts while media.open
 * and the player's first render run, not after them. Only for what the row already says will play as it is (a video
 * or sound the user has leave to view, no 预览副本, not disposed), and only as a preload: the route checks leave and
 * registers nothing, and the player registers the viewing (media.viewed) when it shows the segment, as it does for a
 * preloaded next segment. Unused (another first segment, leave refused, closed) it is dropped.
 */

type MediaEl = HTMLVideoElement | HTMLAudioElement;

const noMenu = (e: Event) => e.preventDefault();

/** A player's media element: no native controls, no download or remote-playback menu, no picture-in-picture, no context menu. */
export function makeMediaElement(kind: 'video' | 'audio'): MediaEl {
  const el = document.createElement(kind);
  el.dataset.testid = 'player-media';
  el.dataset.active = 'false';
  el.dataset.segmentIndex = '-1';
  el.preload = 'auto';
  if (el instanceof HTMLVideoElement) {
    el.playsInline = true;
    el.disablePictureInPicture = true;
  }
  el.disableRemotePlayback = true;
  el.setAttribute('controlslist', 'nodownload noremoteplayback noplaybackrate');
  el.addEventListener('contextmenu', noMenu);
  el.style.visibility = 'hidden';
  return el;
}

/** What a library row says about the item, as far as starting its bytes goes. */
export interface WarmHint {
  id: number;
  kind: string;
  needsProxy: boolean;
  canView?: boolean;
  disposed: unknown;
}

let warm: { mediaId: number; el: MediaEl } | null = null;

function release(el: MediaEl): void {
  el.removeAttribute('src');
  el.load();
  el.remove();
}

/** Starts fetching the item the user just opened, when the row says it will play as it is. */
export function warmUp(item: WarmHint): void {
  dropWarm();
  if ((item.kind !== 'video' && item.kind !== 'audio') || item.needsProxy || item.canView !== true || item.disposed) return;
  const el = makeMediaElement(item.kind);
  // In the document, hidden: Chromium starts no media pipeline for a detached element.
  el.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden; pointer-events: none';
  el.setAttribute('aria-hidden', 'true');
  el.src = mediaUrl(item.id, 'original', { preload: true });
  document.body.append(el);
  warm = { mediaId: item.id, el };
}

/** The element already loading `mediaId` as `kind`, handed over once (null: none; anything else warm is dropped). */
export function takeWarm(mediaId: number, kind: 'video' | 'audio'): MediaEl | null {
  const w = warm;
  warm = null;
  if (!w) return null;
  if (w.mediaId === mediaId && w.el.localName === kind) {
    // The stage lays it out (player.css); moved within the document it keeps its pipeline.
    w.el.style.cssText = 'visibility: hidden';
    return w.el;
  }
  release(w.el);
  return null;
}

export function dropWarm(): void {
  if (warm) release(warm.el);
  warm = null;
}
