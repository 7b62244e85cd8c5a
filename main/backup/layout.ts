import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder a backup target holds everything in. */
export const BACKUP_DIR = 'evidence-backup';
export const BACKUP_MANIFEST = 'backup-manifest-sha256.txt';
export const BACKUP_SIGNATURE = `${BACKUP_MANIFEST}.p7s`;
/** What the generation is: when, from which office, its chain head; plain JSON a person can read. */
export const BACKUP_INFO = 'backup-info.json';
export const SNAPSHOT_NAME = 'evidence.db';
/** In a generation: the day manifests (and signatures) as they were when it was taken. */
export const DAY_MANIFESTS = 'day-manifests';

/**
 * A backup target's layout:
 *   evidence-backup/originals/…            the originals and their signed day manifests, as in the archive; shared by
 *                                           every generation (an original never changes, so it is copied once)
 *   evidence-backup/generations/<G>/       one generation: evidence.db (snapshot), forms/, discs/, certs/, seals/,
 *                                           day-manifests/ (as they were then),
 *                                           backup-info.json, backup-manifest-sha256.txt (+ .p7s)
 *   evidence-backup/.incoming/             a generation being written or removed; never read as a generation
 */
export interface BackupPaths {
  root: string;
  originals: string;
  generations: string;
  incoming: string;
}

/** `dir` is the backup target (holding evidence-backup/) or the evidence-backup folder itself. */
export function backupPaths(dir: string): BackupPaths {
  const given = path.resolve(dir);
  const root = path.basename(given) === BACKUP_DIR && !existsSync(path.join(given, BACKUP_DIR)) ? given : path.join(given, BACKUP_DIR);
  return { root, originals: path.join(root, 'originals'), generations: path.join(root, 'generations'), incoming: path.join(root, '.incoming') };
}

/** Manifest lines name originals (stored paths, `originals/…`) relative to the generation folder, so `sha256sum -c` runs there. */
export const BACKUP_ROOT_FROM_GENERATION = '../..';
