// Issue 11, items 2 and 12: a file's kind comes from its content; the recorder's info file is a record of the
// docking; other files are kept only by choice, as documents; an unknown recorder is registered only when confirmed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, IngestSessionDetailDto } from '../../../main/api';
import { locateTools, zonedToUtc } from '../../../main/media';
import { makeSegments } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { makeOfficeApi, tempDir, type TestApi } from '../../support/services';

const SERIAL = 'ZFY0000777';
const BADGE = '012345';
const TZ = 'Asia/Shanghai';
const noFfmpeg = !locateTools().ffmpeg || !locateTools().ffprobe;

describe.skipIf(noFfmpeg)('kind by content, recorder info file, documents by choice', () => {
  let t: TestApi;
  let admin: Client;
  let root: string;
  let sourceId: string;
  let first: IngestSessionDetailDto;
  const start = zonedToUtc({ y: 2026, m: 11, d: 23, hh: 9, mm: 0, ss: 0 }, TZ);

  beforeAll(async () => {
    root = tempDir('ew-kinds-');
    await makeSegments(path.join(root, 'DCIM', '100MEDIA'), 1, 2, start, { serial: SERIAL, badge: BADGE, timeZone: TZ });
    // What the clerk's recorder had: an info file in DCIM and a stray readme at the root.
    writeFileSync(path.join(root, 'DCIM', 'ZFYINFO.TXT'), `[ZFY]\r\n设备编号=${SERIAL}\r\n警员编号=${BADGE}\r\nMODEL=DSJ-Z1\r\n`);
    writeFileSync(path.join(root, 'readme.txt'), '本记录仪使用说明：请按时交接。\nThis is not footage.\n');
    mkdirSync(path.join(root, 'PHOTO'));
    execFileSync(locateTools().ffmpeg!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120', '-frames:v', '1', path.join(root, 'PHOTO', 'IMG_0001.JPG')]);
    // A picture with a document's name is still a picture: content decides.
    execFileSync(locateTools().ffmpeg!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', path.join(root, 'scene.dat')]);
    // File times as the recorder left them (the machine's clock must not matter).
    for (const f of ['DCIM/ZFYINFO.TXT', 'readme.txt', 'PHOTO/IMG_0001.JPG', 'scene.dat']) utimesSync(path.join(root, f), start, start);
    ({ t, admin } = await makeOfficeApi(zonedToUtc({ y: 2026, m: 11, d: 23, hh: 18, mm: 0, ss: 0 }, TZ)));
    sourceId = t.services.sources.addFolder(root).id;
    first = await ingestAndWait(t, admin, { sourceId, recorderSerial: SERIAL, officerBadge: BADGE, officerName: '张三' });
  }, 120_000);
  afterAll(() => t.cleanup());

  it('scan reads serial and badge from DCIM/ZFYINFO.TXT, does not list it, and lists the readme as 其他', async () => {
    const scan = await t.call(admin, 'ingest.scan', { sourceId });
    expect(scan.infoFile).toBe('DCIM/ZFYINFO.TXT');
    expect(scan.recorderSerial).toBe(SERIAL);
    expect(scan.badgeNo).toBe(BADGE);
    const kinds = Object.fromEntries(scan.files.map((f) => [f.relPath, f.kind]));
    expect(kinds['DCIM/ZFYINFO.TXT']).toBeUndefined();
    expect(kinds['readme.txt']).toBe('other');
    expect(kinds['scene.dat']).toBe('photo');
    expect(kinds['PHOTO/IMG_0001.JPG']).toBe('photo');
  });

  it('stores footage and photos, not the info file nor the unchosen readme; the info file is kept with the session', () => {
    expect(first.status).toBe('completed');
    const rels = first.items.map((i) => i.relPath).sort();
    expect(rels).not.toContain('DCIM/ZFYINFO.TXT');
    expect(rels).not.toContain('readme.txt');
    expect(first.recorderInfo?.file).toBe('DCIM/ZFYINFO.TXT');
    expect(first.recorderInfo?.text).toContain(`设备编号=${SERIAL}`);
    const photo = first.items.find((i) => i.relPath === 'PHOTO/IMG_0001.JPG')!;
    expect(photo.kind).toBe('photo');
    expect(photo.durationSec).toBeNull();
    expect(photo.flags).toEqual([]);
    expect(first.items.find((i) => i.relPath === 'scene.dat')?.kind).toBe('photo');
    expect(first.items.filter((i) => i.kind === 'video')).toHaveLength(1);
  });

  it('the start time says which reading gave it: the recorder wrote local time labelled UTC (item 8)', async () => {
    const seg = first.items.find((i) => i.kind === 'video')!;
    const detail = await t.call(admin, 'media.get', { id: seg.mediaId! });
    expect(detail.startAt).toBe(start.toISOString());
    expect(detail.startSource).toBe('creation_time');
    expect(detail.startRule).toBe('creation_time_local');
  });

  it('a readme the custodian keeps is a document: kind other, no duration, no flags', async () => {
    const again = await ingestAndWait(t, admin, { sourceId, recorderSerial: SERIAL, officerBadge: BADGE, keepOther: ['readme.txt'] });
    const readme = again.items.find((i) => i.relPath === 'readme.txt')!;
    expect(readme.outcome).toBe('stored');
    expect(readme.kind).toBe('other');
    expect(readme.durationSec).toBeNull();
    expect(readme.flags).toEqual([]);
  });

  it('a serial never seen before is not registered silently', async () => {
    const r = await t.raw(admin, 'ingest.start', { sourceId, recorderSerial: 'ZFY0000778', officerBadge: BADGE });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNKNOWN_RECORDER');
      expect(r.error.message).toContain('ZFY0000778');
    }
    const db = t.services.archive.open().db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM recorders WHERE serial = ?').get('ZFY0000778')).toEqual({ n: 0 });
  });

  it('a folder with nothing but documents says so plainly', async () => {
    const docs = tempDir('ew-docs-');
    writeFileSync(path.join(docs, 'notes.txt'), 'nothing to see\n');
    const id = t.services.sources.addFolder(docs).id;
    const r = await t.raw(admin, 'ingest.start', { sourceId: id, recorderSerial: null, officerBadge: null });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NOTHING_TO_INGEST');
      expect(r.error.message).toContain('没有音视频或照片文件');
    }
  });
});
