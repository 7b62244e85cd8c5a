/**
 * Streaming writer: metadata first, then each file's bytes piped from disk through one of two reused buffers
 * (read and hash into one while the other is being written), so memory stays at two chunks whatever the sizes.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { IsoError } from '../errors';
import { layoutIso, type IsoLayout, type LayoutFile } from './layout';
import { encodeMetadata, resolveOptions } from './metadata';
import { SECTOR } from './records';
import { FileSink, StreamSink, type Sink } from './sink';
import { sourceOpenError, statSources } from './sources';
import type { IsoFileHash, IsoOptions, IsoPlan, IsoProgress, IsoResult, IsoSource } from './types';

/** Chunk size: large enough that syscall and promise overhead vanish, small enough to stay cache friendly. */
export const CHUNK_SIZE = 4 * 1024 * 1024;

function abortError(): IsoError {
  return new IsoError('ISO_ABORTED', 'ISO writing was aborted');
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

/** Stats the sources and plans the image; nothing is written. */
export async function planIso(sources: IsoSource[], opts: IsoOptions, signal?: AbortSignal): Promise<IsoPlan> {
  return planLayout(sources, opts, signal);
}

async function planLayout(sources: readonly IsoSource[], opts: IsoOptions, signal?: AbortSignal): Promise<IsoLayout> {
  resolveOptions(opts);
  return layoutIso(await statSources(sources, signal));
}

/** Fills a buffer in place and hands it to the sink when full, keeping at most one write in flight. */
class ChunkedOutput {
  buf: Buffer;
  used = 0;
  private spare: Buffer | null = null;
  private inflight: Promise<void> | null = null;
  handed = 0;
  currentFile: string | undefined;

  constructor(
    private readonly sink: Sink,
    private readonly totalBytes: number,
    private readonly onProgress?: (p: IsoProgress) => void,
    private readonly signal?: AbortSignal,
  ) {
    this.buf = Buffer.allocUnsafe(CHUNK_SIZE);
  }

  get free(): number {
    return this.buf.length - this.used;
  }

  async put(data: Buffer): Promise<void> {
    let off = 0;
    while (off < data.length) {
      if (this.free === 0) await this.flush();
      const n = data.copy(this.buf, this.used, off, off + Math.min(this.free, data.length - off));
      this.used += n;
      off += n;
    }
  }

  async flush(): Promise<void> {
    throwIfAborted(this.signal);
    if (this.used === 0) return;
    if (this.inflight) await this.inflight;
    const pending = this.sink.write(this.buf.subarray(0, this.used));
    pending.catch(() => {}); // awaited on the next flush or in drain(); avoid an unhandled rejection meanwhile
    this.inflight = pending;
    this.handed += this.used;
    if (this.sink.reusesBuffers) {
      const next = this.spare ?? Buffer.allocUnsafe(CHUNK_SIZE);
      this.spare = this.buf;
      this.buf = next;
    } else {
      this.buf = Buffer.allocUnsafe(CHUNK_SIZE);
    }
    this.used = 0;
    this.onProgress?.({ bytesWritten: this.handed, totalBytes: this.totalBytes, currentFile: this.currentFile });
  }

  async drain(): Promise<void> {
    await this.flush();
    const pending = this.inflight;
    this.inflight = null;
    if (pending) await pending;
  }

  /** Waits for a write in flight, ignoring its outcome (used before cleanup). */
  async settle(): Promise<void> {
    await this.inflight?.catch(() => {});
  }
}

function changed(file: LayoutFile, how: string): IsoError {
  return new IsoError('ISO_SOURCE_CHANGED', `source file ${how} while the image was written: ${file.diskPath}`);
}

async function readAt(fh: FileHandle, file: LayoutFile, buf: Buffer, off: number, len: number, pos: number): Promise<number> {
  try {
    return (await fh.read(buf, off, len, pos)).bytesRead;
  } catch (e) {
    throw new IsoError('ISO_SOURCE_READ_FAILED', `cannot read source file ${file.diskPath}: ${String(e)}`, { cause: e });
  }
}

/** Copies one file into the output (data then zero padding to the sector) and returns its SHA-256. */
async function copyFile(out: ChunkedOutput, file: LayoutFile): Promise<string> {
  let fh: FileHandle;
  try {
    fh = await open(file.diskPath, 'r');
  } catch (e) {
    throw sourceOpenError(file.diskPath, e);
  }
  try {
    if ((await fh.stat()).size !== file.size) throw changed(file, 'changed size');
    const hash = createHash('sha256');
    let pos = 0;
    while (pos < file.size) {
      if (out.free === 0) await out.flush();
      const n = await readAt(fh, file, out.buf, out.used, Math.min(out.free, file.size - pos), pos);
      if (n === 0) throw changed(file, 'shrank');
      hash.update(out.buf.subarray(out.used, out.used + n));
      out.used += n;
      pos += n;
    }
    if ((await readAt(fh, file, Buffer.alloc(1), 0, 1, file.size)) !== 0) throw changed(file, 'grew');
    // Chunks are whole sectors, so the padding always fits in the current one.
    const pad = (SECTOR - (file.size % SECTOR)) % SECTOR;
    out.buf.fill(0, out.used, out.used + pad);
    out.used += pad;
    return hash.digest('hex');
  } finally {
    await fh.close().catch(() => {});
  }
}

/**
 * Writes an ISO 9660 + Joliet image of `sources` to a file path or a writable stream (which is ended on success).
 * On error or abort a file path is removed and the promise rejects with an IsoError.
 */
export async function writeIso(
  sources: IsoSource[],
  out: string | NodeJS.WritableStream,
  opts: IsoOptions,
  onProgress?: (p: IsoProgress) => void,
  signal?: AbortSignal,
): Promise<IsoResult> {
  const resolved = resolveOptions(opts);
  throwIfAborted(signal);
  const layout = await planLayout(sources, opts, signal);
  throwIfAborted(signal);
  const sink = typeof out === 'string' ? await FileSink.open(out) : new StreamSink(out, signal);
  const output = new ChunkedOutput(sink, layout.totalBytes, onProgress, signal);
  try {
    await output.put(encodeMetadata(layout, resolved));
    const files: IsoFileHash[] = [];
    for (const file of layout.files) {
      throwIfAborted(signal);
      output.currentFile = file.imagePath;
      files.push({ imagePath: file.imagePath, size: file.size, sha256: await copyFile(output, file) });
    }
    await output.drain();
    if (output.handed !== layout.totalBytes) {
      throw new Error(`internal error: wrote ${output.handed} bytes, planned ${layout.totalBytes}`);
    }
    await sink.finish();
    onProgress?.({ bytesWritten: layout.totalBytes, totalBytes: layout.totalBytes });
    return { totalBytes: layout.totalBytes, files };
  } catch (e) {
    await output.settle();
    await sink.abandon();
    if (signal?.aborted) {
      throw e instanceof IsoError && e.code === 'ISO_ABORTED' ? e : new IsoError('ISO_ABORTED', 'ISO writing was aborted', { cause: e });
    }
    if (e instanceof IsoError) throw e;
    throw new IsoError('ISO_OUTPUT_FAILED', `cannot write the image: ${String(e)}`, { cause: e });
  }
}
