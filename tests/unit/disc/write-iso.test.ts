import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { planIso, writeIso, type IsoOptions, type IsoProgress, type IsoSource } from '../../../main/disc';
import { atFirstCall } from '../../support/once';
import { bytes, makeTree, readImageTree, sha256, sha256File, tempDir, tool } from './helpers';

const REC = 'data/originals/2026/11/27/REC01';
const LONG_ASCII = 'n'.repeat(120) + '.mp4';
const EXACT_103 = 'e'.repeat(99) + '.txt';
const LONG_CHINESE = '一个很长的中文文件名称用于测试光盘映像中的名字是否保留完整无误执法记录仪视听资料.MP4';
const DEEP = 'data/a/b/c/d/e/f/g/h/i/j/k/深层文件.txt';

const opts: IsoOptions = {
  volumeId: 'EVIDENCE_2026_001',
  jolietVolumeId: '证据光盘2026第1号',
  timestamp: new Date(Date.UTC(2026, 10, 27, 8, 30, 0)),
  publisher: '某某镇综合执法大队',
  application: 'Evidence Workstation',
};

/** image path → content of the fixture tree. */
function fixture(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    'bagit.txt': Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'),
    [`${REC}/张三_录像.MP4`]: bytes(3 * 1024 * 1024 + 17, 1),
    [`${REC}/李四_录像.MP4`]: bytes(100 * 1024, 2),
    [`${REC}/王五_录像.mp4`]: bytes(5000, 3),
    [`${REC}/empty.bin`]: Buffer.alloc(0),
    [`${REC}/${LONG_ASCII}`]: bytes(2048, 4),
    [`${REC}/${EXACT_103}`]: bytes(2049, 5),
    [`${REC}/${LONG_CHINESE}`]: bytes(4095, 6),
    [DEEP]: Buffer.from('深层\n'),
    'verify/verify.html': Buffer.from('<!doctype html><title>verify</title>\n'),
  };
  for (let i = 0; i < 150; i++) files[`data/many/recording_${String(i).padStart(3, '0')}.mp4`] = bytes(100 + i * 37, 100 + i);
  return files;
}

/** What Joliet readers should show for an image path (only the over-long name changes). */
function jolietPath(imagePath: string): string {
  return imagePath.replace(LONG_ASCII, 'n'.repeat(99) + '.mp4');
}

function dirsOf(paths: string[]): string[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs];
}

interface LsEntry {
  type: string;
  size: number;
  path: string;
}

/**
 * Parses `xorriso -find / -exec lsdl` lines: 'drwxr-xr-x 1 0 0 0 Nov 27 08:30 '/'' — like `ls -l`, the
 * date shows the year for timestamps six months old or more (or in the future) and the time of day for
 * younger ones, so which form appears depends on the day the test runs. Both are accepted.
 */
function parseLsdl(stdout: string): LsEntry[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /^(\S)\S*\s+\d+\s+\S+\s+\S+\s+(\d+)\s+[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}|\d{2}:\d{2})\s+'(.*)'$/.exec(line);
      if (!m) throw new Error(`unexpected xorriso line: ${line}`);
      return { type: m[1]!, size: Number(m[2]), path: m[3]! };
    });
}

let work: string;
let files: Record<string, Buffer>;
let sources: IsoSource[];
let image: string;
let result: Awaited<ReturnType<typeof writeIso>>;
let progress: IsoProgress[];

