import type { CopyOperations } from '../common';

/** One copy as the list shows it. */
export interface PublicCopyDto {
  id: number;
  /** 'GK-0003'. */
  number: string;
  mediaId: number;
  originalName: string;
  requestId: number;
  /** The approval's number as burned into the label, e.g. 'SQ-0012'. */
  approvalNumber: string;
  fileName: string;
  sha256: string;
  bytes: number;
  sourceSha256: string;
  madeBy: string;
  madeAt: string;
  operations: CopyOperations;
  label: string;
  provenanceFile: string;
  provenanceSha256: string;
  /** The printed record in forms/. */
  docxFile: string;
  handOuts: HandOutDto[];
}

export interface HandOutDto {
  id: number;
  /** Into a folder, or burned on a public-use copy disc (公开使用副本光盘, never an evidence disc). */
  medium: 'folder' | 'disc';
  recipient: string;
  reason: string;
  /** The folder it was copied into, or the drive the disc was burned in. */
  destination: string;
  /** A disc's volume id, e.g. 'PUBLIC_COPY_GK_0003_NOT_EVIDENCE'; null for a folder. */
  volumeId: string | null;
  /** A disc's read-back: every file compared with its hash ('ok'), or not possible on this system; null for a folder. */
  readBack: 'ok' | 'unavailable' | null;
  by: string;
  at: string;
}

/** One item of an approval, as the editor offers it: whether a copy may be made of it and, if not, why. */
export interface PublicSourceItemDto {
  mediaId: number;
  originalName: string;
  startAt: string;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  /** Null when a copy may be made; else the refusal (classified, not a video, disposed…). */
  refusal: string | null;
}

/** An approved 公开使用 request in force that the caller may make copies under. */
export interface PublicSourceDto {
  requestId: number;
  approvalNumber: string;
  reason: string;
  requestedBy: string;
  decidedBy: string;
  validUntil: string;
  items: PublicSourceItemDto[];
}

/** A render's progress ('publicCopies.progress'). */
export interface CopyProgressDto {
  jobId: string;
  /** 0..1 */
  fraction: number;
  done: boolean;
  /** Set when it failed or was cancelled. */
  error: string | null;
  /** Set when the copy was made. */
  copyId: number | null;
}

/** Handing a copy out on a disc: writing the image, burning it, reading it back. */
export interface CopyDiscProgressDto {
  copyId: number;
  step: 'image' | 'burn' | 'readback';
  /** 0–100 of the step. */
  percent: number;
  /** The file being written or read back. */
  current: string | null;
}
