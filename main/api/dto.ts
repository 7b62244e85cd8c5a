import type { ChainProblemKind } from '../store';
import type { Role } from '../common';

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
  /** For display only; the renderer never sends paths back. */
  archiveRoot: string;
  canChooseArchive: boolean;
  officeName: string | null;
  unitName: string | null;
}

export interface SessionInfo {
  login: string;
  displayName: string;
  roles: Role[];
  sections: SectionId[];
  mustChangePassword: boolean;
  idleMinutes: number;
  officeName: string;
  unitName: string;
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
  problems: { seq: number; kind: ChainProblemKind; message: string }[];
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
  receivedBy: string;
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
  /** File name inside the archive's forms/ folder. */
  fileName: string;
  sha256: string;
  /** For display only. */
  path: string;
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
  backup: { target: string; folder: string; filesCopied: number; filesAlreadyThere: number; bytesCopied: number; verified: boolean; problems: string[] } | null;
  report: GeneratedFileDto;
  signatureFile: string;
}
