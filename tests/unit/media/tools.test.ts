import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { locateTools, requireTool, searchPath, unpackedAsarPath } from '../../../main/media';

const only = (...files: string[]) => (f: string) => files.includes(f);

describe('locateTools', () => {
  it('environment variables win', () => {
    const t = locateTools(
      { EVIDENCE_FFMPEG: '/opt/ff/ffmpeg', EVIDENCE_FFPROBE: '/opt/ff/ffprobe', PATH: '/usr/bin' },
      { platform: 'linux', isExecutable: only('/opt/ff/ffmpeg', '/opt/ff/ffprobe', '/usr/bin/ffmpeg', '/b/ffprobe'), bundledPath: () => '/b/ffprobe' },
    );
    expect(t).toMatchObject({ ffmpeg: '/opt/ff/ffmpeg', ffprobe: '/opt/ff/ffprobe', source: { ffmpeg: 'env', ffprobe: 'env' } });
  });
  it('a wrong env path falls back with a warning; bundled before PATH', () => {
    const t = locateTools(
      { EVIDENCE_FFPROBE: '/nope/ffprobe', PATH: '/usr/local/bin:/usr/bin' },
      { platform: 'linux', isExecutable: only('/b/ffprobe', '/usr/bin/ffprobe', '/usr/bin/ffmpeg'), bundledPath: (t) => (t === 'ffprobe' ? '/b/ffprobe' : null) },
    );
    expect(t).toMatchObject({ ffmpeg: '/usr/bin/ffmpeg', ffprobe: '/b/ffprobe', source: { ffmpeg: 'path', ffprobe: 'bundled' } });
    expect(t.warnings.join()).toContain('EVIDENCE_FFPROBE');
  });
  it('a bundled package whose binary is missing is skipped', () => {
    const t = locateTools({ PATH: '/usr/bin' }, { platform: 'linux', isExecutable: only('/usr/bin/ffmpeg'), bundledPath: () => '/b/ffmpeg' });
    expect(t.ffmpeg).toBe('/usr/bin/ffmpeg');
    expect(t.ffprobe).toBeNull();
  });
  it('packaged app: uses app.asar.unpacked', () => {
    const asar = '/opt/App/resources/app.asar/node_modules/ffmpeg-static/ffmpeg';
    const unpacked = '/opt/App/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg';
    expect(unpackedAsarPath(asar)).toBe(unpacked);
    expect(unpackedAsarPath(unpacked)).toBe(unpacked);
    expect(unpackedAsarPath('C:\\App\\resources\\app.asar\\ffmpeg.exe')).toBe('C:\\App\\resources\\app.asar.unpacked\\ffmpeg.exe');
    const t = locateTools({}, { platform: 'linux', isExecutable: only(unpacked), bundledPath: () => asar });
    expect(t.ffmpeg).toBe(unpacked);
  });
  it('Windows PATH with PATHEXT', () => {
    const exe = 'C:\\ffmpeg\\bin\\ffprobe.exe';
    expect(searchPath('ffprobe', { Path: 'C:\\Windows;"C:\\ffmpeg\\bin"', PATHEXT: '.COM;.EXE;.BAT' }, 'win32', only(exe))).toBe(exe);
  });
  it('nothing found: nulls, and requireTool throws a Chinese message', () => {
    const t = locateTools({ PATH: '' }, { platform: 'linux', isExecutable: () => false, bundledPath: () => null });
    expect(t.ffmpeg).toBeNull();
    expect(t.ffprobe).toBeNull();
    try {
      requireTool('ffprobe', t);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('FFPROBE_NOT_FOUND');
      expect((e as AppError).userMessage).toMatch(/未找到 ffprobe/);
      expect((e as AppError).message).toMatch(/ffprobe not found/);
    }
  });
  it('finds real tools on this machine', () => {
    const t = locateTools();
    expect(t.ffmpeg).toBeTruthy();
    expect(t.ffprobe).toBeTruthy();
  });
});
