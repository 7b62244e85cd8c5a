// ingestFile alone: one source file into a real archive, by the commit protocol, registered in one transaction.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile, openIngestSession, prepareLookups, scanSource, startFile, toAbsolute, type CandidateOriginal, type FileContext, type IngestPlan } from '../../../main/ingest';
import { appendAudit } from '../../../main/audit';
import type { UserId } from '../../../main/store';
import { makeTestApi, setUpOffice, tempDir } from '../../support/services';
import { officeSuite } from '../../support/office-suite';

const TZ = 'Asia/Shanghai';

describe('ingestFile', () => {
  const docked = new Date('2026-11-20T10:00:00Z');
  const office = officeSuite(async () => {
    const t = makeTestApi();
    await setUpOffice(t);
    const store = t.services.archive.open();
    const userId = (store.db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number }).id;
    const volume = tempDir('ew-vol-');
    mkdirSync(path.join(volume, 'DCIM'));
    const mtime = new Date('2026-11-20T01:05:00Z');
    for (const [name, text] of [
      ['DSJ-A8_20261120090000_0001.MP4', 'first clip bytes'],
      ['DSJ-A8_20261120091000_0002.MP4', 'second clip bytes'],
      ['DSJ-A8_20261120092000_0003.MP4', 'first clip bytes'],
      ['DSJ-A8_20261120093000_0004.MP4', 'placed by a crash'],
    ] as const) {
      writeFileSync(path.join(volume, 'DCIM', name), text);
      utimesSync(path.join(volume, 'DCIM', name), mtime, mtime);
    }
    return { t, store, volume, userId };
  });

  async function context(volume = office.volume): Promise<{ ctx: FileContext; files: Map<string, CandidateOriginal>; originals: CandidateOriginal[] }> {
    const scan = await scanSource(volume);
    const plan: IngestPlan = { sourceLabel: 'E:', scan, recorder: null, officer: null, receivedBy: office.userId, timeZone: TZ, retentionMonths: 6, clearSource: false };
    const audit: FileContext['audit'] = (db, action, target, details) => appendAudit(db, { at: office.t.clock.now(), actorId: office.userId as UserId, actorLogin: 'admin', action, target, details });
    const sessionId = openIngestSession(office.store.db, plan, docked, audit);
    const ctx: FileContext = { store: office.store, lookups: prepareLookups(office.store.db), sessionId, recorder: null, officer: null, dockedAt: docked, timeZone: TZ, retentionMonths: 6, recorderLabel: '未识别设备_E', audit, now: () => office.t.clock.now() };
    return { ctx, files: new Map(scan.originals.map((o) => [o.name, o])), originals: scan.originals };
  }
  const auditActions = (sessionTarget: string) =>
    (office.store.db.prepare("SELECT action FROM audit_log WHERE details LIKE ? ORDER BY seq").all(`%"session":${sessionTarget}%`) as { action: string }[]).map((r) => r.action);

  it('stores a new file read-only with the same bytes, and registers media, item and audit entry together', async () => {
    const { ctx, files } = await context();
    const c = files.get('DSJ-A8_20261120090000_0001.MP4')!;
    const done = await ingestFile(c, ctx);
    expect(done.outcome.outcome).toBe('stored');
    if (done.outcome.outcome !== 'stored') return;
    expect(done.day).toBe('2026-11-20');
    const abs = toAbsolute(office.store.paths.root, done.outcome.storedPath);
    expect(readFileSync(abs, 'utf8')).toBe('first clip bytes');
    expect(statSync(abs).mode & 0o222).toBe(0);
    expect(office.store.db.prepare('SELECT outcome, media_id FROM ingest_items WHERE session_id = ?').all(ctx.sessionId)).toEqual([{ outcome: 'stored', media_id: done.outcome.mediaId }]);
    expect(office.store.db.prepare('SELECT files_stored FROM ingest_sessions WHERE id = ?').get(ctx.sessionId)).toEqual({ files_stored: 1 });
    expect(auditActions(String(ctx.sessionId))).toEqual(['media.ingest']);
  });

  it('the same bytes under another name are a duplicate: no second copy is kept', async () => {
    const { ctx, files } = await context();
    const first = office.store.db.prepare("SELECT id, stored_path FROM media WHERE original_name = 'DSJ-A8_20261120090000_0001.MP4'").get() as { id: number; stored_path: string };
    const done = await ingestFile(files.get('DSJ-A8_20261120092000_0003.MP4')!, ctx);
    expect(done.outcome).toMatchObject({ outcome: 'duplicate', mediaId: first.id, storedPath: first.stored_path });
    expect(existsSync(path.join(path.dirname(toAbsolute(office.store.paths.root, first.stored_path)), 'DSJ-A8_20261120092000_0003.MP4'))).toBe(false);
    expect(auditActions(String(ctx.sessionId))).toEqual(['media.duplicate']);
  });

  it('a file met again under its name and size is proved by its hash, without a copy', async () => {
    const { ctx, files } = await context();
    const done = await ingestFile(files.get('DSJ-A8_20261120090000_0001.MP4')!, ctx);
    expect(done.outcome.outcome).toBe('duplicate');
    expect((office.store.db.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n).toBe(1);
  });

  it('a file a crash left in place but unregistered is adopted, not copied again', async () => {
    const { ctx, files } = await context();
    const c = files.get('DSJ-A8_20261120093000_0004.MP4')!;
    const placed = toAbsolute(office.store.paths.root, 'originals/2026/11/20/未识别设备_E/DSJ-A8_20261120093000_0004.MP4');
    mkdirSync(path.dirname(placed), { recursive: true });
    copyFileSync(c.path, placed);
    chmodSync(placed, 0o644);
    const steps: string[] = [];
    const done = await ingestFile(c, { ...ctx, onStep: (s) => steps.push(s) });
    expect(done.outcome).toMatchObject({ outcome: 'stored', storedPath: 'originals/2026/11/20/未识别设备_E/DSJ-A8_20261120093000_0004.MP4' });
    // No commit step ran: the bytes were already there and hashed equal.
    expect(steps).toEqual(['registered']);
    expect(statSync(placed).mode & 0o222).toBe(0);
  });

  it('a file started while one of its name is still finishing takes the next free name; one given up frees its name', async () => {
    // The run copies a file while the one before it finishes: neither is placed or registered when the second
    // chooses its name.
    const volume = tempDir('ew-vol-');
    const name = 'DSJ-A8_20261120094000_0005.MP4';
    const mtime = new Date('2026-11-20T01:45:00Z');
    for (const folder of ['100', '101', '102']) {
      mkdirSync(path.join(volume, 'DCIM', folder), { recursive: true });
      writeFileSync(path.join(volume, 'DCIM', folder, name), `bytes from ${folder}`);
      utimesSync(path.join(volume, 'DCIM', folder, name), mtime, mtime);
    }
    const { ctx, originals } = await context(volume);
    const [a, b, c] = [...originals].sort((x, y) => x.relPath.localeCompare(y.relPath));
    const folder = 'originals/2026/11/20/未识别设备_E';
    const startedA = await startFile(a!, ctx);
    const startedB = await startFile(b!, ctx);
    expect(existsSync(toAbsolute(office.store.paths.root, `${folder}/${name}`))).toBe(false);
    const [doneA, doneB] = [await startedA.finish(), await startedB.finish()];
    expect(doneA.outcome).toMatchObject({ outcome: 'stored', storedPath: `${folder}/${name}` });
    expect(doneB.outcome).toMatchObject({ outcome: 'stored', storedPath: `${folder}/DSJ-A8_20261120094000_0005~2.MP4` });
    expect(readFileSync(toAbsolute(office.store.paths.root, `${folder}/${name}`), 'utf8')).toBe('bytes from 100');
    expect(readFileSync(toAbsolute(office.store.paths.root, `${folder}/DSJ-A8_20261120094000_0005~2.MP4`), 'utf8')).toBe('bytes from 101');

    const third = `${folder}/DSJ-A8_20261120094000_0005~3.MP4`;
    await (await startFile(c!, ctx)).discard();
    expect(existsSync(toAbsolute(office.store.paths.root, third))).toBe(false);
    expect(readdirSync(office.store.paths.incoming).filter((n) => n.endsWith('.part'))).toEqual([]);
    const again = await (await startFile(c!, ctx)).finish();
    expect(again.outcome).toMatchObject({ outcome: 'stored', storedPath: third });
    expect(office.store.db.prepare('SELECT COUNT(*) AS n FROM ingest_items WHERE session_id = ?').get(ctx.sessionId)).toEqual({ n: 3 });
  });
});
