import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeIso } from '../../../main/disc';
import { makeTree, sha256, tempDir, tool } from './helpers';

const MAX_EXTENT = 0xffff_f800;
const SIZE = 2 ** 32 + 5 * 2 ** 20 + 123;
/** Non-zero bytes around the extent boundary and the 32-bit limit, so a misplaced extent changes the hash. */
const MARKS = [0, 12_345_678, MAX_EXTENT - 1, MAX_EXTENT, 2 ** 32 - 1, 2 ** 32, SIZE - 1];
/**
 * SHA-256 of that file, computed once with `openssl dgst -sha256` when the test was written (change SIZE or MARKS and
 * it must be recomputed): a known answer instead of hashing the 4 GiB source a second time in the test.
 */
const BIG_SHA256 = 'fc899cf86daf3997bd7f9448ed53c3298b231fb99beb86f13bd32c41fd294230';

let work = '';

/** `bsdtar -xOf image member | cmp - file`: exit codes of both, and anything either printed. */
function extractAndCompare(image: string, member: string, file: string): Promise<{ bsdtar: number | null; cmp: number | null; output: string }> {
  const exited = (p: ChildProcess) => new Promise<number | null>((resolve, reject) => p.on('error', reject).on('close', resolve));
  const tar = spawn('bsdtar', ['-xOf', image, member], { stdio: ['ignore', 'pipe', 'pipe'] });
  const cmp = spawn('cmp', ['-', file], { stdio: ['pipe', 'pipe', 'pipe'] });
  tar.stdout.pipe(cmp.stdin);
  cmp.stdin.on('error', () => {}); // cmp stops reading at the first difference; its exit code says so
  let output = '';
  for (const s of [tar.stderr, cmp.stdout, cmp.stderr]) s.on('data', (d: Buffer) => (output += d.toString()));
  return Promise.all([exited(tar), exited(cmp)]).then(([t, c]) => ({ bsdtar: t, cmp: c, output }));
}

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
    expect(result.files.find((f) => f.imagePath === 'data/big.bin')).toEqual({ imagePath: 'data/big.bin', size: SIZE, sha256: BIG_SHA256 });

    // Two records for the same name: the first flagged multi-extent (0x80), the last not.
    const primary = tool('isoinfo', ['-l', '-i', image]).stdout.split('\n').filter((l) => l.includes('BIG.BIN;1'));
    expect(primary).toHaveLength(2);
    // isoinfo prints the flag byte sign-extended ('FFFF…'), so accept both spellings of 0x80.
    expect(primary[0]).toMatch(new RegExp(`\\s${MAX_EXTENT}\\s.*\\[\\s*\\d+ (80\\]|FF)`));
    expect(primary[1]).toMatch(new RegExp(`\\s${SIZE - MAX_EXTENT}\\s.*\\[\\s*\\d+ 00\\]`));

    const ls = tool('xorriso', ['-abort_on', 'FAILURE', '-indev', image, '-find', '/data', '-type', 'f', '-exec', 'lsdl']);
    expect(ls.status, ls.stderr).toBe(0);
    expect(ls.stdout).toMatch(new RegExp(`\\s${SIZE}\\s.*'/data/big.bin'`));

    // What bsdtar reads out of the image is the source, byte for byte (cmp is far cheaper than hashing 4 GiB again).
    expect(await extractAndCompare(image, 'data/big.bin', bigPath)).toEqual({ bsdtar: 0, cmp: 0, output: '' });
    const after = spawnSync('bsdtar', ['-xOf', image, 'zz/after.txt']);
    expect(sha256(after.stdout)).toBe(sha256(Buffer.from('after the big file\n')));
  });
});
