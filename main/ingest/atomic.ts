import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const TMP_SUFFIX = '.tmp';

/**
 * Writes a small file so a reader sees the old or the new content, never a mix. The temporary
 * copy goes to tmpDir (same file system), so a crash never leaves a stray file among the originals;
 * the archive's `.incoming/` is cleaned at start.
 */
export async function writeFileAtomic(file: string, data: Buffer | string, tmpDir = path.dirname(file)): Promise<void> {
  // A random part, not the time: two writers in the same millisecond must not share a temporary file.
  const tmp = path.join(tmpDir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`);
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
