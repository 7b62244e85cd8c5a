// planFile: what the archive records about one file, from its name, times and probe, in the office's zone.
import { describe, expect, it } from 'vitest';
import { planFile } from '../../../main/ingest';
import type { CandidateOriginal } from '../../../main/ingest';
import { parseRecorderFileName, type ProbeResult } from '../../../main/media';

const TZ = 'Asia/Shanghai';
// 2026-11-27 17:30 in the office, docked in the evening.
const DOCKED = new Date('2026-11-27T09:30:00Z');

function file(name: string, size: number, mtime: Date): CandidateOriginal {
  return { path: `/vol/DCIM/${name}`, relPath: `DCIM/${name}`, name, size, mtime, kind: 'video', nameInfo: parseRecorderFileName(name) };
}
const video: ProbeResult = { readable: true, hasAudio: true, hasVideo: true, container: 'mov,mp4,m4a,3gp,3g2,mj2', durationSec: 600 };

describe('planFile', () => {
  it('takes the start from the recorder name in office time, and the end from the duration', () => {
    const p = planFile(file('DSJ-A8_20261127083000_0001.MP4', 1000, DOCKED), video, { dockedAt: DOCKED, timeZone: TZ });
    expect(p.start.toISOString()).toBe('2026-11-27T00:30:00.000Z');
    expect(p.end?.toISOString()).toBe('2026-11-27T00:40:00.000Z');
    expect(p.startSource).toBe('file_name');
    expect(p.day).toBe('2026-11-27');
    expect(p.kind).toBe('video');
    expect(p.flags).toEqual([]);
    expect(p.clockSuspect).toBe(false);
  });

  it('files footage shot before 08:00 office time under the office day, not the UTC date', () => {
    const p = planFile(file('DSJ-A8_20261127063000_0001.MP4', 1000, DOCKED), video, { dockedAt: DOCKED, timeZone: TZ });
    expect(p.start.toISOString()).toBe('2026-11-26T22:30:00.000Z');
    expect(p.day).toBe('2026-11-27');
  });

  it('a recorder clock in the future is suspect: flagged and filed under the office day of docking', () => {
    // Docked at 00:30 office time on the 28th (16:30 UTC on the 27th); the name claims next year.
    const docked = new Date('2026-11-27T16:30:00Z');
    const p = planFile(file('DSJ-A8_20270601120000_0001.MP4', 1000, new Date('2027-06-01T04:00:00Z')), video, { dockedAt: docked, timeZone: TZ });
    expect(p.clockSuspect).toBe(true);
    expect(p.flags).toContain('clock_suspect');
    expect(p.day).toBe('2026-11-28');
  });

  it('a zero-byte file is flagged zero_byte and has no duration', () => {
    const empty: ProbeResult = { readable: false, hasAudio: false, hasVideo: false };
    const p = planFile(file('DSJ-A8_20261127083000_0002.MP4', 0, DOCKED), empty, { dockedAt: DOCKED, timeZone: TZ });
    expect(p.flags).toEqual(['zero_byte']);
    expect(p.durationSec).toBeNull();
    expect(p.end).toBeNull();
  });

  it('video without sound is flagged no_audio (rules art. 2)', () => {
    const p = planFile(file('DSJ-A8_20261127083000_0003.MP4', 1000, DOCKED), { ...video, hasAudio: false }, { dockedAt: DOCKED, timeZone: TZ });
    expect(p.flags).toEqual(['no_audio']);
  });
});
