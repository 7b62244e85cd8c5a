// Hostile names on an evidence disc (issue 10 item 13). Stored names are safe since the ingest fix, but an
// archive made before it, or a name the store never saw, must still give a disc whose manifest has one plain
// line per file (a newline in a name would forge a line), whose Joliet names every OS opens, and which the
// outside tools read.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDisc } from '../../../main/disc';
import { CHINESE_255, expectSafeSegment, UNSAFE_CHARS } from '../../support/names';
import { makeBagFixture, type BagFixture } from './bag-fixture';
import { bytes, sha256, sha256File, tempDir, tool } from './helpers';

const DIR = '2026/11/27/REC09';
const HOSTILE = [
  'forged\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/x.MP4',
  'clip\u202Egnp.MP4',
  'a\u007fb\u0085c\u2066d\u2069\u200e\u061c.MP4',
  'CON.MP4',
  'aux',
  'dots.MP4. .',
  '50%.MP4',
  'Case.MP4',
  'CASE.MP4',
  CHINESE_255,
];
/** Joliet allows 103 UCS-2 characters; the bytes only bound what a UTF-8 reader sees. */
const JOLIET_MAX_BYTES = 103 * 3;

let work: string;
let f: BagFixture;
let extracted: string;

beforeAll(async () => {
  work = await tempDir('evidence-hostile-bag-');
  f = await makeBagFixture(work, undefined, Object.fromEntries(HOSTILE.map((name, i) => [`${DIR}/${name}`, bytes(1000 + i, 100 + i)])));
  extracted = join(work, 'extracted');
  await tool('mkdir', ['-p', extracted]);
  const r = tool('bsdtar', ['-xf', f.imagePath, '-C', extracted]);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a disc of originals with hostile names', () => {
  it('has one plain manifest line per payload file, and sha256sum -c passes on the extracted disc', async () => {
    const lines = (await readFile(join(extracted, 'manifest-sha256.txt'), 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(f.bag.payload.length);
    for (const line of lines) {
      expect(line).toMatch(/^[0-9a-f]{64} {2}data\//);
      expect(line).not.toMatch(UNSAFE_CHARS);
      expect(line).not.toContain('%');
    }
    const check = tool('sh', ['-c', `cd '${extracted}' && sha256sum -c --strict manifest-sha256.txt`]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(f.bag.payload.length);
  });

  it('holds each original bit-exact under a Joliet name that every OS opens, unique ignoring case', async () => {
    const originals = f.bag.payload.filter((p) => p.discPath.startsWith(`data/originals/${DIR}/`));
    expect(originals).toHaveLength(HOSTILE.length);
    for (const p of originals) {
      for (const seg of p.discPath.split('/')) expectSafeSegment(seg, p.imagePath, JOLIET_MAX_BYTES);
      expect(await sha256File(join(extracted, ...p.discPath.split('/')))).toBe(p.sha256);
    }
    const lower = originals.map((p) => p.discPath.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    const byName = (name: string) => originals.find((p) => p.imagePath === `data/originals/${DIR}/${name}`)!.discPath;
    expect(byName('CON.MP4')).toBe(`data/originals/${DIR}/_CON.MP4`);
    expect(byName('clip\u202Egnp.MP4')).toBe(`data/originals/${DIR}/clip_gnp.MP4`);
    expect(byName(CHINESE_255)).toBe(`data/originals/${DIR}/${CHINESE_255}`);
    expect(f.items.find((i) => i.target === `${DIR}/50%.MP4`)!.sha256).toBe(sha256(bytes(1006, 106)));
  });

  it('lists with xorriso and isoinfo, and verifies with the disc verifier', async () => {
    const x = tool('xorriso', ['-indev', f.imagePath, '-find', '/', '-type', 'f']);
    expect(x.status, x.stderr).toBe(0);
    expect(x.stdout.split('\n').filter(Boolean)).toHaveLength(f.bag.sources.length);
    const iso = tool('isoinfo', ['-J', '-f', '-i', f.imagePath]);
    expect(iso.status, iso.stderr).toBe(0);
    const r = await verifyDisc(f.imagePath, f.office.caCertPem);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });
});
