import type { ChainProblemKind, ChainWarningKind } from '../store';
import type { Role } from '../common';
import type { MethodName } from './contract';

/** The sections of the app frame; the renderer shows only those listed in SessionInfo. */
export const SECTIONS = [
  'dashboard',
  'ingest',
  'library',
  'cases',
  'discs',
  'forms',
  'approvals',
  'devices',
  'supervision',
  'audit',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface SetupStatus {
  needsSetup: boolean;
  /** The archive folder's own name while setup is pending (never its full path); null once set up. */
  archiveName: string | null;
  canChooseArchive: boolean;
  officeName: string | null;
  unitName: string | null;
}

export interface SessionInfo {
  login: string;
  displayName: string;
  roles: Role[];
  sections: SectionId[];
  /** The API methods this user may call (the contract's access column for his roles): the UI offers exactly these. */
  methods: MethodName[];
  mustChangePassword: boolean;
  idleMinutes: number;
  officeName: string;
  unitName: string;
  /** The office's IANA time zone: every day and time the UI shows or picks is in it. */
  timeZone: string;
}

export interface UserDto {
  id: number;
  login: string;
  displayName: string;
  badgeNo: string | null;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface OfficeDto {
  name: string;
  unitName: string;
  timeZone: string;
  idleMinutes: number;
  /** Rules art. 11(3): at least 3. */
  retentionMonths: number;
  archiveRoot: string;
  /** The office CA's SHA-256 fingerprint, 'AB:CD:…' as openssl prints it; the office publishes it for courts. */
  caFingerprintSha256: string;
}

export interface AuditEntryDto {
  seq: number;
  at: string;
  actorLogin: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryDto[];
}

export interface ChainReportDto {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  sealedDays: number;
  /** The newest seal and the SHA-256 of its signed file, as the weekly report prints it. */
  latestSeal: { day: string; hash: string } | null;
  problems: { seq: number; kind: ChainProblemKind; message: string }[];
  /** Late or pending seals: not proof of tampering, shown all the same. */
  warnings: { seq: number; kind: ChainWarningKind; message: string }[];
  checkedAt: string;
}

export interface ApiErrorBody {
  code: string;
  /** Chinese, shown to the user as is. */
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

// -- Devices and people --
export interface OfficerDto {
  id: number;
  name: string;
  badgeNo: string;
  userId: number | null;
  active: boolean;
}

export type RecorderStatusDto = 'in_service' | 'repair' | 'lost' | 'retired';

export interface RecorderDto {
  id: number;
  serial: string;
  brand: string | null;
  model: string | null;
  assetNo: string | null;
  status: RecorderStatusDto;
  notes: string | null;
  currentOfficer: OfficerDto | null;
}

export interface AssignmentDto {
  id: number;
  officer: OfficerDto;
  fromAt: string;
  toAt: string | null;
}

// -- Ingest --
export interface SourceDto {
  id: string;
  label: string;
  kind: 'volume' | 'folder';
  /** For display only. */
  path: string;
}

export type MediaKindDto = 'video' | 'audio' | 'photo' | 'other';
export type MediaFlagDto = 'zero_byte' | 'unreadable' | 'truncated' | 'no_audio' | 'clock_suspect';

export interface ScanDto {
  sourceId: string;
  sourceLabel: string;
  recorderVolume: boolean;
  recorderSerial: string | null;
  badgeNo: string | null;
  /** Known recorder with this serial, and the officer assigned to it now. */
  recorder: RecorderDto | null;
  suggestedOfficer: OfficerDto | null;
  files: { relPath: string; size: number; kind: MediaKindDto; mtime: string; alreadyIn: boolean }[];
  skipped: number;
  problems: { relPath: string; message: string }[];
  totalBytes: number;
  freeBytes: number;
  fits: boolean;
}

export interface IngestProgressDto {
  sessionId: number;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string | null;
  bytesPerSec: number;
  etaSec: number | null;
  stored: number;
  duplicates: number;
  failed: number;
}

export type IngestStatusDto = 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted';

export interface IngestSessionDto {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: IngestStatusDto;
  /** The receiving custodian's name (their login in receivedByLogin). */
  receivedBy: string;
  receivedByLogin: string;
  handedOverBy: OfficerDto | null;
  recorderSerial: string | null;
  sourceLabel: string;
  sourceKind: 'recorder' | 'folder';
  filesTotal: number;
  bytesTotal: number;
  filesStored: number;
  filesDuplicate: number;
  filesFailed: number;
  bytesStored: number;
  clockDriftSec: number | null;
  clockDriftBasis: string | null;
  sourceCleared: boolean;
  error: string | null;
}

export interface IngestItemDto {
  relPath: string;
  size: number;
  outcome: 'stored' | 'duplicate' | 'failed';
  message: string | null;
  sha256: string | null;
  mediaId: number | null;
  storedPath: string | null;
  kind: MediaKindDto | null;
  startAt: string | null;
  startSource: string | null;
  durationSec: number | null;
  hasAudio: boolean | null;
  videoCodec: string | null;
  flags: MediaFlagDto[];
}

export interface IngestSessionDetailDto extends IngestSessionDto {
  items: IngestItemDto[];
}

export interface IntegrityReportDto {
  scope: { fromDay?: string; toDay?: string };
  checked: number;
  bytes: number;
  missing: number;
  changed: number;
  extra: number;
  manifestProblems: number;
  ok: boolean;
  problems: { kind: 'missing' | 'changed' | 'extra' | 'manifest'; path: string; message: string }[];
  checkedAt: string;
}

export interface GeneratedFileDto {
  /** File name inside the archive's forms/ folder (the renderer never gets its path). */
  fileName: string;
  sha256: string;
}

// -- Weekly consolidation (每周归档) --
export type HandoverMarkDto = 'done' | 'none' | 'missing';

export interface WeeklyPreviewDto {
  isoYear: number;
  isoWeek: number;
  days: string[];
  /** Rules art. 11(2): today is the consolidation day. */
  isFriday: boolean;
  officers: { officerId: number; name: string; badgeNo: string; marks: HandoverMarkDto[] }[];
  recorders: { serial: string; brand: string | null; model: string | null; officerName: string | null; files: number; bytes: number; durationSec: number }[];
  flagged: { mediaId: number; fileName: string; recorderSerial: string | null; officerName: string | null; startAt: string; flags: MediaFlagDto[] }[];
  lastConsolidation: { id: number; createdAt: string; createdBy: string; backupVerified: boolean; reportFile: string } | null;
}

export interface WeeklyRunDto {
  consolidationId: number;
  integrity: IntegrityReportDto;
  backup: { target: string; folder: string; filesCopied: number; filesAlreadyThere: number; bytesCopied: number; sealFilesCopied: number; verified: boolean; problems: string[] } | null;
  report: GeneratedFileDto;
  signatureFile: string;
}

// -- Library and playback (资料库) --
/** 执法情形, rules art. 5: the situations in which recording is mandatory. */
export const CATEGORY_LABELS = {
  inspection: '日常检查',
  coercive: '行政强制措施',
  evidence: '证据保全',
  investigation: '调查取证/询问',
  minor: '当场纠正轻微违法',
  sensitive: '敏感或重大事件',
  uncooperative: '当事人不配合',
  other: '其他',
} as const;
export type CategoryDto = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as CategoryDto[];

export type ClassificationDto = 'normal' | 'privacy' | 'business_secret' | 'state_secret';

export interface OfficerRefDto {
  id: number;
  name: string;
  badgeNo: string;
}

/** One row of the library: metadata only, never bytes. Media come from `evidence://media/<id>` or `/media/<id>`. */
export interface LibraryItemDto {
  id: number;
  kind: MediaKindDto;
  originalName: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  size: number;
  officer: OfficerRefDto | null;
  recorderSerial: string | null;
  flags: MediaFlagDto[];
  category: CategoryDto | null;
  keyMark: boolean;
  classification: ClassificationDto;
  recordingId: number | null;
  /** A poster is available at `/media/<id>/thumb` (made on first request, then cached). */
  hasThumb: boolean;
  /** Set by library.search: the caller has leave to view it now (authorizeView); posters show only then. */
  canView?: boolean;
  /** The player must use `/media/<id>/preview` (an H.264/AAC 预览副本), not the original. */
  needsProxy: boolean;
}

export interface LibraryPageDto {
  total: number;
  items: LibraryItemDto[];
}

export interface RecordingSegmentDto {
  mediaId: number;
  originalName: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  size: number;
  videoCodec: string | null;
  audioCodec: string | null;
  needsProxy: boolean;
  flags: MediaFlagDto[];
}

export interface RecordingDto {
  id: number;
  recorderSerial: string | null;
  officer: OfficerRefDto | null;
  startAt: string;
  endAt: string;
  /** Segments in play order (by start time). */
  segments: RecordingSegmentDto[];
  /** Interruptions inside the recording (rules art. 6). */
  gaps: { afterMediaId: number; seconds: number }[];
  totalDurationSec: number;
  totalSize: number;
}

export interface BookmarkDto {
  id: number;
  mediaId: number;
  offsetSec: number;
  label: string;
  createdBy: string;
  createdAt: string;
}

export interface MediaDetailDto extends LibraryItemDto {
  sha256: string;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  startSource: string;
  /** The media's own retention date (at least 3 months, art. 11(3)). */
  retentionUntil: string;
  /** In an open case: kept with the case, whatever its own date says. */
  heldByCase: boolean;
  /** The date that applies today: null while held by an open case. */
  effectiveRetentionUntil: string | null;
  notes: { text: string; updatedBy: string; updatedAt: string } | null;
  bookmarks: BookmarkDto[];
  cases: { id: number; number: string; title: string }[];
}

export interface PreviewStatusDto {
  mediaId: number;
  needsProxy: boolean;
  /** False when the original cannot be previewed at all (unreadable, zero bytes, not media). */
  available: boolean;
  ready: boolean;
}

export interface PreviewProgressDto {
  mediaId: number;
  /** 0..1 */
  fraction: number;
  done: boolean;
  error: string | null;
}

// -- Cases (案件) --
export type CaseStatusDto = 'open' | 'closed';

export interface CaseSummaryDto {
  id: number;
  number: string;
  title: string;
  handler: OfficerRefDto | null;
  classification: ClassificationDto;
  status: CaseStatusDto;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
  itemCount: number;
  totalDurationSec: number;
  totalSize: number;
}

export interface CaseItemDto {
  mediaId: number;
  kind: MediaKindDto;
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

// -- Viewing only with leave (查阅审批, rules art. 3, 12–14) --
/** 工作查阅 (art. 12), 办案查阅 (art. 14), 公开使用 (art. 13). */
export type AccessTypeDto = 'work' | 'case' | 'public';
export type AccessScopeKindDto = 'media' | 'recording' | 'case';
/** 'expired' is never stored: an approval whose validUntil has passed. */
export type AccessStateDto = 'pending' | 'approved' | 'rejected' | 'revoked' | 'expired';

export interface UserRefDto {
  id: number;
  login: string;
  displayName: string;
}

export interface AccessScopeDto {
  kind: AccessScopeKindDto;
  id: number;
  /** How the program names it, e.g. '案件 2026-001 某某违建' or 'VID_0001.MP4'. */
  label: string;
  /** The highest classification among the item, its media and the cases holding them. */
  classification: ClassificationDto;
  /** The media the request covers: once approved, exactly the set its approver was shown; before, what an approval now would cover. */
  mediaCount: number;
}

/** One original an approval covers, as its approver is shown it. */
export interface AccessItemDto {
  mediaId: number;
  kind: MediaKindDto;
  originalName: string;
  officer: OfficerRefDto | null;
  recorderSerial: string | null;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
}

export interface AccessRequestDto {
  id: number;
  type: AccessTypeDto;
  scope: AccessScopeDto;
  reason: string;
  requestedBy: UserRefDto;
  requestedAt: string;
  state: AccessStateDto;
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
  type: AccessTypeDto;
  label: string;
  article: string;
  approverRoles: Role[];
  /** Roles that may approve their own request of this type (still registered). */
  selfApprovalRoles: Role[];
  /** Classifications this type can never be approved for. */
  neverFor: ClassificationDto[];
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
  requestType: AccessTypeDto | null;
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

// -- Record forms (记录表, rules art. 11(4)) --
export type RecordFormStateDto = 'draft' | 'officer_signed' | 'chief_signed' | 'locked';
export type SignatureRoleDto = 'officer' | 'chief';

export interface RecordFormFileDto {
  mediaId: number;
  name: string;
  startAt: string | null;
  durationSec: number | null;
  size: number;
  sha256: string;
}

/** Everything printed on the form; the signatures cover exactly this (with the case id), as canonical JSON. */
export interface RecordFormFieldsDto {
  caseNumber: string;
  caseTitle: string;
  discNo: string;
  officers: string[];
  cameraOperator: string;
  recordingStart: string;
  recordingEnd: string;
  place: string;
  recorderBrand: string;
  recorderModel: string;
  format: string;
  totalDurationSec: number;
  totalBytes: number;
  files: RecordFormFileDto[];
  remarks: string;
}

export interface RecordFormSignatureDto {
  id: number;
  role: SignatureRoleDto;
  signer: UserRefDto;
  signedAt: string;
  certSerial: string;
  contentSha256: string;
  /** The signature checks against the office CA and the content it names. */
  verified: boolean;
  voidAt: string | null;
  voidReason: string | null;
  /** In forms/: the DER signature and the exact bytes it covers, for `openssl cms -verify`. */
  signatureFile: string;
  contentFile: string;
}

export interface RecordFormSummaryDto {
  id: number;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  discNo: string;
  state: RecordFormStateDto;
  createdAt: string;
  updatedAt: string;
  officerSignedBy: string | null;
  chiefSignedBy: string | null;
}

export interface RecordFormDto extends RecordFormSummaryDto {
  fields: RecordFormFieldsDto;
  contentSha256: string;
  /** In forms/: the canonical content now on the form. */
  contentFile: string;
  signatures: RecordFormSignatureDto[];
  scan: { fileName: string; sha256: string } | null;
  /** Which signature the caller may give now, if any. */
  canSign: SignatureRoleDto | null;
  /** Discs built with this form. */
  discIds: string[];
}

// -- Evidence discs (刻盘) --
export type DiscMediaTypeDto = 'CD-R' | 'DVD-R' | 'DVD-R-DL' | 'BD-R' | 'BD-R-DL';

export interface DiscPlanDto {
  mediaType: DiscMediaTypeDto;
  mediaLabel: string;
  capacityBytes: number;
  usableBytes: number;
  totalPayloadBytes: number;
  discs: { index: number; count: number; mediaIds: number[]; payloadBytes: number; estimatedBytes: number; fillPercent: number }[];
}

export interface DiscFileDto {
  path: string;
  sha256: string;
  size: number;
  origin: 'original' | 'generated';
  mediaId: number | null;
}

export interface DiscReadbackFileDto {
  path: string;
  status: 'ok' | 'changed' | 'missing' | 'unreadable' | 'extra';
  expected: string | null;
  actual: string | null;
  message: string | null;
}

export interface DiscReadbackDto {
  ok: boolean;
  checked: number;
  bytes: number;
  at: string;
  by: string;
  files: DiscReadbackFileDto[];
}

export interface DiscSummaryDto {
  id: string;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  recordFormId: number;
  discIndex: number;
  discCount: number;
  mediaType: DiscMediaTypeDto;
  imageBytes: number;
  builtBy: string;
  builtAt: string;
  burnedBy: string | null;
  burnedAt: string | null;
  drive: string | null;
  readbackOk: boolean | null;
  readbackAt: string | null;
  /** Text to print on the disc face or its sleeve. */
  labelText: string;
}

export interface DiscDto extends DiscSummaryDto {
  files: DiscFileDto[];
  manifestSha256: string;
  readback: DiscReadbackDto | null;
}

export interface DriveDto {
  id: string;
  label: string;
  /** xorriso's stdio: pseudo-drive (EVIDENCE_PSEUDO_DRIVE), for tests and training. */
  pseudo: boolean;
}

export interface DiscProgressDto {
  caseId: number;
  discId: string | null;
  step: 'stage' | 'image' | 'burn' | 'readback';
  percent: number;
  current: string | null;
}
