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
