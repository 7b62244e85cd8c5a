import { describe, expect, it } from 'vitest';
import {
  assignIsoNames,
  assignJolietNames,
  compareIsoIds,
  JOLIET_NAME_MAX,
  jolietSafe,
  toDChars,
} from '../../../main/disc/iso/names';
import {
  asciiField,
  both16,
  both32,
  directoryRecord,
  directoryRecordLength,
  FLAG_MULTI_EXTENT,
  pathTable,
  pathTableRecordLength,
  recordDate,
  terminatorDescriptor,
  ucs2,
  ucs2Field,
  volumeDate,
} from '../../../main/disc/iso/records';

describe('both-endian numbers', () => {
  it('stores 16-bit values little- then big-endian', () => {
    expect([...both16(0x1234)]).toEqual([0x34, 0x12, 0x12, 0x34]);
    expect([...both16(2048)]).toEqual([0x00, 0x08, 0x08, 0x00]);
  });
  it('stores 32-bit values little- then big-endian, up to 2^32 − 1', () => {
    expect([...both32(0x01020304)]).toEqual([4, 3, 2, 1, 1, 2, 3, 4]);
    expect([...both32(0xffffffff)]).toEqual([255, 255, 255, 255, 255, 255, 255, 255]);
    expect(() => both32(2 ** 32)).toThrow();
  });
});

describe('dates', () => {
  const t = new Date(Date.UTC(2026, 10, 27, 8, 5, 9, 870));
  it('encodes the 7-byte directory record date in UTC', () => {
    expect([...recordDate(t)]).toEqual([126, 11, 27, 8, 5, 9, 0]);
  });
  it('encodes the 17-byte volume date with hundredths and zone 0', () => {
    const d = volumeDate(t);
    expect(d.subarray(0, 16).toString('latin1')).toBe('2026112708050987');
    expect(d[16]).toBe(0);
  });
  it('encodes "not specified" as zeros digits and zone 0', () => {
    const d = volumeDate(null);
    expect(d.subarray(0, 16).toString('latin1')).toBe('0000000000000000');
    expect(d[16]).toBe(0);
  });
  it('refuses years a directory record cannot hold', () => {
    expect(() => recordDate(new Date(Date.UTC(1899, 0, 1)))).toThrow(RangeError);
  });
});

describe('text fields', () => {
  it('pads a-character fields with spaces', () => {
    expect(asciiField('AB', 5).toString('latin1')).toBe('AB   ');
    expect(asciiField('ABCDEFG', 3).toString('latin1')).toBe('ABC');
  });
  it('writes UCS-2 big-endian', () => {
    expect([...ucs2('A张')]).toEqual([0x00, 0x41, 0x5f, 0x20]);
  });
  it('pads UCS-2 fields with UCS-2 spaces and keeps an odd last byte 0', () => {
    expect([...ucs2Field('证', 7)]).toEqual([0x8b, 0xc1, 0x00, 0x20, 0x00, 0x20, 0x00]);
  });
});

describe('directory records', () => {
  it('has the ECMA-119 9.1 layout with a pad byte after even-length identifiers', () => {
    const id = Buffer.from('AB.C;1', 'latin1');
    const rec = directoryRecord({ lba: 0x1234, size: 5000, flags: FLAG_MULTI_EXTENT, id, date: recordDate(new Date(Date.UTC(2026, 0, 2))) });
    expect(rec.length).toBe(33 + 6 + 1);
    expect(rec[0]).toBe(rec.length);
    expect(rec.readUInt32LE(2)).toBe(0x1234);
    expect(rec.readUInt32BE(6)).toBe(0x1234);
    expect(rec.readUInt32LE(10)).toBe(5000);
    expect(rec.readUInt32BE(14)).toBe(5000);
    expect([...rec.subarray(18, 25)]).toEqual([126, 1, 2, 0, 0, 0, 0]);
    expect(rec[25]).toBe(0x80);
    expect(rec.readUInt16LE(28)).toBe(1);
    expect(rec.readUInt16BE(30)).toBe(1);
    expect(rec[32]).toBe(6);
    expect(rec.subarray(33, 39).toString('latin1')).toBe('AB.C;1');
    expect(rec[39]).toBe(0);
  });
  it('needs no pad byte after odd-length identifiers', () => {
    expect(directoryRecordLength(1)).toBe(34);
    expect(directoryRecordLength(5)).toBe(38);
    expect(directoryRecordLength(6)).toBe(40);
  });
});

describe('path tables', () => {
  const entries = [
    { id: Buffer.from([0]), lba: 30, parent: 1 },
    { id: Buffer.from('DATA', 'latin1'), lba: 31, parent: 1 },
    { id: Buffer.from('ABC', 'latin1'), lba: 40, parent: 2 },
  ];
  it('writes type L little-endian and type M big-endian with odd identifiers padded', () => {
    const l = pathTable(entries, 'le');
    const m = pathTable(entries, 'be');
    expect(l.length).toBe(pathTableRecordLength(1) + pathTableRecordLength(4) + pathTableRecordLength(3));
    expect(l.length).toBe(10 + 12 + 12);
    expect(l.readUInt32LE(2)).toBe(30);
    expect(m.readUInt32BE(2)).toBe(30);
    expect(l.readUInt32LE(10 + 2)).toBe(31);
    expect(l.readUInt16LE(22 + 6)).toBe(2);
    expect(m.readUInt16BE(22 + 6)).toBe(2);
    expect(l.subarray(22 + 8, 22 + 11).toString('latin1')).toBe('ABC');
  });
});

