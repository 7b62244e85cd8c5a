import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes a small file so a reader sees the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, data: Buffer | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
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
