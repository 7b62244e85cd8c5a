// What the 到期资料 page and the disposal workflow show (DTOs of the retention methods).
import type { DisposalState, HoldKind, RetentionView } from '../common';
import type { DisposalItemRow, DisposalRow } from './disposals';
import type { HoldRow } from './holds';
import type { RetentionStatus } from './status';

/** An original's retention status as the page shows it: without its path in the archive. */
export type RetentionItemDto = Omit<RetentionStatus, 'storedPath'> & {
  /** A disposal request or approval not yet carried out that lists it. */
  pendingDisposal: boolean;
};

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
