// Crash safety of ingest (DESIGN.md §4): a child process ingests and SIGKILLs itself between two steps
// of the commit protocol; the archive is then opened as the program would at its next start, checked,
// and the ingest rerun. Whatever the crash point, every original ends up registered exactly once and
// complete, and nothing half-registered or unregistered is ever left behind.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_RECORD_NAMES, MANIFEST_NAME, SIGNATURE_NAME } from '../../../main/ingest';
import { makeSegments, writeRandomFile, FIXTURE_BADGE, FIXTURE_SERIAL } from '../../fixtures/recorder-volume';
import { opensslCmsVerify } from '../../support/cms';
import { ingestAndWait } from '../../support/ingest';
import { OFFICE_SETUP, setUpOffice, tempDir, testApiAt, TestClock } from '../../support/services';

const execFileP = promisify(execFile);
const CHILD = path.resolve('tests/support/crash-ingest.ts');
/** The fixture's non-media file: kept by choice (the child keeps every 其他 file too). */
const EXTRA_FILE = 'DCIM/100MEDIA/Z_EXTRA.DAT';

// One local day (Asia/Shanghai): recorded 09:00, office set up 10:00, crashed ingest 11:00, rerun 12:00.
const RECORDED = new Date('2026-03-10T01:00:00Z');
const SET_UP = new Date('2026-03-10T02:00:00Z');
const CRASHED = new Date('2026-03-10T03:00:00Z');
const RERUN = new Date('2026-03-10T04:00:00Z');

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

interface Case {
  step: 'copied' | 'verified' | 'synced' | 'placed' | 'registered' | 'manifest';
  /** Crash at this occurrence of the step (files are ingested in relPath order). */
  n: number;
  /** Media rows the crashed run left registered. */
  registered: number;
  /** A `.part` must be in .incoming/ right after the crash (proves the crash hit the window). */
  partLeft: boolean;
  /** The file being committed is placed under originals/ but has no row. */
  placedUnregistered: boolean;
}

// Source: three 2-second segments of one recording, then one 300 kB file of another kind; four files.
const CASES: Case[] = [
  { step: 'copied', n: 2, registered: 1, partLeft: true, placedUnregistered: false },
  { step: 'verified', n: 2, registered: 1, partLeft: true, placedUnregistered: false },
  { step: 'synced', n: 2, registered: 1, partLeft: true, placedUnregistered: false },
  { step: 'placed', n: 2, registered: 1, partLeft: false, placedUnregistered: true },
  { step: 'registered', n: 2, registered: 2, partLeft: false, placedUnregistered: false },
  // Every file registered but the recordings not yet grouped: the rerun, storing nothing, still groups them.
  { step: 'registered', n: 4, registered: 4, partLeft: false, placedUnregistered: false },
  // Every file registered; the day's new manifest is in place but its signature is being made.
  { step: 'manifest', n: 1, registered: 4, partLeft: false, placedUnregistered: false },
];

