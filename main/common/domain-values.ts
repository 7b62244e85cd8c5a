// The value unions the domains' results carry, as the API has them in main/api/dto.ts (the same literals).
// Here so a domain can name them without importing main/api; one definition is left once the values and
// their labels live in main/common (issue 13, item 2).
export type MediaKindDto = 'video' | 'audio' | 'photo' | 'other';
export type MediaFlagDto = 'zero_byte' | 'unreadable' | 'truncated' | 'no_audio' | 'clock_suspect';
/** 执法情形 (rules art. 5); the labels are CATEGORY_LABELS in main/api/dto.ts. */
export type CategoryDto = 'inspection' | 'coercive' | 'evidence' | 'investigation' | 'minor' | 'sensitive' | 'uncooperative' | 'other';
export type ClassificationDto = 'normal' | 'privacy' | 'business_secret' | 'state_secret';
export type CaseStatusDto = 'open' | 'closed';
/** 工作查阅 (art. 12), 办案查阅 (art. 14), 公开使用 (art. 13). */
export type AccessTypeDto = 'work' | 'case' | 'public';
export type AccessScopeKindDto = 'media' | 'recording' | 'case';
/** 'expired' is never stored: an approval whose validUntil has passed. */
export type AccessStateDto = 'pending' | 'approved' | 'rejected' | 'revoked' | 'expired';
export type RecordFormStateDto = 'draft' | 'officer_signed' | 'chief_signed' | 'locked';
export type SignatureRoleDto = 'officer' | 'chief';
export type DiscMediaTypeDto = 'CD-R' | 'DVD-R' | 'DVD-R-DL' | 'BD-R' | 'BD-R-DL';
