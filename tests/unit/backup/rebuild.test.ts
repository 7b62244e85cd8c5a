// Issue 16 part 3: with no usable snapshot, `restore --rebuild` builds the archive from the backup's originals, signed
// day manifests and seal files alone — every signature checked first — re-registering each original with its hash,
// recorder, day and ingest time as the files record them, and saying what it could not recover instead of inventing
// it. The chain starts with the rebuild entry naming what it was built from, and `verify` passes.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupOffice } from './backup-office';
import type { RebuildReportDto } from '../../../main/api/dto';
import { SNAPSHOT_NAME, stagingFor } from '../../../main/backup';
import { openStoreReadOnly } from '../../../main/store';
import { FIXTURE_BADGE, FIXTURE_SERIAL } from '../../fixtures/recorder-volume';
import { archiveFiles, spawnCrashChild, treeHashes } from '../../support/crash-child';
import { OFFICE_SETUP, tempDir, type TestApi } from '../../support/services';
import { runInProcess } from '../cli/run-cli';
import { REBUILD_PASSWORD, runRebuild } from './rebuild-run';

const CRASH_CHILD = path.resolve('tests/support/crash-rebuild.ts');

describe('restore --rebuild from the files alone', () => {
  let t: TestApi;
  let target: string;
  let generation: string;
  let registered: { sha256: string; stored_path: string; day: string; serial: string }[];
  /** What only the signed custody records carry: officer, original name, start. */
  let custody: { badge_no: string | null; original_name: string; start_at: string | null; start_source: string }[];

  beforeAll(async () => {
    const office = await backupOffice('ew-rebuild-', { extraBytes: 50_000 });
    ({ t, target } = office);
    generation = (await t.call(office.admin, 'backup.run', { targetSourceId: office.targetId })).generation;
    registered = t.services.archive
      .open()
      .db.prepare('SELECT m.sha256, m.stored_path, m.day, r.serial FROM media m JOIN recorders r ON r.id = m.recorder_id ORDER BY m.stored_path')
      .all() as typeof registered;
    expect(registered).toHaveLength(3);
    custody = t.services.archive
      .open()
      .db.prepare('SELECT o.badge_no, m.original_name, m.start_at, m.start_source FROM media m LEFT JOIN officers o ON o.id = m.officer_id ORDER BY m.stored_path')
      .all() as typeof custody;
    expect(custody.every((c) => c.badge_no === FIXTURE_BADGE)).toBe(true);

    // The disk dies, and the backup's only snapshot is damaged too.
    t.services.archive.close();
    rmSync(t.root, { recursive: true, force: true });
    const snap = path.join(target, 'evidence-backup', 'generations', generation, SNAPSHOT_NAME);
    chmodSync(snap, 0o644);
    const bytes = readFileSync(snap);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(snap, bytes);
    // A file in the pool no signed manifest lists.
    writeFileSync(path.join(target, 'evidence-backup', 'originals', '2026', '03', '10', FIXTURE_SERIAL, 'STRAY.MP4'), 'not listed');
  }, 180_000);
  afterAll(() => t.cleanup());

  it('re-registers every original with its hash, officer, recorder, day and start, says what it could not recover, and verify passes', async () => {
    const root = path.join(tempDir('ew-rebuilt-'), 'archive');
    const clock = t.clock;
    const run = await runRebuild(target, root, clock);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as RebuildReportDto & { archive: string };
    expect(report.trustedGeneration).toBe(generation);
    expect(report.originals.map((o) => ({ sha256: o.sha256, stored_path: o.storedPath, day: o.day, serial: o.recorderSerial }))).toEqual(registered);
    for (const o of report.originals) expect(o).toMatchObject({ ingestedBy: OFFICE_SETUP.admin.displayName, ingestedAt: '2026-03-10T02:00:00.000Z' });
    expect(report.days).toEqual([expect.objectContaining({ day: '2026-03-10', files: 3, signedBy: OFFICE_SETUP.admin.displayName })]);
    expect(report.unrecovered).toEqual([{ kind: 'original_unlisted', path: `originals/2026/03/10/${FIXTURE_SERIAL}/STRAY.MP4` }]);
    expect(report.neverInFiles).toEqual(expect.arrayContaining(['cases', 'access', 'viewing_register', 'record_forms', 'discs']));
    expect(report.neverInFiles).not.toContain('officers_of_originals');
    expect(report.latestSeal).toMatchObject({ day: '2026-03-10' });

    // Printed for a person: each original, and what was not recovered.
    const text = await runRebuild(target, path.join(tempDir('ew-rebuilt-text-'), 'archive'), clock, { json: false });
    expect(text.code, text.stderr).toBe(0);
    for (const r of registered) expect(text.stdout).toContain(`original ${r.stored_path} sha256 ${r.sha256} recorder ${r.serial} day ${r.day}`);
    expect(text.stdout).toContain(`NOT RECOVERED [original_unlisted] originals/2026/03/10/${FIXTURE_SERIAL}/STRAY.MP4`);
    expect(text.stdout).not.toContain('the officer who wore the recorder');

    const plain = await runInProcess(['verify', '--archive', root], { clock });
    expect(plain.code, `${plain.stdout}${plain.stderr}`).toBe(0);

    const store = openStoreReadOnly(root);
    try {
      const rows = store.db
        .prepare(
          `SELECT m.sha256, m.stored_path, m.day, r.serial, o.badge_no, o.name, m.original_name, m.start_at, m.start_source, m.created_at
             FROM media m JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id ORDER BY m.stored_path`,
        )
        .all() as (typeof registered[number] & typeof custody[number] & { name: string | null; created_at: string })[];
      expect(rows.map(({ sha256, stored_path, day, serial }) => ({ sha256, stored_path, day, serial }))).toEqual(registered);
      // From the signed custody records: the officer, the original name and the start, as the lost store had them.
      expect(rows.map(({ badge_no, original_name, start_at, start_source }) => ({ badge_no, original_name, start_at, start_source }))).toEqual(custody);
      expect(rows.every((r) => r.name === '张三' && r.created_at === '2026-03-10T02:00:00.000Z')).toBe(true);
      const first = store.db.prepare('SELECT seq, action, details FROM audit_log ORDER BY seq LIMIT 1').get() as { seq: number; action: string; details: string };
      expect(first.action).toBe('backup.rebuild');
      expect(JSON.parse(first.details)).toMatchObject({ generation, previousCaFingerprintSha256: report.caFingerprintSha256, lastSeal: { day: '2026-03-10' }, originals: 3 });
    } finally {
      store.close();
    }
  }, 120_000);

  it('believes no custody record whose signature fails: the officers are then not recovered, and said so', async () => {
    const file = path.join(target, 'evidence-backup', 'originals', '2026', '03', '10', 'custody.json');
    const saved = readFileSync(file);
    chmodSync(file, 0o644);
    writeFileSync(file, saved.toString('utf8').replace('张三', '李四'));
    try {
      const root = path.join(tempDir('ew-rebuilt-custody-'), 'archive');
      const run = await runRebuild(target, root, t.clock);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as RebuildReportDto;
      expect(report.unrecovered).toContainEqual({ kind: 'custody_record', path: 'originals/2026/03/10/custody.json' });
      expect(report.neverInFiles).toContain('officers_of_originals');
      const store = openStoreReadOnly(root);
      try {
        const rows = store.db.prepare('SELECT officer_id, start_source FROM media').all() as { officer_id: number | null; start_source: string }[];
        expect(rows.every((r) => r.officer_id === null && r.start_source === 'ingest_time')).toBe(true);
      } finally {
        store.close();
      }
    } finally {
      writeFileSync(file, saved);
    }
  }, 120_000);

  it('a SIGKILL during a rebuild leaves no half archive and the backup as it was; the rerun succeeds and verify passes', async () => {
    const root = path.join(tempDir('ew-rebuild-crash-'), 'archive');
    const backupBefore = treeHashes(target);
    for (const step of ['original', 'staged', 'registered', 'signed']) {
      const child = await spawnCrashChild(CRASH_CHILD, { archive: root, other: target, step, at: t.clock.now(), login: 'rebuilder', password: REBUILD_PASSWORD });
      expect(child.signal, `child did not crash: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
      expect(child.stdout).toContain(`CRASH at ${step}`);
      // Nothing of the rebuild is in the archive folder; what was built stays beside it, never placed.
      expect(archiveFiles(root)).toEqual([]);
      expect(existsSync(stagingFor(root))).toBe(true);
      expect(treeHashes(target)).toEqual(backupBefore);
    }

    // The rerun throws the leftover away and rebuilds from the checked files.
    const run = await runRebuild(target, root, t.clock);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as RebuildReportDto).originals).toHaveLength(registered.length);
    expect(existsSync(stagingFor(root))).toBe(false);
    expect(treeHashes(target)).toEqual(backupBefore);
    const store = openStoreReadOnly(root);
    try {
      // One rebuild entry, at the head of the chain: the killed runs' entries went with their staging folders.
      expect(store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.rebuild'").get()).toEqual({ n: 1 });
      expect(store.db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: registered.length });
    } finally {
      store.close();
    }
    const verify = await runInProcess(['verify', '--archive', root], { clock: t.clock });
    expect(verify.code, `${verify.stdout}${verify.stderr}`).toBe(0);
  }, 400_000);

  it('refuses a backup none of whose generations has a signature that checks', async () => {
    const sig = path.join(target, 'evidence-backup', 'generations', generation, 'backup-manifest-sha256.txt.p7s');
    const saved = readFileSync(sig);
    chmodSync(sig, 0o644);
    writeFileSync(sig, Buffer.from('forged'));
    try {
      const root = path.join(tempDir('ew-rebuilt-bad-'), 'archive');
      const run = await runRebuild(target, root, t.clock, { json: false });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('BACKUP_UNTRUSTED');
    } finally {
      writeFileSync(sig, saved);
    }
  });
});
