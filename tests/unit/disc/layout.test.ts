import { describe, expect, it } from 'vitest';
import { isIsoError } from '../../../main/common';
import { forEachRecord, layoutIso, type SizedSource } from '../../../main/disc/iso/layout';
import { encodeMetadata, resolveOptions } from '../../../main/disc/iso/metadata';
import { directoryRecordLength, MAX_EXTENT, SECTOR } from '../../../main/disc/iso/records';

const opts = resolveOptions({ volumeId: 'TEST', timestamp: new Date(Date.UTC(2026, 10, 27)) });
const src = (imagePath: string, size = 10): SizedSource => ({ imagePath, diskPath: `/x/${imagePath}`, size });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isIsoError(e) ? e.code : 'not an ISO error';
  }
  return undefined;
}

describe('layoutIso', () => {
  it('does not depend on the order of the sources', () => {
    const list = ['b/2.txt', 'a/1.txt', '张三.MP4', 'a/b/c/d/e/f/g/h/i/deep.txt', 'z.bin'].map((p, i) => src(p, i * 1000));
    const a = encodeMetadata(layoutIso(list), opts);
    const b = encodeMetadata(layoutIso([...list].reverse()), opts);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses bad, duplicate and conflicting paths', () => {
    for (const bad of ['', '/', 'a//b', '../x', 'a/./b', 'a/..', 'x\0y']) {
      expect(codeOf(() => layoutIso([src(bad)]))).toBe('ISO_BAD_PATH');
    }
    expect(codeOf(() => layoutIso([src('a/b'), src('/a/b')]))).toBe('ISO_DUPLICATE_PATH');
    expect(codeOf(() => layoutIso([src('a'), src('a/b')]))).toBe('ISO_PATH_CONFLICT');
    expect(codeOf(() => layoutIso([src('a/b'), src('a')]))).toBe('ISO_PATH_CONFLICT');
  });

  it('splits files over 4 GiB − 1 into sector-aligned extents of at most 4 GiB − 2 KiB', () => {
    const size = 2 * MAX_EXTENT + 12345;
    const layout = layoutIso([src('big.bin', size), src('z_after.bin', 1)]);
    const big = layout.files.find((f) => f.imagePath === 'big.bin')!;
    expect(big.extents.map((e) => e.size)).toEqual([MAX_EXTENT, MAX_EXTENT, 12345]);
    expect(big.extents[1]!.lba - big.extents[0]!.lba).toBe(MAX_EXTENT / SECTOR);
    expect(big.extents[2]!.lba - big.extents[1]!.lba).toBe(MAX_EXTENT / SECTOR);
    const after = layout.files.find((f) => f.imagePath === 'z_after.bin')!;
    expect(after.extents[0]!.lba).toBe(big.extents[2]!.lba + Math.ceil(12345 / SECTOR));
  });

  it('keeps a file of exactly 4 GiB − 1 in one extent', () => {
    const layout = layoutIso([src('edge.bin', 0xffffffff)]);
    expect(layout.files[0]!.extents).toEqual([{ lba: layout.metadataSectors, size: 0xffffffff }]);
  });

  it('gives empty files no sectors and counts every sector in totalBytes', () => {
    const layout = layoutIso([src('a/empty', 0), src('a/one', 1), src('b', 2049)]);
    expect(layout.files.find((f) => f.imagePath === 'a/empty')!.extents).toEqual([{ lba: 0, size: 0 }]);
    expect(layout.totalSectors).toBe(layout.metadataSectors + 1 + 2);
    expect(layout.totalBytes).toBe(layout.totalSectors * SECTOR);
    expect(layout.directoryCount).toBe(2);
  });

  it('never lets a directory record cross a sector boundary', () => {
    const list = Array.from({ length: 300 }, (_, i) => src(`many/recording_${String(i).padStart(4, '0')}_${'x'.repeat(i % 60)}.mp4`));
    const layout = layoutIso(list);
    const many = layout.root.subdirs[0]!;
    for (const tree of ['primary', 'joliet'] as const) {
      const slot = tree === 'primary' ? many.primary : many.joliet;
      expect(slot.size).toBeGreaterThan(SECTOR);
      expect(slot.size % SECTOR).toBe(0);
      let records = 0;
      forEachRecord(many, tree, (off, entry) => {
        const id = entry === '.' || entry === '..' ? 1 : tree === 'primary' ? entry.kind === 'file' ? entry.primaryId.length : 0 : entry.kind === 'file' ? entry.jolietId.length : 0;
        expect((off % SECTOR) + directoryRecordLength(id)).toBeLessThanOrEqual(SECTOR);
        records++;
      });
      expect(records).toBe(302);
    }
  });

  it('numbers path table entries level by level, children in identifier order', () => {
    const layout = layoutIso([src('b/x/1'), src('a/y/2'), src('a/x/3')]);
    const names = layout.primary.dirs.map((d) => d.imagePath);
    expect(names).toEqual(['', 'a', 'b', 'a/x', 'a/y', 'b/x']);
    expect(layout.primary.dirs.map((d) => d.primary.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports both names of a file', () => {
    const layout = layoutIso([src('data/originals/张三_录像.MP4')]);
    expect(layout.files[0]!.isoPath).toBe('/DATA/ORIGINAL/_____.MP4;1');
    expect(layout.files[0]!.jolietPath).toBe('/data/originals/张三_录像.MP4;1');
  });
});
