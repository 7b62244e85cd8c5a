import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IsoSource } from '../../../main/disc';

export interface ToolOutput {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an outside tool with a UTF-8 locale so names come out as UTF-8. */
export function tool(cmd: string, args: string[]): ToolOutput {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Deterministic pseudo-random bytes (xorshift), so fixtures are the same on every run. */
export function bytes(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** Writes `files` (image path → content) under `root/src` and returns them as sources. */
export async function makeTree(root: string, files: Record<string, Buffer>): Promise<IsoSource[]> {
  const sources: IsoSource[] = [];
  for (const [imagePath, content] of Object.entries(files)) {
    const diskPath = join(root, 'src', ...imagePath.split('/'));
    await mkdir(dirname(diskPath), { recursive: true });
    await writeFile(diskPath, content);
    sources.push({ imagePath, diskPath });
  }
  return sources;
}

export interface ImageRecord {
  path: string;
  lba: number;
  size: number;
  flags: number;
}

/** Reads a both-endian 32-bit field and fails if its halves disagree. */
function both32At(b: Buffer, off: number): number {
  const le = b.readUInt32LE(off);
  if (le !== b.readUInt32BE(off + 4)) throw new Error(`both-endian mismatch at ${off}`);
  return le;
}

/**
 * A strict little reader for checking our own output: walks the tree of the descriptor in `sector`
 * (16 primary, 17 Joliet), checks both-endian fields, record boundaries and the two path tables.
 */
export function readImageTree(img: Buffer, sector: 16 | 17): { records: ImageRecord[]; pathTableDirs: number } {
  const vd = img.subarray(sector * 2048, (sector + 1) * 2048);
  if (vd.subarray(1, 6).toString('latin1') !== 'CD001') throw new Error('no volume descriptor');
  if (both32At(vd, 80) * 2048 !== img.length) throw new Error('volume space size does not match the image');
  const joliet = sector === 17;
  const decode = (id: Buffer): string => (joliet ? Buffer.from(id).swap16().toString('utf16le') : id.toString('latin1'));
  const records: ImageRecord[] = [];
  const walk = (lba: number, size: number, path: string): void => {
    const dir = img.subarray(lba * 2048, lba * 2048 + size);
    let off = 0;
    let index = 0;
    while (off < size) {
      const len = dir[off]!;
      if (len === 0) {
        off = (Math.floor(off / 2048) + 1) * 2048;
        continue;
      }
      if ((off % 2048) + len > 2048) throw new Error(`record crosses a sector in ${path}`);
      const rec = dir.subarray(off, off + len);
      const r = { lba: both32At(rec, 2), size: both32At(rec, 10), flags: rec[25]! };
      const id = rec.subarray(33, 33 + rec[32]!);
      if (index === 0 && !(id.length === 1 && id[0] === 0)) throw new Error('first record is not "."');
      if (index === 1 && !(id.length === 1 && id[0] === 1)) throw new Error('second record is not ".."');
      if (index >= 2) {
        const child = `${path}/${decode(id)}`;
        records.push({ path: child, ...r });
        if (r.flags & 2) walk(r.lba, r.size, child);
      }
      index++;
      off += len;
    }
  };
  const root = vd.subarray(156, 190);
  walk(both32At(root, 2), both32At(root, 10), '');

  const tableSize = both32At(vd, 132);
  const l = img.subarray(vd.readUInt32LE(140) * 2048).subarray(0, tableSize);
  const m = img.subarray(vd.readUInt32BE(148) * 2048).subarray(0, tableSize);
  let dirs = 0;
  for (let off = 0; off < tableSize; dirs++) {
    const idLen = l[off]!;
    if (m[off] !== idLen || l.readUInt32LE(off + 2) !== m.readUInt32BE(off + 2) || l.readUInt16LE(off + 6) !== m.readUInt16BE(off + 6)) {
      throw new Error(`L and M path tables differ at ${off}`);
    }
    if (!l.subarray(off + 8, off + 8 + idLen).equals(m.subarray(off + 8, off + 8 + idLen))) throw new Error('path table names differ');
    off += 8 + idLen + (idLen % 2);
  }
  return { records, pathTableDirs: dirs };
}
