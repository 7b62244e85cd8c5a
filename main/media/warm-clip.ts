import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runFfmpeg } from './ffmpeg-run';
import type { ExecutablePath } from './types';

/**
 * The player's warm-up clip (renderer `warmDecoder.ts`): 0.2 s of a 16×16 black frame and silence, H.264 and AAC in
 * MP4, about 2 KB. Made by the renderer's build (vite.config.ts), so the repository keeps no video.
 */
export async function makeWarmClip(ffmpeg: ExecutablePath): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ew-warm-clip-'));
  try {
    const out = path.join(dir, 'warm.mp4');
    await runFfmpeg(ffmpeg, [
      '-hide_banner', '-nostdin', '-v', 'error', '-y',
      '-f', 'lavfi', '-i', 'color=black:size=16x16:rate=25', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '0.2',
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '16k', '-movflags', '+faststart',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', out,
    ]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