describe('terminator', () => {
  it('is type 255 with the standard identifier', () => {
    const t = terminatorDescriptor();
    expect(t.length).toBe(2048);
    expect(t[0]).toBe(255);
    expect(t.subarray(1, 6).toString('latin1')).toBe('CD001');
    expect(t[6]).toBe(1);
  });
});

describe('ISO 9660 name mangling', () => {
  const files = (...names: string[]) => names.map((name) => ({ name, isDir: false }));
  it('maps to upper-case d-characters', () => {
    expect(toDChars('abc-Z9_.x')).toBe('ABC_Z9__X');
    expect(toDChars('张三')).toBe('__');
    expect(toDChars('😀')).toBe('_');
  });
  it('shortens to 8.3 and always writes the separator dot for files', () => {
    expect(assignIsoNames(files('recording_0001.mp4', 'README', '.hidden', 'a.tar.gz'))).toEqual([
      'RECORDIN.MP4',
      'README.',
      '_.HID',
      'A_TAR.GZ',
    ]);
  });
  it('shortens folder names to 8 characters without a dot', () => {
    expect(assignIsoNames([{ name: 'originals.v2', isDir: true }])).toEqual(['ORIGINAL']);
  });
  it('makes names that collide after mangling unique, keeping natural names first', () => {
    const names = assignIsoNames(files('张三_录像.MP4', '李四_录像.MP4', '王五_录像.mp4', '_____1.MP4'));
    expect(names).toEqual(['_____.MP4', '_____2.MP4', '_____3.MP4', '_____1.MP4']);
    expect(new Set(names).size).toBe(names.length);
  });
  it('does not let a file ABC. and a folder ABC coexist', () => {
    const names = assignIsoNames([
      { name: 'abc', isDir: true },
      { name: 'abc', isDir: false },
    ]);
    expect(names).toEqual(['ABC', 'ABC1.']);
  });
  it('keeps counters within 8 characters', () => {
    const many = files(...Array.from({ length: 120 }, (_, i) => `recording_${String(i).padStart(3, '0')}_x.mp4`));
    const names = assignIsoNames(many);
    expect(new Set(names).size).toBe(120);
    for (const n of names) expect(n).toMatch(/^[A-Z0-9_]{1,8}\.[A-Z0-9_]{0,3}$/);
  });
  it('sorts as ECMA-119 9.3: base then extension, space padded', () => {
    const ids = ['AB.C', 'A.Z', 'A.', 'A_.X', 'B'];
    expect([...ids].sort(compareIsoIds)).toEqual(['A.', 'A.Z', 'AB.C', 'A_.X', 'B']);
  });
});

describe('Joliet names', () => {
  const files = (...names: string[]) => names.map((name) => ({ name, isDir: false }));
  it('keeps real names, Chinese included', () => {
    expect(assignJolietNames(files('张三_录像.MP4', 'Mixed Case.txt'))).toEqual(['张三_录像.MP4', 'Mixed Case.txt']);
  });
  it('replaces characters Joliet forbids', () => {
    expect(jolietSafe('a:b;c*d?e\\f\u0001g')).toBe('a_b_c_d_e_f_g');
  });
  it('neutralises control and bidi characters, device names and %, and keeps names unique ignoring case', () => {
    expect(assignJolietNames(files('CASE.MP4', 'Case.MP4', 'clip\u202Egnp.MP4', 'CON.MP4', '50%.MP4', 'a\nb\u0085.MP4', 'dots. .'))).toEqual([
      'CASE.MP4',
      'Case~1.MP4',
      'clip_gnp.MP4',
      '_CON.MP4',
      '50_.MP4',
      'a_b_.MP4',
      'dots',
    ]);
  });
  it('cuts long names to 103 characters keeping the extension', () => {
    const [n] = assignJolietNames(files('x'.repeat(200) + '.mp4'));
    expect(n).toHaveLength(JOLIET_NAME_MAX);
    expect(n!.endsWith('x.mp4')).toBe(true);
  });
  it('never splits a surrogate pair when cutting', () => {
    const [n] = assignJolietNames(files('x'.repeat(97) + '😀😀😀.txt'));
    expect(n!.length).toBeLessThanOrEqual(JOLIET_NAME_MAX);
    expect(n).toBe('x'.repeat(97) + '😀.txt');
  });
  it('makes names unique when cutting makes them collide', () => {
    const long = 'y'.repeat(120);
    const names = assignJolietNames(files(`${long}1.mp4`, `${long}2.mp4`));
    expect(names[0]).toHaveLength(JOLIET_NAME_MAX);
    expect(names[1]).toHaveLength(JOLIET_NAME_MAX);
    expect(names[0]).not.toBe(names[1]);
    expect(names[1]!.endsWith('~1.mp4')).toBe(true);
  });
});
