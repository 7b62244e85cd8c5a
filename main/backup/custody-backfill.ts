// Day folders signed before custody records existed have a manifest but no `custody.json`: without it a rebuild from
// the files alone cannot name their officers. The custodian's backup writes them from the store's rows and signs them.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CUSTODY_NAME, CUSTODY_SIGNATURE_NAME, custodyRecordBytes, dayCustody, dayRelDir, MANIFEST_NAME, toAbsolute, writeFileAtomicSync } from '../ingest';
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
  return days.filter((day) => lacksCustody(archiveRoot, day));
}

function lacksCustody(archiveRoot: string, day: string): boolean {
  const dir = toAbsolute(archiveRoot, dayRelDir(day));
  const has = (name: string) => existsSync(path.join(dir, name));
  return has(MANIFEST_NAME) && !(has(CUSTODY_NAME) && has(CUSTODY_SIGNATURE_NAME));
}

/**
 * Writes each day's custody record from the store (as ingest would have) with `sign`'s signature, each file
 * atomically. Each day is read and written inside one IMMEDIATE transaction, so it takes turns with an ingest session
 * rewriting the same day's records (`refreshDayRecords`) and never writes a record older than the rows.
 */
export function backfillCustody(archiveRoot: string, db: Db, days: readonly string[], sign: (content: Buffer) => Buffer): CustodyBackfilled[] {
  const tmpDir = path.join(archiveRoot, '.incoming');
  const written: CustodyBackfilled[] = [];
  for (const day of days) {
    db.transaction(() => {
      if (!lacksCustody(archiveRoot, day)) return;
      const record = dayCustody(db, day);
      if (!record.files.length) return;
      const bytes = custodyRecordBytes(record);
      const dir = toAbsolute(archiveRoot, dayRelDir(day));
      writeFileAtomicSync(path.join(dir, CUSTODY_NAME), bytes, tmpDir);
      writeFileAtomicSync(path.join(dir, CUSTODY_SIGNATURE_NAME), sign(bytes), tmpDir);
      written.push({ day, files: record.files.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }).immediate();
  }
  return written;
}
