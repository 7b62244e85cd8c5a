// Several recorders docked at once (issue 14 item 3): each source ingests in its own session, side by side, into the
// same day folder. Every original is committed once with its right hash, the day's manifest and custody record list
// the originals of every session and verify, and each session has its own handover record.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { recoverAfterCrash, runIngest, sessionDir, type IngestSessionId } from '../../../main/ingest';
import { makeSegments, writeRandomFile } from '../../fixtures/recorder-volume';
import { expectDayRecords, sha256Of } from '../../support/day-records';
import { ingestRunFor } from '../../support/ingest-run';
import { crashLogin } from '../../support/crash-child';
import { makeOfficeApi, OFFICE_SETUP, tempDir, type TestApi } from '../../support/services';
import { runInProcess } from '../cli/run-cli';

// One office day (Asia/Shanghai): recorded from 09:00, docked at 18:00.
const RECORDED = new Date('2026-03-10T01:00:00Z');
const DOCKED = new Date('2026-03-10T10:00:00Z');
const DAY = '2026-03-10';

interface Source {
  dir: string;
  serial: string;
  badge: string;
  /** relPath → sha256 of each file. */
  files: Map<string, string>;
}

let work: string;
const sources: Source[] = [];

/** A recorder's volume: three 2-second segments of one recording and a photo. */
async function recorderSource(i: number): Promise<Source> {
  const serial = `DOCK0000${i}`;
  const badge = `31000${i}`;
  const dir = path.join(work, `recorder-${i}`);
  const media = path.join(dir, 'DCIM', '100MEDIA');
  await makeSegments(media, 3, 2, new Date(RECORDED.getTime() + i * 3_600_000), { serial, badge });
  const photo = path.join(media, `IMG_${serial}.JPG`);
  await writeRandomFile(photo, 200_000 + i * 1000);
  await fixedTime(photo, i);
  return { dir, serial, badge, files: filesOf(dir) };
}

/** A fixed mtime, so a file's start time (and day) does not depend on when the test runs. */
const fixedTime = (file: string, i: number) => {
  const at = new Date(RECORDED.getTime() + i * 3_600_000 + 60_000);
  return utimes(file, at, at);
};

function filesOf(dir: string): Map<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return new Map(walk(dir).map((f) => [path.relative(dir, f).split(path.sep).join('/'), sha256Of(f)]));
}

