import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, IngestSessionDetailDto } from '../../../main/api';
import type { FixtureVolume } from '../../fixtures/recorder-volume';
import { opensslCmsVerify } from '../../support/cms';
import { ingestAndWait, officeWithIngestedVolume } from '../../support/ingest';
import type { TestApi } from '../../support/services';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('ingest of a recorder volume through the API', () => {
  let t: TestApi;
  let admin: Client;
  let vol: FixtureVolume;
  let sourceId: string;
  let first: IngestSessionDetailDto;

  beforeAll(async () => {
    ({ t, admin, vol, sourceId, session: first } = await officeWithIngestedVolume());
  }, 120_000);
  afterAll(() => t.cleanup());

  it('scan lists the originals, reads serial and badge, and knows the free space', async () => {
    const scan = await t.call(admin, 'ingest.scan', { sourceId });
    expect(scan.recorderVolume).toBe(true);
    expect(scan.recorderSerial).toBe(vol.serial);
    expect(scan.badgeNo).toBe(vol.badge);
    expect(scan.files.map((f) => f.relPath).sort()).toEqual(vol.files.map((f) => f.relPath).sort());
    expect(scan.fits).toBe(true);
    expect(scan.files.every((f) => f.alreadyIn)).toBe(true);
  });

  it('stores every file bit-exact and read-only, attributed to the officer', async () => {
    expect(first.status).toBe('completed');
    expect(first.filesFailed).toBe(0);
    const stored = first.items.filter((i) => i.outcome === 'stored');
    expect(stored.length + first.filesDuplicate).toBe(vol.files.length);
    for (const item of stored) {
      const abs = path.join(t.root, item.storedPath!);
      expect(sha(abs), item.relPath).toBe(sha(path.join(vol.root, item.relPath)));
      expect(item.sha256).toBe(sha(abs));
      expect(statSync(abs).mode & 0o222, `${item.relPath} must be read-only`).toBe(0);
    }
    expect(first.handedOverBy).toMatchObject({ badgeNo: vol.badge, name: '张三' });
    expect(first.recorderSerial).toBe(vol.serial);
  });

  it('sets each flag on the right file', () => {
    for (const f of vol.files) {
      const item = first.items.find((i) => i.relPath === f.relPath)!;
      if (item.outcome !== 'stored') continue;
      expect(new Set(item.flags), f.relPath).toEqual(new Set(f.expectedFlags));
      expect(item.kind, f.relPath).toBe(f.expectedKind);
      if (f.videoCodec) expect(item.videoCodec, f.relPath).toBe(f.videoCodec);
    }
    const hevc = vol.files.find((f) => f.role === 'hevc')!;
    expect(first.items.find((i) => i.relPath === hevc.relPath)?.videoCodec).toBe('hevc');
  });

  it('groups the three consecutive segments into one recording', () => {
    const db = t.services.archive.open().db;
    const ids = vol.segments.map((s) => first.items.find((i) => i.relPath === s.relPath)!.mediaId);
    const recs = new Set(ids.map((id) => (db.prepare('SELECT recording_id FROM media WHERE id = ?').get(id) as { recording_id: number }).recording_id));
    expect(recs.size).toBe(1);
    const rec = db.prepare('SELECT segments FROM recordings WHERE id = ?').get([...recs][0]) as { segments: number };
    expect(rec.segments).toBe(3);
  });

  it('writes day manifests that sha256sum -c accepts and OpenSSL verifies', () => {
    const db = t.services.archive.open().db;
    const days = (db.prepare('SELECT day FROM day_manifests').all() as { day: string }[]).map((r) => r.day);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      const dir = path.join(t.root, 'originals', ...day.split('-'));
      execFileSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: dir });
      const cms = opensslCmsVerify({ signature: 'manifest-sha256.txt.p7s', content: 'manifest-sha256.txt', caFile: path.join(t.root, 'certs', 'office-ca.pem'), at: t.clock.now(), cwd: dir });
      expect(cms.ok, cms.out).toBe(true);
    }
  });

  it('a second ingest of the same volume stores nothing twice', async () => {
    const db = t.services.archive.open().db;
    const before = (db.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n;
    const again = await ingestAndWait(t, admin, { sourceId, recorderSerial: vol.serial, officerBadge: vol.badge });
    expect(again.filesStored).toBe(0);
    expect(again.filesDuplicate).toBe(vol.files.length);
    expect((db.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n).toBe(before);
  });

  it('writes a handover sheet', async () => {
    const doc = await t.call(admin, 'ingest.handoverSheet', { id: first.id });
    const bytes = readFileSync(path.join(t.root, 'forms', doc.fileName));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('the integrity check passes, then finds a flipped byte, a deleted file and an extra file', async () => {
    expect(await t.call(admin, 'integrity.check', {})).toMatchObject({ ok: true, missing: 0, changed: 0, extra: 0 });
    const stored = first.items.filter((i) => i.outcome === 'stored' && i.size > 100);
    const flipped = path.join(t.root, stored[0]!.storedPath!);
    const deleted = path.join(t.root, stored[1]!.storedPath!);
    chmodSync(flipped, 0o644);
    const buf = readFileSync(flipped);
    buf[50] = (buf[50] ?? 0) ^ 0xff;
    writeFileSync(flipped, buf);
    rmSync(deleted);
    const extra = path.join(path.dirname(flipped), 'smuggled.mp4');
    writeFileSync(extra, 'not evidence');
    const report = await t.call(admin, 'integrity.check', {});
    expect(report.ok).toBe(false);
    expect(report).toMatchObject({ changed: 1, missing: 1, extra: 1 });
    expect(report.problems.map((p) => p.path).sort()).toEqual(
      [stored[0]!.storedPath!, stored[1]!.storedPath!, path.relative(t.root, extra).split(path.sep).join('/')].sort(),
    );
  });

  it('the database refuses to delete or rewrite an original row', () => {
    const db = t.services.archive.open().db;
    expect(() => db.prepare('DELETE FROM media').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE media SET sha256 = 'x'").run()).toThrow(/never change/);
  });

  it('every step is in the audit chain, and the chain verifies', async () => {
    const actions = (await t.call(admin, 'audit.list', { limit: 500 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ingest.start', 'media.ingest', 'manifest.write', 'ingest.finish', 'media.duplicate', 'integrity.check', 'recorder.create', 'officer.create']));
    expect((await t.call(admin, 'audit.verify')).ok).toBe(true);
  });
});
