import { spawnSync } from 'node:child_process';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeIso } from '../../../main/disc';
import { makeTree, sha256, sha256File, tempDir, tool } from './helpers';

const MAX_EXTENT = 0xffff_f800;
const SIZE = 2 ** 32 + 5 * 2 ** 20 + 123;
/** Non-zero bytes around the extent boundary and the 32-bit limit, so a misplaced extent changes the hash. */
const MARKS = [0, 12_345_678, MAX_EXTENT - 1, MAX_EXTENT, 2 ** 32 - 1, 2 ** 32, SIZE - 1];

let work = '';

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('files over 4 GiB', () => {
  it('are written as multi-extent files that xorriso, isoinfo and bsdtar read back whole', { timeout: 600_000 }, async () => {
    work = await tempDir('iso-big-');
    const [small] = await makeTree(work, { 'zz/after.txt': Buffer.from('after the big file\n') });
    const bigPath = join(work, 'big.bin');
    const fh = await open(bigPath, 'w');
    await fh.truncate(SIZE); // sparse: takes no disk space
    for (const [i, off] of MARKS.entries()) await fh.write(Buffer.from(`mark${i}`).subarray(0, Math.min(5, SIZE - off)), 0, undefined, off);
    await fh.close();

    const image = join(work, 'big.iso');
    const result = await writeIso(
      [{ imagePath: 'data/big.bin', diskPath: bigPath }, small!],
      image,
      { volumeId: 'BIG', timestamp: new Date(Date.UTC(2026, 0, 1)) },
    );
    expect((await stat(image)).size).toBe(result.totalBytes);
    const bigHash = await sha256File(bigPath);
    expect(result.files.find((f) => f.imagePath === 'data/big.bin')).toEqual({ imagePath: 'data/big.bin', size: SIZE, sha256: bigHash });

    // Two records for the same name: the first flagged multi-extent (0x80), the last not.
    const primary = tool('isoinfo', ['-l', '-i', image]).stdout.split('\n').filter((l) => l.includes('BIG.BIN;1'));
    expect(primary).toHaveLength(2);
    // isoinfo prints the flag byte sign-extended ('FFFF…'), so accept both spellings of 0x80.
    expect(primary[0]).toMatch(new RegExp(`\\s${MAX_EXTENT}\\s.*\\[\\s*\\d+ (80\\]|FF)`));
    expect(primary[1]).toMatch(new RegExp(`\\s${SIZE - MAX_EXTENT}\\s.*\\[\\s*\\d+ 00\\]`));

    const ls = tool('xorriso', ['-abort_on', 'FAILURE', '-indev', image, '-find', '/data', '-type', 'f', '-exec', 'lsdl']);
    expect(ls.status, ls.stderr).toBe(0);
    expect(ls.stdout).toMatch(new RegExp(`\\s${SIZE}\\s.*'/data/big.bin'`));

    const extracted = spawnSync('sh', ['-c', 'bsdtar -xOf "$1" data/big.bin | sha256sum', 'sh', image], { encoding: 'utf8' });
    expect(extracted.stdout.split(' ')[0]).toBe(bigHash);
    const after = spawnSync('bsdtar', ['-xOf', image, 'zz/after.txt']);
    expect(sha256(after.stdout)).toBe(sha256(Buffer.from('after the big file\n')));
  });
});
