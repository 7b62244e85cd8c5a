import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyKind,
  decideStartTime,
  mediaFlags,
  parseRecorderFileName,
  probeMedia,
  type ExecutablePath,
  type MediaFlag,
} from '../../../main/media';
import { volumeInTempDir, type FixtureVolume } from '../../fixtures/recorder-volume';

let dir: string;
let vol: FixtureVolume;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}

beforeAll(async () => ({ dir, vol } = await volumeInTempDir('ew-probe-')));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('probe on the fixture volume', () => {
  it('each file: kind, flags, codecs and start time as expected', async () => {
    for (const f of vol.files) {
      const file = path.join(vol.root, f.relPath);
      const probe = await probeMedia(file);
      const size = (await stat(file)).size;
      const kind = classifyKind(file, probe);
      const nameInfo = parseRecorderFileName(path.basename(file));
      const decision = decideStartTime({
        creationTime: probe.creationTime,
        fromName: nameInfo.startLocal,
        mtime: (await stat(file)).mtime,
        dockedAt: vol.dockedAt,
        timeZone: vol.timeZone,
      });
      const flags: MediaFlag[] = [...mediaFlags(probe, size, kind), ...(decision.clockSuspect ? (['clock_suspect'] as const) : [])];
      const ctx = `${f.relPath} (${f.role})`;
      expect(kind, ctx).toBe(f.expectedKind);
      expect(flags, ctx).toEqual(f.expectedFlags);
      expect(decision.start.toISOString(), ctx).toBe(f.expectedStart.toISOString());
      expect(decision.source, ctx).toBe(f.expectedStartSource);
      if (f.videoCodec) expect(probe.videoCodec, ctx).toBe(f.videoCodec);
      if (f.audioCodec) expect(probe.audioCodec, ctx).toBe(f.audioCodec);
      if (f.durationSec) expect(probe.durationSec, ctx).toBeCloseTo(f.durationSec, 0);
    }
  });

  it('HEVC segment is reported as hevc; the truncated file as truncated', async () => {
    const hevc = vol.files.find((f) => f.role === 'hevc');
    const cut = vol.files.find((f) => f.role === 'truncated');
    expect((await probeMedia(path.join(vol.root, hevc?.relPath ?? ''))).videoCodec).toBe('hevc');
    const p = await probeMedia(path.join(vol.root, cut?.relPath ?? ''));
    expect(p).toMatchObject({ readable: false, truncated: true });
    expect(p.error).toMatch(/moov/);
  });

  it('the three segments are contiguous', async () => {
    const ends: number[] = [];
    for (const s of vol.segments) {
      const p = await probeMedia(path.join(vol.root, s.relPath));
      expect(p.readable).toBe(true);
      ends.push(s.expectedStart.getTime() + (p.durationSec ?? 0) * 1000);
    }
    for (let i = 1; i < vol.segments.length; i++) {
      expect(Math.abs((vol.segments[i]?.expectedStart.getTime() ?? 0) - (ends[i - 1] ?? 0))).toBeLessThan(500);
    }
  });

  it('a missing file resolves unreadable', async () => {
    expect(await probeMedia(path.join(dir, 'nope.mp4'))).toMatchObject({ readable: false });
  });

  // How soon it comes back is measured by `npm run bench -- probe`; here, that it comes back at all (the
  // fake never ends on its own) and that the hung process is gone.
  it('a hanging ffprobe is killed at the timeout and reported as timed out', async () => {
    const fake = path.join(dir, 'hung-ffprobe.sh');
    const pidFile = path.join(dir, 'hung-ffprobe.pid');
    await writeFile(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 3600\n`);
    await chmod(fake, 0o755);
    const p = await probeMedia(path.join(vol.root, vol.segments[0]?.relPath ?? ''), { timeoutMs: 300, ffprobePath: fake as ExecutablePath });
    expect(p).toMatchObject({ readable: false, timedOut: true, error: 'ffprobe timed out after 300 ms' });
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid), `the hung ffprobe (pid ${pid}) is still running`).toBe(false);
  });

  it('an ffprobe that cannot start resolves unreadable, not a crash', async () => {
    const p = await probeMedia(path.join(vol.root, vol.segments[0]?.relPath ?? ''), { ffprobePath: path.join(dir, 'absent') as ExecutablePath });
    expect(p.readable).toBe(false);
    expect(p.error).toMatch(/could not start/);
  });
});
