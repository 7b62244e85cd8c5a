import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a derived file (proxy, thumbnail) under a temporary name and renames it into place, so a
 * half-written file is never served and a crash leaves only a stray `.part` file.
 */
export async function writeDerived(dst: string, make: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(dst), { recursive: true });
  const ext = path.extname(dst);
  const tmp = `${dst.slice(0, dst.length - ext.length)}.part-${randomBytes(4).toString('hex')}${ext}`;
  try {
    await make(tmp);
    await rename(tmp, dst);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Where derived copies live inside the archive's `derived/` folder; keyed by the original's hash. */
export function derivedPaths(derivedDir: string, sha256: string): { preview: string; previewStill: string; thumb: string } {
  return {
    preview: path.join(derivedDir, 'previews', `${sha256}.mp4`),
    previewStill: path.join(derivedDir, 'previews', `${sha256}.jpg`),
    thumb: path.join(derivedDir, 'thumbs', `${sha256}.jpg`),
  };
}
