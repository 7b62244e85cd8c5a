// Day folders signed before custody records existed have a manifest but no `custody.json`: without it a rebuild from
// the files alone cannot name their officers. The custodian's backup writes them from the store's rows and signs them.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CUSTODY_NAME, CUSTODY_SIGNATURE_NAME, custodyRecordBytes, dayCustody, dayRelDir, MANIFEST_NAME, toAbsolute, writeFileAtomic } from '../ingest';
import type { Db } from '../store';

export interface CustodyBackfilled {
  day: string;
  files: number;
  /** SHA-256 of the custody record written. */
  sha256: string;
}

/**
 * Days whose folder holds a signed manifest but lacks the custody record or its signature (an archive from before
 * the record, or a write cut between the two files). A record that is there is never replaced: if it does not check,
 * that is for the rebuild to report.
 */
export function daysWithoutCustody(archiveRoot: string, db: Db): string[] {
  const days = (db.prepare('SELECT day FROM day_manifests ORDER BY day').all() as { day: string }[]).map((d) => d.day);
  return days.filter((day) => {
    const dir = toAbsolute(archiveRoot, dayRelDir(day));
    const has = (name: string) => existsSync(path.join(dir, name));
    return has(MANIFEST_NAME) && !(has(CUSTODY_NAME) && has(CUSTODY_SIGNATURE_NAME));
  });
}

/** Writes each day's custody record from the store (as ingest would have) with `sign`'s signature, each file atomically. */
export async function backfillCustody(archiveRoot: string, db: Db, days: readonly string[], sign: (content: Buffer) => Buffer): Promise<CustodyBackfilled[]> {
  const written: CustodyBackfilled[] = [];
  for (const day of days) {
    const record = dayCustody(db, day);
    if (!record.files.length) continue;
    const bytes = custodyRecordBytes(record);
    const dir = toAbsolute(archiveRoot, dayRelDir(day));
    const tmpDir = path.join(archiveRoot, '.incoming');
    await writeFileAtomic(path.join(dir, CUSTODY_NAME), bytes, tmpDir);
    await writeFileAtomic(path.join(dir, CUSTODY_SIGNATURE_NAME), sign(bytes), tmpDir);
    written.push({ day, files: record.files.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return written;
}
