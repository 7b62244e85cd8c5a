import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { cleanIncoming, commitOriginal, copyOriginal, hashFile, type IngestErrorCode } from '../../../main/ingest';
import { writeRandomFile } from '../../fixtures/recorder-volume';
import { atFirstCall } from '../../support/once';

let dir: string;
let incoming: string;
let big: string;

const sha256sum = (file: string): string => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';

async function expectCode(p: Promise<unknown>, code: IngestErrorCode): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe(code);
    expect(err.userMessage).toMatch(/[\u4e00-\u9fff]/);
    return err;
  }
  throw new Error(`expected ${code}, but it resolved`);
}

const parts = async (d: string): Promise<string[]> => (existsSync(d) ? (await readdir(d)).filter((n) => n.endsWith('.part')) : []);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ew-commit-'));
  incoming = path.join(dir, 'archive', '.incoming');
  big = path.join(dir, 'src', 'big.MP4');
  await mkdir(path.dirname(big), { recursive: true });
  await writeRandomFile(big, 20 * 1024 * 1024 + 12345); // several buffers plus a ragged tail
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commitOriginal', () => {
  it('stores the exact bytes, read-only, and reports the hash sha256sum computes', async () => {
    const finalPath = path.join(dir, 'archive', 'originals', '2024', '05', '20', 'A8', 'big.MP4');
    const progress: number[] = [];
    const r = await commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath, onBytes: (n) => progress.push(n) });
    const expected = sha256sum(big);
    expect(r.sha256).toBe(expected);
    expect(sha256sum(finalPath)).toBe(expected);
    expect(r.size).toBe((await stat(big)).size);
    expect((await stat(finalPath)).mode & 0o777).toBe(0o444);
    expect(progress.at(-1)).toBe(r.size);
    expect(await parts(incoming)).toEqual([]);
  });

  it('small, empty and Chinese-named files', async () => {
    const src = path.join(dir, 'src', '张三_询问笔录.mp4');
    await writeFile(src, 'hello');
    const r = await commitOriginal({ sourcePath: src, incomingDir: incoming, finalPath: path.join(dir, 'archive', 'cn', '张三_询问笔录.mp4') });
    expect(r).toEqual({ sha256: sha256sum(src), size: 5 });
    const empty = path.join(dir, 'src', 'empty.MP4');
    await writeFile(empty, '');
    const e = await commitOriginal({ sourcePath: empty, incomingDir: incoming, finalPath: path.join(dir, 'archive', 'cn', 'empty.MP4') });
    expect(e.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('in two halves: nothing placed until finish, the next copy beside it; discard leaves nothing', async () => {
    // As the ingest runs: file 2 is copied while file 1 finishes.
    const one = path.join(dir, 'archive', 'halves', 'one.MP4');
    const two = path.join(dir, 'archive', 'halves', 'two.MP4');
    const steps: string[] = [];
    const copiedOne = await copyOriginal({ sourcePath: big, incomingDir: incoming, finalPath: one, onStep: (s) => steps.push(`one ${s}`) });
    expect(copiedOne.sha256).toBe(sha256sum(big));
    expect(existsSync(one)).toBe(false);
    expect(await parts(incoming)).toHaveLength(1);
    const copyingTwo = copyOriginal({ sourcePath: big, incomingDir: incoming, finalPath: two, onStep: (s) => steps.push(`two ${s}`) });
    expect(await copiedOne.finish()).toEqual({ sha256: sha256sum(big), size: (await stat(big)).size });
    expect(sha256sum(one)).toBe(sha256sum(big));
    expect((await stat(one)).mode & 0o777).toBe(0o444);
    const copiedTwo = await copyingTwo;
    expect(steps.filter((s) => s.startsWith('one'))).toEqual(['one copied', 'one verified', 'one synced', 'one placed']);
    expect(steps.filter((s) => s.startsWith('two'))).toEqual(['two copied']);
    await copiedTwo.discard();
    expect(existsSync(two)).toBe(false);
    expect(await parts(incoming)).toEqual([]);
  });

  it('verify off gives the same result', async () => {
    const finalPath = path.join(dir, 'archive', 'noverify', 'big.MP4');
    const r = await commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath, verify: false, bufferSize: 1 << 20 });
    expect(r.sha256).toBe(sha256sum(big));
  });

  it('refuses to overwrite: TARGET_EXISTS, target untouched', async () => {
    const finalPath = path.join(dir, 'archive', 'exists', 'x.MP4');
    await mkdir(path.dirname(finalPath), { recursive: true });
    await writeFile(finalPath, 'original');
    await expectCode(commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath }), 'TARGET_EXISTS');
    expect((await stat(finalPath)).size).toBe(8);
    expect(await parts(incoming)).toEqual([]);
  });

  it('TARGET_EXISTS when the target appears during the copy (atomic guard), no partial left', async () => {
    const finalPath = path.join(dir, 'archive', 'race', 'x.MP4');
    await mkdir(path.dirname(finalPath), { recursive: true });
    const p = commitOriginal({
      sourcePath: big, incomingDir: incoming, finalPath,
      onBytes: atFirstCall(() => void writeFile(finalPath, 'someone else')),
    });
    await expectCode(p, 'TARGET_EXISTS');
    expect((await stat(finalPath)).size).toBe(12);
    expect(await parts(incoming)).toEqual([]);
  });

  it('source deleted mid-copy: SOURCE_GONE, no partial file, no target', async () => {
    const src = path.join(dir, 'src', 'vanish.MP4');
    await writeRandomFile(src, 12 * 1024 * 1024);
    const finalPath = path.join(dir, 'archive', 'gone', 'vanish.MP4');
    const p = commitOriginal({
      sourcePath: src, incomingDir: incoming, finalPath,
      onBytes: atFirstCall(() => void unlink(src)),
    });
    await expectCode(p, 'SOURCE_GONE');
    expect(existsSync(finalPath)).toBe(false);
    expect(await parts(incoming)).toEqual([]);
  });

  it('source missing from the start: SOURCE_GONE', async () => {
    await expectCode(commitOriginal({ sourcePath: path.join(dir, 'nope'), incomingDir: incoming, finalPath: path.join(dir, 'archive', 'n') }), 'SOURCE_GONE');
  });

  it('source growing during copy (still recording): SOURCE_CHANGED', async () => {
    const src = path.join(dir, 'src', 'grow.MP4');
    await writeRandomFile(src, 12 * 1024 * 1024);
    const p = commitOriginal({
      sourcePath: src, incomingDir: incoming, finalPath: path.join(dir, 'archive', 'grow.MP4'),
      onBytes: atFirstCall(() => void writeFile(src, 'more', { flag: 'a' })),
    });
    await expectCode(p, 'SOURCE_CHANGED');
    expect(await parts(incoming)).toEqual([]);
  });

  it('abort mid-copy: ABORTED, no partial file', async () => {
    const ac = new AbortController();
    const finalPath = path.join(dir, 'archive', 'abort', 'big.MP4');
    const p = commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath, signal: ac.signal, onBytes: () => ac.abort() });
    await expectCode(p, 'ABORTED');
    expect(existsSync(finalPath)).toBe(false);
    expect(await parts(incoming)).toEqual([]);
    const pre = new AbortController();
    pre.abort();
    await expectCode(commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath, signal: pre.signal }), 'ABORTED');
  });

  it('a slow source (afterRead) is awaited chunk by chunk; a cancel while it waits stops the copy, nothing kept', async () => {
    const ac = new AbortController();
    const finalPath = path.join(dir, 'archive', 'slow', 'big.MP4');
    const reads: number[] = [];
    const afterRead = async (bytes: number): Promise<void> => {
      reads.push(bytes);
      await new Promise((r) => setTimeout(r, 5));
      if (reads.length === 2) ac.abort();
    };
    await expectCode(commitOriginal({ sourcePath: big, incomingDir: incoming, finalPath, signal: ac.signal, afterRead }), 'ABORTED');
    expect(reads).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024]);
    expect(existsSync(finalPath)).toBe(false);
    expect(await parts(incoming)).toEqual([]);
  });

  it('full disk: DISK_FULL and no partial file (tmpfs of 2 MiB)', async (ctx) => {
    const mnt = path.join(dir, 'small');
    await mkdir(mnt, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'pipe' });
    } catch (e) {
      ctx.skip(`cannot mount a tmpfs here (${(e as Error).message.split('\n')[0]})`);
    }
    try {
      const inc = path.join(mnt, '.incoming');
      await expectCode(commitOriginal({ sourcePath: big, incomingDir: inc, finalPath: path.join(mnt, 'o', 'big.MP4') }), 'DISK_FULL');
      expect(await parts(inc)).toEqual([]);
      expect(existsSync(path.join(mnt, 'o', 'big.MP4'))).toBe(false);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});

