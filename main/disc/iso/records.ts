/**
 * Pure encoders for the ECMA-119 (ISO 9660) structures and the Joliet additions.
 * Every function returns fresh bytes; nothing here does I/O.
 */

export const SECTOR = 2048;
/** Largest extent: 4 GiB − 2 KiB, so extents stay sector aligned (ISO 9660 level 3 multi-extent). */
export const MAX_EXTENT = 0xffff_f800;
/** Largest data length one directory record can hold. */
export const MAX_RECORD_SIZE = 0xffff_ffff;

export const FLAG_DIRECTORY = 0x02;
export const FLAG_MULTI_EXTENT = 0x80;

export type Endian = 'le' | 'be';

/** 16-bit number stored little- then big-endian (ECMA-119 7.2.3). */
export function both16(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16LE(value, 0);
  b.writeUInt16BE(value, 2);
  return b;
}

/** 32-bit number stored little- then big-endian (ECMA-119 7.3.3). */
export function both32(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(value, 0);
  b.writeUInt32BE(value, 4);
  return b;
}

/** 7-byte recording date of a directory record (ECMA-119 9.1.5), in UTC so output does not depend on the host zone. */
export function recordDate(d: Date): Buffer {
  const year = d.getUTCFullYear() - 1900;
  if (year < 0 || year > 255) throw new RangeError(`year ${d.getUTCFullYear()} cannot be stored in a directory record`);
  return Buffer.from([year, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0]);
}

/** 17-byte volume descriptor date 'YYYYMMDDHHMMSScc' + zone (ECMA-119 8.4.26.1); null means "not specified". */
export function volumeDate(d: Date | null): Buffer {
  const b = Buffer.alloc(17, 0x30);
  b[16] = 0;
  if (d === null) return b;
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`year ${year} cannot be stored in a volume descriptor`);
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  const text =
    p(year, 4) +
    p(d.getUTCMonth() + 1, 2) +
    p(d.getUTCDate(), 2) +
    p(d.getUTCHours(), 2) +
    p(d.getUTCMinutes(), 2) +
    p(d.getUTCSeconds(), 2) +
    p(Math.floor(d.getUTCMilliseconds() / 10), 2);
  b.write(text, 0, 'latin1');
  return b;
}

/** Big-endian UCS-2 (UTF-16BE) bytes, as Joliet stores names. */
export function ucs2(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return b;
}

/** Fixed-width ASCII field padded with spaces. */
export function asciiField(s: string, width: number): Buffer {
  const b = Buffer.alloc(width, 0x20);
  b.write(s.slice(0, width), 0, 'latin1');
  return b;
}

/** Fixed-width UCS-2 field padded with UCS-2 spaces (an odd last byte stays 0). */
export function ucs2Field(s: string, width: number): Buffer {
  const b = Buffer.alloc(width, 0);
  for (let i = 0; i + 1 < width; i += 2) b[i + 1] = 0x20;
  const text = ucs2(s);
  text.copy(b, 0, 0, Math.min(text.length, width - (width % 2)));
  return b;
}

export function directoryRecordLength(idLength: number): number {
  return 33 + idLength + (idLength % 2 === 0 ? 1 : 0);
}

export interface DirectoryRecordFields {
  lba: number;
  size: number;
  flags: number;
  /** Identifier bytes: 0x00 for '.', 0x01 for '..', else the encoded name. */
  id: Buffer;
  date: Buffer;
}

/** One directory record (ECMA-119 9.1), no system use area. */
export function directoryRecord(r: DirectoryRecordFields): Buffer {
  const len = directoryRecordLength(r.id.length);
  if (len > 255) throw new RangeError('directory record identifier too long');
  const b = Buffer.alloc(len);
  b[0] = len;
  b[1] = 0;
  both32(r.lba).copy(b, 2);
  both32(r.size).copy(b, 10);
  r.date.copy(b, 18, 0, 7);
  b[25] = r.flags;
  b[26] = 0;
  b[27] = 0;
  both16(1).copy(b, 28);
  b[32] = r.id.length;
  r.id.copy(b, 33);
  return b;
}

