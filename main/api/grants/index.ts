// Access requests and the grants they become (issue 5): data access only; the rules are in ../view-policy.
export { CLASSIFICATIONS, CLASSIFICATION_LABELS, highest, isClassified, mediaClassification, scopeMediaIds, describeScope, type Scope } from './classification';
export { grantsCovering, namedUsers, type GrantRow } from './find';
export { approvedMediaIds, describeItems, itemsFingerprint, recordApprovedMedia, requestMediaIds, wasApproved } from './items';
export { isSelfApproved, loadRequest, listRequests, requestState, toRequestDetailDto, toRequestDto, type RequestRow, type ListQuery } from './requests';
export { listRegister, registerEntries, dayBounds, type RegisterQuery } from './register';
