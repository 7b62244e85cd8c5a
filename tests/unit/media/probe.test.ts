import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { makeRecorderVolume, type FixtureVolume } from '../../fixtures/recorder-volume';

let dir: string;
let vol: FixtureVolume;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ew-probe-'));
  vol = await makeRecorderVolume(path.join(dir, 'vol'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probe on the fixture volume', () => {
  it('generates quickly', () => {
    expect(vol.generationSec).toBeLessThan(30);
  });

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

  it('a hanging ffprobe is killed at the timeout', async () => {
    const fake = path.join(dir, 'slow-ffprobe.sh');
    await writeFile(fake, '#!/bin/sh\nexec sleep 30\n');
    await chmod(fake, 0o755);
    const t0 = Date.now();
    const p = await probeMedia(path.join(vol.root, vol.segments[0]?.relPath ?? ''), { timeoutMs: 300, ffprobePath: fake as ExecutablePath });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(p).toMatchObject({ readable: false, timedOut: true });
  });

  it('an ffprobe that cannot start resolves unreadable, not a crash', async () => {
    const p = await probeMedia(path.join(vol.root, vol.segments[0]?.relPath ?? ''), { ffprobePath: path.join(dir, 'absent') as ExecutablePath });
    expect(p.readable).toBe(false);
    expect(p.error).toMatch(/could not start/);
  });
});
