// The archive copy's writes past the page cache (main/ingest/direct-io.ts) and the copy's ring of buffers (pump):
// the bytes on disk are exactly the source's whichever path a chunk takes, and the read-back is told only about
// bytes whose write has finished.
import { createHash, randomBytes } from 'node:crypto';
import { constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pump } from '../../../main/ingest';
import { giveBack, openChunkWriter, takeBuffer } from '../../../main/ingest/direct-io';

const dir = mkdtempSync(path.join(tmpdir(), 'ew-direct-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether this file system takes O_DIRECT at all (Linux ext4/xfs do; tmpfs before 6.6, FUSE, Windows, macOS not). */
async function directSupported(): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const probe = path.join(dir, 'probe');
  writeFileSync(probe, '');
  const fh = await open(probe, constants.O_WRONLY | constants.O_DIRECT).catch(() => null);
  await fh?.close();
  return fh !== null;
}
const direct = await directSupported();
if (!direct) console.warn(`direct-io: ${tmpdir()} refuses O_DIRECT; the direct path's tests are skipped`);

const CHUNK = 64 * 1024;

/** Writes `data` in CHUNK pieces through a chunk writer, using `buffer` for each piece. */
async function writeThrough(file: string, data: Buffer, buffer: Buffer): Promise<boolean> {
  const out = await open(file, 'wx', 0o600);
  const writer = await openChunkWriter(file, out);
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      const n = Math.min(CHUNK, data.length - at);
      data.copy(buffer, 0, at, at + n);
      await writer.write(buffer, n, at);
    }
    return writer.direct;
  } finally {
    await writer.close();
    await out.close();
  }
}

describe('direct writes', () => {
  it.skipIf(!direct)('takeBuffer memory is page-aligned: the kernel takes a direct write from it and refuses one 16 bytes off', async () => {
    const buf = takeBuffer(CHUNK);
    const fh = await open(path.join(dir, 'aligned'), constants.O_WRONLY | constants.O_CREAT | constants.O_DIRECT, 0o600);
    try {
      await expect(fh.write(buf, 0, 4096, 0)).resolves.toMatchObject({ bytesWritten: 4096 });
      await expect(fh.write(buf, 16, 4096, 0)).rejects.toMatchObject({ code: 'EINVAL' });
    } finally {
      await fh.close();
      giveBack(buf);
    }
  });

  it.skipIf(!direct)('aligned chunks go direct and a ragged tail goes buffered; the file holds exactly the bytes', async () => {
    const data = randomBytes(CHUNK * 3 + 1234);
    const buf = takeBuffer(CHUNK);
    const file = path.join(dir, 'ragged');
    expect(await writeThrough(file, data, buf)).toBe(true);
    giveBack(buf);
    expect(readFileSync(file).equals(data)).toBe(true);
  });

  it('an ordinary (unaligned) buffer is written the ordinary way, with the same bytes', async () => {
    const data = randomBytes(CHUNK * 2 + 77);
    const file = path.join(dir, 'plain');
    await writeThrough(file, data, Buffer.allocUnsafeSlow(CHUNK));
    expect(readFileSync(file).equals(data)).toBe(true);
  });

  it('a reused buffer is handed out again, not a new one', () => {
    const a = takeBuffer(CHUNK + 4096);
    giveBack(a);
    expect(takeBuffer(CHUNK + 4096)).toBe(a);
  });
});

describe('pump with a ring of buffers', () => {
  it('reports bytes in order, each only after its write and every earlier one finished, while writes finish out of order', async () => {
    const data = randomBytes(CHUNK * 9 + 500);
    const src = path.join(dir, 'ring-src');
    writeFileSync(src, data);
    const copy = Buffer.alloc(data.length);
    const done = new Set<number>();
    const reported: number[] = [];
    let violations = 0;
    let chunk = 0;
    const fh = await open(src, 'r');
    try {
      const r = await pump(fh, {
        label: src,
        bufferSize: CHUNK,
        write: async (buf, length, position) => {
          // Every other chunk's write takes longer, so a later one finishes first.
          const slow = chunk++ % 2 === 0;
          await new Promise((res) => setTimeout(res, slow ? 15 : 1));
          buf.copy(copy, position, 0, length);
          done.add(position);
        },
        onChunk: (upTo) => {
          for (let at = 0; at < upTo; at += CHUNK) if (!done.has(at)) violations++;
          reported.push(upTo);
        },
      });
      expect(r.bytes).toBe(data.length);
      expect(r.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    } finally {
      await fh.close();
    }
    expect(violations).toBe(0);
    expect(reported).toEqual(Array.from({ length: 10 }, (_, i) => Math.min((i + 1) * CHUNK, data.length)));
    expect(copy.equals(data)).toBe(true);
  });

  it('a failed write fails the pass after the writes in flight have settled', async () => {
    const src = path.join(dir, 'ring-fail');
    writeFileSync(src, randomBytes(CHUNK * 6));
    let inFlight = 0;
    let settledAtEnd = -1;
    let n = 0;
    const fh = await open(src, 'r');
    try {
      await expect(
        pump(fh, {
          label: src,
          bufferSize: CHUNK,
          write: async () => {
            const k = n++;
            inFlight++;
            await new Promise((res) => setTimeout(res, k === 2 ? 1 : 10));
            inFlight--;
            if (k === 2) throw new Error('disk gone');
          },
        }).finally(() => (settledAtEnd = inFlight)),
      ).rejects.toThrow('disk gone');
    } finally {
      await fh.close();
    }
    expect(settledAtEnd).toBe(0);
  });
});
