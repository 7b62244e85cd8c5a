// Writing the archive's copy past the page cache (O_DIRECT, Linux). Measured on the bench machine (ext4 in a VM):
// a buffered write of 1 GiB into a new file costs about 1.3 s of kernel CPU (page allocation, delayed block
// allocation, then write-back), an O_DIRECT write about 0.3 s. With both cores busy hashing (source and read-back),
// that CPU is the ingest's time. The read-back (ordinary reads, with the kernel's read-ahead) then reads the device,
// not pages the write left in memory. Reading back with O_DIRECT too was tried: one 4 MiB read at a time waited
// on the device (2.5 s per GiB of stalls), so the page cache's read-ahead stays.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { errnoOf } from '../common';

/** Buffer address, file offset and length of a direct write must be multiples of the device's block size; 4096
 * covers 512-byte and 4K-native disks. */
export const DIRECT_ALIGN = 4096;
const WASM_PAGE = 64 * 1024;
/** Free buffers kept for reuse per size: enough for several sessions at once, each holding two. */
const KEEP_FREE = 8;

const aligned = new WeakSet<Buffer>();
const free = new Map<number, Buffer[]>();

/**
 * A buffer whose memory starts on a page boundary: V8 maps WebAssembly memory page-aligned, while Buffer.alloc's
 * memory comes from malloc (16-byte aligned). Buffers are reused, so each memory's reservation is made once.
 * Where WebAssembly memory cannot be had, an ordinary buffer: writes through it then simply go buffered.
 */
export function takeBuffer(size: number): Buffer {
  const reused = free.get(size)?.pop();
  if (reused) return reused;
  try {
    const pages = Math.ceil(size / WASM_PAGE);
    const buf = Buffer.from(new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer, 0, size);
    aligned.add(buf);
    return buf;
  } catch {
    return Buffer.allocUnsafeSlow(size);
  }
}

/** Hands a buffer from `takeBuffer` back once no I/O uses it any more. */
export function giveBack(buf: Buffer): void {
  const list = free.get(buf.length) ?? [];
  if (list.length < KEEP_FREE && !list.includes(buf)) list.push(buf);
  free.set(buf.length, list);
}

async function writeAll(fh: FileHandle, buf: Buffer, offset: number, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await fh.write(buf, offset + done, length - done, position + done);
    done += bytesWritten;
  }
}

/** Writes a new file's chunks; `out` is the file's ordinary handle (chmod, fsync and close stay with the caller). */
export interface ChunkWriter {
  write(buf: Buffer, length: number, position: number): Promise<void>;
  /** Closes the direct handle, if one was opened. */
  close(): Promise<void>;
  /** Whether aligned chunks still go past the page cache (false once refused, or where never possible). */
  readonly direct: boolean;
}

/**
 * Chunks go through a second, O_DIRECT handle while buffer, position and length are aligned; an unaligned tail (the
 * file's last bytes) goes through `out`. A file system or buffer that refuses direct I/O (EINVAL: tmpfs, FUSE, an
 * unaligned buffer) turns the rest of the file to ordinary writes; the fsync before placing covers both.
 */
export async function openChunkWriter(file: string, out: FileHandle): Promise<ChunkWriter> {
  let direct: FileHandle | null = null;
  const flag = process.platform === 'linux' ? constants.O_DIRECT : undefined;
  if (flag) direct = await open(file, constants.O_WRONLY | flag).catch(() => null);
  const stopDirect = async (): Promise<void> => {
    const d = direct;
    direct = null;
    await d?.close().catch(() => undefined);
  };
  return {
    async write(buf, length, position) {
      const head = length - (length % DIRECT_ALIGN);
      if (direct && head > 0 && aligned.has(buf) && position % DIRECT_ALIGN === 0) {
        try {
          await writeAll(direct, buf, 0, head, position);
          if (head < length) await writeAll(out, buf, head, length - head, position + head);
          return;
        } catch (e) {
          if (errnoOf(e) !== 'EINVAL') throw e;
          await stopDirect();
        }
      }
      // Rewrites the whole chunk where a direct write was refused part-way.
      await writeAll(out, buf, 0, length, position);
    },
    close: stopDirect,
    get direct() {
      return direct !== null;
    },
  };
}