describe('ingest survives a crash between any two steps', () => {
  let work: string;
  let template: string;
  let source: string;
  let sourceFiles: { relPath: string; sha256: string }[];

  beforeAll(async () => {
    work = tempDir('ew-crash-');
    template = path.join(work, 'template');
    const t = testApiAt(template, { clock: new TestClock(SET_UP) });
    await setUpOffice(t);
    t.cleanup();

    source = path.join(work, 'source');
    const media = path.join(source, 'DCIM', '100MEDIA');
    await makeSegments(media, 3, 2, RECORDED);
    await writeRandomFile(path.join(source, EXTRA_FILE), 300_000);
    // A fixed mtime, so its start time (and day) does not depend on when the test runs.
    utimesSync(path.join(source, EXTRA_FILE), new Date(RECORDED.getTime() + 60_000), new Date(RECORDED.getTime() + 60_000));
    sourceFiles = walk(source)
      .map((f) => ({ relPath: path.relative(source, f).split(path.sep).join('/'), sha256: sha(f) }))
      .sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
    expect(sourceFiles).toHaveLength(4);
    // ffmpeg makes the segments; on a loaded machine (helpers, CI neighbours) that alone has taken over a minute.
  }, 180_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it.each(CASES)('crash after $step (#$n)', async (c) => {
    const archive = path.join(work, `archive-${c.step}`);
    cpSync(template, archive, { recursive: true });

    // 1. The crashed run.
    // node --import tsx rather than the tsx binary: the latter runs the script in a grandchild and reports
    // its death as exit code 137, where we want to see the SIGKILL itself.
    const child = await execFileP(process.execPath, ['--import', 'tsx', CHILD, archive, source, c.step, String(c.n), CRASHED.toISOString(), OFFICE_SETUP.admin.login, FIXTURE_SERIAL, FIXTURE_BADGE], {
      env: { ...process.env, EVIDENCE_PASSWORD: OFFICE_SETUP.admin.password },
    }).then(
      (r) => ({ signal: null as NodeJS.Signals | null, ...r }),
      (e: { signal: NodeJS.Signals | null; stdout: string; stderr: string }) => e,
    );
    expect(child.signal, `child did not crash: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
    expect(child.stdout).toContain(`CRASH at ${c.step} #${c.n}`);

    const incoming = path.join(archive, '.incoming');
    // A session's partial copies are in its own folder under .incoming/.
    const parts = () => walk(incoming).filter((f) => f.endsWith('.part'));
    expect(parts().length, 'a .part left by the crash').toBe(c.partLeft ? 1 : 0);
    const originals = path.join(archive, 'originals');
    const isManifest = (f: string) => DAY_RECORD_NAMES.includes(path.basename(f));
    const placedFiles = walk(originals).filter((f) => !isManifest(f));
    if (c.placedUnregistered) {
      // Also the narrower window inside 'placed': hard-linked into place, .part not yet unlinked.
      const placed = placedFiles.find((f) => path.basename(f).endsWith('_0002.MP4'));
      expect(placed, 'the second segment is placed').toBeDefined();
      linkSync(placed!, path.join(incoming, 'aaaaaaaaaaaaaaaaaaaaaaaa.part'));
    }

    // 2. Next start: the archive is opened as the program opens it.
    const t = testApiAt(archive, { clock: new TestClock(RERUN) });
    try {
      const { db } = t.services.archive.open();
      expect(parts(), 'no .part survives opening the archive').toEqual([]);

      const rows = db.prepare('SELECT id, sha256, size, stored_path FROM media').all() as { id: number; sha256: string; size: number; stored_path: string }[];
      expect(rows).toHaveLength(c.registered);
      for (const r of rows) {
        const abs = path.join(archive, r.stored_path);
        expect(existsSync(abs), `registered file exists: ${r.stored_path}`).toBe(true);
        expect(sha(abs), `registered file is complete: ${r.stored_path}`).toBe(r.sha256);
        expect(statSync(abs).size).toBe(r.size);
        expect(statSync(abs).mode & 0o222, `read-only: ${r.stored_path}`).toBe(0);
      }
      const registered = new Set(rows.map((r) => r.stored_path));
      const unregistered = walk(originals)
        .filter((f) => !isManifest(f))
        .map((f) => path.relative(archive, f).split(path.sep).join('/'))
        .filter((rel) => !registered.has(rel));
      if (c.placedUnregistered) {
        expect(unregistered).toHaveLength(1);
        const abs = path.join(archive, unregistered[0]!);
        expect(sourceFiles.map((s) => s.sha256), 'the placed file is a complete copy').toContain(sha(abs));
        expect(statSync(abs).mode & 0o222, 'still read-only after the .part link went').toBe(0);
      } else {
        expect(unregistered, 'nothing unregistered under originals/').toEqual([]);
      }
      const crashed = db.prepare('SELECT id, status FROM ingest_sessions ORDER BY id').all() as { id: number; status: string }[];
      expect(crashed).toEqual([{ id: 1, status: 'interrupted' }]);

      // 3. The custodian runs the same ingest again.
      const admin = t.client('admin');
      await t.call(admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
      const sourceId = t.services.sources.addFolder(source).id;
      const rerun = await ingestAndWait(t, admin, { sourceId, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE, keepOther: [EXTRA_FILE] });
      expect(rerun.status).toBe('completed');
      expect(rerun.filesFailed).toBe(0);
      expect(rerun.filesStored).toBe(4 - c.registered);
      expect(rerun.filesDuplicate).toBe(c.registered);

      const after = db.prepare('SELECT sha256, stored_path, original_path, recording_id FROM media ORDER BY original_path').all() as {
        sha256: string;
        stored_path: string;
        original_path: string;
        recording_id: number | null;
      }[];
      expect(after.map((r) => [r.original_path, r.sha256])).toEqual(sourceFiles.map((s) => [s.relPath, s.sha256]));
      for (const r of after) expect(sha(path.join(archive, r.stored_path)), r.stored_path).toBe(r.sha256);
      if (c.placedUnregistered) {
        // Adopted where it was placed, not copied a second time under an alternate name.
        expect(after.map((r) => r.stored_path)).toContain(path.relative(archive, placedFiles[0]!).split(path.sep).join('/'));
        expect(after.some((r) => /_2\.[^/]+$/.test(r.stored_path))).toBe(false);
      }
      const segmentRecordings = new Set(after.filter((r) => r.original_path.endsWith('.MP4')).map((r) => r.recording_id));
      expect([...segmentRecordings], 'the three segments form one recording').toHaveLength(1);
      expect([...segmentRecordings][0]).not.toBeNull();
      expect(walk(originals).filter((f) => !isManifest(f))).toHaveLength(4);
      expect(parts()).toEqual([]);

      // Exactly one registration entry per original in the audit log.
      const ingestEntries = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'media.ingest'").get() as { n: number };
      expect(ingestEntries.n).toBe(4);

      const days = (db.prepare('SELECT day, files FROM day_manifests').all() as { day: string; files: number }[]);
      expect(days).toEqual([{ day: '2026-03-10', files: 4 }]);
      for (const { day } of days) {
        const dir = path.join(archive, 'originals', ...day.split('-'));
        execFileSync('sha256sum', ['--quiet', '-c', MANIFEST_NAME], { cwd: dir });
        const cms = opensslCmsVerify({ signature: SIGNATURE_NAME, content: MANIFEST_NAME, caFile: path.join(archive, 'certs', 'office-ca.pem'), at: RERUN, cwd: dir });
        expect(cms.ok, cms.out).toBe(true);
      }

      const integrity = await t.call(admin, 'integrity.check', {});
      expect(integrity.problems).toEqual([]);
      expect(integrity).toMatchObject({ ok: true, checked: 4 });
      const sessions = await t.call(admin, 'ingest.sessions', {});
      expect(sessions.map((s) => [s.id, s.status])).toEqual([
        [2, 'completed'],
        [1, 'interrupted'],
      ]);
      expect((await t.call(admin, 'audit.verify')).ok).toBe(true);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
