import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../store';
import { writeFileAtomic } from './atomic';
import { dayRelDir, toAbsolute } from './layout';

export const MANIFEST_NAME = 'manifest-sha256.txt';
export const SIGNATURE_NAME = 'manifest-sha256.txt.p7s';

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

export interface ManifestWritten {
  day: string;
  files: number;
  sha256: string;
}

/**
 * Rewrites a day's manifest and its CMS signature from the store, each atomically. Called whenever
 * the day gains files; the database row records which version is current.
 */
export async function writeDayManifest(
  archiveRoot: string,
  db: Db,
  day: string,
  sign: (content: Buffer) => Buffer,
): Promise<ManifestWritten> {
  const entries = dayManifestEntries(db, day);
  const text = Buffer.from(manifestText(entries), 'utf8');
  const dir = toAbsolute(archiveRoot, dayRelDir(day));
  await mkdir(dir, { recursive: true });
  const tmpDir = path.join(archiveRoot, '.incoming');
  await writeFileAtomic(path.join(dir, MANIFEST_NAME), text, tmpDir);
  await writeFileAtomic(path.join(dir, SIGNATURE_NAME), sign(text), tmpDir);
  return { day, files: entries.length, sha256: createHash('sha256').update(text).digest('hex') };
}
