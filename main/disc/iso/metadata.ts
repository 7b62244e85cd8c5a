/** Encodes everything before the first file's data: system area, volume descriptors, path tables, directories. */
import { fileIdOf, forEachRecord, type IsoLayout, type LayoutDir, type TreeKind } from './layout';
import {
  directoryRecord,
  FLAG_DIRECTORY,
  FLAG_MULTI_EXTENT,
  pathTable,
  recordDate,
  SECTOR,
  terminatorDescriptor,
  volumeDescriptor,
} from './records';
import type { IsoOptions } from './types';
import { isoError } from '../../common';

export interface ResolvedOptions {
  volumeId: string;
  jolietVolumeId: string;
  timestamp: Date;
  publisher: string;
  application: string;
}

const JOLIET_ID_MAX = 16;

/** a-characters (ECMA-119 7.4.1); anything else in the primary descriptor becomes '_'. */
function toAChars(s: string): string {
  let out = '';
  for (const ch of s.toUpperCase()) out += /^[A-Z0-9_ !"%&'()*+,\-./:;<=>?]$/.test(ch) ? ch : '_';
  return out;
}

export function resolveOptions(opts: IsoOptions): ResolvedOptions {
  if (!/^[A-Z0-9_]{1,32}$/.test(opts.volumeId)) {
    throw isoError('ISO_BAD_OPTION', `volumeId must be 1-32 of A-Z 0-9 _, got ${JSON.stringify(opts.volumeId)}`);
  }
  const jolietVolumeId = opts.jolietVolumeId ?? opts.volumeId;
  if (jolietVolumeId.length === 0 || jolietVolumeId.length > JOLIET_ID_MAX) {
    throw isoError('ISO_BAD_OPTION', `jolietVolumeId must be 1-${JOLIET_ID_MAX} characters`);
  }
  const t = opts.timestamp;
  if (!(t instanceof Date) || Number.isNaN(t.getTime()) || t.getUTCFullYear() < 1900 || t.getUTCFullYear() > 2155) {
    throw isoError('ISO_BAD_OPTION', 'timestamp must be a valid date between 1900 and 2155');
  }
  return {
    volumeId: opts.volumeId,
    jolietVolumeId,
    timestamp: t,
    publisher: opts.publisher ?? '',
    application: opts.application ?? '',
  };
}

function slot(dir: LayoutDir, tree: TreeKind) {
  return tree === 'primary' ? dir.primary : dir.joliet;
}

function encodeDirectory(buf: Buffer, dir: LayoutDir, tree: TreeKind, date: Buffer): void {
  const base = slot(dir, tree).lba * SECTOR;
  forEachRecord(dir, tree, (off, entry, extent) => {
    let rec: Buffer;
    if (entry === '.' || entry === '..') {
      const target = slot(entry === '.' ? dir : (dir.parent ?? dir), tree);
      const id = Buffer.from([entry === '.' ? 0 : 1]);
      rec = directoryRecord({ lba: target.lba, size: target.size, flags: FLAG_DIRECTORY, id, date });
    } else if (entry.kind === 'dir') {
      const s = slot(entry, tree);
      rec = directoryRecord({ lba: s.lba, size: s.size, flags: FLAG_DIRECTORY, id: s.id, date });
    } else {
      const e = entry.extents[extent]!;
      const flags = extent < entry.extents.length - 1 ? FLAG_MULTI_EXTENT : 0;
      rec = directoryRecord({ lba: e.lba, size: e.size, flags, id: fileIdOf(entry, tree), date });
    }
    rec.copy(buf, base + off);
  });
}

export function encodeMetadata(layout: IsoLayout, opts: ResolvedOptions): Buffer {
  const buf = Buffer.alloc(layout.metadataSectors * SECTOR);
  const date = recordDate(opts.timestamp);
  for (const tree of ['primary', 'joliet'] as const) {
    const placement = layout[tree];
    const entries = placement.dirs.map((d) => ({
      id: slot(d, tree).id,
      lba: slot(d, tree).lba,
      parent: d.parent ? slot(d.parent, tree).number : 1,
    }));
    pathTable(entries, 'le').copy(buf, placement.lLba * SECTOR);
    pathTable(entries, 'be').copy(buf, placement.mLba * SECTOR);
    for (const d of placement.dirs) encodeDirectory(buf, d, tree, date);

    const root = slot(layout.root, tree);
    const rootRecord = directoryRecord({ lba: root.lba, size: root.size, flags: FLAG_DIRECTORY, id: Buffer.from([0]), date });
    const joliet = tree === 'joliet';
    volumeDescriptor({
      kind: tree,
      volumeId: joliet ? opts.jolietVolumeId : opts.volumeId,
      publisher: joliet ? opts.publisher : toAChars(opts.publisher),
      application: joliet ? opts.application : toAChars(opts.application),
      volumeSectors: layout.totalSectors,
      pathTableSize: placement.size,
      lPathTableLba: placement.lLba,
      mPathTableLba: placement.mLba,
      rootRecord,
      created: opts.timestamp,
    }).copy(buf, (joliet ? 17 : 16) * SECTOR);
  }
  terminatorDescriptor().copy(buf, 18 * SECTOR);
  return buf;
}
