// A recorder volume whose file and folder names are hostile or broken (issue 10 item 13), ingested end to end
// through the API: every file is stored under a safe name, the day manifest still passes `sha256sum -c`, and
// the store keeps (and the API shows) each original name and path exactly as it was on the volume.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, IngestSessionDetailDto } from '../../../main/api';
import { SEGMENT_MAX_BYTES } from '../../../main/ingest';
import { makeSegments } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { CHINESE_255, expectSafeSegment, UNSAFE_CHARS } from '../../support/names';
import { makeOfficeApi, tempDir, type TestApi } from '../../support/services';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Volume paths (relative, '/'-separated) a hostile or broken recorder might hold. */
const HOSTILE_PATHS = [
  'DCIM/100MEDIA/clip\nOK: every file is in the archive\n.MP4',
  'DCIM/100MEDIA/clip\u202Egnp.MP4',
  'DCIM/100MEDIA/a\u007fb\u0085c\u009b\u2066d\u2069\u200e\u061c.MP4',
  'DCIM/100MEDIA/tab\there\r.MP4',
  'DCIM/100MEDIA/CON.MP4',
  'DCIM/100MEDIA/aux',
  'DCIM/100MEDIA/Com1.Mp4',
  'DCIM/100MEDIA/dots.MP4. .',
  'DCIM/100MEDIA/a\\b:c*d?"e|f.MP4',
  // Differ only in case: one would hide the other on Windows, macOS and an exFAT backup drive.
  'DCIM/100MEDIA/Case.MP4',
  'DCIM/100MEDIA/CASE.MP4',
  // 255 bytes each and the same name: the second needs '~2' and must still fit.
  `DCIM/100MEDIA/${CHINESE_255}`,
  `DCIM/101MEDIA/${CHINESE_255}`,
  // A hostile folder name lives on only in the original path.
  'DCIM/1\n02\u202EMEDIA/x.MP4',
];

describe('ingest of a volume with hostile file names', () => {
  let t: TestApi;
  let admin: Client;
  let vol: string;
  let session: IngestSessionDetailDto;
  const content = new Map<string, Buffer>();

  beforeAll(async () => {
    vol = tempDir('ew-hostile-vol-');
    // One real clip; each copy gets its own trailer so no two files are duplicates of each other.
    const [clip] = await makeSegments(path.join(vol, 'src'), 1, 2, new Date('2024-05-20T01:30:00Z'));
    const base = readFileSync(clip!.path);
    execFileSync('rm', ['-r', path.join(vol, 'src')]);
    HOSTILE_PATHS.forEach((rel, i) => {
      const abs = path.join(vol, ...rel.split('/'));
      mkdirSync(path.dirname(abs), { recursive: true });
      const bytes = Buffer.concat([base, Buffer.from(`trailer ${i}`)]);
      writeFileSync(abs, bytes);
      content.set(rel, bytes);
    });
    ({ t, admin } = await makeOfficeApi(new Date('2024-05-20T10:00:00Z')));
    const sourceId = t.services.sources.addFolder(vol).id;
    session = await ingestAndWait(t, admin, { sourceId, recorderSerial: 'A8C0012345', officerBadge: '310115', officerName: '张三' });
  }, 120_000);
  afterAll(() => t.cleanup());

  it('stores every file, bit-exact', () => {
    expect(session.items.map((i) => i.relPath).sort()).toEqual([...HOSTILE_PATHS].sort());
    expect(session.items.filter((i) => i.outcome !== 'stored'), JSON.stringify(session.items.filter((i) => i.outcome !== 'stored'))).toEqual([]);
    expect(session).toMatchObject({ status: 'completed', filesStored: HOSTILE_PATHS.length, filesFailed: 0, filesDuplicate: 0 });
    for (const item of session.items) {
      expect(sha(readFileSync(path.join(t.root, ...item.storedPath!.split('/')))), JSON.stringify(item.relPath)).toBe(sha(content.get(item.relPath)!));
    }
  });

  it('stores each under a name that is safe on every OS and fits with its collision suffix', () => {
    for (const item of session.items) {
      for (const seg of item.storedPath!.split('/')) expectSafeSegment(seg, item.relPath, SEGMENT_MAX_BYTES);
    }
    const stored = (rel: string) => session.items.find((i) => i.relPath === rel)!.storedPath!;
    expect(stored('DCIM/100MEDIA/CON.MP4').endsWith('/_CON.MP4')).toBe(true);
    expect(stored('DCIM/100MEDIA/clip\u202Egnp.MP4').endsWith('/clip_gnp.MP4')).toBe(true);
    const long = [stored(`DCIM/100MEDIA/${CHINESE_255}`), stored(`DCIM/101MEDIA/${CHINESE_255}`)];
    expect(new Set(long).size).toBe(2);
    expect(long.some((p) => p.endsWith('~2.MP4'))).toBe(true);
  });

  it('never stores two names in one folder that differ only in case', () => {
    const lower = session.items.map((i) => i.storedPath!.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('keeps the original name and path in the store and shows them through the API', async () => {
    const db = t.services.archive.open().db;
    for (const item of session.items) {
      const row = db.prepare('SELECT original_name, original_path FROM media WHERE id = ?').get(item.mediaId) as { original_name: string; original_path: string };
      expect(row.original_path).toBe(item.relPath);
      expect(row.original_name).toBe(item.relPath.split('/').pop());
      expect((await t.call(admin, 'media.get', { id: item.mediaId! })).originalName).toBe(row.original_name);
    }
  });

  it('writes a day manifest with one plain line per file that sha256sum -c accepts', async () => {
    const db = t.services.archive.open().db;
    const days = (db.prepare('SELECT day, COUNT(*) AS n FROM media GROUP BY day').all() as { day: string; n: number }[]);
    expect(days.length).toBeGreaterThan(0);
    for (const { day, n } of days) {
      const dir = path.join(t.root, 'originals', ...day.split('-'));
      const lines = readFileSync(path.join(dir, 'manifest-sha256.txt'), 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(n);
      for (const line of lines) {
        expect(line).toMatch(/^[0-9a-f]{64} {2}[^/]+\/[^/]+$/);
        expect(line).not.toMatch(UNSAFE_CHARS);
      }
      const check = execFileSync('sha256sum', ['--strict', '-c', 'manifest-sha256.txt'], { cwd: dir, encoding: 'utf8' });
      expect(check.split('\n').filter((l) => l.endsWith(': OK'))).toHaveLength(n);
    }
    expect(await t.call(admin, 'integrity.check', {})).toMatchObject({ ok: true, missing: 0, changed: 0, extra: 0 });
  });
});
