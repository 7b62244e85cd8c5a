// Issue 11, items 11 and 12: the browser host's folder picker lists only allowed roots; the archive is never a source
// or a backup target; a backup is never written onto a recorder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch, type Client } from '../../../main/api';
import { SourceRegistry } from '../../../main/devices';
import { localDay } from '../../../main/common';
import { silentLogger } from '../../../main/log';
import { testKeyPairs } from '../../support/key-pool';
import { OFFICE_SETUP, TEST_COSTS, TestClock, tempDir } from '../../support/services';

describe('folder picker and wrong-folder guards', () => {
  const allowed = tempDir('ew-roots-');
  const outside = tempDir('ew-outside-');
  const archiveRoot = path.join(allowed, 'archive');
  let services: ReturnType<typeof createServices>;
  const admin: Client = { id: 'admin', sessionId: null };
  const call = async (method: string, input: unknown) => dispatch(services, admin, method, input);

  beforeAll(async () => {
    mkdirSync(archiveRoot);
    mkdirSync(path.join(allowed, 'recorder', 'DCIM'), { recursive: true });
    mkdirSync(path.join(allowed, 'backup'));
    mkdirSync(path.join(allowed, 'backup', 'sub'));
    const clock = new TestClock(new Date('2026-11-27T02:00:00Z'));
    const sources = new SourceRegistry([], () => [], () => [allowed]);
    services = createServices({ archiveRoot, host: { kind: 'browser-host' }, log: silentLogger, clock, sources, keyPairs: testKeyPairs(), costs: TEST_COSTS });
    const r = await dispatch(services, admin, 'setup.initialize', OFFICE_SETUP);
    expect(r.ok).toBe(true);
  }, 60_000);
  afterAll(() => services.archive.close());

  it('lists the allowed roots, then a folder\'s subfolders, never the archive', async () => {
    const roots = await call('sources.browse', { path: null });
    expect(roots.ok && roots.value).toMatchObject({ path: null, roots: [{ path: allowed }] });
    const inside = await call('sources.browse', { path: allowed });
    if (!inside.ok) throw new Error(inside.error.message);
    const names = (inside.value as { folders: { name: string }[] }).folders.map((f) => f.name);
    expect(names).toEqual(['backup', 'recorder']);
    expect((inside.value as { parent: string | null }).parent).toBeNull();
    const sub = await call('sources.browse', { path: path.join(allowed, 'backup') });
    expect(sub.ok && (sub.value as { parent: string }).parent).toBe(allowed);
  });

  it('refuses a folder outside the allowed roots', async () => {
    for (const method of ['sources.browse', 'sources.addFolder']) {
      const r = await call(method, { path: outside });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FOLDER_NOT_ALLOWED');
    }
  });

  it('refuses the archive, anything inside it and a folder holding it, as a source', async () => {
    for (const p of [archiveRoot, path.join(archiveRoot, 'certs'), allowed]) {
      const r = await call('sources.addFolder', { path: p });
      expect(r.ok, p).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FOLDER_IS_ARCHIVE');
        expect(r.error.message).toContain('档案库');
      }
    }
    // Registered behind the picker's back (a configured folder): not listed, and a scan is refused.
    const id = services.sources.addFolder(archiveRoot).id;
    const list = await call('sources.list', {});
    expect(list.ok && (list.value as { id: string }[]).some((s) => s.id === id)).toBe(false);
    const scan = await call('ingest.scan', { sourceId: id });
    expect(!scan.ok && scan.error.code).toBe('FOLDER_IS_ARCHIVE');
  });

  it('a chosen folder becomes a source; a recorder is marked so it is not offered as a backup target', async () => {
    const rec = await call('sources.addFolder', { path: path.join(allowed, 'recorder') });
    expect(rec.ok && rec.value).toMatchObject({ kind: 'folder', recorder: true });
    const bak = await call('sources.addFolder', { path: path.join(allowed, 'backup') });
    expect(bak.ok && bak.value).toMatchObject({ recorder: false });
  });

  it('refuses a backup into the archive or onto a recorder', async () => {
    const day = localDay(services.clock.now(), 'Asia/Shanghai');
    const archiveId = services.sources.addFolder(path.join(archiveRoot, 'originals')).id;
    const inArchive = await call('weekly.run', { weekOf: day, backupSourceId: archiveId });
    expect(!inArchive.ok && inArchive.error.code).toBe('FOLDER_IS_ARCHIVE');
    writeFileSync(path.join(allowed, 'recorder', 'DCIM', 'x.txt'), 'x');
    const recId = services.sources.addFolder(path.join(allowed, 'recorder')).id;
    const onRecorder = await call('weekly.run', { weekOf: day, backupSourceId: recId });
    expect(!onRecorder.ok && onRecorder.error.code).toBe('BACKUP_ON_SOURCE');
  });
});
