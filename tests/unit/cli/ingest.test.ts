import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store';
import { makeRecorderVolume, writeRandomFile, type FixtureVolume } from '../../fixtures/recorder-volume';
import { TestClock, tempDir } from '../../support/services';
import { runInProcess, runProcess, type CliResult } from './run-cli';

const PASSWORD = { EVIDENCE_PASSWORD: 'cli-pass-123' };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const DAY_MS = 24 * 3600_000;

interface IngestJson {
  sessionId: number;
  status: string;
  recorderSerial: string | null;
  officer: { name: string; badgeNo: string } | null;
  stored: number;
  duplicates: number;
  failed: number;
  ok: boolean;
  files: {
    relPath: string;
    outcome: 'stored' | 'duplicate' | 'failed';
    storedPath: string | null;
    sha256: string | null;
    durationSec: number | null;
    hasAudio: boolean | null;
    flags: string[];
    message: string | null;
  }[];
}

/** Running the CLI without root's right to read any file, so a chmod 000 source file fails to copy. */
function noReadOverride(): string[] | null {
  if (process.getuid?.() !== 0) return null;
  try {
    execFileSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', 'true'], { stdio: 'pipe' });
    return ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'];
  } catch {
    return null;
  }
}

describe('evidence CLI: ingest and verify of originals', () => {
  let work: string;
  let archive: string;
  let vol: FixtureVolume;
  // The workstation docks the recorder the evening it recorded (the fixture's docking time).
  let clock: TestClock;
  const cli = (args: string[], vars: Record<string, string> = {}): Promise<CliResult> => runInProcess(args, { clock, vars });

  beforeAll(async () => {
    work = tempDir('ew-cli-');
    archive = path.join(work, 'archive');
    vol = await makeRecorderVolume(path.join(work, 'volume'));
    clock = new TestClock(vol.dockedAt);
    const init = await cli(['init', '--archive', archive, '--office', '某某镇综合行政执法大队', '--admin', 'admin', '--json'], PASSWORD);
    expect(init.code, init.stderr).toBe(0);
  }, 90_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a wrong password and a missing source with exit 2, before anything is written', async () => {
    const wrong = await cli(['ingest', '--archive', archive, '--source', vol.root, '--user', 'admin', '--json'], { EVIDENCE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('AUTH_FAILED');
    expect(wrong.stdout).toBe('');
    const missing = await cli(['ingest', '--archive', archive, '--source', path.join(work, 'nope'), '--user', 'admin'], PASSWORD);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/source folder not found/);
    expect((await cli(['ingest', '--archive', archive, '--user', 'admin'], PASSWORD)).code).toBe(2);
    expect((await cli(['ingest', '--archive', path.join(work, 'no-archive'), '--source', vol.root, '--user', 'admin'], PASSWORD)).code).toBe(2);
    const db = openDatabase(path.join(archive, 'evidence.db'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM ingest_sessions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('ingests the recorder volume and lists every file with its stored path, hash, duration, audio and flags', async () => {
    const r = await cli(['ingest', '--archive', archive, '--source', vol.root, '--user', 'admin', '--json'], PASSWORD);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr, 'no progress lines with --json').not.toMatch(/^\[\d+\/\d+\]/m);
    const out = JSON.parse(r.stdout) as IngestJson;
    expect(out).toMatchObject({ status: 'completed', failed: 0, ok: true, recorderSerial: vol.serial });
    expect(out.officer?.badgeNo, 'officer registered from the badge the volume names').toBe(vol.badge);
    expect(out.files.map((f) => f.relPath).sort()).toEqual(vol.files.map((f) => f.relPath).sort());
    expect(out.stored + out.duplicates).toBe(vol.files.length);

    // Docked the same evening: every recorder clock but the reset one is plausible, and everything
    // is filed under the recording day in the office's zone.
    for (const f of vol.files) {
      const item = out.files.find((i) => i.relPath === f.relPath)!;
      expect(['stored', 'duplicate'], f.relPath).toContain(item.outcome);
      expect(item.sha256, f.relPath).toBe(sha(path.join(vol.root, f.relPath)));
      expect(sha(path.join(archive, item.storedPath!)), f.relPath).toBe(item.sha256);
      expect(item.storedPath, f.relPath).toMatch(/^originals\/2024\/05\/20\//);
      expect(new Set(item.flags), f.relPath).toEqual(new Set(f.expectedFlags));
      if (f.durationSec) {
        expect(item.durationSec, f.relPath).toBeGreaterThanOrEqual(f.durationSec - 0.1);
        expect(item.durationSec, f.relPath).toBeLessThan(f.durationSec + 1);
      }
      if (f.role === 'no_audio' || f.role === 'photo') expect(item.hasAudio, f.relPath).toBe(false);
      if (f.audioCodec) expect(item.hasAudio, f.relPath).toBe(true);
    }
  });

  it('a recorder docked more than 366 days after its footage: every file is clock_suspect, filed under the docking day', async () => {
    // 2025-05-22T20:00Z is already 23 May in the office (Asia/Shanghai): the day folder is the office's docking day.
    const late = new TestClock(new Date('2025-05-22T20:00:00Z'));
    expect(late.now().getTime() - vol.dockedAt.getTime()).toBeGreaterThan(366 * DAY_MS);
    const lateArchive = path.join(work, 'late-archive');
    const lateCli = (args: string[]) => runInProcess(args, { clock: late, vars: PASSWORD });
    const init = await lateCli(['init', '--archive', lateArchive, '--office', '某某镇综合行政执法大队', '--admin', 'admin']);
    expect(init.code, init.stderr).toBe(0);
    const r = await lateCli(['ingest', '--archive', lateArchive, '--source', vol.root, '--user', 'admin', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as IngestJson;
    expect(out).toMatchObject({ status: 'completed', failed: 0, ok: true });
    for (const f of vol.files) {
      const item = out.files.find((i) => i.relPath === f.relPath)!;
      expect(new Set(item.flags), f.relPath).toEqual(new Set([...f.expectedFlags, 'clock_suspect']));
      expect(item.storedPath, f.relPath).toMatch(/^originals\/2025\/05\/23\//);
    }
  }, 90_000);

  it('names the files it could not store and exits 1', async (ctx) => {
    const wrap = noReadOverride();
    if (!wrap) return ctx.skip('needs root and setpriv to make a source file unreadable');
    const src = path.join(work, 'partly-unreadable');
    mkdirSync(src);
    await writeRandomFile(path.join(src, 'A_READABLE.MP4'), 20_000);
    await writeRandomFile(path.join(src, 'B_LOCKED.MP4'), 20_000);
    chmodSync(path.join(src, 'B_LOCKED.MP4'), 0o000);
    // A child process: the permission drop applies to a whole process (and it reads the real clock).
    const r = await runProcess(['ingest', '--archive', archive, '--source', src, '--user', 'admin', '--recorder', 'CLI0001', '--new-recorder', '--officer', '900100'], PASSWORD, wrap);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^FAILED\s+B_LOCKED\.MP4: /m);
    expect(r.stdout).toMatch(/^stored\s.*A_READABLE\.MP4 -> originals\//m);
    expect(r.stdout).toContain('PROBLEM: not stored: B_LOCKED.MP4');
    expect(r.stdout).toMatch(/1 stored .* 1 failed/);
  });

  it('a second run reports every file as already in the archive, with progress on stderr', async () => {
    const r = await cli(['ingest', '--archive', archive, '--source', vol.root, '--user', 'admin'], PASSWORD);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\[1\/\d+\]/m);
    expect(r.stderr).toContain(`recorder ${vol.serial} (read from the volume), officer ${vol.badge} (read from the volume)`);
    for (const f of vol.files) expect(r.stdout).toMatch(new RegExp(`^duplicate .*${f.relPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -> originals/`, 'm'));
    expect(r.stdout).toContain(`0 stored (0 B), ${vol.files.length} already in the archive, 0 failed`);
    expect(r.stdout).toContain('OK: every file is in the archive');
  });

  it('verify re-hashes every original: exit 0, then names a changed, a missing and an extra file with exit 1', async () => {
    const ok = await cli(['verify', '--archive', archive, '--json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as { auditChain: { ok: boolean }; originals: { ok: boolean; checked: number; problems: unknown[] } };
    expect(report.auditChain.ok).toBe(true);
    expect(report.originals).toMatchObject({ ok: true, problems: [] });
    const db = openDatabase(path.join(archive, 'evidence.db'));
    const rows = db.prepare('SELECT stored_path, size FROM media WHERE size > 1000 ORDER BY id').all() as { stored_path: string; size: number }[];
    const total = (db.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n;
    db.close();
    expect(report.originals.checked).toBe(total);
    const asUser = await cli(['verify', '--archive', archive, '--user', 'admin'], PASSWORD);
    expect(asUser.code, asUser.stdout + asUser.stderr).toBe(0);
    expect(asUser.stdout).toMatch(new RegExp(`originals: ${total} checked`));

    const changed = rows[0]!.stored_path;
    const missing = rows[1]!.stored_path;
    const extra = path.posix.join(path.posix.dirname(changed), 'smuggled.mp4');
    const changedAbs = path.join(archive, changed);
    chmodSync(changedAbs, 0o644);
    const buf = readFileSync(changedAbs);
    buf[100] = (buf[100] ?? 0) ^ 0x01;
    writeFileSync(changedAbs, buf);
    rmSync(path.join(archive, missing));
    writeFileSync(path.join(archive, extra), 'not evidence');
    expect(statSync(changedAbs).size).toBe(rows[0]!.size);

    const bad = await cli(['verify', '--archive', archive]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`PROBLEM [changed] ${changed}`);
    expect(bad.stdout).toContain(`PROBLEM [missing] ${missing}`);
    expect(bad.stdout).toContain(`PROBLEM [extra] ${extra}`);
    expect(bad.stdout).not.toContain('OK: no problems found');

    const badJson = await cli(['verify', '--archive', archive, '--user', 'admin', '--json'], PASSWORD);
    expect(badJson.code).toBe(1);
    const r2 = JSON.parse(badJson.stdout) as { auditChain: { ok: boolean }; originals: { ok: boolean; changed: number; missing: number; extra: number; problems: { kind: string; path: string }[] } };
    expect(r2.auditChain.ok).toBe(true);
    expect(r2.originals).toMatchObject({ ok: false, changed: 1, missing: 1, extra: 1 });
    expect(r2.originals.problems.map((p) => [p.kind, p.path]).sort()).toEqual(
      [
        ['changed', changed],
        ['missing', missing],
        ['extra', extra],
      ].sort(),
    );
  });
});
