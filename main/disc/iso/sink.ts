/** Where image bytes go: a file we own (path) or a caller's writable stream. */
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { AppError, isoError, isIsoError } from '../../common';

export interface Sink {
  /** True when a buffer may be refilled as soon as write() resolves; streams may keep a reference. */
  readonly reusesBuffers: boolean;
  write(data: Buffer): Promise<void>;
  finish(): Promise<void>;
  /** Cleanup after an error or abort; never throws. */
  abandon(): Promise<void>;
}

function outputError(e: unknown): AppError {
  return isIsoError(e) ? e : isoError('ISO_OUTPUT_FAILED', `cannot write the image: ${String(e)}`, { cause: e });
}

export class FileSink implements Sink {
  readonly reusesBuffers = true;
  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<FileSink> {
    try {
      return new FileSink(await open(path, 'w'), path);
    } catch (e) {
      throw outputError(e);
    }
  }

  async write(data: Buffer): Promise<void> {
    try {
      let off = 0;
      while (off < data.length) {
        const { bytesWritten } = await this.fh.write(data, off, data.length - off, null);
        off += bytesWritten;
      }
    } catch (e) {
      throw outputError(e);
    }
  }

  async finish(): Promise<void> {
    try {
      await this.fh.close();
    } catch (e) {
      throw outputError(e);
    }
  }

  async abandon(): Promise<void> {
    await this.fh.close().catch(() => {});
    await unlink(this.path).catch(() => {});
  }
}

/** Writes into a caller's stream with backpressure and ends it on success; on error it is left open to the caller. */
export class StreamSink implements Sink {
  readonly reusesBuffers = false;
  private error: unknown = null;
  private readonly onError = (e: unknown): void => {
    this.error = e;
    this.wake?.();
  };
  private wake: (() => void) | null = null;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly signal?: AbortSignal,
  ) {
    stream.on('error', this.onError);
  }

  private check(): void {
    if (this.error !== null) throw outputError(this.error);
    if (this.signal?.aborted) throw isoError('ISO_ABORTED', 'ISO writing was aborted');
  }

  /** Waits for `event`, an error or an abort, whichever comes first. */
  private waitFor(event: 'drain' | 'finish'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.stream.removeListener(event, done);
        this.signal?.removeEventListener('abort', done);
        this.wake = null;
        try {
          this.check();
          resolve();
        } catch (e) {
          reject(e);
        }
      };
      this.wake = done;
      this.stream.once(event, done);
      this.signal?.addEventListener('abort', done, { once: true });
    });
  }

  async write(data: Buffer): Promise<void> {
    this.check();
    if (!this.stream.write(data)) await this.waitFor('drain');
    this.check();
  }

  async finish(): Promise<void> {
    this.check();
    const finished = this.waitFor('finish');
    this.stream.end();
    await finished;
    this.stream.removeListener('error', this.onError);
  }

  async abandon(): Promise<void> {
    this.stream.removeListener('error', this.onError);
    // Keep a listener so a late stream error does not crash the process.
    this.stream.on('error', () => {});
  }
}
