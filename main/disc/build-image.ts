/** Writes a staged bag to an ISO image and proves every payload file went in with the hash the store holds. */
import { rm } from 'node:fs/promises';
import { planIso, writeIso } from './iso/write-iso';
import type { IsoProgress } from './iso/types';
import type { StagedBag } from './bag';
import { discError } from '../common';

export interface DiscImageResult {
  imagePath: string;
  totalBytes: number;
  /** Payload files whose written hash matched the store. */
  payloadChecked: number;
  /** SHA-256 of every file as written, tag files included (for the disc register). */
  files: { imagePath: string; size: number; sha256: string }[];
}

export async function buildDiscImage(
  bag: StagedBag,
  imagePath: string,
  opts: { capacityBytes?: number; onProgress?: (p: IsoProgress) => void; signal?: AbortSignal } = {},
): Promise<DiscImageResult> {
  if (opts.capacityBytes !== undefined) {
    const plan = await planIso(bag.sources, bag.isoOptions, opts.signal);
    if (plan.totalBytes > opts.capacityBytes) {
      throw discError('DISC_TOO_SMALL', `image needs ${plan.totalBytes} bytes, the disc holds ${opts.capacityBytes}`, {
        userMessage: '光盘映像大于所选光盘的容量，请重新规划光盘',
      });
    }
  }
  const result = await writeIso(bag.sources, imagePath, bag.isoOptions, opts.onProgress, opts.signal);
  const written = new Map(result.files.map((f) => [f.imagePath, f]));
  for (const p of bag.payload) {
    const w = written.get(p.imagePath);
    if (!w || w.sha256 !== p.sha256 || w.size !== p.size) {
      await rm(imagePath, { force: true });
      throw discError('DISC_HASH_MISMATCH', `${p.diskPath} was written with sha256 ${w?.sha256 ?? 'none'}, the store has ${p.sha256}`, {
        userMessage: `文件与入库时的哈希值不一致，已停止制作光盘：${p.discPath}`,
      });
    }
  }
  return { imagePath, totalBytes: result.totalBytes, payloadChecked: bag.payload.length, files: result.files };
}
