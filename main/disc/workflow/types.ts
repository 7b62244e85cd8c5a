// What the disc workflow returns: record forms and discs (the API hands these to the renderer as they are).
import type { UserRefDto } from '../../access';
import type { DiscMediaType, RecordFormState, SignatureRole } from '../../common';
import type { RecordingFacts } from '../../forms';

export interface RecordFormFileDto {
  mediaId: number;
  name: string;
  startAt: string | null;
  durationSec: number | null;
  size: number;
  sha256: string;
}

/** Everything printed on the form; the signatures cover exactly this (with the case id), as canonical JSON. */
export interface RecordFormFieldsDto extends RecordingFacts {
  caseNumber: string;
  caseTitle: string;
  discNo: string;
  officers: string[];
  recordingStart: string;
  recordingEnd: string;
  files: RecordFormFileDto[];
  remarks: string;
}

export interface RecordFormSignatureDto {
  id: number;
  role: SignatureRole;
  signer: UserRefDto;
  signedAt: string;
  certSerial: string;
  contentSha256: string;
  /** The signature checks against the office CA and the content it names. */
  verified: boolean;
  voidAt: string | null;
  voidReason: string | null;
  /** In forms/: the DER signature and the exact bytes it covers, for `openssl cms -verify`. */
  signatureFile: string;
  contentFile: string;
}

export interface RecordFormSummaryDto {
  id: number;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  discNo: string;
  state: RecordFormState;
  createdAt: string;
  updatedAt: string;
  officerSignedBy: string | null;
  chiefSignedBy: string | null;
}

export interface RecordFormDto extends RecordFormSummaryDto {
  fields: RecordFormFieldsDto;
  contentSha256: string;
  /** In forms/: the canonical content now on the form. */
  contentFile: string;
  signatures: RecordFormSignatureDto[];
  scan: { fileName: string; sha256: string } | null;
  /** Which signature the caller may give now, if any. */
  canSign: SignatureRole | null;
  /** Why this user may not sign now (the rule, in Chinese), when canSign is null. */
  signRefusal: string | null;
  /** Discs built with this form. */
  discIds: string[];
}

export interface DiscPlanDto {
  mediaType: DiscMediaType;
  mediaLabel: string;
  capacityBytes: number;
  usableBytes: number;
  totalPayloadBytes: number;
  discs: { index: number; count: number; mediaIds: number[]; payloadBytes: number; estimatedBytes: number; fillPercent: number }[];
}

export interface DiscFileDto {
  path: string;
  sha256: string;
  size: number;
  origin: 'original' | 'generated';
  mediaId: number | null;
}

export interface DiscReadbackFileDto {
  path: string;
  status: 'ok' | 'changed' | 'missing' | 'unreadable' | 'extra';
  expected: string | null;
  actual: string | null;
  message: string | null;
}

export interface DiscReadbackDto {
  ok: boolean;
  checked: number;
  bytes: number;
  at: string;
  by: string;
  files: DiscReadbackFileDto[];
}

export interface DiscSummaryDto {
  id: string;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  recordFormId: number;
  discIndex: number;
  discCount: number;
  mediaType: DiscMediaType;
  imageBytes: number;
  builtBy: string;
  builtAt: string;
  burnedBy: string | null;
  burnedAt: string | null;
  drive: string | null;
  readbackOk: boolean | null;
  readbackAt: string | null;
  /** Text to print on the disc face or its sleeve. */
  labelText: string;
}

export interface DiscDto extends DiscSummaryDto {
  files: DiscFileDto[];
  manifestSha256: string;
  readback: DiscReadbackDto | null;
}

export interface DriveDto {
  id: string;
  label: string;
  /** xorriso's stdio: pseudo-drive (EVIDENCE_PSEUDO_DRIVE), for tests and training. */
  pseudo: boolean;
}