describe('the read-back that follows the copy', () => {
  it('a byte of the stored copy changed after it was written: VERIFY_MISMATCH, nothing placed, no partial left', async () => {
    const finalPath = path.join(dir, 'archive', 'originals', 'flip', 'big.MP4');
    let flipped = false;
    // Synchronous, inside onBytes, which runs before the read-back is told the chunk is written.
    const flipStored = (): void => {
      const part = readdirSync(incoming).find((n) => n.endsWith('.part'));
      const fd = openSync(path.join(incoming, part ?? 'none'), 'r+');
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, 1000);
      b[0] = b[0]! ^ 0xff;
      writeSync(fd, b, 0, 1, 1000);
      closeSync(fd);
    };
    await expectCode(
      commitOriginal({
        sourcePath: big, incomingDir: incoming, finalPath, bufferSize: 1024 * 1024,
        onBytes: () => {
          if (!flipped) flipStored();
          flipped = true;
        },
      }),
      'VERIFY_MISMATCH',
    );
    expect(flipped).toBe(true);
    expect(existsSync(finalPath)).toBe(false);
    expect(await parts(incoming)).toEqual([]);
  });
});

describe('cleanIncoming and hashFile', () => {
  it('removes stale .part files only', async () => {
    const inc = path.join(dir, 'clean', '.incoming');
    await mkdir(inc, { recursive: true });
    await writeFile(path.join(inc, 'a1.part'), 'x');
    await writeFile(path.join(inc, 'b2.part'), 'y', { mode: 0o444 });
    await writeFile(path.join(inc, 'keep.txt'), 'z');
    expect((await cleanIncoming(inc)).sort()).toEqual(['a1.part', 'b2.part']);
    expect(await readdir(inc)).toEqual(['keep.txt']);
    expect(await cleanIncoming(path.join(dir, 'clean', 'absent'))).toEqual([]);
  });

  it('hashFile equals sha256sum; missing file is SOURCE_GONE; abort works', async () => {
    expect(await hashFile(big)).toBe(sha256sum(big));
    await expectCode(hashFile(path.join(dir, 'nope')), 'SOURCE_GONE');
    const ac = new AbortController();
    ac.abort();
    await expectCode(hashFile(big, ac.signal), 'ABORTED');
  });
});
