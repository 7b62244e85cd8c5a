import { writeDerived } from './derived';
import { runFfmpeg } from './ffmpeg-run';
import { requireTool } from './tools';
import type { ExecutablePath } from './types';

export interface ProxyOptions {
  /** The original's duration, for progress; progress is not reported without it. */
  durationSec?: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  ffmpegPath?: ExecutablePath;
}

/**
 * Makes an H.264/AAC MP4 preview proxy of `src` at `dst` (never evidence: the original is untouched
 * and nothing in the store points to the proxy). Written to a temporary name, then renamed.
 */
export async function makeProxy(src: string, dst: string, opts: ProxyOptions): Promise<void> {
  const ffmpeg = opts.ffmpegPath ?? requireTool('ffmpeg');
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', '-i', src];
  if (opts.hasVideo) {
    // Even dimensions for yuv420p; a modest preset keeps a 2-core office PC usable while it runs.
    args.push('-map', '0:v:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2');
  } else {
    args.push('-vn');
  }
  if (opts.hasAudio) args.push('-map', '0:a:0?', '-c:a', 'aac', '-b:a', '128k');
  else args.push('-an');
  args.push('-sn', '-dn', '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4');
  const total = opts.durationSec && opts.durationSec > 0 ? opts.durationSec : null;
  await writeDerived(dst, (tmp) =>
    runFfmpeg(ffmpeg, [...args, tmp], {
      signal: opts.signal,
      onProgress: (fields) => {
        if (!opts.onProgress) return;
        if (fields.progress === 'end') return opts.onProgress(1);
        // out_time_us is microseconds (out_time_ms is too, despite its name).
        const us = Number(fields.out_time_us ?? fields.out_time_ms);
        if (total && Number.isFinite(us) && us >= 0) opts.onProgress(Math.min(0.99, us / 1e6 / total));
      },
    }),
  );
}
