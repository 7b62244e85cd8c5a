import { existsSync } from 'node:fs';
import { canPreview, derivedPaths, makeProxy, makeThumbnail, needsProxy } from '../media';
import { toAbsolute } from '../ingest';
import type { Logger } from '../log';
import type { ArchivePaths } from '../store';
import type { MediaFacts } from './media-facts';

/** Where a media item's viewable form is: the original itself when the browser plays it, else a derived copy. */
export type Viewable = { file: string; derived: boolean; contentType?: string };

/** What making previews needs from the program: where the archive is, the running jobs, a log, a progress sink. */
export interface PreviewWork {
  paths: Pick<ArchivePaths, 'root' | 'derived'>;
  /** Running background jobs by key, shared with the rest of the program so shutdown and tests can await them. */
  jobs: Map<string, { controller: AbortController; done: Promise<unknown> }>;
  log: Logger;
  onProgress: (progress: { mediaId: number; fraction: number; done: boolean; error: string | null }) => void;
}

function paths(work: Pick<PreviewWork, 'paths'>, media: MediaFacts) {
  return derivedPaths(work.paths.derived, media.sha256);
}

export function previewReady(work: Pick<PreviewWork, 'paths'>, media: MediaFacts): boolean {
  if (!canPreview(media)) return false;
  if (!needsProxy(media)) return true;
  const p = paths(work, media);
  return existsSync(media.kind === 'photo' ? p.previewStill : p.preview);
}

/**
 * Runs `make` once per key however many requests ask at the same time; the job is listed in
 * work.jobs so shutdown and tests can await it.
 */
async function once(work: PreviewWork, key: string, make: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const running = work.jobs.get(key);
  if (running) {
    await running.done;
    return;
  }
  const controller = new AbortController();
  const done = make(controller.signal).finally(() => work.jobs.delete(key));
  work.jobs.set(key, { controller, done });
  await done;
}

/**
 * The file the player gets for `/media/<id>/preview`: the original when Chromium plays it, else the
 * preview proxy (预览副本) under derived/, made on first need. Null when nothing can be shown.
 */
export async function ensurePreview(work: PreviewWork, media: MediaFacts): Promise<Viewable | null> {
  if (!canPreview(media)) return null;
  const root = work.paths.root;
  if (!needsProxy(media)) return { file: toAbsolute(root, media.storedPath), derived: false };
  const p = paths(work, media);
  const src = toAbsolute(root, media.storedPath);
  if (media.kind === 'photo') {
    if (!existsSync(p.previewStill)) {
      await once(work, `preview:${media.sha256}`, () => makeThumbnail(src, p.previewStill, { kind: 'photo', maxSize: 4096 }));
    }
    return { file: p.previewStill, derived: true, contentType: 'image/jpeg' };
  }
  if (!existsSync(p.preview)) {
    const emit = (fraction: number, done: boolean, error: string | null) =>
      work.onProgress({ mediaId: media.id, fraction, done, error });
    await once(work, `preview:${media.sha256}`, async (signal) => {
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
        work.log.error('preview proxy failed', { mediaId: media.id, error: String(e) });
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
export async function ensureThumb(work: PreviewWork, media: MediaFacts): Promise<string | null> {
  if (!thumbPossible(media)) return null;
  const p = paths(work, media);
  if (!existsSync(p.thumb)) {
    const src = toAbsolute(work.paths.root, media.storedPath);
    const kind = media.kind === 'photo' ? 'photo' : 'video';
    // In the background: a list shows its posters while the user may already be opening a recording.
    await once(work, `thumb:${media.sha256}`, () => makeThumbnail(src, p.thumb, { kind, durationSec: media.durationSec, background: true }));
  }
  return p.thumb;
}
