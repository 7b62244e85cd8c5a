/**
 * A small read-only ISO 9660 reader that walks the Joliet tree (the names readers show) of an image file or a
 * pseudo-drive target, for the read-back check and disc-verify. File data is streamed, never held whole.
 * Multi-extent files (over 4 GiB) are joined from their consecutive records.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { DiscError } from './disc-error';

const SECTOR = 2048;
const FLAG_DIR = 2;
const FLAG_MULTI = 0x80;

export interface IsoEntry {
  /** Posix path from the root, no leading slash. */
  path: string;
  size: number;
  extents: { lba: number; size: number }[];
}

export interface IsoImage {
  volumeId: string;
  /** Image size the volume descriptor declares. */
  volumeBytes: number;
  files: IsoEntry[];
  /** Streams a file's bytes in chunks. */
  read(entry: IsoEntry, chunkSize?: number): AsyncGenerator<Buffer>;
  close(): Promise<void>;
}

function unreadable(message: string, cause?: unknown): DiscError {
  return new DiscError('DISC_UNREADABLE_IMAGE', message, { cause });
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  if (bytesRead !== len) throw unreadable(`image ends at ${pos + bytesRead}, needed ${pos + len}`);
  return buf;
}

function isJoliet(vd: Buffer): boolean {
  const esc = vd.subarray(88, 91);
  return vd[0] === 2 && esc[0] === 0x25 && esc[1] === 0x2f && (esc[2] === 0x40 || esc[2] === 0x43 || esc[2] === 0x45);
}

function ucs2be(b: Buffer): string {
  return Buffer.from(b).swap16().toString('utf16le');
}

export async function openIsoImage(path: string): Promise<IsoImage> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw unreadable(`cannot open ${path}: ${String(e)}`, e);
  }
  try {
    let joliet: Buffer | undefined;
    let primary: Buffer | undefined;
    for (let s = 16; s < 64; s++) {
      const vd = await readAt(fh, s * SECTOR, SECTOR);
      if (vd.subarray(1, 6).toString('latin1') !== 'CD001') throw unreadable(`no volume descriptor at sector ${s}`);
      if (vd[0] === 255) break;
      if (vd[0] === 1) primary ??= vd;
      if (isJoliet(vd)) joliet ??= vd;
    }
    if (!primary || !joliet) throw unreadable(`${path} has no ${primary ? 'Joliet' : 'primary'} volume descriptor`);
    const files: IsoEntry[] = [];
    const seenDirs = new Set<number>();
    const walk = async (lba: number, size: number, prefix: string): Promise<void> => {
      if (seenDirs.has(lba)) throw unreadable(`directory loop at sector ${lba}`);
      seenDirs.add(lba);
      const dir = await readAt(fh, lba * SECTOR, size);
      let pending: IsoEntry | undefined;
      for (let off = 0, index = 0; off < size; ) {
        const len = dir[off]!;
        if (len === 0) {
          off = (Math.floor(off / SECTOR) + 1) * SECTOR;
          continue;
        }
        if (len < 34 || off + len > size) throw unreadable(`bad directory record in ${prefix || '/'}`);
        const rec = dir.subarray(off, off + len);
        off += len;
        if (index++ < 2) continue; // '.' and '..'
        const flags = rec[25]!;
        const name = ucs2be(rec.subarray(33, 33 + rec[32]!)).replace(/;1$/, '');
        const extent = { lba: rec.readUInt32LE(2), size: rec.readUInt32LE(10) };
        const childPath = prefix ? `${prefix}/${name}` : name;
        if (flags & FLAG_DIR) {
          await walk(extent.lba, extent.size, childPath);
          continue;
        }
        if (pending && pending.path === childPath) {
          pending.extents.push(extent);
          pending.size += extent.size;
        } else {
          pending = { path: childPath, size: extent.size, extents: [extent] };
          files.push(pending);
        }
        if (!(flags & FLAG_MULTI)) pending = undefined;
      }
    };
    const root = joliet.subarray(156, 190);
    await walk(root.readUInt32LE(2), root.readUInt32LE(10), '');

    async function* read(entry: IsoEntry, chunkSize = 4 * 1024 * 1024): AsyncGenerator<Buffer> {
      for (const ex of entry.extents) {
        for (let done = 0; done < ex.size; ) {
          const n = Math.min(chunkSize, ex.size - done);
          yield await readAt(fh, ex.lba * SECTOR + done, n);
          done += n;
        }
      }
    }
    return {
      volumeId: primary.subarray(40, 72).toString('latin1').trim(),
      volumeBytes: primary.readUInt32LE(80) * SECTOR,
      files,
      read,
      close: () => fh.close(),
    };
  } catch (e) {
    await fh.close().catch(() => {});
    if (e instanceof DiscError) throw e;
    throw unreadable(`cannot read the image ${path}: ${String(e)}`, e);
  }
}