beforeAll(async () => {
  work = tempDir('ew-docking-');
  for (let i = 1; i <= 4; i++) sources.push(await recorderSource(i));
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Starts every source's ingest before waiting for any, then waits for all; returns their session ids in order. */
async function ingestAtOnce(t: TestApi, admin: Client, list: Source[]): Promise<number[]> {
  const started = await Promise.all(
    list.map((s) =>
      t.call(admin, 'ingest.start', { sourceId: t.services.sources.addFolder(s.dir).id, recorderSerial: s.serial, officerBadge: s.badge, confirmNewRecorder: true }),
    ),
  );
  await Promise.all(started.map(({ sessionId }) => t.services.jobs.get(`ingest:${sessionId}`)?.done));
  return started.map((s) => s.sessionId);
}

/** Every source file is one media row whose stored copy has its hash; each session lists its own files. */
async function expectAllCommittedOnce(t: TestApi, admin: Client, list: Source[], sessionIds: number[]): Promise<string[]> {
  const { db } = t.services.archive.open();
  const rows = db.prepare('SELECT sha256, stored_path, ingest_session_id FROM media').all() as { sha256: string; stored_path: string; ingest_session_id: number }[];
  const total = list.reduce((n, s) => n + s.files.size, 0);
  expect(rows).toHaveLength(total);
  for (const r of rows) expect(sha256Of(path.join(t.root, r.stored_path)), r.stored_path).toBe(r.sha256);
  const audits = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'media.ingest'").get() as { n: number };
  expect(audits.n).toBe(total);

  const sheets = new Set<string>();
  for (const [k, s] of list.entries()) {
    const id = sessionIds[k]!;
    const detail = await t.call(admin, 'ingest.session', { id });
    expect(detail).toMatchObject({ status: 'completed', filesStored: s.files.size, filesDuplicate: 0, filesFailed: 0, recorderSerial: s.serial });
    expect(new Map(detail.items.map((i) => [i.relPath, i.sha256]))).toEqual(s.files);
    expect(rows.filter((r) => r.ingest_session_id === id).map((r) => r.sha256).sort()).toEqual([...s.files.values()].sort());
    // Its own handover record, naming its own recorder.
    const sheet = await t.call(admin, 'ingest.handoverSheet', { id });
    const xml = execFileSync('bsdtar', ['-xOf', path.join(t.root, 'forms', sheet.fileName), 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(s.serial);
    for (const other of list) if (other !== s) expect(xml).not.toContain(other.serial);
    sheets.add(sheet.fileName);
  }
  expect(sheets.size).toBe(list.length);
  expect(readdirSync(t.services.archive.open().paths.incoming).filter((n) => n.startsWith('ingest-')), 'no session folder left').toEqual([]);
  return rows.map((r) => r.stored_path);
}

describe.each([2, 4])('%i sources ingest at once into one day folder', (n) => {
  it('commits every original once, lists them all in the day records, one handover record each', async () => {
    const { t, admin } = await makeOfficeApi(DOCKED);
    try {
      const list = sources.slice(0, n);
      const ids = await ingestAtOnce(t, admin, list);
      expect(new Set(ids).size).toBe(n);
      const stored = await expectAllCommittedOnce(t, admin, list, ids);
      expect(new Set(stored.map((p) => p.split('/').slice(0, 4).join('/')))).toEqual(new Set([`originals/${DAY.split('-').join('/')}`]));
      const { db } = t.services.archive.open();
      expectDayRecords(t.root, db, DAY, stored, DOCKED);
      const integrity = await t.call(admin, 'integrity.check', {});
      expect(integrity).toMatchObject({ ok: true, checked: stored.length, problems: [] });
      t.services.archive.close();
      const verify = await runInProcess(['verify', '--archive', t.root, '--json'], { clock: t.clock });
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    } finally {
      t.cleanup();
    }
  }, 180_000);
});

describe('one session per source', () => {
  it('refuses a second session on the same source, a folder inside it, or the same recorder, in Chinese', async () => {
    const { t, admin } = await makeOfficeApi(DOCKED);
    try {
      const [a, b] = sources as [Source, Source];
      const sourceId = t.services.sources.addFolder(a.dir).id;
      const start = (id: string, serial: string) => t.raw(admin, 'ingest.start', { sourceId: id, recorderSerial: serial, officerBadge: a.badge, confirmNewRecorder: true });
      // Two clicks at once: the claim is taken before the first await, so exactly one passes.
      const [first, second] = await Promise.all([start(sourceId, a.serial), start(sourceId, a.serial)]);
      expect(first.ok).toBe(true);
      expect(second).toMatchObject({ ok: false, error: { code: 'INGEST_RUNNING' } });
      if (second.ok) throw new Error('unreachable');
      expect(second.error.message).toContain('同一来源一次只能有一个导入');
      const inner = await start(t.services.sources.addFolder(path.join(a.dir, 'DCIM')).id, 'OTHER-SERIAL');
      expect(inner).toMatchObject({ ok: false, error: { code: 'INGEST_RUNNING' } });
      const sameRecorder = await start(t.services.sources.addFolder(b.dir).id, a.serial);
      expect(sameRecorder).toMatchObject({ ok: false, error: { code: 'INGEST_RUNNING' } });
      if (sameRecorder.ok) throw new Error('unreachable');
      expect(sameRecorder.error.message).toContain(`记录仪 ${a.serial} 正在从来源`);

      if (!first.ok) throw new Error('unreachable');
      await t.services.jobs.get(`ingest:${(first.value as { sessionId: number }).sessionId}`)?.done;
      // Over: the source is free again (everything is in, so this one stores nothing new).
      const again = await start(sourceId, a.serial);
      expect(again.ok).toBe(true);
      if (again.ok) await t.services.jobs.get(`ingest:${(again.value as { sessionId: number }).sessionId}`)?.done;
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('two unregistered folders of the same name share one recorder folder and each keeps its file', async () => {
    const { t, admin } = await makeOfficeApi(DOCKED);
    try {
      const dirs = [path.join(work, 'u1', 'DCIM'), path.join(work, 'u2', 'DCIM')];
      for (const [i, d] of dirs.entries()) {
        await mkdir(d, { recursive: true });
        await writeRandomFile(path.join(d, 'CLIP0001.MP4'), 300_000 + i);
        await fixedTime(path.join(d, 'CLIP0001.MP4'), i);
      }
      const started = await Promise.all(dirs.map((d) => t.call(admin, 'ingest.start', { sourceId: t.services.sources.addFolder(d).id, recorderSerial: null, officerBadge: null })));
      await Promise.all(started.map(({ sessionId }) => t.services.jobs.get(`ingest:${sessionId}`)?.done));
      const { db } = t.services.archive.open();
      const rows = db.prepare('SELECT sha256, stored_path FROM media ORDER BY stored_path').all() as { sha256: string; stored_path: string }[];
      expect(rows.map((r) => path.posix.basename(r.stored_path))).toEqual(['CLIP0001.MP4', 'CLIP0001~2.MP4']);
      expect(new Set(rows.map((r) => r.sha256))).toEqual(new Set(dirs.map((d) => sha256Of(path.join(d, 'CLIP0001.MP4')))));
      for (const { sessionId } of started) expect(await t.call(admin, 'ingest.session', { id: sessionId })).toMatchObject({ status: 'completed', filesStored: 1, filesFailed: 0 });
      const day = (db.prepare('SELECT DISTINCT day FROM media').pluck().all() as string[])[0]!;
      expectDayRecords(t.root, db, day, rows.map((r) => r.stored_path), DOCKED);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});

describe('two sessions side by side, one held half-way', () => {
  it('the other finishes and writes the day with what both stored; recovery leaves the held one running', async () => {
    const { t } = await makeOfficeApi(DOCKED);
    try {
      const [a, b] = sources as [Source, Source];
      const session = await crashLogin(t.services, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password);
      const runA = await ingestRunFor(t.services, session, a.dir, a.serial, a.badge);
      const runB = await ingestRunFor(t.services, session, b.dir, b.serial, b.badge);
      const store = t.services.archive.open();
      const { db } = store;
      const running = () => db.prepare("SELECT id FROM ingest_sessions WHERE status = 'running' ORDER BY id").pluck().all() as number[];

      let releaseA!: () => void;
      const aHeld = new Promise<void>((r) => (releaseA = r));
      let aFiles = 0;
      let seenRunningAtB: number[] = [];
      let idA: IngestSessionId | undefined;
      const doneA = runIngest(runA.plan, {
        ...runA.deps,
        onStarted: (id) => (idA = id),
        // A stores one file, then waits until the test lets it go on.
        beforeFile: async () => {
          if (aFiles++ === 1) await aHeld;
        },
      });
      const resultB = await runIngest(runB.plan, { ...runB.deps, onStarted: () => (seenRunningAtB = running()) });
      // Both were open at once: B started while A was running.
      expect(seenRunningAtB).toHaveLength(2);
      expect(resultB.status).toBe('completed');

      // B's day records list A's first file and all of B's, and verify.
      const stored = () => db.prepare('SELECT stored_path FROM media').pluck().all() as string[];
      expect(stored()).toHaveLength(1 + b.files.size);
      expectDayRecords(t.root, db, DAY, stored(), DOCKED);

      // The archive opened again meanwhile (this process): A is live, its row and folder stay.
      recoverAfterCrash(store);
      expect(running()).toEqual([idA]);
      expect(existsSync(sessionDir(store.paths.incoming, idA!))).toBe(true);

      releaseA();
      expect((await doneA).status).toBe('completed');
      expect(running()).toEqual([]);
      expect(stored()).toHaveLength(a.files.size + b.files.size);
      expectDayRecords(t.root, db, DAY, stored(), DOCKED);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
