import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const TMP_SUFFIX = '.tmp';

/**
 * Writes a small file so a reader sees the old or the new content, never a mix. The temporary
 * copy goes to tmpDir (same file system), so a crash never leaves a stray file among the originals;
 * the archive's `.incoming/` is cleaned at start.
 */
export async function writeFileAtomic(file: string, data: Buffer | string, tmpDir = path.dirname(file)): Promise<void> {
  const tmp = tmpName(file, tmpDir);
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await rename(tmp, file);
  try {
    const dir = await open(path.dirname(file), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Directory fsync is not possible on every OS (Windows); the rename is still atomic.
  }
}

/** A random part, not the time: two writers in the same millisecond must not share a temporary file. */
function tmpName(file: string, tmpDir: string): string {
  return path.join(tmpDir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`);
}

/**
 * writeFileAtomic without giving up the thread: for the day records, written inside the database transaction
 * that makes writers of the same day take turns (an await there would let another writer's statements in).
 */
export function writeFileAtomicSync(file: string, data: Buffer, tmpDir: string): void {
  const tmp = tmpName(file, tmpDir);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, file);
  if (process.platform === 'win32') return; // no directory fsync there; the rename is still atomic
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
