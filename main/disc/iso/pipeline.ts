/**
 * Ordered output through a small pool of reused buffers. Callers reserve regions in image order, fill them
 * asynchronously (reads run in the libuv pool while the main thread hashes the previous region) and open a
 * gate per region; a full buffer is handed to the sink once all its gates are open. Memory: pool × chunk.
 */
import type { Sink } from './sink';
import type { IsoProgress } from './types';
import { isoError } from '../../common';

export interface Region {
  buf: Buffer;
  off: number;
  len: number;
}

export interface PipelineOptions {
  chunkSize: number;
  /** At least 2, so a buffer is never refilled before its last region was hashed. */
  buffers: number;
  totalBytes: number;
  onProgress?: (p: IsoProgress) => void;
  signal?: AbortSignal;
}

export class OutputPipeline {
  currentFile: string | undefined;
  /** Bytes the sink has accepted. */
  written = 0;
  private readonly free: Buffer[] = [];
  private allocated = 0;
  private waiters: (() => void)[] = [];
  private cur: Buffer | null = null;
  private used = 0;
  private gates: Promise<void>[] = [];
  private chain: Promise<void> = Promise.resolve();
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private stopped = false;

  constructor(
    private readonly sink: Sink,
    private readonly opts: PipelineOptions,
  ) {
    if (opts.buffers < 2 || opts.chunkSize % 2048 !== 0) throw new RangeError('bad pipeline options');
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
    if (this.opts.signal?.aborted) throw isoError('ISO_ABORTED', 'ISO writing was aborted');
  }

  /** The next region of the image, at most `max` bytes long (shorter at a buffer end). */
  async reserve(max: number): Promise<Region> {
    this.check();
    if (this.cur === null || this.used === this.cur.length) {
      this.seal();
      this.cur = await this.acquire();
      this.used = 0;
    }
    const len = Math.min(max, this.cur.length - this.used);
    const region = { buf: this.cur, off: this.used, len };
    this.used += len;
    return region;
  }

  /** The current buffer is not written before `open` resolves. */
  gate(open: Promise<void>): void {
    this.gates.push(open);
  }

  /** Copies bytes already in memory (metadata). */
  async put(data: Buffer): Promise<void> {
    let off = 0;
    while (off < data.length) {
      const r = await this.reserve(data.length - off);
      data.copy(r.buf, r.off, off, off + r.len);
      off += r.len;
    }
  }

  /** Writes what is left and waits until the sink has it all. */
  async finish(): Promise<void> {
    this.seal();
    await this.chain;
    this.check();
  }

  /** Stops further writes and waits for the one in flight (before the sink is cleaned up). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.writing?.catch(() => {});
  }

  private async acquire(): Promise<Buffer> {
    for (;;) {
      this.check();
      const buf = this.free.pop();
      if (buf) return buf;
      if (this.allocated < this.opts.buffers) {
        this.allocated++;
        return Buffer.allocUnsafeSlow(this.opts.chunkSize);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private seal(): void {
    const buf = this.cur;
    const len = this.used;
    const gates = this.gates;
    this.cur = null;
    this.used = 0;
    this.gates = [];
    if (buf === null) return;
    if (len === 0) {
      this.free.push(buf);
      return;
    }
    this.chain = this.chain
      .then(async () => {
        await Promise.all(gates);
        if (this.stopped) return;
        this.check();
        this.writing = this.sink.write(buf.subarray(0, len));
        await this.writing;
        this.writing = null;
        this.written += len;
        // A stream may still hold the buffer, so only a sink that copied or wrote it gets it back.
        if (this.sink.reusesBuffers) this.free.push(buf);
        else this.allocated--;
        this.wakeAll();
        this.opts.onProgress?.({
          bytesWritten: this.written,
          totalBytes: this.opts.totalBytes,
          currentFile: this.currentFile,
        });
      })
      .catch((e: unknown) => {
        this.failure ??= e;
        this.wakeAll();
      });
  }
}
