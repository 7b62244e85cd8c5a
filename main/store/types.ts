/** Branded identifiers so a user id is never passed where a sequence number is expected. */
export type UserId = number & { readonly __brand: 'UserId' };
export type AuditSeq = number & { readonly __brand: 'AuditSeq' };
export type Sha256Hex = string & { readonly __brand: 'Sha256Hex' };

export { ROLES, ROLE_LABELS, type Role } from '../common';
