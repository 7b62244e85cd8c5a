// What leave to view returns (the API hands these to the renderer as they are).
import type { AccessScopeKind, AccessState, AccessType, Classification, MediaKind, Role } from '../common';
import type { OfficerRefDto } from '../library';

export interface UserRefDto {
  id: number;
  login: string;
  displayName: string;
}

export interface AccessScopeDto {
  kind: AccessScopeKind;
  id: number;
  /** How the program names it, e.g. '案件 2026-001 某某违建' or 'VID_0001.MP4'. */
  label: string;
  /** The highest classification among the item, its media and the cases holding them. */
  classification: Classification;
  /** The media the request covers: once approved, exactly the set its approver was shown; before, what an approval now would cover. */
  mediaCount: number;
}

/** One original an approval covers, as its approver is shown it. */
export interface AccessItemDto {
  mediaId: number;
  kind: MediaKind;
  originalName: string;
  officer: OfficerRefDto | null;
  recorderSerial: string | null;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  /** As secret as itself and every case holding it. */
  classification: Classification;
  /** The cases holding it, as '案号 名称'. */
  cases: string[];
}

export interface AccessRequestDto {
  id: number;
  type: AccessType;
  scope: AccessScopeDto;
  reason: string;
  requestedBy: UserRefDto;
  requestedAt: string;
  state: AccessState;
  decidedBy: UserRefDto | null;
  decidedAt: string | null;
  /** The rejection reason, or the approver's remark. */
  decisionReason: string | null;
  validFrom: string | null;
  validUntil: string | null;
  /** For classified items: only these users may view under this approval. */
  namedUsers: UserRefDto[];
  revokedBy: UserRefDto | null;
  revokedAt: string | null;
  revokeReason: string | null;
  /** The chief's or the township leader's own 工作查阅, approved by himself (本人审批); never covers a disc. */
  selfApproved: boolean;
  /** What the caller may do with it now (the API checks again). */
  canDecide: boolean;
  canRevoke: boolean;
}

/** One request with the media it covers (access.get): what the approver is shown before deciding. */
export interface AccessRequestDetailDto extends AccessRequestDto {
  /** Once approved, exactly the media the approval covers; before, what an approval now would cover. */
  items: AccessItemDto[];
  /** sha256 of the sorted media ids; access.decide must send it back, so a list changed since it was shown is refused. */
  itemsFingerprint: string;
}

export interface AccessPageDto {
  total: number;
  items: AccessRequestDto[];
}

export interface AccessRuleDto {
  type: AccessType;
  label: string;
  article: string;
  approverRoles: Role[];
  /** Roles that may approve their own request of this type (still registered). */
  selfApprovalRoles: Role[];
  /** Classifications this type can never be approved for. */
  neverFor: Classification[];
  /** Whether an approval of this type lets the items go on an evidence disc. */
  allowsDisc: boolean;
}

export interface AccessPolicyDto {
  /** Every viewing needs a grant (default). Off: custodian, chief and township leader view 普通 items by role. */
  strict: boolean;
  /** Officers may view their own footage for this many hours after ingest (0 = off). */
  ownFootageHours: number;
  defaultDays: number;
  maxDays: number;
  rules: AccessRuleDto[];
}

/** One viewing session in the register (查阅登记). */
export interface ViewingRowDto {
  id: number;
  viewer: UserRefDto;
  mediaId: number;
  mediaName: string;
  recordingId: number | null;
  startedAt: string;
  lastAt: string;
  /** 'grant:<id>', 'own-footage', 'role:<role>'. */
  basis: string;
  requestType: AccessType | null;
  requestId: number | null;
  reason: string | null;
  approver: UserRefDto | null;
  /** The viewer approved his own request (the chief's or township leader's own 工作查阅): 本人审批. */
  selfApproved: boolean;
}

export interface RegisterPageDto {
  total: number;
  items: ViewingRowDto[];
}
