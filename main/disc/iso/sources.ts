import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { SizedSource } from './layout';
import { splitImagePath } from './layout';
import type { IsoSource } from './types';
import { AppError, isoError, errnoOf } from '../../common';

const STAT_CONCURRENCY = 16;

export function sourceOpenError(diskPath: string, e: unknown): AppError {
  const code = errnoOf(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return isoError('ISO_SOURCE_MISSING', `source file not found: ${diskPath}`, { cause: e });
  }
  return isoError('ISO_SOURCE_READ_FAILED', `cannot read source file ${diskPath}: ${String(e)}`, { cause: e });
}

async function sizeOf(s: IsoSource): Promise<number> {
  if (!isAbsolute(s.diskPath)) throw isoError('ISO_BAD_PATH', `source path is not absolute: ${s.diskPath}`);
  let st;
  try {
    st = await stat(s.diskPath);
  } catch (e) {
    throw sourceOpenError(s.diskPath, e);
  }
  if (!st.isFile()) throw isoError('ISO_SOURCE_NOT_FILE', `source is not a regular file: ${s.diskPath}`);
  return st.size;
}

/** Checks image paths first (cheap), then stats every source, a few at a time. */
export async function statSources(sources: readonly IsoSource[], signal?: AbortSignal): Promise<SizedSource[]> {
  for (const s of sources) splitImagePath(s.imagePath);
  const out: SizedSource[] = new Array<SizedSource>(sources.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      if (signal?.aborted) throw isoError('ISO_ABORTED', 'ISO writing was aborted');
      const i = next++;
      const s = sources[i]!;
      out[i] = { imagePath: s.imagePath, diskPath: s.diskPath, size: await sizeOf(s) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, sources.length) }, worker));
  return out;
}
