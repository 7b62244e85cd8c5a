// The value unions the domains' results carry, derived from the values in ./values.ts (where their labels are),
// so a domain can name them without importing main/api.
import type {
  AccessScopeKind,
  AccessState,
  AccessType,
  CaseStatus,
  Category,
  Classification,
  DiscMediaType,
  MediaFlag,
  MediaKind,
  RecordFormState,
  SignatureRole,
} from './values';

export type MediaKindDto = MediaKind;
export type MediaFlagDto = MediaFlag;
/** 执法情形 (rules art. 5). */
export type CategoryDto = Category;
export type ClassificationDto = Classification;
export type CaseStatusDto = CaseStatus;
export type AccessTypeDto = AccessType;
export type AccessScopeKindDto = AccessScopeKind;
export type AccessStateDto = AccessState;
export type RecordFormStateDto = RecordFormState;
export type SignatureRoleDto = SignatureRole;
export type DiscMediaTypeDto = DiscMediaType;
