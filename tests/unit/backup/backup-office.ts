/** The office the backup suites start from: one recorder ingested on 2026-03-10, the day sealed by a login the next day. */
import path from 'node:path';
import { utimesSync } from 'node:fs';
import type { Client } from '../../../main/api';
import { FIXTURE_BADGE, FIXTURE_SERIAL, makeSegments, writeRandomFile } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir, type TestApi } from '../../support/services';

export const RECORDED = new Date('2026-03-10T01:00:00Z');

export interface BackupOffice {
  t: TestApi;
  admin: Client;
  /** An empty folder registered as a source, for the backup to write to. */
  target: string;
  targetId: string;
}

/**
 * Two segments (and, with `extraBytes`, a kept non-media file Z_EXTRA.DAT) ingested on 2026-03-10; `beforeSeal` runs
 * on the archive before the next day's login seals that day. Folders are named `<prefix>src-` and `<prefix>target-`.
 */
export async function backupOffice(prefix: string, opts: { extraBytes?: number; beforeSeal?: (t: TestApi) => void } = {}): Promise<BackupOffice> {
  const t = makeTestApi();
  t.clock.current = new Date('2026-03-10T02:00:00Z');
  const admin = await setUpOffice(t);
  const source = tempDir(`${prefix}src-`);
  const media = path.join(source, 'DCIM', '100MEDIA');
  await makeSegments(media, 2, 2, RECORDED);
  if (opts.extraBytes !== undefined) {
    await writeRandomFile(path.join(media, 'Z_EXTRA.DAT'), opts.extraBytes);
    utimesSync(path.join(media, 'Z_EXTRA.DAT'), RECORDED, RECORDED);
  }
  const keepOther = opts.extraBytes !== undefined ? { keepOther: ['DCIM/100MEDIA/Z_EXTRA.DAT'] } : {};
  await ingestAndWait(t, admin, { sourceId: t.services.sources.addFolder(source).id, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE, officerName: '张三', ...keepOther });
  opts.beforeSeal?.(t);
  // The next day: the login seals the ingest day, so there is a seal file to back up.
  t.clock.advance(24 * 3600_000);
  await t.call(admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
  const target = tempDir(`${prefix}target-`);
  return { t, admin, target, targetId: t.services.sources.addFolder(target).id };
}
