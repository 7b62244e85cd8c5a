import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { ingestError, toIngestError } from './errors';
import { giveBack, takeBuffer } from './direct-io';
import { hashOnWorker, WorkerHashAborted, WorkerHashError, type WorkerHashJob } from './hash-worker';
import type { AppError } from '../common';

/** Lower-case hex SHA-256 of a file's bytes. */
export type Sha256 = string & { __brand: 'Sha256' };

/**
 * 4 MiB: large enough that per-call overhead (threadpool hop, hash update) is small, small enough that two
 * buffers cost nothing. Measured on the bench machine; 1–8 MiB were within a few percent.
 */
export const DEFAULT_BUFFER_SIZE = 4 * 1024 * 1024;

export interface PumpOptions {
  bufferSize?: number;
  signal?: AbortSignal;
  /** Called after each chunk is hashed and written (with all before it), with the running byte count. */
  onChunk?: (bytesDone: number) => void;
  /** Archive side: write the chunk at `position`. Resolves when all `length` bytes are written. */
  write?: (buf: Buffer, length: number, position: number) => Promise<void>;
  /** Label for error messages. */
  label: string;
  /** Test seam: awaited after each chunk read from the source, with its size (e2e tests play a slow recorder). */
  afterRead?: (bytes: number) => Promise<void>;
}

export interface PumpResult {
  sha256: Sha256;
  bytes: number;
}

function abortError(label: string): AppError {
  return ingestError('ABORTED', `aborted: ${label}`);
}

/** Buffers in the copy's ring: one being read, one being hashed and written, one whose write may still be going. */
const RING = 3;

/**
 * One sequential pass over `src` with a ring of buffers: while chunk N is hashed (synchronous, on this thread)
 * and written (libuv threadpool), chunk N+1 is already being read and chunk N-1's write may still be going: a
 * write that goes past the page cache (`direct-io.ts`) waits for the device. Memory is three buffers whatever the
 * file size; a buffer is refilled only after its write has finished, and `onChunk` reports bytes in order, each
 * only once it and everything before it is written.
 */
export async function pump(src: FileHandle, opts: PumpOptions): Promise<PumpResult> {
  const size = opts.bufferSize ?? DEFAULT_BUFFER_SIZE;
  const bufs = Array.from({ length: RING }, () => takeBuffer(size));
  const hash: Hash = createHash('sha256');
  // The write (then report) of the chunk last held by each buffer; each waits for the one before it.
  const writes: (Promise<void> | undefined)[] = new Array<Promise<void> | undefined>(RING);
  // The writes themselves, to wait for on failure (`writes` fails as soon as any earlier one does).
  const raw: Promise<void>[] = [];
  let lastWrite: Promise<void> = Promise.resolve();
  let position = 0;
  let idx = 0;
  const read = (i: number, at: number): Promise<number> =>
    src.read(bufs[i]!, 0, size, at).then(
      (r) => r.bytesRead,
      (e: unknown) => { throw toIngestError(e, 'source', opts.label); },
    );
  let pending: Promise<number> | null = read(0, 0);
  try {
    for (;;) {
      const n: number = await pending;
      pending = null;
      if (n === 0) break;
      if (opts.afterRead) await opts.afterRead(n);
      if (opts.signal?.aborted) throw abortError(opts.label);
      const cur = bufs[idx]!;
      const next = (idx + 1) % RING;
      if (writes[next]) await writes[next];
      pending = read(next, position + n);
      const end = position + n;
      if (opts.write) {
        const written = opts.write(cur, n, position);
        raw[idx] = written;
        lastWrite = Promise.all([lastWrite, written]).then(() => opts.onChunk?.(end));
        // Awaited before the buffer is reused or the pass ends; until then a rejection must not go unhandled.
        lastWrite.catch(() => undefined);
        writes[idx] = lastWrite;
      }
      hash.update(cur.subarray(0, n));
      if (!opts.write) opts.onChunk?.(end);
      position = end;
      idx = next;
    }
    await lastWrite;
  } catch (e) {
    // Let the in-flight read and writes finish before the caller closes the handles.
    if (pending) await pending.catch(() => undefined);
    await Promise.allSettled(raw);
    throw e;
  } finally {
    // No read or write is in flight any more.
    bufs.forEach(giveBack);
  }
  return { sha256: hash.digest('hex') as Sha256, bytes: position };
}

export interface HashFileOptions {
  signal?: AbortSignal;
  bufferSize?: number;
  /** Bytes hashed so far, after each chunk. */
  onBytes?: (bytes: number) => void;
}

/** Streaming SHA-256 of a file, read ahead and hashed on the worker thread (integrity checks, duplicates, backup). */
export async function hashFile(path: string, signal?: AbortSignal, bufferSize?: number): Promise<Sha256> {
  return (await readAndHash(path, 'source', { ...(signal ? { signal } : {}), ...(bufferSize ? { bufferSize } : {}) })).sha256;
}

/** SHA-256 and length of a file, hashed on the worker thread; failing to read it is the `side`'s I/O error. */
export function readAndHash(path: string, side: 'source' | 'target', opts: HashFileOptions = {}): Promise<PumpResult> {
  if (opts.signal?.aborted) return Promise.reject(abortError(path));
  return settle(hashOnWorker(path, { bufferSize: opts.bufferSize ?? DEFAULT_BUFFER_SIZE, ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) }), path, side, opts.signal);
}

/**
 * Follows a file while it is being written and hashes it on the worker: the ingest's read-back runs alongside
 * the copy (on the other core) instead of after it. Each byte is read only after its write has completed.
 */
export function followAndHash(path: string, opts: { signal?: AbortSignal; bufferSize?: number }): { result: Promise<PumpResult>; written(upTo: number): void; end(size: number): void; abort(): void } {
  const job = hashOnWorker(path, { bufferSize: opts.bufferSize ?? DEFAULT_BUFFER_SIZE, follow: true });
  const result = settle(job, path, 'target', opts.signal);
  // A caller that gives up on the copy may never await this.
  result.catch(() => undefined);
  return { result, written: (upTo) => job.advance(upTo, false), end: (size) => job.advance(size, true), abort: job.abort };
}

/** The worker's answer as the ingest's result or AppError; an abort signal stops the worker's job. */
async function settle(job: WorkerHashJob, path: string, side: 'source' | 'target', signal: AbortSignal | undefined): Promise<PumpResult> {
  if (signal?.aborted) job.abort();
  const onAbort = () => job.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const r = await job.result;
    return { sha256: r.sha256 as Sha256, bytes: r.bytes };
  } catch (e) {
    if (e instanceof WorkerHashAborted) throw abortError(path);
    throw toIngestError(e instanceof WorkerHashError ? Object.assign(new Error(e.message), { code: e.code }) : e, side, path);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
