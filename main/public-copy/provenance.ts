/**
 * The provenance record of a copy (来源记录): what it was made from, under which approval, by what exact operations and
 * command, what came out, by whom and when. Written as JSON beside the copy and CMS-signed by its maker, so that
 * `openssl cms -verify` checks it without the program; printed as a DOCX (main/forms) for the file.
 */
import type { CopyOperations } from '../common';

export interface ProvenanceRecord {
  record: '公开使用副本来源记录';
  version: 1;
  copy: { number: string; fileName: string; sha256: string; bytes: number; label: string; note: string };
  source: { mediaId: number; originalName: string; storedPath: string; sha256: string; sha256Before: string; sha256After: string };
  approval: { requestId: number; number: string; type: 'public'; reason: string; requestedBy: string; decidedBy: string; decidedAt: string; validFrom: string; validUntil: string };
  operations: CopyOperations;
  ffmpeg: { version: string; command: string[] };
  madeBy: { userId: number; login: string; name: string };
  madeAt: string;
  /** madeAt in the office's zone, as printed. */
  madeAtLocal: string;
}

export const COPY_NOTE = '本文件为公开使用副本，已对人脸、车牌等作遮挡处理，不是原始资料，不得作为证据使用或刻入证据光盘。';

/** The bytes that are signed: stable, readable JSON. */
export function provenanceBytes(r: ProvenanceRecord): Buffer {
  return Buffer.from(`${JSON.stringify(r, null, 2)}\n`, 'utf8');
}
