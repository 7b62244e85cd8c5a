import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { derivedPaths, locateTools, makeProxy, makeThumbnail, probeMedia } from '../../../main/media';
import { tempDir } from '../../support/services';

const run = promisify(execFile);

describe('preview proxies and thumbnails', () => {
  const dir = tempDir('ew-proxy-');
  const src = path.join(dir, 'hevc.mp4');
  const derived = derivedPaths(path.join(dir, 'derived'), 'f'.repeat(64));

  beforeAll(async () => {
    const ffmpeg = locateTools().ffmpeg!;
    await run(ffmpeg, ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000:duration=3',
      '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-c:a', 'pcm_s16le', path.join(dir, 'hevc.mov')]);
    await run(ffmpeg, ['-hide_banner', '-v', 'error', '-y', '-i', path.join(dir, 'hevc.mov'), '-c', 'copy', '-c:a', 'aac', src]);
  }, 60_000);

  it('makes an H.264/AAC MP4 with progress up to 1, via a temporary name, leaving the source alone', async () => {
    const before = readFileSync(src);
    const progress: number[] = [];
    await makeProxy(src, derived.preview, { durationSec: 3, hasVideo: true, hasAudio: true, onProgress: (f) => progress.push(f) });
    const probe = await probeMedia(derived.preview);
    expect(probe).toMatchObject({ readable: true, videoCodec: 'h264', audioCodec: 'aac' });
    expect(probe.durationSec).toBeGreaterThan(2.5);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(readdirSync(path.dirname(derived.preview))).toEqual([path.basename(derived.preview)]);
    expect(readFileSync(src).equals(before)).toBe(true);
    // faststart: the moov box comes before the media data.
    const head = readFileSync(derived.preview).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(-1);
  });

  it('an aborted proxy leaves nothing behind', async () => {
    const dst = path.join(dir, 'aborted', 'x.mp4');
    const controller = new AbortController();
    controller.abort();
    await expect(makeProxy(src, dst, { hasVideo: true, hasAudio: true, signal: controller.signal })).rejects.toThrow(/aborted/);
    expect(readdirSync(path.dirname(dst))).toEqual([]);
  });

  it('makes a JPEG poster no larger than asked', async () => {
    await makeThumbnail(src, derived.thumb, { kind: 'video', durationSec: 3, maxSize: 160 });
    const jpg = readFileSync(derived.thumb);
    expect(jpg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    const probe = await probeMedia(derived.thumb);
    expect(probe.width).toBeLessThanOrEqual(160);
    expect(probe.height).toBeLessThanOrEqual(160);
  });
});
