// Issue 16 part 3: a day folder signed before custody records existed gets its record at the next backup, written
// from the store's rows and signed by the custodian, so a rebuild from that backup names the officers again.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupOffice } from './backup-office';
import type { RebuildReportDto } from '../../../main/api/dto';
import { daysWithoutCustody } from '../../../main/backup';
import { CUSTODY_NAME, CUSTODY_SIGNATURE_NAME } from '../../../main/ingest';
import { openStoreReadOnly } from '../../../main/store';
import { opensslCmsVerify } from '../../support/cms';
import { FIXTURE_BADGE } from '../../fixtures/recorder-volume';
import { tempDir } from '../../support/services';
import { officeSuite } from '../../support/office-suite';
import { runRebuild } from './rebuild-run';

const DAY = '2026-03-10';

describe('custody records backfilled by the backup', () => {
  const office = officeSuite(async () => {
    let dayDir = '';
    const base = await backupOffice('ew-backfill-', {
      // The archive as it was before custody records: the day folder has its signed manifest only.
      beforeSeal: (t) => {
        dayDir = path.join(t.root, 'originals', '2026', '03', '10');
        rmSync(path.join(dayDir, CUSTODY_NAME));
        rmSync(path.join(dayDir, CUSTODY_SIGNATURE_NAME));
      },
    });
    return { ...base, dayDir };
  }, 180_000);

  it('the backup writes the missing record from the store, signed so that openssl verifies it, audited once', async () => {
    const { db } = office.t.services.archive.open();
    expect(daysWithoutCustody(office.t.root, db)).toEqual([DAY]);
    await office.t.call(office.admin, 'backup.run', { targetSourceId: office.targetId });

    expect(daysWithoutCustody(office.t.root, db)).toEqual([]);
    const cms = opensslCmsVerify({ signature: CUSTODY_SIGNATURE_NAME, content: CUSTODY_NAME, caFile: path.join(office.t.root, 'certs', 'office-ca.pem'), at: office.t.clock.now(), cwd: office.dayDir });
    expect(cms.ok, cms.out).toBe(true);
    // The backup's pool holds it beside the originals, as the archive does.
    expect(existsSync(path.join(office.target, 'evidence-backup', 'originals', '2026', '03', '10', CUSTODY_NAME))).toBe(true);
    const entries = (await office.t.call(office.admin, 'audit.list', { action: 'manifest.custody' })).entries;
    expect(entries.map((e) => [e.target, e.details.files])).toEqual([[`day:${DAY}`, 2]]);

    // The next backup finds nothing to write.
    office.t.clock.advance(60_000);
    await office.t.call(office.admin, 'backup.run', { targetSourceId: office.targetId });
    expect((await office.t.call(office.admin, 'audit.list', { action: 'manifest.custody' })).entries).toHaveLength(1);
  }, 120_000);

  it('a rebuild from that backup, the archive lost, recovers the officers', async () => {
    office.t.services.archive.close();
    rmSync(office.t.root, { recursive: true, force: true });
    const root = path.join(tempDir('ew-backfill-rebuilt-'), 'archive');
    const run = await runRebuild(office.target, root, office.t.clock);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as RebuildReportDto;
    expect(report.unrecovered).toEqual([]);
    expect(report.neverInFiles).not.toContain('officers_of_originals');
    const store = openStoreReadOnly(root);
    try {
      const rows = store.db.prepare('SELECT o.badge_no, o.name FROM media m LEFT JOIN officers o ON o.id = m.officer_id').all() as { badge_no: string | null; name: string | null }[];
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.badge_no === FIXTURE_BADGE && r.name === '张三')).toBe(true);
    } finally {
      store.close();
    }
  }, 120_000);
});
