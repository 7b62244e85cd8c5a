import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { chmod, link, lstat, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { followAndHash, pump, type PumpResult, type Sha256 } from './copy-hash';
import { openChunkWriter, type ChunkWriter } from './direct-io';
import { ingestError, toIngestError } from './errors';
import { errnoOf, unlessMissing } from '../common';

export const PART_SUFFIX = '.part';

export interface CommitOptions {
  sourcePath: string;
  /** The archive's `.incoming/`; must be on the same file system as finalPath. */
  incomingDir: string;
  finalPath: string;
  signal?: AbortSignal;
  /** Progress of the copy pass (not the verify pass): bytes copied so far and the source size. */
  onBytes?: (copied: number, total: number) => void;
  /** Re-read the stored copy and compare hashes (default true). Off only for benchmarks. */
  verify?: boolean;
  bufferSize?: number;
  /** Called after each step of the protocol; the crash tests kill the process here. */
  onStep?: (step: CommitStep) => void;
  afterRead?: (bytes: number) => Promise<void>;
}

export type CommitStep = 'copied' | 'verified' | 'synced' | 'placed';

export interface CommitResult {
  sha256: Sha256;
  size: number;
}

/** fsync of a directory makes a rename durable on POSIX; Windows cannot open directories that way, so skip there. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    const code = errnoOf(e);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw e;
  } finally {
    await fh?.close();
  }
}

async function removeQuietly(file: string, mayChmod = true): Promise<void> {
  try {
    await unlink(file);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT') return;
    if (mayChmod && (code === 'EPERM' || code === 'EACCES')) {
      // Windows refuses to delete read-only files.
      try {
        await chmod(file, 0o666);
        await unlink(file);
      } catch {
        /* best effort: cleanIncoming retries at next start */
      }
    }
  }
}

function exists(p: string): Promise<boolean> {
  return unlessMissing(lstat(p));
}

/**
 * Puts the finished .part at finalPath without ever replacing an existing file. A hard link fails atomically
 * with EEXIST; where the file system has no hard links (FAT, exFAT) we fall back to check-then-rename.
 */
async function placeNoReplace(part: string, finalPath: string): Promise<'linked' | 'renamed'> {
  try {
    await link(part, finalPath);
    return 'linked';
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'EEXIST') throw ingestError('TARGET_EXISTS', `target exists: ${finalPath}`);
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      if (await exists(finalPath)) throw ingestError('TARGET_EXISTS', `target exists: ${finalPath}`);
      await rename(part, finalPath);
      return 'renamed';
    }
    throw e;
  }
}

/**
 * Commits one original into the archive (DESIGN.md §4, without the database row):
 * copy into incomingDir/<random>.part hashing in the same read pass → re-read the copy and compare hashes →
 * read-only → fsync → place at finalPath (never overwriting) → fsync its directory.
 * On any failure the .part is removed and an ingest AppError is thrown.
 *
 * Two deliberate changes to the order in DESIGN.md, same guarantees:
 * - One fsync, after the copy and chmod and alongside the verify's tail, instead of one before verify and one
 *   after; placing waits for both. Nothing is placed or
 *   registered before it, so a crash in between leaves only a .part either way, and a write-back error still
 *   surfaces before placing; an fsync is a journal commit on ext4/NTFS, so one per file is the cheaper choice.
 *   (Where the copy is written past the page cache (`direct-io.ts`, Linux) the re-read comes from the device;
 *   elsewhere it is served from the page cache in both orders: it proves the bytes the OS holds for the file.)
 * - The file is made read-only before it is placed, so no writable original is ever visible at finalPath.
 */
export async function commitOriginal(opts: CommitOptions): Promise<CommitResult> {
  return (await copyOriginal(opts)).finish();
}

/**
 * The protocol's first half, done: the source copied and hashed. The read-back of the copy may still be going
 * (on the hash worker) and its fsync too; nothing is placed yet. Exactly one of `finish` and `discard` must be
 * called: an ingest copies the next file while this one finishes (`file-pipeline.ts`), so that the read-back's
 * tail and the flush run beside the next copy instead of after it.
 */
export interface CopiedOriginal extends CommitResult {
  /** Compares the read-back, waits for the fsync, places the file and fsyncs its directory (as commitOriginal). */
  finish(): Promise<CommitResult>;
  /** Gives the copy up: stops the read-back and removes the .part. */
  discard(): Promise<void>;
}

