import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { localDay } from '../../../main/common';
import { makeRecorderVolume, type FixtureVolume } from '../../fixtures/recorder-volume';
import { opensslCmsVerify } from '../../support/cms';
import { ingestAndWait } from '../../support/ingest';
import { makeTestApi, setUpOffice, tempDir, type TestApi } from '../../support/services';

describe('weekly consolidation (rules art. 11(2))', () => {
  let t: TestApi;
  let admin: Client;
  let vol: FixtureVolume;
  let dockDay: string;

  beforeAll(async () => {
    vol = await makeRecorderVolume(tempDir('ew-vol-'));
    t = makeTestApi();
    t.clock.current = vol.dockedAt;
    admin = await setUpOffice(t);
    const sourceId = t.services.sources.addFolder(vol.root).id;
    await ingestAndWait(t, admin, { sourceId, recorderSerial: vol.serial, officerBadge: vol.badge, officerName: '张三' });
    dockDay = localDay(vol.dockedAt, 'Asia/Shanghai');
  }, 120_000);
  afterAll(() => t.cleanup());

  it('previews the week: the handover day, the recorder, the flagged files', async () => {
    const p = await t.call(admin, 'weekly.preview', { weekOf: dockDay });
    expect(p.days).toHaveLength(7);
    expect(p.days).toContain(dockDay);
    const officer = p.officers.find((o) => o.badgeNo === vol.badge)!;
    expect(officer.marks[p.days.indexOf(dockDay)]).toBe('done');
    expect(p.recorders.find((r) => r.serial === vol.serial)?.files).toBeGreaterThan(0);
    const flags = new Set(p.flagged.flatMap((f) => f.flags));
    expect(flags).toEqual(new Set(['no_audio', 'clock_suspect', 'unreadable', 'truncated', 'zero_byte']));
  });

  it('runs: checks integrity, backs the week up with a verified copy, writes a signed report', async () => {
    const backupRoot = tempDir('ew-backup-');
    const backupSourceId = t.services.sources.addFolder(backupRoot).id;
    const r = await t.call(admin, 'weekly.run', { weekOf: dockDay, backupSourceId });
    expect(r.integrity.ok).toBe(true);
    expect(r.backup?.verified).toBe(true);
    expect(r.backup?.filesCopied).toBeGreaterThan(0);

    // The backup is laid out like the archive: each day folder checks with sha256sum alone.
    const daysDir = path.join(r.backup!.folder, 'originals');
    for (const y of readdirSync(daysDir)) for (const m of readdirSync(path.join(daysDir, y))) for (const d of readdirSync(path.join(daysDir, y, m))) {
      execFileSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: path.join(daysDir, y, m, d) });
    }
    expect(existsSync(path.join(r.backup!.folder, 'certs', 'office-ca.pem'))).toBe(true);

    const formsDir = path.join(t.root, 'forms');
    const cms = opensslCmsVerify({ signature: r.signatureFile, content: r.report.fileName, caFile: path.join(t.root, 'certs', 'office-ca.pem'), at: t.clock.now(), cwd: formsDir });
    expect(cms.ok, cms.out).toBe(true);

    const again = await t.call(admin, 'weekly.run', { weekOf: dockDay, backupSourceId });
    expect(again.backup).toMatchObject({ filesCopied: 0, verified: true });
    expect(again.backup!.filesAlreadyThere).toBe(r.backup!.filesCopied);

    const p = await t.call(admin, 'weekly.preview', { weekOf: dockDay });
    expect(p.lastConsolidation).toMatchObject({ id: again.consolidationId, backupVerified: true });
    const actions = (await t.call(admin, 'audit.list', { action: 'weekly.' })).entries.map((e) => e.action);
    expect(actions).toEqual(['weekly.consolidate', 'weekly.consolidate']);
  });
});
