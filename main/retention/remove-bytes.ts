// Removing a disposed original's bytes, after its disposal is committed: the original and every derived copy
// (preview, still, thumbnail), which are the same footage. The row, hash and day manifest stay.
import { chmod, unlink } from 'node:fs/promises';
import { unlessMissing } from '../common';
import { toAbsolute } from '../ingest';
import { derivedPaths } from '../media';
import type { ArchivePaths } from '../store';

async function removeFile(file: string): Promise<boolean> {
  // Originals are read-only (0444); Windows refuses to unlink a read-only file.
  await chmod(file, 0o644).catch(() => undefined);
  return unlessMissing(unlink(file));
}

/** Removes the bytes of one disposed original; true when the original's file was there to remove. */
export async function removeDisposedBytes(paths: Pick<ArchivePaths, 'root' | 'derived'>, original: { storedPath: string; sha256: string }): Promise<boolean> {
  const removed = await removeFile(toAbsolute(paths.root, original.storedPath));
  for (const copy of Object.values(derivedPaths(paths.derived, original.sha256))) await removeFile(copy);
  return removed;
}
