// Retention (rules art. 11(3)): each original's keep-until day, holds, the 到期资料 list and disposal.
export { addMonths, keepUntil, isDue, disposalRefusal, type KeepUntil, type RetentionFacts, type RetentionPolicy } from './keep-until';
export { retentionPolicy, retentionStatuses, mediaInOpenDisposals, footageReachingKeepUntil, type RetentionStatus } from './status';
export { insertHold, releaseHold, findHold, listHolds, activeHoldOf, type HoldRow } from './holds';
export {
  itemsFingerprint,
  assertDisposable,
  dueReason,
  insertDisposal,
  findDisposal,
  listDisposals,
  disposalItems,
  decideDisposal,
  markExecuted,
  type DisposalRow,
  type DisposalItemRow,
} from './disposals';
export { removeDisposedBytes } from './remove-bytes';
export type { RetentionItemDto, RetentionPageDto, HoldDto, DisposalDto, DisposalDetailDto } from './types';
