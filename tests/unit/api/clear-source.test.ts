import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeSegments } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { makeOfficeApi, tempDir, type TestApi } from '../../support/services';

describe('clearing the recorder after ingest (optional, off by default)', () => {
  let t: TestApi;
  let admin: Client;
  const start = new Date('2026-11-26T01:00:00Z');

  beforeAll(async () => ({ t, admin } = await makeOfficeApi(new Date('2026-11-26T09:00:00Z'))), 60_000);
  afterAll(() => t.cleanup());

  it('leaves the recorder untouched unless asked', async () => {
    const dir = tempDir('ew-rec-');
    await makeSegments(path.join(dir, 'DCIM'), 2, 2, start);
    const sourceId = t.services.sources.addFolder(dir).id;
    const s = await ingestAndWait(t, admin, { sourceId, recorderSerial: 'R-KEEP', officerBadge: null });
    expect(s.sourceCleared).toBe(false);
    expect(readdirSync(path.join(dir, 'DCIM'))).toHaveLength(2);
  });

  it('deletes the source files only after the stored copies verify, and says so', async () => {
    const dir = tempDir('ew-rec-');
    const segs = await makeSegments(path.join(dir, 'DCIM'), 2, 2, new Date(start.getTime() + 3600_000), { serial: 'R-CLEAR' });
    const sourceId = t.services.sources.addFolder(dir).id;
    const s = await ingestAndWait(t, admin, { sourceId, recorderSerial: 'R-CLEAR', officerBadge: null, clearSource: true });
    expect(s.status).toBe('completed');
    expect(s.sourceCleared).toBe(true);
    for (const seg of segs) expect(existsSync(seg.path)).toBe(false);
    for (const item of s.items) expect(existsSync(path.join(t.root, item.storedPath!))).toBe(true);
    expect((await t.call(admin, 'integrity.check', {})).ok).toBe(true);
    const actions = (await t.call(admin, 'audit.list', { action: 'ingest.clear_source' })).entries;
    expect(actions).toHaveLength(1);
  });
});
