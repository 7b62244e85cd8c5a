// Two sessions on one archive, one of them killed (issue 14 item 3): a child process ingests one recorder and is
// SIGKILLed mid-copy while a session in this process ingests another into the same day. The child's start-up
// recovery, and the next opening after the kill, leave the live session's row and partial copy alone; the live
// session completes; recovery then marks only the killed one interrupted, and its rerun completes the day.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runIngest, sessionDir, type IngestSessionId } from '../../../main/ingest';
import { makeSegments, FIXTURE_BADGE, FIXTURE_SERIAL } from '../../fixtures/recorder-volume';
import { crashLogin } from '../../support/crash-child';
import { expectDayRecords, sha256Of } from '../../support/day-records';
import { ingestAndWait } from '../../support/ingest';
import { ingestRunFor } from '../../support/ingest-run';
import { makeOfficeApi, OFFICE_SETUP, tempDir, testApiAt, TestClock } from '../../support/services';
import { runInProcess } from '../cli/run-cli';

const execFileP = promisify(execFile);
const CHILD = path.resolve('tests/support/crash-ingest.ts');
const RECORDED = new Date('2026-03-10T01:00:00Z');
const DOCKED = new Date('2026-03-10T10:00:00Z');
const RESTART = new Date('2026-03-10T11:00:00Z');
const DAY = '2026-03-10';
const LIVE = { serial: 'LIVE000001', badge: '320001' };

let work: string;
let liveSource: string;
let killedSource: string;

beforeAll(async () => {
  work = tempDir('ew-docking-crash-');
  liveSource = path.join(work, 'live');
  killedSource = path.join(work, 'killed');
  await makeSegments(path.join(liveSource, 'DCIM', '100MEDIA'), 3, 2, RECORDED, LIVE);
  await makeSegments(path.join(killedSource, 'DCIM', '100MEDIA'), 3, 2, new Date(RECORDED.getTime() + 3_600_000));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

it('a session killed mid-copy leaves the one going on beside it intact', async () => {
  const { t } = await makeOfficeApi(DOCKED);
  const archive = t.root;
  try {
    const session = await crashLogin(t.services, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password);
    const live = await ingestRunFor(t.services, session, liveSource, LIVE.serial, LIVE.badge);
    const store = t.services.archive.open();
    const { db } = store;
    const statusOf = (id: number) => (db.prepare('SELECT status FROM ingest_sessions WHERE id = ?').get(id) as { status: string }).status;

    // The live session stores one file, then waits at the second with a partial copy in its folder.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reachedHold!: () => void;
    const atHold = new Promise<void>((r) => (reachedHold = r));
    let liveId: IngestSessionId | undefined;
    let files = 0;
    const liveDone = runIngest(live.plan, {
      ...live.deps,
      onStarted: (id) => (liveId = id),
      beforeFile: async () => {
        if (files++ !== 1) return;
        // What a copy in flight looks like on disk (the seam sits between files, not inside a copy).
        writeFileSync(path.join(sessionDir(store.paths.incoming, liveId!), 'in-flight.part'), 'partial');
        reachedHold();
        await held;
      },
    });
    await atHold;
    const livePart = path.join(sessionDir(store.paths.incoming, liveId!), 'in-flight.part');

    // The other recorder, in another process on the same archive, killed after its second file's copy is synced.
    // Its start-up opened the archive, so its crash recovery ran while the live session was half-way.
    const child = await execFileP(
      process.execPath,
      ['--import', 'tsx', CHILD, archive, killedSource, 'synced', '2', DOCKED.toISOString(), OFFICE_SETUP.admin.login, FIXTURE_SERIAL, FIXTURE_BADGE],
      { env: { ...process.env, EVIDENCE_PASSWORD: OFFICE_SETUP.admin.password } },
    ).then(
      (r) => ({ signal: null as NodeJS.Signals | null, ...r }),
      (e: { signal: NodeJS.Signals | null; stdout: string; stderr: string }) => e,
    );
    expect(child.signal, `child did not crash: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
    const killedId = db.prepare('SELECT id FROM ingest_sessions WHERE id != ?').pluck().get(liveId) as number;
    expect(statusOf(liveId!), 'the child\'s recovery left the live session running').toBe('running');
    expect(existsSync(livePart), 'and its partial copy').toBe(true);
    expect(statusOf(killedId)).toBe('running');
    const killedParts = () => (existsSync(sessionDir(store.paths.incoming, killedId)) ? readdirSync(sessionDir(store.paths.incoming, killedId)).filter((f) => f.endsWith('.part')) : []);
    expect(killedParts(), 'the kill left a partial copy').toHaveLength(1);

    // The live session goes on and completes; its day records also list the killed session's registered file.
    release();
    const liveResult = await liveDone;
    expect(liveResult.status).toBe('completed');
    expect(liveResult.items.map((i) => i.outcome)).toEqual(['stored', 'stored', 'stored']);
    const storedPaths = () => db.prepare('SELECT stored_path FROM media').pluck().all() as string[];
    expect(storedPaths()).toHaveLength(3 + 1);
    expectDayRecords(archive, db, DAY, storedPaths(), DOCKED);
    t.services.archive.close();

    // Next start: recovery marks only the killed session interrupted and clears only its folder.
    const next = testApiAt(archive, { clock: new TestClock(RESTART) });
    try {
      const { db: db2, paths } = next.services.archive.open();
      const sessions = db2.prepare('SELECT id, status FROM ingest_sessions ORDER BY id').all();
      expect(sessions).toEqual([
        { id: liveId, status: 'completed' },
        { id: killedId, status: 'interrupted' },
      ]);
      expect(readdirSync(paths.incoming).filter((n) => n.startsWith('ingest-'))).toEqual([]);
      const liveRows = db2.prepare('SELECT sha256, stored_path FROM media WHERE ingest_session_id = ?').all(liveId) as { sha256: string; stored_path: string }[];
      expect(liveRows).toHaveLength(3);
      for (const r of liveRows) expect(sha256Of(path.join(archive, r.stored_path))).toBe(r.sha256);
      expectDayRecords(archive, db2, DAY, db2.prepare('SELECT stored_path FROM media').pluck().all() as string[], RESTART);

      // The killed recorder ingested again: what it stored is found again, the rest stored; the day lists all six.
      const admin = next.client('admin');
      await next.call(admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
      const rerun = await ingestAndWait(next, admin, { sourceId: next.services.sources.addFolder(killedSource).id, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE });
      expect(rerun).toMatchObject({ status: 'completed', filesStored: 2, filesDuplicate: 1, filesFailed: 0 });
      const all = db2.prepare('SELECT stored_path FROM media').pluck().all() as string[];
      expect(all).toHaveLength(6);
      expectDayRecords(archive, db2, DAY, all, RESTART);
      expect((await next.call(admin, 'integrity.check', {})).problems).toEqual([]);
    } finally {
      next.cleanup();
    }
    const verify = await runInProcess(['verify', '--archive', archive, '--json'], { clock: new TestClock(RESTART) });
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  } finally {
    t.cleanup(); // closes and removes the archive
  }
}, 180_000);
