import { stat, statfs } from 'node:fs/promises';
import { archivePaths } from '../store';

/** Free bytes where `dir` lives, or null when it cannot be read (the drive is not connected). */
export async function freeBytes(dir: string): Promise<number | null> {
  const s = await statfs(dir).catch(() => null);
  return s ? s.bavail * s.bsize : null;
}

/** The database's size on disk, its WAL included. */
export async function databaseBytes(archiveRoot: string): Promise<number> {
  const db = archivePaths(archiveRoot).db;
  const sizes = await Promise.all([db, `${db}-wal`].map((f) => stat(f).then((s) => s.size, () => 0)));
  return sizes[0]! + sizes[1]!;
}
