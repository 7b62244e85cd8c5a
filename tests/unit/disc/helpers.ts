import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IsoSource } from '../../../main/disc';

export interface ToolOutput {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an outside tool with a UTF-8 locale so names come out as UTF-8. */
export function tool(cmd: string, args: string[]): ToolOutput {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Deterministic pseudo-random bytes (xorshift), so fixtures are the same on every run. */
export function bytes(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** Writes `files` (image path → content) under `root/src` and returns them as sources. */
export async function makeTree(root: string, files: Record<string, Buffer>): Promise<IsoSource[]> {
  const sources: IsoSource[] = [];
  for (const [imagePath, content] of Object.entries(files)) {
    const diskPath = join(root, 'src', ...imagePath.split('/'));
    await mkdir(dirname(diskPath), { recursive: true });
    await writeFile(diskPath, content);
    sources.push({ imagePath, diskPath });
  }
  return sources;
}
