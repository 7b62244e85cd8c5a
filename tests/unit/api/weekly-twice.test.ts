// Issue 11, item 5: running the weekly consolidation twice keeps both signed reports, and the totals count the same
// things the same way (文件总数 = 校验文件数, 交接次数 = every ingest session of the week).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { localDay } from '../../../main/common';
import { locateTools } from '../../../main/media';
import { makeSegments, type FixtureVolume } from '../../fixtures/recorder-volume';
import { ingestAndWait, officeWithIngestedVolume } from '../../support/ingest';
import { tempDir, type TestApi } from '../../support/services';
import { docxBlocks, docxPart, fieldsOf, tablesOf } from '../forms/docx-read';

function reportFields(file: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const table of tablesOf(docxBlocks(docxPart(readFileSync(file))))) {
    try {
      for (const [k, v] of fieldsOf(table)) fields.set(k, v);
    } catch {
      // not a label/value table
    }
  }
  return fields;
}

describe.skipIf(!locateTools().ffmpeg)('weekly consolidation run twice', () => {
  let t: TestApi;
  let admin: Client;
  let vol: FixtureVolume;
  let dockDay: string;
  let backupSourceId: string;

  beforeAll(async () => {
    let sourceId: string;
    ({ t, admin, vol, sourceId } = await officeWithIngestedVolume());
    // The same recorder docked again (nothing new), and footage copied from a folder with no recorder named.
    await ingestAndWait(t, admin, { sourceId, recorderSerial: vol.serial, officerBadge: vol.badge });
    const loose = tempDir('ew-loose-');
    await makeSegments(loose, 1, 2, new Date(vol.dockedAt.getTime() - 3 * 3600_000), { serial: 'X9', badge: '999999' });
    await ingestAndWait(t, admin, { sourceId: t.services.sources.addFolder(loose).id, recorderSerial: null, officerBadge: null });
    dockDay = localDay(vol.dockedAt, 'Asia/Shanghai');
    backupSourceId = t.services.sources.addFolder(tempDir('ew-backup-')).id;
  }, 180_000);
  afterAll(() => t.cleanup());

  it('keeps each run\'s own numbered report; the first audit row still points at its file', async () => {
    const r1 = await t.call(admin, 'weekly.run', { weekOf: dockDay, backupSourceId });
    const first = readFileSync(path.join(t.root, 'forms', r1.report.fileName));
    t.clock.advance(60_000);
    const r2 = await t.call(admin, 'weekly.run', { weekOf: dockDay, backupSourceId });
    expect(r2.report.fileName).not.toBe(r1.report.fileName);
    expect(r1.report.fileName).toMatch(/-1\.docx$/);
    expect(r2.report.fileName).toMatch(/-2\.docx$/);
    expect(readFileSync(path.join(t.root, 'forms', r1.report.fileName))).toEqual(first);
    expect(existsSync(path.join(t.root, 'forms', r1.signatureFile))).toBe(true);
    const rows = (await t.call(admin, 'audit.list', { action: 'weekly.consolidate' })).entries;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const details = row.details as { report: string };
      expect(existsSync(path.join(t.root, 'forms', details.report)), details.report).toBe(true);
    }
  });

  it('counts the same things the same way: 文件总数 = 校验文件数, 交接次数 = every ingest session', async () => {
    const preview = await t.call(admin, 'weekly.preview', { weekOf: dockDay });
    expect(preview.handoverSessions).toBe(3);
    expect(preview.recorders.some((r) => r.serial === '（未登记设备）')).toBe(true);
    const r = await t.call(admin, 'weekly.run', { weekOf: dockDay, backupSourceId });
    const fields = reportFields(path.join(t.root, 'forms', r.report.fileName));
    expect(fields.get('校验文件数')).toBe(`${r.integrity.checked} 个`);
    expect(fields.get('文件总数')).toBe(`${r.integrity.checked} 个`);
    expect(fields.get('交接次数')).toBe('3 次');
  });
});