beforeAll(async () => {
  work = await tempDir('iso-test-');
  files = fixture();
  sources = await makeTree(work, files);
  image = join(work, 'evidence.iso');
  progress = [];
  result = await writeIso(sources, image, opts, (p) => progress.push(p));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('writeIso on a tree with Chinese, long, deep, empty and colliding names', () => {
  it('returns the size planned and the SHA-256 of every file', async () => {
    const plan = await planIso(sources, opts);
    expect(result.totalBytes).toBe(plan.totalBytes);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.files.find((f) => f.imagePath.endsWith('张三_录像.MP4'))).toMatchObject({
      isoPath: '/DATA/ORIGINAL/2026/11/27/REC01/_____.MP4;1',
      jolietPath: `/${REC}/张三_录像.MP4;1`,
      size: 3 * 1024 * 1024 + 17,
    });
    expect((await stat(image)).size).toBe(result.totalBytes);
    expect(result.files).toHaveLength(Object.keys(files).length);
    for (const f of result.files) {
      expect(f.size).toBe(files[f.imagePath]!.length);
      expect(f.sha256).toBe(sha256(files[f.imagePath]!));
    }
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.bytesWritten).toBeGreaterThan(progress[i - 1]!.bytesWritten);
    expect(progress.at(-1)!.bytesWritten).toBe(result.totalBytes);
    expect(progress.every((p) => p.totalBytes === result.totalBytes)).toBe(true);
  });

  it('lists every file with its full size in xorriso', () => {
    const r = tool('xorriso', ['-abort_on', 'FAILURE', '-return_with', 'SORRY', '32', '-indev', image, '-find', '/', '-exec', 'lsdl']);
    expect(r.status, r.stderr).toBe(0);
    const entries = parseLsdl(r.stdout);
    const listedFiles = new Map(entries.filter((e) => e.type === '-').map((e) => [e.path, e.size]));
    const expected = new Map(Object.entries(files).map(([p, c]) => [`/${jolietPath(p)}`, c.length]));
    expect(listedFiles).toEqual(expected);
    const listedDirs = entries.filter((e) => e.type === 'd').map((e) => e.path).sort();
    expect(listedDirs).toEqual(['/', ...dirsOf(Object.keys(files)).map((d) => `/${d}`)].sort());
  });

  it('lists the same tree with bsdtar', () => {
    const r = tool('bsdtar', ['-tf', image]);
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout.split('\n').filter((l) => l !== '' && l !== '.');
    const expected = [...Object.keys(files).map(jolietPath), ...dirsOf(Object.keys(files))];
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('extracts with bsdtar to files that hash equal to the originals', async () => {
    const out = join(work, 'extracted');
    await mkdir(out);
    const r = tool('bsdtar', ['-xf', image, '-C', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const s of sources) {
      expect(await sha256File(join(out, jolietPath(s.imagePath)))).toBe(await sha256File(s.diskPath));
    }
  });

  it('has a Joliet tree isoinfo reads (isoinfo shows non-Latin-1 characters as _)', () => {
    const info = tool('isoinfo', ['-d', '-i', image]);
    expect(info.stdout).toContain('Volume id: EVIDENCE_2026_001');
    expect(info.stdout).toContain('Joliet with UCS level 3 found');
    const r = tool('isoinfo', ['-J', '-f', '-i', image]);
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout.split('\n').filter((l) => l !== '').map((l) => l.replace(/;1$/, ''));
    // isoinfo only converts to 8-bit character sets; everything else is printed as '_'.
    const latin = (p: string): string => [...`/${jolietPath(p)}`].map((c) => (c.charCodeAt(0) > 0xff ? '_' : c)).join('');
    const expected = [...Object.keys(files), ...dirsOf(Object.keys(files))].map(latin);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('has a primary tree of unique 8.3 d-character names, deep folders kept', () => {
    const r = tool('isoinfo', ['-f', '-i', image]);
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout.split('\n').filter((l) => l !== '');
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(Object.keys(files).length + dirsOf(Object.keys(files)).length);
    for (const path of listed) {
      const parts = path.split('/').slice(1);
      for (const dir of parts.slice(0, -1)) expect(dir).toMatch(/^[A-Z0-9_]{1,8}$/);
      expect(parts.at(-1)).toMatch(/^([A-Z0-9_]{1,8}|[A-Z0-9_]{1,8}\.[A-Z0-9_]{0,3};1)$/);
    }
    expect(listed).toContain('/DATA/A/B/C/D/E/F/G/H/I/J/K/____.TXT;1');
    expect(listed.filter((p) => p.startsWith('/DATA/MANY/') && p.endsWith('.MP4;1'))).toHaveLength(150);
  });

  it('has consistent both-endian fields, records, path tables and shared extents in both trees', async () => {
    const img = await readFile(image);
    const primary = readImageTree(img, 16);
    const joliet = readImageTree(img, 17);
    const dirCount = dirsOf(Object.keys(files)).length + 1;
    expect(primary.pathTableDirs).toBe(dirCount);
    expect(joliet.pathTableDirs).toBe(dirCount);
    const jolietFiles = new Map(joliet.records.filter((r) => !(r.flags & 2)).map((r) => [r.path.replace(/;1$/, ''), r]));
    expect([...jolietFiles.keys()].sort()).toEqual(Object.keys(files).map((p) => `/${jolietPath(p)}`).sort());
    const extents = (rs: { lba: number; size: number; flags: number }[]): string[] =>
      rs.filter((r) => !(r.flags & 2) && r.size > 0).map((r) => `${r.lba}:${r.size}`).sort();
    expect(extents(primary.records)).toEqual(extents(joliet.records));
    for (const [path, r] of jolietFiles) {
      const content = files[path.slice(1).replace('n'.repeat(99) + '.mp4', LONG_ASCII)]!;
      expect(img.subarray(r.lba * 2048, r.lba * 2048 + r.size).equals(content)).toBe(true);
    }
  });

  it('writes the Chinese Joliet volume id', async () => {
    const img = await readFile(image);
    const svd = img.subarray(17 * 2048, 18 * 2048);
    expect(svd[0]).toBe(2);
    expect(svd.subarray(88, 91).toString('latin1')).toBe('%/E');
    const id = Buffer.from(svd.subarray(40, 72)).swap16().toString('utf16le').trimEnd();
    expect(id).toBe(opts.jolietVolumeId);
  });
});

describe('reproducibility and outputs', () => {
  it('writes byte-identical images for the same inputs, in any order', async () => {
    const again = join(work, 'again.iso');
    await writeIso([...sources].reverse(), again, opts);
    expect(await sha256File(again)).toBe(await sha256File(image));
    await unlink(again);
  });

  it('writes the same bytes into a stream and ends it', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve) => stream.on('end', resolve));
    const r = await writeIso(sources, stream, opts);
    await ended;
    const streamed = Buffer.concat(chunks);
    expect(streamed.length).toBe(r.totalBytes);
    expect(sha256(streamed)).toBe(await sha256File(image));
  });

  it('waits for a slow stream (backpressure) and still writes the same bytes', async () => {
    const chunks: Buffer[] = [];
    let maxQueued = 0;
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        maxQueued = Math.max(maxQueued, this.writableLength);
        setTimeout(cb, 1);
      },
    });
    await writeIso(sources, slow, opts);
    expect(sha256(Buffer.concat(chunks))).toBe(await sha256File(image));
    // One pooled chunk at most waits in the stream: the writer stops when write() says so.
    expect(maxQueued).toBeLessThanOrEqual(1024 * 1024);
  });

  it('writes a valid image with no files', async () => {
    const empty = join(work, 'empty.iso');
    const r = await writeIso([], empty, opts);
    expect(r.files).toEqual([]);
    expect(tool('isoinfo', ['-d', '-i', empty]).stdout).toContain('Volume size is: ' + r.totalBytes / 2048);
    expect(tool('bsdtar', ['-tf', empty]).status).toBe(0);
    await unlink(empty);
  });
});

