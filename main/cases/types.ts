// What the cases module returns (the API hands these to the renderer as they are).
import type { CaseStatus, Classification, MediaKind } from '../common';
import type { OfficerRefDto } from '../library';

export interface CaseSummaryDto {
  id: number;
  number: string;
  title: string;
  handler: OfficerRefDto | null;
  classification: Classification;
  status: CaseStatus;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
  itemCount: number;
  totalDurationSec: number;
  totalSize: number;
}

export interface CaseItemDto {
  mediaId: number;
  kind: MediaKind;
  originalName: string;
  sha256: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  size: number;
  recordingId: number | null;
  officer: OfficerRefDto | null;
  recorderSerial: string | null;
  addedBy: string;
  addedAt: string;
}

export interface CaseDetailDto extends CaseSummaryDto {
  description: string;
  items: CaseItemDto[];
}

export interface CasePageDto {
  total: number;
  cases: CaseSummaryDto[];
}
