/**
 * A small read-only ISO 9660 reader for the read-back check and disc-verify, of an image file or a
 * pseudo-drive target. It walks the Joliet tree (the names Windows shows) when there is one, else the primary
 * tree under its Rock Ridge names (what Linux and macOS show), else under the plain ISO 9660 names. File
 * data is streamed, never held whole. Multi-extent files (over 4 GiB) are joined from their consecutive records.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { AppError, discError, isDiscError } from '../common';

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

function unreadable(message: string, cause?: unknown): AppError {
  return discError('DISC_UNREADABLE_IMAGE', message, { cause });
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

type NameReader = (rec: Buffer) => Promise<string>;

/** ISO 9660 file identifier: 'NAME.EXT;1' shown as 'NAME.EXT' ('NAME.;1' as 'NAME'). */
function isoName(rec: Buffer): string {
  return rec.subarray(33, 33 + rec[32]!).toString('latin1').replace(/;\d+$/, '').replace(/\.$/, '');
}

/** The System Use area of a directory record (after the identifier and its padding byte), less `skip` bytes. */
function systemUse(rec: Buffer, skip: number): Buffer {
  const idLen = rec[32]!;
  return rec.subarray(33 + idLen + (idLen % 2 === 0 ? 1 : 0) + skip);
}

/**
 * Rock Ridge (RRIP over SUSP, IEEE P1282) names: the NM entries of a record joined, following CE
 * continuation areas; the ISO 9660 name when a record has none.
 */
function rockRidgeNames(fh: FileHandle, skip: number): NameReader {
  return async (rec) => {
    let area: Buffer | undefined = systemUse(rec, skip);
    let name: string | undefined;
    const parts: Buffer[] = [];
    for (let hops = 0; area && hops < 16; hops++) {
      let next: Buffer | undefined;
      for (let off = 0; off + 4 <= area.length; ) {
        const sig = area.subarray(off, off + 2).toString('latin1');
        const len = area[off + 2]!;
        if (len < 4 || off + len > area.length || sig === 'ST') break;
        if (sig === 'NM' && len >= 5) {
          const flags = area[off + 4]!;
          if (flags & 0x02) name = '.';
          else if (flags & 0x04) name = '..';
          else parts.push(area.subarray(off + 5, off + len));
        } else if (sig === 'CE' && len >= 28) {
          const lba = area.readUInt32LE(off + 4);
          const at = area.readUInt32LE(off + 12);
          next = await readAt(fh, lba * SECTOR + at, area.readUInt32LE(off + 20));
        }
        off += len;
      }
      area = next;
    }
    if (name) return name;
    const rr = parts.length > 0 ? Buffer.concat(parts).toString('utf8') : isoName(rec);
    if (rr === '' || rr === '.' || rr === '..' || /[/\0]/.test(rr)) throw unreadable(`Rock Ridge name not usable as a path: ${JSON.stringify(rr)}`);
    return rr;
  };
}

/** SUSP in use: the root's '.' record starts its System Use area with an SP entry giving the bytes to skip. */
async function suspSkip(fh: FileHandle, root: Buffer): Promise<number | undefined> {
  const first = await readAt(fh, root.readUInt32LE(2) * SECTOR, 34 + 255);
  const su = systemUse(first.subarray(0, first[0]!), 0);
  if (su.length >= 7 && su.subarray(0, 2).toString('latin1') === 'SP' && su[4] === 0xbe && su[5] === 0xef) return su[6]!;
  return undefined;
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
    if (!primary) throw unreadable(`${path} has no primary volume descriptor`);
    const tree = joliet ?? primary;
    let nameOf: NameReader = async (rec) => ucs2be(rec.subarray(33, 33 + rec[32]!)).replace(/;1$/, '');
    if (!joliet) {
      const skip = await suspSkip(fh, primary.subarray(156, 190));
      nameOf = skip === undefined ? async (rec) => isoName(rec) : rockRidgeNames(fh, skip);
    }
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
        const name = await nameOf(rec);
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
    const root = tree.subarray(156, 190);
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
    if (isDiscError(e)) throw e;
    throw unreadable(`cannot read the image ${path}: ${String(e)}`, e);
  }
}
