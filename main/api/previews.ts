import { existsSync } from 'node:fs';
import { canPreview, derivedPaths, makeProxy, makeThumbnail, needsProxy } from '../media';
import { toAbsolute } from '../ingest';
import type { ApiServices } from './context';
import type { MediaFacts } from './media-facts';

/** Where a media item's viewable form is: the original itself when the browser plays it, else a derived copy. */
export type Viewable = { file: string; derived: boolean; contentType?: string };

function paths(services: ApiServices, media: MediaFacts) {
  return derivedPaths(services.archive.open().paths.derived, media.sha256);
}

export function previewReady(services: ApiServices, media: MediaFacts): boolean {
  if (!canPreview(media)) return false;
  if (!needsProxy(media)) return true;
  const p = paths(services, media);
  return existsSync(media.kind === 'photo' ? p.previewStill : p.preview);
}

/**
 * Runs `make` once per key however many requests ask at the same time; the job is listed in
 * services.jobs so shutdown and tests can await it.
 */
async function once(services: ApiServices, key: string, make: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const running = services.jobs.get(key);
  if (running) {
    await running.done;
    return;
  }
  const controller = new AbortController();
  const done = make(controller.signal).finally(() => services.jobs.delete(key));
  services.jobs.set(key, { controller, done });
  await done;
}

/**
 * The file the player gets for `/media/<id>/preview`: the original when Chromium plays it, else the
 * preview proxy (预览副本) under derived/, made on first need. Null when nothing can be shown.
 */
export async function ensurePreview(services: ApiServices, media: MediaFacts): Promise<Viewable | null> {
  if (!canPreview(media)) return null;
  const root = services.archive.open().paths.root;
  if (!needsProxy(media)) return { file: toAbsolute(root, media.storedPath), derived: false };
  const p = paths(services, media);
  const src = toAbsolute(root, media.storedPath);
  if (media.kind === 'photo') {
    if (!existsSync(p.previewStill)) {
      await once(services, `preview:${media.sha256}`, () => makeThumbnail(src, p.previewStill, { kind: 'photo', maxSize: 4096 }));
    }
    return { file: p.previewStill, derived: true, contentType: 'image/jpeg' };
  }
  if (!existsSync(p.preview)) {
    const emit = (fraction: number, done: boolean, error: string | null) =>
      services.host.emit?.('all', 'media.previewProgress', { mediaId: media.id, fraction, done, error });
    await once(services, `preview:${media.sha256}`, async (signal) => {
      try {
        await makeProxy(src, p.preview, {
          durationSec: media.durationSec,
          hasVideo: media.kind === 'video',
          hasAudio: media.hasAudio,
          signal,
          onProgress: (f) => emit(f, false, null),
        });
        emit(1, true, null);
      } catch (e) {
        services.log.error('preview proxy failed', { mediaId: media.id, error: String(e) });
        emit(0, true, '预览副本生成失败');
        throw e;
      }
    });
  }
  return { file: p.preview, derived: true, contentType: media.kind === 'audio' ? 'audio/mp4' : 'video/mp4' };
}

/** A poster can be made for readable video and photos. */
export function thumbPossible(media: Pick<MediaFacts, 'kind' | 'flags'>): boolean {
  return (media.kind === 'video' || media.kind === 'photo') && !media.flags.some((f) => f === 'unreadable' || f === 'zero_byte');
}

/** The poster JPEG under derived/thumbs/, made on first request. */
export async function ensureThumb(services: ApiServices, media: MediaFacts): Promise<string | null> {
  if (!thumbPossible(media)) return null;
  const p = paths(services, media);
  if (!existsSync(p.thumb)) {
    const src = toAbsolute(services.archive.open().paths.root, media.storedPath);
    const kind = media.kind === 'photo' ? 'photo' : 'video';
    await once(services, `thumb:${media.sha256}`, () => makeThumbnail(src, p.thumb, { kind, durationSec: media.durationSec }));
  }
  return p.thumb;
}
