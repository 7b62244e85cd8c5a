// What the 到期资料 page and the disposal workflow show (DTOs of the retention methods).
import type { Classification, DisposalState, HoldKind, KeepBasis, RetentionView } from '../common';
import type { DisposalItemRow, DisposalRow } from './disposals';
import type { HoldRow } from './holds';

export interface RetentionItemDto {
  mediaId: number;
  sha256: string;
  size: number;
  originalName: string;
  startAt: string;
  recordedDay: string;
  kind: string;
  durationSec: number | null;
  recorderSerial: string | null;
  officerName: string | null;
  classification: Classification;
  /** Office day from which it may be disposed of; null: kept indefinitely. */
  keepUntil: string | null;
  basis: KeepBasis;
  blockers: KeepBasis[];
  disposalId: number | null;
  disposedAt: string | null;
  /** Why it may not be disposed of today (Chinese); null: due. */
  refusal: string | null;
  /** A disposal request or approval not yet carried out that lists it. */
  pendingDisposal: boolean;
}

export interface RetentionPageDto {
  /** The office day the list is for. */
  today: string;
  retentionMonths: number;
  caseRetentionMonths: number;
  counts: Record<RetentionView, number>;
  total: number;
  items: RetentionItemDto[];
}

export type HoldDto = HoldRow & { kind: HoldKind };

export type DisposalDto = Omit<DisposalRow, 'requestedById' | 'decidedById' | 'executedById'> & { state: DisposalState };

export interface DisposalDetailDto extends DisposalDto {
  items: Omit<DisposalItemRow, 'storedPath'>[];
}
