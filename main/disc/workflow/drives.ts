/**
 * Burners the renderer may choose from. The renderer names a drive only by an id from this list, so it can never
 * make the burner write to a path of its choosing. EVIDENCE_PSEUDO_DRIVE=/path/disc.iso adds xorriso's stdio:
 * pseudo-drive (a file that behaves like a blank disc until written), for tests and training.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common';
import { createBurner, type Burner, type Drive } from '../../../native/burn';
import type { DriveDto } from './types';

export function pseudoDrivePath(): string | null {
  const p = process.env.EVIDENCE_PSEUDO_DRIVE;
  return p && path.isAbsolute(p) ? p : null;
}

export async function availableDrives(burner: Burner = createBurner()): Promise<{ drive: Drive; dto: DriveDto }[]> {
  const real = await burner.listDrives().catch(() => [] as Drive[]);
  const out = real.map((d) => ({ drive: d, dto: { id: d.id, label: `${d.vendor} ${d.product}（${d.id}）`.trim(), pseudo: false } }));
  const pseudo = pseudoDrivePath();
  if (pseudo) {
    const drive: Drive = { id: `stdio:${pseudo}`, vendor: 'xorriso', product: 'stdio' };
    const state = existsSync(pseudo) ? '已写入' : '空白';
    out.push({ drive, dto: { id: drive.id, label: `模拟刻录机（映像文件 ${path.basename(pseudo)}，${state}）`, pseudo: true } });
  }
  return out;
}

export async function driveFor(id: string, burner?: Burner): Promise<Drive> {
  const found = (await availableDrives(burner)).find((d) => d.drive.id === id);
  if (!found) throw new AppError('DRIVE_NOT_FOUND', '未找到所选刻录机，请刷新刻录机列表');
  return found.drive;
}

/** Where the burned disc can be read back: the pseudo-drive's file, or the optical device itself on Linux. */
export function readBackTarget(driveId: string): string {
  if (driveId.startsWith('stdio:')) return driveId.slice('stdio:'.length);
  if (process.platform === 'linux' && driveId.startsWith('/dev/')) return driveId;
  throw new AppError('NOT_AVAILABLE', '此系统上暂不能自动回读光盘，请在其他电脑上用光盘内的 verify/verify.html 核验');
}
