// Leave to view (rules art. 3, 12-14): access requests, approvals and their item sets, the grants they become,
// the view policy (authorizeView) and the viewing register.
export { CLASSIFICATIONS, CLASSIFICATION_LABELS, highest, isClassified, mediaClassification, mediaClassifications, scopeMediaIds, describeScope, type Scope } from './classification';
export { grantsCovering, grantsCoveringEach, namedUsers, type GrantRow } from './find';
export { approvedMediaIds, describeItems, itemsFingerprint, recordApprovedMedia, requestMediaIds, wasApproved } from './items';
export { isSelfApproved, loadRequest, listRequests, requestState, toRequestDetailDto, toRequestDto, type RequestRow, type ListQuery } from './requests';
export { listRegister, registerEntries, dayBounds, requestCaseNumber, type RegisterQuery } from './register';
export {
  authorizeView,
  authorizeViewEach,
  canApprove,
  canRevoke,
  grantAdmits,
  readAccessPolicy,
  accessPolicyDto,
  ACCESS_RULES,
  VIEW_RULES,
  ROLE_VIEWERS_WHEN_NOT_STRICT,
  type ViewDecision,
  type ViewBasis,
  type AccessPolicy,
} from './view-policy';
export { requireApprovedForDisc, type DiscAsker } from './disc-approval';
export { recordViewing, VIEWING_IDLE_MS, type ViewVariant } from './viewings';
export type { UserRefDto, AccessScopeDto, AccessItemDto, AccessRequestDto, AccessRequestDetailDto, AccessPageDto, AccessRuleDto, AccessPolicyDto, ViewingRowDto, RegisterPageDto } from './types';
export { insertRequest, rejectRequest, approveRequest, revokeRequest, isNamedUser, activePeople, activeUser } from './decisions';
