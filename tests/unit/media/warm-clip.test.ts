import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTools, makeWarmClip, probeMedia } from '../../../main/media';
import { tempDir } from '../../support/services';

describe('makeWarmClip', () => {
  it('makes a readable H.264 and AAC clip of 0.2 s, a few KB, the same bytes each time', async () => {
    const ffmpeg = locateTools().ffmpeg!;
    const clip = await makeWarmClip(ffmpeg);
    expect(clip.length).toBeLessThan(8 * 1024);
    const file = path.join(tempDir('ew-warm-clip-test-'), 'warm.mp4');
    writeFileSync(file, clip);
    const probe = await probeMedia(file);
    expect(probe).toMatchObject({ readable: true, videoCodec: 'h264', audioCodec: 'aac' });
    expect(probe.durationSec).toBeGreaterThan(0.1);
    expect(probe.durationSec).toBeLessThan(0.5);
    // Bit-exact: a rebuild does not change the bundle.
    expect((await makeWarmClip(ffmpeg)).equals(clip)).toBe(true);
  });
});