export function pathTableRecordLength(idLength: number): number {
  return 8 + idLength + (idLength % 2 === 1 ? 1 : 0);
}

export interface PathTableEntry {
  /** Identifier bytes; 0x00 for the root. */
  id: Buffer;
  lba: number;
  /** 1-based number of the parent in the same table; the root is its own parent (1). */
  parent: number;
}

/** A whole path table (ECMA-119 9.4): type L is little-endian, type M big-endian. */
export function pathTable(entries: readonly PathTableEntry[], endian: Endian): Buffer {
  let size = 0;
  for (const e of entries) size += pathTableRecordLength(e.id.length);
  const b = Buffer.alloc(size);
  let off = 0;
  for (const e of entries) {
    b[off] = e.id.length;
    b[off + 1] = 0;
    if (endian === 'le') {
      b.writeUInt32LE(e.lba, off + 2);
      b.writeUInt16LE(e.parent, off + 6);
    } else {
      b.writeUInt32BE(e.lba, off + 2);
      b.writeUInt16BE(e.parent, off + 6);
    }
    e.id.copy(b, off + 8);
    off += pathTableRecordLength(e.id.length);
  }
  return b;
}

export interface VolumeDescriptorFields {
  /** 'primary' (type 1, d/a-characters) or 'joliet' (type 2, UCS-2 level 3). */
  kind: 'primary' | 'joliet';
  volumeId: string;
  publisher: string;
  application: string;
  volumeSectors: number;
  pathTableSize: number;
  lPathTableLba: number;
  mPathTableLba: number;
  /** 34-byte record of the root directory. */
  rootRecord: Buffer;
  created: Date;
}

/** Primary (ECMA-119 8.4) or Joliet supplementary (ECMA-119 8.5) volume descriptor. */
export function volumeDescriptor(v: VolumeDescriptorFields): Buffer {
  const joliet = v.kind === 'joliet';
  const field = joliet ? ucs2Field : asciiField;
  const b = Buffer.alloc(SECTOR);
  b[0] = joliet ? 2 : 1;
  b.write('CD001', 1, 'latin1');
  b[6] = 1;
  field('', 32).copy(b, 8); // system identifier
  field(v.volumeId, 32).copy(b, 40);
  both32(v.volumeSectors).copy(b, 80);
  if (joliet) b.write('%/E', 88, 'latin1'); // escape sequence: UCS-2 level 3
  both16(1).copy(b, 120); // volume set size
  both16(1).copy(b, 124); // volume sequence number
  both16(SECTOR).copy(b, 128);
  both32(v.pathTableSize).copy(b, 132);
  b.writeUInt32LE(v.lPathTableLba, 140);
  b.writeUInt32BE(v.mPathTableLba, 148);
  v.rootRecord.copy(b, 156, 0, 34);
  field('', 128).copy(b, 190); // volume set identifier
  field(v.publisher, 128).copy(b, 318);
  field('', 128).copy(b, 446); // data preparer
  field(v.application, 128).copy(b, 574);
  field('', 37).copy(b, 702); // copyright file
  field('', 37).copy(b, 739); // abstract file
  field('', 37).copy(b, 776); // bibliographic file
  const created = volumeDate(v.created);
  created.copy(b, 813); // creation
  created.copy(b, 830); // modification
  volumeDate(null).copy(b, 847); // expiration: none
  created.copy(b, 864); // effective
  b[881] = 1; // file structure version
  return b;
}

/** Volume descriptor set terminator (ECMA-119 8.3). */
export function terminatorDescriptor(): Buffer {
  const b = Buffer.alloc(SECTOR);
  b[0] = 255;
  b.write('CD001', 1, 'latin1');
  b[6] = 1;
  return b;
}
