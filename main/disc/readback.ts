/**
 * Read-back check after burning: every file on the disc is hashed and compared with the SHA-256 recorded at
 * ingest (passed in), not with the image, so a fault anywhere between the archive and the disc shows up.
 */
import { hashStream, openDiscSource } from './disc-source';
import { isDiscError } from '../common';

export interface ExpectedFile {
  /** Path on the disc as readers show it, e.g. 'data/originals/2026/11/27/REC01/a.MP4'. */
  path: string;
  sha256: string;
  size?: number;
}

export type ReadbackStatus = 'ok' | 'changed' | 'missing' | 'unreadable' | 'extra';

export interface ReadbackFile {
  path: string;
  status: ReadbackStatus;
  expected?: string;
  actual?: string;
  message?: string;
}

export interface ReadbackResult {
  ok: boolean;
  checked: number;
  bytes: number;
  files: ReadbackFile[];
  /** Only the ones not ok. */
  problems: ReadbackFile[];
}

export interface ReadbackOptions {
  onProgress?: (p: { doneBytes: number; totalBytes: number; current: string }) => void;
  signal?: AbortSignal;
  /** Files on the disc under this prefix that nobody expected count as problems. Default 'data/'. */
  payloadPrefix?: string;
}

/** `disc` is a mounted disc folder, an ISO image or a pseudo-drive target file. */
export async function readBack(disc: string, expected: readonly ExpectedFile[], opts: ReadbackOptions = {}): Promise<ReadbackResult> {
  const src = await openDiscSource(disc);
  try {
    const total = expected.reduce((s, e) => s + (src.files.get(e.path)?.size ?? 0), 0);
    let done = 0;
    const files: ReadbackFile[] = [];
    for (const e of expected) {
      const onDisc = src.files.get(e.path);
      if (!onDisc) {
        files.push({ path: e.path, status: 'missing', expected: e.sha256, message: '光盘上缺少此文件' });
        continue;
      }
      try {
        opts.onProgress?.({ doneBytes: done, totalBytes: total, current: e.path });
        const actual = await hashStream(src.stream(e.path), (n) => {
          done += n;
          opts.onProgress?.({ doneBytes: done, totalBytes: total, current: e.path });
        }, opts.signal);
        const ok = actual === e.sha256 && (e.size === undefined || e.size === onDisc.size);
        files.push({ path: e.path, status: ok ? 'ok' : 'changed', expected: e.sha256, actual, ...(ok ? {} : { message: '与入库时的哈希值不一致' }) });
      } catch (err) {
        if (isDiscError(err) && err.code === 'DISC_ABORTED') throw err;
        files.push({ path: e.path, status: 'unreadable', expected: e.sha256, message: `读取失败：${err instanceof Error ? err.message : String(err)}` });
      }
    }
    const prefix = opts.payloadPrefix ?? 'data/';
    const wanted = new Set(expected.map((e) => e.path));
    for (const p of src.files.keys()) {
      if (p.startsWith(prefix) && !wanted.has(p)) files.push({ path: p, status: 'extra', message: '光盘上有不应有的文件' });
    }
    const problems = files.filter((f) => f.status !== 'ok');
    return { ok: problems.length === 0, checked: files.filter((f) => f.actual !== undefined).length, bytes: done, files, problems };
  } finally {
    await src.close();
  }
}
