import { execFile } from 'node:child_process';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInfoFile, scanSource, type ScanResult } from '../../../main/ingest';
import { volumeInTempDir, type FixtureVolume } from '../../fixtures/recorder-volume';
import { withoutReadOverride } from '../../support/unprivileged';

const run = promisify(execFile);
const SCAN_CHILD = path.resolve('tests/support/scan-source.ts');

let dir: string;
let vol: FixtureVolume;

beforeAll(async () => ({ dir, vol } = await volumeInTempDir('ew-scan-')));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scanSource', () => {
  it('lists exactly the expected originals and skips housekeeping', async () => {
    const s = await scanSource(vol.root);
    expect(s.originals.map((o) => o.relPath)).toEqual(vol.files.map((f) => f.relPath));
    expect(s.originals.map((o) => o.kind)).toEqual(vol.files.map((f) => f.expectedKind));
    const skipped = s.skipped.map((k) => k.relPath);
    for (const h of vol.housekeeping) expect(skipped).toContain(h);
    expect(skipped).toContain(vol.infoFile);
    expect(s.problems).toEqual([]);
    expect(s.totalBytes).toBe(s.originals.reduce((n, o) => n + o.size, 0));
    expect(s.originals.find((o) => o.size === 0)).toBeTruthy(); // a zero-byte file is still an original
  });

  it('recognises the recorder volume and reads serial and badge from the info file', async () => {
    const s = await scanSource(vol.root);
    expect(s.recorderVolume).toBe(true);
    expect(s.recorder).toMatchObject({ source: 'info_file', serial: vol.serial, badge: vol.badge, infoFile: 'DEVICE.TXT' });
    expect(s.recorder.info?.MODEL).toBe('DSJ-A8');
    const seg = s.originals.find((o) => o.relPath === vol.segments[1]?.relPath);
    expect(seg?.nameInfo).toMatchObject({ serial: vol.serial, badge: vol.badge, seq: 2 });
  });

  it('falls back to file names for serial and badge; a plain folder is not a recorder volume', async () => {
    const s = await scanSource(path.join(vol.root, 'DCIM'));
    expect(s.recorder).toMatchObject({ source: 'file_names', serial: vol.serial, badge: vol.badge });
    const plain = await scanSource(path.join(vol.root, '现场照片'));
    expect(plain.recorderVolume).toBe(false);
    expect(plain.recorder.source).toBeNull();
    expect(plain.originals.map((o) => o.name)).toEqual(['张三_询问笔录.mp4']);
  });

  it('does not follow symlinks and reports unreadable folders without failing', async () => {
    const root = path.join(dir, 'links');
    await mkdir(path.join(root, 'real'), { recursive: true });
    await writeFile(path.join(root, 'real', 'a.MP4'), 'a');
    await symlink(path.join(root, 'real'), path.join(root, 'loop'));
    await symlink(path.join(root, 'real', 'a.MP4'), path.join(root, 'b.MP4'));
    const s = await scanSource(root);
    expect(s.originals.map((o) => o.relPath)).toEqual(['real/a.MP4']);
    expect(s.skipped).toEqual(expect.arrayContaining([{ relPath: 'loop', reason: 'symlink' }, { relPath: 'b.MP4', reason: 'symlink' }]));
  });

  // As root the scan runs with CAP_DAC_OVERRIDE dropped, so the locked folder is locked for it too.
  it('permission errors are reported, not fatal', async (ctx) => {
    const unprivileged = withoutReadOverride();
    const prefix = 'prefix' in unprivileged ? unprivileged.prefix : ctx.skip(unprivileged.reason);
    const root = path.join(dir, 'perm');
    await mkdir(path.join(root, 'locked'), { recursive: true });
    await writeFile(path.join(root, 'ok.MP4'), 'x');
    await writeFile(path.join(root, 'locked', 'hidden.MP4'), 'y');
    await chmod(path.join(root, 'locked'), 0);
    try {
      const [cmd = process.execPath, ...args] = [...prefix, process.execPath, '--import', 'tsx', SCAN_CHILD, root];
      const { stdout } = await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 });
      const s = JSON.parse(stdout) as ScanResult;
      expect(s.originals.map((o) => o.relPath)).toEqual(['ok.MP4']);
      expect(s.problems).toEqual([expect.objectContaining({ relPath: 'locked', code: 'EACCES' })]);
    } finally {
      await chmod(path.join(root, 'locked'), 0o755);
    }
  });
});

describe('parseInfoFile', () => {
  it.each([
    ['[DEVICE]\r\nSN=A8C001\r\nID=310115\r\n', { serial: 'A8C001', badge: '310115' }],
    ['\uFEFF设备编号：DSJ-9\n警号：123456\n', { serial: 'DSJ-9', badge: '123456' }],
    ['# comment\nSerialNo = "X1"\nPoliceID: 007\n', { serial: 'X1', badge: '007' }],
    ['just some notes\n', {}],
  ])('%j', (text, expected) => {
    const { info: _info, ...rest } = parseInfoFile(text);
    expect(rest).toEqual(expected);
  });
});