/** The first half of commitOriginal: to the end of the copy; the rest is `finish()`. */
export async function copyOriginal(opts: CommitOptions): Promise<CopiedOriginal> {
  const { sourcePath, incomingDir, finalPath, signal } = opts;
  const verify = opts.verify ?? true;
  if (signal?.aborted) throw ingestError('ABORTED', `aborted before start: ${sourcePath}`);

  // Cheap early refusal; placeNoReplace is the real (atomic) guard.
  try {
    if (await exists(finalPath)) throw ingestError('TARGET_EXISTS', `target exists: ${finalPath}`);
  } catch (e) {
    throw toIngestError(e, 'target', finalPath);
  }

  let src: FileHandle;
  try {
    src = await open(sourcePath, constants.O_RDONLY);
  } catch (e) {
    throw toIngestError(e, 'source', sourcePath);
  }

  const partPath = path.join(incomingDir, randomBytes(12).toString('hex') + PART_SUFFIX);
  let dst: FileHandle | undefined;
  let writer: ChunkWriter | undefined;
  let readBack: ReturnType<typeof followAndHash> | undefined;
  let flushed: Promise<void> | undefined;
  let placed = false;
  /** After a failure anywhere: let what is in flight end, close, and remove the .part unless placed. */
  const cleanUp = async (): Promise<void> => {
    readBack?.abort();
    await readBack?.result.catch(() => undefined);
    await flushed?.catch(() => undefined);
    await writer?.close();
    if (dst) await dst.close().catch(() => undefined);
    // Once placed, the original stays: it is complete and verified; only a directory fsync can have failed.
    if (!placed) await removeQuietly(partPath);
  };
  let copied: PumpResult;
  try {
    const before = await src.stat().catch((e: unknown) => { throw toIngestError(e, 'source', sourcePath); });
    const total = before.size;

    try {
      await mkdir(incomingDir, { recursive: true });
      dst = await open(partPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (e) {
      throw toIngestError(e, 'target', partPath);
    }
    const out = await openChunkWriter(partPath, dst);
    writer = out;
    if (verify) readBack = followAndHash(partPath, { ...(signal ? { signal } : {}), ...(opts.bufferSize ? { bufferSize: opts.bufferSize } : {}) });
    const write = (buf: Buffer, length: number, position: number): Promise<void> =>
      out.write(buf, length, position).catch((e: unknown) => {
        throw toIngestError(e, 'target', partPath);
      });

    const pumpOpts: Parameters<typeof pump>[1] = { label: sourcePath, write };
    if (signal) pumpOpts.signal = signal;
    if (opts.bufferSize) pumpOpts.bufferSize = opts.bufferSize;
    if (opts.afterRead) pumpOpts.afterRead = opts.afterRead;
    pumpOpts.onChunk = (done) => {
      opts.onBytes?.(done, total);
      // Written and awaited: the read-back may hash it now.
      readBack?.written(done);
    };
    copied = await pump(src, pumpOpts);

    // Unlike a pulled cable, a deleted or rewritten source still reads fine through our open handle on POSIX.
    let after;
    try {
      after = await stat(sourcePath);
    } catch (e) {
      throw toIngestError(e, 'source', sourcePath);
    }
    const sameFile = (before.ino === 0 || after.ino === before.ino) && after.dev === before.dev;
    if (!sameFile) throw ingestError('SOURCE_GONE', `source replaced during copy: ${sourcePath}`);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || copied.bytes !== before.size) {
      throw ingestError('SOURCE_CHANGED', `source changed during copy (${before.size} → ${after.size} bytes, read ${copied.bytes}): ${sourcePath}`);
    }
    if (signal?.aborted) throw ingestError('ABORTED', `aborted: ${sourcePath}`);
    opts.onStep?.('copied');

    // The flush to disk runs while the read-back hashes the copy's last chunks (the other core): neither needs
    // the other, and nothing is placed before both are done. A copy that then fails the comparison is removed.
    const out2 = dst;
    flushed = (async () => {
      await writer?.close();
      await out2.chmod(0o444);
      await out2.sync();
    })();
    flushed.catch(() => undefined);
    readBack?.end(copied.bytes);
  } catch (e) {
    await cleanUp();
    throw toIngestError(e, 'target', partPath);
  } finally {
    await src.close().catch(() => undefined);
  }

  const finish = async (): Promise<CommitResult> => {
    try {
      if (readBack) {
        const stored = await readBack.result;
        if (stored.sha256 !== copied.sha256 || stored.bytes !== copied.bytes) {
          throw ingestError('VERIFY_MISMATCH', `stored copy ${stored.sha256} (${stored.bytes} B) ≠ source ${copied.sha256} (${copied.bytes} B): ${sourcePath}`);
        }
        opts.onStep?.('verified');
      }
      try {
        await flushed;
        await dst?.close();
        dst = undefined;
        opts.onStep?.('synced');
        await mkdir(path.dirname(finalPath), { recursive: true });
        if (signal?.aborted) throw ingestError('ABORTED', `aborted: ${sourcePath}`);
        const how = await placeNoReplace(partPath, finalPath);
        placed = true;
        // A leftover second link is harmless (same bytes); cleanIncoming removes it at next start.
        if (how === 'linked') await unlink(partPath).catch(() => undefined);
        // The new name must survive a crash before the caller registers it. The .part's removal need not:
        // a leftover is cleaned at next start.
        await syncDir(path.dirname(finalPath));
        opts.onStep?.('placed');
      } catch (e) {
        throw toIngestError(e, 'target', finalPath);
      }
      return { sha256: copied.sha256, size: copied.bytes };
    } catch (e) {
      await cleanUp();
      throw toIngestError(e, 'target', partPath);
    }
  };
  return { sha256: copied.sha256, size: copied.bytes, finish, discard: cleanUp };
}

/** Removes every stale `*.part` in incomingDir (call at start, before any ingest runs). Returns the names removed. */
export async function cleanIncoming(incomingDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(incomingDir);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return [];
    throw e;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith(PART_SUFFIX)) continue;
    const full = path.join(incomingDir, name);
    const st = await lstat(full).catch(() => null);
    if (!st?.isFile()) continue;
    // nlink > 1: a crash hit between link and unlink; chmod would also unprotect the placed original.
    await removeQuietly(full, st.nlink <= 1);
    if (!(await exists(full))) removed.push(name);
  }
  return removed;
}
