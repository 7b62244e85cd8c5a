import { writeDerived } from './derived';
import { runFfmpeg } from './ffmpeg-run';
import { requireTool } from './tools';
import type { ExecutablePath, MediaKind } from './types';

export interface StillOptions {
  kind: Extract<MediaKind, 'video' | 'photo'>;
  durationSec?: number | null;
  /** Longest side in pixels. */
  maxSize?: number;
  ffmpegPath?: ExecutablePath;
  /** Nobody waits on it (a list's poster): one thread, below normal priority. */
  background?: boolean;
}

/**
 * A JPEG still of `src` at `dst`: a frame about 1 s in for video (the very first frame is often
 * black), the picture itself for photos, scaled to fit maxSize without enlarging.
 */
export async function makeThumbnail(src: string, dst: string, opts: StillOptions): Promise<void> {
  const ffmpeg = opts.ffmpegPath ?? requireTool('ffmpeg');
  const max = opts.maxSize ?? 320;
  const at = opts.kind === 'video' ? Math.min(1, Math.max(0, (opts.durationSec ?? 0) / 2)) : 0;
  const scale = `scale='min(${max},iw)':'min(${max},ih)':force_original_aspect_ratio=decrease`;
  const threads = opts.background ? ['-threads', '1'] : [];
  await writeDerived(dst, (tmp) =>
    runFfmpeg(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...threads, ...(at > 0 ? ['-ss', String(at)] : []), '-i', src,
        '-frames:v', '1', '-vf', scale, '-q:v', '4', '-f', 'image2', '-c:v', 'mjpeg', ...threads, tmp],
      { background: opts.background },
    ),
  );
}
