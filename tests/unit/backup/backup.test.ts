// Issue 16 part 1: a complete backup generation, checkable with sha256sum and openssl alone, written so that a
// killed run leaves the previous generation intact; a failed database check stops it as an alarm.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupOffice } from './backup-office';
import { assertDatabaseSound, backupAlerts, BackupAlarm, BACKUP_MANIFEST, BACKUP_SIGNATURE, generationsToKeep, SNAPSHOT_NAME } from '../../../main/backup';
import { opensslCmsVerify } from '../../support/cms';
import { spawnCrashChild } from '../../support/crash-child';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir } from '../../support/services';
import { officeSuite } from '../../support/office-suite';

const CHILD = path.resolve('tests/support/crash-backup.ts');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Scratch folders a drill left behind (it must leave none). */
const tmpLeftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ew-drill-'));

function sha256sumCheck(cwd: string): { ok: boolean; out: string } {
  const r = spawnSync('sha256sum', ['--quiet', '-c', BACKUP_MANIFEST], { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('a complete backup generation', () => {
  const office = officeSuite(() => backupOffice('ew-', { extraBytes: 100_000 }));

  it('holds the snapshot, originals, seals and certificates, and checks with sha256sum -c and openssl cms -verify alone', async () => {
    const r = await office.t.call(office.admin, 'backup.run', { targetSourceId: office.targetId });
    expect(r.verified).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.filesCopied).toBe(3);
    expect(r.generation).toBe('2026-03-11T100000'); // the office's local time of the test clock
    const folder = r.folder;
    expect(path.dirname(folder)).toBe(path.join(office.target, 'evidence-backup', 'generations'));

    const check = sha256sumCheck(folder);
    expect(check.ok, check.out).toBe(true);
    const cms = opensslCmsVerify({ signature: BACKUP_SIGNATURE, content: BACKUP_MANIFEST, caFile: path.join(folder, 'certs', 'office-ca.pem'), at: office.t.clock.now(), cwd: folder });
    expect(cms.ok, cms.out).toBe(true);
    expect(sha(path.join(folder, BACKUP_MANIFEST))).toBe(r.manifestSha256);

    const manifest = readFileSync(path.join(folder, BACKUP_MANIFEST), 'utf8');
    const { db } = office.t.services.archive.open();
    const media = db.prepare('SELECT sha256, stored_path FROM media').all() as { sha256: string; stored_path: string }[];
    expect(media).toHaveLength(3);
    for (const m of media) expect(manifest).toContain(`${m.sha256}  ../../${m.stored_path}\n`);
    for (const f of [SNAPSHOT_NAME, 'backup-info.json', 'certs/office-ca.pem', 'seals/2026-03-10.json', 'seals/2026-03-10.json.p7s']) {
      expect(manifest).toMatch(new RegExp(`  ${f.replace(/\./g, '\\.')}\n`));
    }
    expect(manifest).toMatch(/ {2}day-manifests\/originals\/2026\/03\/10\/manifest-sha256\.txt\.p7s\n/);

    // The snapshot is a plain, sound SQLite file holding what the archive held.
    const snap = new Database(path.join(folder, SNAPSHOT_NAME), { readonly: true });
    try {
      expect(snap.pragma('journal_mode', { simple: true })).toBe('delete');
      expect((snap.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n).toBe(3);
    } finally {
      snap.close();
    }
    expect(readdirSync(folder).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);

    const entry = (await office.t.call(office.admin, 'audit.list', { action: 'backup.run' })).entries[0]!;
    expect(entry.target).toBe(`backup:${r.generation}`);
    expect(entry.details).toMatchObject({ generation: r.generation, manifestSha256: r.manifestSha256, verified: true });

    // A flipped byte in the snapshot is found by sha256sum alone, and named.
    const copy = path.join(tempDir('ew-flip-'), 'gen');
    execFileSync('cp', ['-a', folder, copy]);
    const bytes = readFileSync(path.join(copy, SNAPSHOT_NAME));
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(path.join(copy, SNAPSHOT_NAME), bytes);
    const flipped = spawnSync('sha256sum', ['-c', path.join(copy, BACKUP_MANIFEST)], { cwd: folder, encoding: 'utf8' });
    expect(flipped.status).toBe(0); // the manifest of the copy still checks against the untouched generation
    const bad = sha256sumCheck(copy);
    expect(bad.ok).toBe(false);
    expect(bad.out).toContain(`${SNAPSHOT_NAME}: FAILED`);
  });

  it('a second generation copies no original again; a SIGKILL during a backup leaves the earlier generations as they were', async () => {
    office.t.clock.advance(7 * 24 * 3600_000);
    await office.t.call(office.admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    const second = await office.t.call(office.admin, 'backup.run', { targetSourceId: office.targetId });
    expect(second).toMatchObject({ filesCopied: 0, filesAlreadyThere: 3, verified: true });
    const generations = path.join(office.target, 'evidence-backup', 'generations');
    const before = readdirSync(generations).sort();
    expect(before).toHaveLength(2);
    const hashesBefore = before.map((g) => sha(path.join(generations, g, BACKUP_MANIFEST)));

    office.t.services.archive.close();
    for (const step of ['snapshot', 'files', 'signed']) {
      office.t.clock.advance(3600_000);
      const child = await spawnCrashChild(CHILD, { archive: office.t.root, other: office.target, step, at: office.t.clock.now(), login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
      expect(child.signal, `child did not crash: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
      expect(child.stdout).toContain(`CRASH at ${step}`);
      expect(readdirSync(generations).sort()).toEqual(before);
      expect(before.map((g) => sha(path.join(generations, g, BACKUP_MANIFEST)))).toEqual(hashesBefore);
      for (const g of before) expect(sha256sumCheck(path.join(generations, g)).ok).toBe(true);
      expect(readdirSync(path.join(office.target, 'evidence-backup', '.incoming')).some((f) => f.endsWith('.partial'))).toBe(true);
    }

    // The next run starts clean and completes.
    office.t.clock.advance(3600_000);
    await office.t.call(office.admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    const third = await office.t.call(office.admin, 'backup.run', { targetSourceId: office.targetId });
    expect(third.verified).toBe(true);
    // Two in one week: the keeping rule keeps the week's newest only.
    expect(third.removed).toEqual([second.generation]);
    expect(readdirSync(generations).sort()).toEqual([before[0], third.generation]);
    expect(readdirSync(path.join(office.target, 'evidence-backup', '.incoming')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(sha256sumCheck(third.folder).ok).toBe(true);
  }, 120_000);

  it('the drill restores the newest generation, checks it end to end and is audited; a flipped byte in the snapshot or an original is found and named', async () => {
    const status0 = await office.t.call(office.admin, 'backup.status', { targetSourceId: office.targetId });
    expect(status0.lastGoodDrillAt).toBeNull();
    expect(status0.alerts).toContain('drill_overdue');
    expect(status0.alerts).not.toContain('target_unseen');
    expect(typeof status0.freeBytes).toBe('number');

    const leftBefore = tmpLeftovers();
    const good = await office.t.call(office.admin, 'backup.drill', { targetSourceId: office.targetId });
    expect(good.problems).toEqual([]);
    expect(good.ok).toBe(true);
    expect(good.filesChecked).toBeGreaterThan(3);
    // The result is a record signed by the custodian who ran it, checkable with openssl alone, and audited.
    const forms = office.t.services.archive.open().paths.forms;
    expect(good.signedBy).toBe(OFFICE_SETUP.admin.displayName);
    const record = JSON.parse(readFileSync(path.join(forms, good.recordFile), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ format: 'evidence-backup-drill/1', ok: true, generation: good.generation, by: { login: OFFICE_SETUP.admin.login } });
    const signed = opensslCmsVerify({ signature: `${good.recordFile}.p7s`, content: good.recordFile, caFile: path.join(office.t.services.archive.open().paths.certs, 'office-ca.pem'), at: office.t.clock.now(), cwd: forms });
    expect(signed.ok, signed.out).toBe(true);
    const goodEntry = (await office.t.call(office.admin, 'audit.list', { action: 'backup.drill' })).entries[0]!;
    expect(goodEntry.details).toMatchObject({ ok: true, recordFile: good.recordFile, recordSha256: sha(path.join(forms, good.recordFile)), signatureSha256: sha(path.join(forms, `${good.recordFile}.p7s`)) });
    const status1 = await office.t.call(office.admin, 'backup.status', {});
    expect(status1.lastGoodDrillAt).toBe(office.t.clock.now().toISOString());
    expect(status1.lastDrill).toMatchObject({ ok: true, generation: good.generation });
    expect(status1.alerts).toEqual([]); // no office.target named: free space unknown, not short
    expect(tmpLeftovers()).toEqual(leftBefore);

    const generations = path.join(office.target, 'evidence-backup', 'generations');
    const newest = path.join(generations, good.generation!);
    const flip = (file: string) => {
      chmodSync(file, 0o644);
      const b = readFileSync(file);
      b[Math.floor(b.length / 2)]! ^= 0x01;
      writeFileSync(file, b);
    };
    flip(path.join(newest, SNAPSHOT_NAME));
    const badSnap = await office.t.call(office.admin, 'backup.drill', { targetSourceId: office.targetId });
    expect(badSnap.ok).toBe(false);
    expect(badSnap.problems).toEqual([`changed: ${SNAPSHOT_NAME}`]);
    flip(path.join(newest, SNAPSHOT_NAME));

    const { db } = office.t.services.archive.open();
    const stored = (db.prepare('SELECT stored_path FROM media ORDER BY stored_path LIMIT 1').get() as { stored_path: string }).stored_path;
    flip(path.join(office.target, 'evidence-backup', stored));
    const badOriginal = await office.t.call(office.admin, 'backup.drill', { targetSourceId: office.targetId });
    expect(badOriginal.ok).toBe(false);
    expect(badOriginal.problems).toEqual([`changed: ../../${stored}`]);
    flip(path.join(office.target, 'evidence-backup', stored));

    const drills = (await office.t.call(office.admin, 'audit.list', { action: 'backup.drill' })).entries;
    expect(drills.map((e) => e.details.ok)).toEqual([false, false, true]);
    expect(drills[0]!.details.problems).toEqual([`changed: ../../${stored}`]);
    // The last good drill still counts.
    expect((await office.t.call(office.admin, 'backup.status', {})).lastGoodDrillAt).toBe(status1.lastGoodDrillAt);

    // 36 office days later with no drill and no backup: red for both.
    office.t.clock.advance(36 * 24 * 3600_000);
    await office.t.call(office.admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    expect((await office.t.call(office.admin, 'backup.status', {})).alerts).toEqual(['drill_overdue', 'target_unseen']);
  }, 120_000);

  it('refuses another role', async () => {
    const r = await office.t.raw(office.t.client('nobody'), 'backup.run', { targetSourceId: office.targetId });
    expect(r.ok).toBe(false);
  });
});

describe('a damaged database page', () => {
  it('stops the backup as an audited alarm that backup.status reports until a backup succeeds', async () => {
    const t = makeTestApi();
    try {
      t.clock.current = new Date('2026-03-10T02:00:00Z');
      const admin = await setUpOffice(t);
      const target = tempDir('ew-alarm-target-');
      const targetSourceId = t.services.sources.addFolder(target).id;
      expect((await t.call(admin, 'backup.status', {})).databaseAlarm).toBeNull();

      // Replace the root page of an index no login or backup reads with an empty leaf: its rows go missing from it.
      const file = t.services.archive.open().paths.db;
      const { rootpage, pageSize } = (() => {
        const db = t.services.archive.open().db;
        const r = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_user_certificates_1'").get() as { rootpage: number };
        return { rootpage: r.rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
      })();
      t.services.archive.close();
      const bytes = readFileSync(file);
      const page = Buffer.alloc(pageSize);
      page[0] = 0x0a; // leaf index b-tree page, no cells
      page.writeUInt16BE(pageSize === 65536 ? 0 : pageSize, 5);
      page.copy(bytes, (rootpage - 1) * pageSize);
      writeFileSync(file, bytes);

      const refused = await t.raw(admin, 'backup.run', { targetSourceId });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('BACKUP_INTEGRITY_ALARM');
      expect(readdirSync(path.join(target, 'evidence-backup', 'generations'))).toEqual([]);
      const alarm = (await t.call(admin, 'audit.list', { action: 'backup.alarm' })).entries[0]!;
      expect(alarm.target).toBe('database');
      expect(String((alarm.details.findings as string[]).join('\n'))).toContain('sqlite_autoindex_user_certificates_1');
      const status = await t.call(admin, 'backup.status', {});
      expect(status.alerts).toContain('database_alarm');
      expect(status.databaseAlarm?.findings.join('\n')).toContain('sqlite_autoindex_user_certificates_1');

      // Repaired (REINDEX rebuilds the index from its table): the next backup succeeds and the alarm is over.
      t.services.archive.open().db.exec('REINDEX sqlite_autoindex_user_certificates_1');
      expect((await t.call(admin, 'backup.run', { targetSourceId })).verified).toBe(true);
      const after = await t.call(admin, 'backup.status', {});
      expect(after.databaseAlarm).toBeNull();
      expect(after.alerts).not.toContain('database_alarm');
    } finally {
      t.cleanup();
    }
  }, 120_000);
});

describe('the database check before a backup', () => {
  it('passes a sound database and raises an alarm naming what a damaged one reports', () => {
    const dir = tempDir('ew-corrupt-');
    const file = path.join(dir, 'x.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v);');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`value ${i} ${'x'.repeat(50)}`);
    })();
    expect(() => assertDatabaseSound(db)).not.toThrow();
    db.close();
    // Scribble over the index's pages (the last quarter of the file), as a failing disk would.
    const bytes = readFileSync(file);
    for (let i = Math.floor(bytes.length * 0.8); i < bytes.length - 100; i += 997) bytes[i] = 0x5a;
    writeFileSync(file, bytes);
    const damaged = new Database(file);
    try {
      let caught: unknown;
      try {
        assertDatabaseSound(damaged);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(BackupAlarm);
      expect((caught as BackupAlarm).code).toBe('BACKUP_INTEGRITY_ALARM');
      expect((caught as BackupAlarm).findings.length).toBeGreaterThan(0);
    } finally {
      damaged.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which generations are kept', () => {
  it('keeps the newest of each of the last 8 ISO weeks and the newest of every month', () => {
    // Two a week (Monday and Friday) from 2026-01-05 for 14 weeks.
    const names: string[] = [];
    for (let w = 0; w < 14; w++) {
      for (const d of [0, 4]) {
        const day = new Date(Date.UTC(2026, 0, 5 + w * 7 + d)).toISOString().slice(0, 10);
        names.push(`${day}T180000`);
      }
    }
    const keep = [...generationsToKeep(names)].sort();
    // Weeks 7..14 (Fridays 2026-02-20 .. 2026-04-10), plus the newest of January (2026-01-30) and of March (Monday 2026-03-30).
    expect(keep).toEqual(['2026-01-30T180000', '2026-02-20T180000', '2026-02-27T180000', '2026-03-06T180000', '2026-03-13T180000', '2026-03-20T180000', '2026-03-27T180000', '2026-03-30T180000', '2026-04-03T180000', '2026-04-10T180000']);
  });
});

describe('when the backup card turns red', () => {
  const tz = 'Asia/Shanghai';
  const at = (iso: string) => new Date(iso);
  it('counts office days: a drill 35 days ago is fine, 36 is overdue; a target seen 7 days ago is fine, 8 is not; free space below what is needed', () => {
    const now = at('2026-03-31T15:30:00Z'); // 2026-03-31 23:30 in Shanghai
    const facts = { lastGoodDrillAt: at('2026-02-24T16:10:00Z'), targetLastSeenAt: at('2026-03-24T16:10:00Z'), freeBytes: 10, neededBytes: 10 };
    // Drill on 2026-02-25 and target seen on 2026-03-25, Shanghai days: 34 and 6 days before 2026-03-31.
    expect(backupAlerts(facts, now, tz)).toEqual([]);
    expect(backupAlerts({ ...facts, lastGoodDrillAt: at('2026-02-23T16:10:00Z') }, now, tz)).toEqual([]); // 35 days
    expect(backupAlerts({ ...facts, lastGoodDrillAt: at('2026-02-22T16:10:00Z') }, now, tz)).toEqual(['drill_overdue']); // 36
    expect(backupAlerts({ ...facts, targetLastSeenAt: at('2026-03-23T16:10:00Z') }, now, tz)).toEqual([]); // 7
    expect(backupAlerts({ ...facts, targetLastSeenAt: at('2026-03-22T16:10:00Z') }, now, tz)).toEqual(['target_unseen']); // 8
    expect(backupAlerts({ ...facts, freeBytes: 9 }, now, tz)).toEqual(['short_of_space']);
    expect(backupAlerts({ lastGoodDrillAt: null, targetLastSeenAt: null, freeBytes: null, neededBytes: 1 }, now, tz)).toEqual(['drill_overdue', 'target_unseen']);
  });
});
