import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../store';
import { writeFileAtomic, writeFileAtomicSync } from './atomic';
import { dayRelDir, toAbsolute } from './layout';
import type { IngestAudit } from './session-rows';

export const MANIFEST_NAME = 'manifest-sha256.txt';
export const SIGNATURE_NAME = 'manifest-sha256.txt.p7s';
/** Who wore the recorder, when it recorded and what it was called: the custody facts of the day's originals, signed like the manifest. */
export const CUSTODY_NAME = 'custody.json';
export const CUSTODY_SIGNATURE_NAME = 'custody.json.p7s';
/** The program's own records in a day folder, beside the originals. */
export const DAY_RECORD_NAMES: readonly string[] = [MANIFEST_NAME, SIGNATURE_NAME, CUSTODY_NAME, CUSTODY_SIGNATURE_NAME];

/** What would split a `sha256sum -c` line or make sha256sum read the name escaped. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BREAKS_LINE = /[\u0000-\u001f\\]/;

/**
 * Pure: `sha256sum -c` text for a day, paths relative to the day folder, sorted. Stored names hold no control
 * characters (safeSegment); a path that could still forge a line is refused. (Archives from before that rule
 * may hold DEL, C1 or bidi characters, which stay on their one line.)
 */
export function manifestText(entries: { sha256: string; relToDay: string }[]): string {
  for (const e of entries) {
    if (BREAKS_LINE.test(e.relToDay)) throw new Error(`stored path not fit for a manifest line: ${JSON.stringify(e.relToDay)}`);
  }
  return [...entries]
    .sort((a, b) => (a.relToDay < b.relToDay ? -1 : a.relToDay > b.relToDay ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.relToDay}\n`)
    .join('');
}

export function dayManifestEntries(db: Db, day: string): { sha256: string; relToDay: string }[] {
  const prefix = `${dayRelDir(day)}/`;
  return (db.prepare('SELECT sha256, stored_path FROM media WHERE day = ? ORDER BY stored_path').all(day) as { sha256: string; stored_path: string }[])
    .filter((r) => r.stored_path.startsWith(prefix))
    .map((r) => ({ sha256: r.sha256, relToDay: r.stored_path.slice(prefix.length) }));
}

/**
 * One original's custody facts as the store holds them, so that the files alone can say them again when the database
 * is lost (`restore --rebuild`): the hash ties a line to its original.
 */
export interface CustodyLine {
  relToDay: string;
  sha256: string;
  originalName: string;
  originalPath: string;
  startAt: string | null;
  startSource: string;
  kind: string;
  hasAudio: boolean;
  recorderSerial: string | null;
  officer: { badgeNo: string; name: string } | null;
}

export interface CustodyRecord {
  day: string;
  files: CustodyLine[];
}

export function dayCustody(db: Db, day: string): CustodyRecord {
  const prefix = `${dayRelDir(day)}/`;
  const rows = db
    .prepare(
      `SELECT m.sha256, m.stored_path, m.original_name, m.original_path, m.start_at, m.start_source, m.kind, m.has_audio,
              r.serial AS recorder_serial, o.badge_no, o.name AS officer_name
         FROM media m LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id
        WHERE m.day = ? ORDER BY m.stored_path`,
    )
    .all(day) as {
    sha256: string;
    stored_path: string;
    original_name: string;
    original_path: string;
    start_at: string | null;
    start_source: string;
    kind: string;
    has_audio: number;
    recorder_serial: string | null;
    badge_no: string | null;
    officer_name: string | null;
  }[];
  const files = rows
    .filter((r) => r.stored_path.startsWith(prefix))
    .map((r) => ({
      relToDay: r.stored_path.slice(prefix.length),
      sha256: r.sha256,
      originalName: r.original_name,
      originalPath: r.original_path,
      startAt: r.start_at,
      startSource: r.start_source,
      kind: r.kind,
      hasAudio: r.has_audio === 1,
      recorderSerial: r.recorder_serial,
      officer: r.badge_no !== null && r.officer_name !== null ? { badgeNo: r.badge_no, name: r.officer_name } : null,
    }));
  return { day, files };
}

/** The custody record as written and signed: the same bytes at ingest and when a backup writes a missing one. */
export const custodyRecordBytes = (record: CustodyRecord): Buffer => Buffer.from(`${JSON.stringify(record, null, 1)}\n`, 'utf8');

export interface ManifestWritten {
  day: string;
  files: number;
  sha256: string;
}

/** A day's two records as the rows say now: the manifest text and the custody record, each still to be signed. */
function dayRecordContents(db: Db, day: string): { manifest: Buffer; custody: Buffer; written: ManifestWritten } {
  // One read of the day's rows serves both files: the manifest's lines are the custody record's paths and hashes.
  const record = dayCustody(db, day);
  const entries = record.files.map((f) => ({ sha256: f.sha256, relToDay: f.relToDay }));
  const manifest = Buffer.from(manifestText(entries), 'utf8');
  const custody = custodyRecordBytes(record);
  return { manifest, custody, written: { day, files: entries.length, sha256: createHash('sha256').update(manifest).digest('hex') } };
}

/**
 * Rewrites a day's manifest and its custody record, each with its CMS signature, from the store, each file
 * atomically, into the day folder under `archiveRoot` (the archive, or a backup's staging copy).
 */
export async function writeDayManifest(
  archiveRoot: string,
  db: Db,
  day: string,
  sign: (content: Buffer) => Buffer,
): Promise<ManifestWritten> {
  const { manifest, custody, written } = dayRecordContents(db, day);
  const dir = toAbsolute(archiveRoot, dayRelDir(day));
  await mkdir(dir, { recursive: true });
  const tmpDir = path.join(archiveRoot, '.incoming');
  await writeFileAtomic(path.join(dir, MANIFEST_NAME), manifest, tmpDir);
  await writeFileAtomic(path.join(dir, SIGNATURE_NAME), sign(manifest), tmpDir);
  await writeFileAtomic(path.join(dir, CUSTODY_NAME), custody, tmpDir);
  await writeFileAtomic(path.join(dir, CUSTODY_SIGNATURE_NAME), sign(custody), tmpDir);
  return written;
}

export interface DayRecordsRefresh {
  archiveRoot: string;
  /** The writer's own temporary folder (an ingest session's under `.incoming/`), on the archive's file system. */
  tmpDir: string;
  sign: (content: Buffer) => Buffer;
  signerId: number;
  at: Date;
  audit: IngestAudit;
}

/**
 * A day's manifest and custody record rewritten from the rows and recorded as its current version, all inside one
 * IMMEDIATE transaction. Writers of the same day, in this process or another, take turns: each reads the rows
 * committed before its turn, and a session writes its days only after its last file is registered, so the last
 * writer's files list every session's originals of that day. Nothing awaits inside, so no other session's
 * statement can slip between the read and the write.
 */
export function refreshDayRecords(db: Db, day: string, r: DayRecordsRefresh): ManifestWritten {
  return db
    .transaction(() => {
      const { manifest, custody, written } = dayRecordContents(db, day);
      const dir = toAbsolute(r.archiveRoot, dayRelDir(day));
      mkdirSync(dir, { recursive: true });
      writeFileAtomicSync(path.join(dir, MANIFEST_NAME), manifest, r.tmpDir);
      writeFileAtomicSync(path.join(dir, SIGNATURE_NAME), r.sign(manifest), r.tmpDir);
      writeFileAtomicSync(path.join(dir, CUSTODY_NAME), custody, r.tmpDir);
      writeFileAtomicSync(path.join(dir, CUSTODY_SIGNATURE_NAME), r.sign(custody), r.tmpDir);
      db.prepare(
        `INSERT INTO day_manifests (day, files, sha256, signer_id, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(day) DO UPDATE SET files = excluded.files, sha256 = excluded.sha256, signer_id = excluded.signer_id, updated_at = excluded.updated_at`,
      ).run(day, written.files, written.sha256, r.signerId, r.at.toISOString());
      r.audit(db, 'manifest.write', `day:${day}`, { files: written.files, sha256: written.sha256 });
      return written;
    })
    .immediate();
}
