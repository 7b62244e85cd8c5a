import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { DAY_MANIFESTS } from './layout';
import { commitOriginal, dayRelDir, DAY_RECORD_NAMES, hashFile, toAbsolute } from '../ingest';

export interface RegisteredOriginal {
  sha256: string;
  size: number;
  storedPath: string;
  day: string;
}

export interface OriginalsCopied {
  filesCopied: number;
  filesAlreadyThere: number;
  bytesCopied: number;
  /** Every new copy was read back and matched its registered hash, and no copy already there has another size. */
  verified: boolean;
  problems: string[];
  /** Day manifests and signatures copied into the generation, relative to it, with their hash. */
  dayFiles: { relPath: string; sha256: string }[];
}

/**
 * Copies the originals not yet in the backup's pool by the commit protocol (copy, hash, fsync, read back, rename,
 * read-only), and every day's signed manifest. A copy already there is checked by size here (the drill re-hashes
 * every one); a copy that differs is never replaced.
 */
export async function copyOriginals(
  archiveRoot: string,
  originals: readonly RegisteredOriginal[],
  /** The backup root: originals go to the same stored paths (`originals/…`) under it as in the archive. */
  pool: string,
  generationDir: string,
  incoming: string,
  opts: { signal?: AbortSignal; onFile?: (done: number, total: number) => void } = {},
): Promise<OriginalsCopied> {
  await mkdir(incoming, { recursive: true });
  const result: OriginalsCopied = { filesCopied: 0, filesAlreadyThere: 0, bytesCopied: 0, verified: true, problems: [], dayFiles: [] };
  let done = 0;
  for (const r of originals) {
    const target = toAbsolute(pool, r.storedPath);
    const existing = await stat(target).catch(() => null);
    if (existing) {
      if (existing.size === r.size) result.filesAlreadyThere++;
      else {
        result.verified = false;
        result.problems.push(`backup copy differs and was left untouched: ${r.storedPath}`);
      }
    } else {
      const { sha256 } = await commitOriginal({ sourcePath: toAbsolute(archiveRoot, r.storedPath), incomingDir: incoming, finalPath: target, signal: opts.signal });
      if (sha256 !== r.sha256) {
        result.verified = false;
        result.problems.push(`archive original does not match its registered hash: ${r.storedPath}`);
      }
      result.filesCopied++;
      result.bytesCopied += r.size;
    }
    opts.onFile?.(++done, originals.length);
  }
  for (const day of [...new Set(originals.map((o) => o.day))].sort()) {
    const from = toAbsolute(archiveRoot, dayRelDir(day));
    const names = await readdir(from).catch(() => [] as string[]);
    for (const name of DAY_RECORD_NAMES.filter((n) => names.includes(n))) {
      const source = path.join(from, name);
      const sourceHash = await hashFile(source);
      // The generation keeps the day manifest as it was (a day's manifest is rewritten when the day gets more
      // footage); the pool keeps the latest beside the originals, so `sha256sum -c` runs there as in the archive.
      const relPath = `${DAY_MANIFESTS}/${dayRelDir(day)}/${name}`;
      for (const to of [toAbsolute(generationDir, relPath), toAbsolute(pool, `${dayRelDir(day)}/${name}`)]) {
        await mkdir(path.dirname(to), { recursive: true });
        const tmp = path.join(incoming, `${name}.${process.pid}.tmp`);
        await copyFile(source, tmp);
        await rename(tmp, to);
        if ((await hashFile(to)) !== sourceHash) {
          result.verified = false;
          result.problems.push(`manifest copy differs: ${dayRelDir(day)}/${name}`);
        }
      }
      result.dayFiles.push({ relPath, sha256: sourceHash });
    }
  }
  return result;
}