describe('parseLsdl (the xorriso listing the tests read)', () => {
  it('reads both date forms: the year for old timestamps, the time of day for recent ones', () => {
    const listing = [
      "dr-xr-xr-x    1 0        0               0 Nov 27 08:30 '/'",
      "-r--r--r--    1 0        0         3145745 Nov 27  2026 '/data/张三_录像.MP4'",
      "-r--r--r--    1 0        0               0 Jan  1  1970 '/a b/empty.bin'",
    ].join('\n');
    expect(parseLsdl(listing)).toEqual([
      { type: 'd', size: 0, path: '/' },
      { type: '-', size: 3145745, path: '/data/张三_录像.MP4' },
      { type: '-', size: 0, path: '/a b/empty.bin' },
    ]);
    expect(() => parseLsdl("-r--r--r-- 1 0 0 3 yesterday '/x'")).toThrow(/unexpected xorriso line/);
  });
});

describe('errors', () => {
  async function codeOf(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).code;
    }
    return 'resolved';
  }

  /** A 40 MiB file first, so progress fires before the next file is read. */
  async function twoFiles(name: string): Promise<{ sources: IsoSource[]; second: string; out: string }> {
    const dir = join(work, name);
    const s = await makeTree(dir, { 'a.bin': bytes(40 * 1024 * 1024, 7), 'b.bin': bytes(1000, 8) });
    return { sources: s, second: s[1]!.diskPath, out: join(dir, 'out.iso') };
  }

  it('refuses a bad volume id', async () => {
    expect(await codeOf(writeIso(sources, join(work, 'x.iso'), { ...opts, volumeId: 'bad-id' }))).toBe('ISO_BAD_OPTION');
    expect(existsSync(join(work, 'x.iso'))).toBe(false);
  });

  it('names a missing source and creates no output', async () => {
    const out = join(work, 'missing.iso');
    const bad = [...sources, { imagePath: 'gone.bin', diskPath: join(work, 'does-not-exist') }];
    expect(await codeOf(writeIso(bad, out, opts))).toBe('ISO_SOURCE_MISSING');
    expect(await codeOf(planIso(bad, opts))).toBe('ISO_SOURCE_MISSING');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['grows', (file: string) => appendFile(file, 'more')],
    ['shrinks', (file: string) => writeFile(file, 'short')],
  ])('fails and removes the output when a source %s while writing', async (how, change) => {
    const t = await twoFiles(how);
    const p = writeIso(t.sources, t.out, opts, atFirstCall(() => void change(t.second)));
    expect(await codeOf(p)).toBe('ISO_SOURCE_CHANGED');
    expect(existsSync(t.out)).toBe(false);
  });

  it('aborts on signal and removes the output', async () => {
    const t = await twoFiles('abort');
    const ac = new AbortController();
    const p = writeIso(t.sources, t.out, opts, () => ac.abort(), ac.signal);
    expect(await codeOf(p)).toBe('ISO_ABORTED');
    expect(existsSync(t.out)).toBe(false);
    const before = new AbortController();
    before.abort();
    expect(await codeOf(writeIso(t.sources, t.out, opts, undefined, before.signal))).toBe('ISO_ABORTED');
    expect(existsSync(t.out)).toBe(false);
  });

  it('reports a failing output stream', async () => {
    const t = await twoFiles('stream');
    const broken = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error('disk on fire'));
      },
    });
    expect(await codeOf(writeIso(t.sources, broken, opts))).toBe('ISO_OUTPUT_FAILED');
  });

  it('refuses an output folder that does not exist', async () => {
    expect(await codeOf(writeIso(sources, join(work, 'no', 'such', 'dir.iso'), opts))).toBe('ISO_OUTPUT_FAILED');
  });
});
