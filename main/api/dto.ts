import type { CustodyStatus, IngestProgress, IntegrityReport } from '../ingest';
import type { UserSummary } from '../accounts';
import type { ChainProblemKind, ChainWarningKind } from '../audit';
import type { BackupResult, GenerationSummary, RebuildPlan, RestoreReport } from '../backup';
import type { MediaDetailDto, RecordingDto } from '../library';
// The value unions the DTOs carry, under their one name (defined with their values in main/common/values.ts).
import type {
  Role,
  AccessScopeKind,
  AccessState,
  AccessType,
  BackupAlert,
  CaseStatus,
  Category,
  Classification,
  DiscMediaType,
  IngestStatus,
  MediaFlag,
  MediaKind,
  NeverInFiles,
  RecorderStatus,
  RecordFormState,
  SignatureRole,
} from '../common';
export type { AccessScopeKind, AccessState, AccessType, BackupAlert, CaseStatus, Category, Classification, DiscMediaType, IngestStatus, MediaFlag, MediaKind, NeverInFiles, RecorderStatus, RecordFormState, SignatureRole };
export type { OfficerRefDto, LibraryItemDto, LibraryPageDto, RecordingGroupDto, RecordingGroupPageDto, RecordingSegmentDto, RecordingDto, BookmarkDto, MediaDetailDto } from '../library';
export type { CaseSummaryDto, CaseItemDto, CaseDetailDto, CasePageDto } from '../cases';
export type { MulticamDto, MulticamCameraDto } from '../multicam';
export type { RetentionItemDto, RetentionPageDto, HoldDto, DisposalDto, DisposalDetailDto } from '../retention';
export type { UserRefDto, AccessScopeDto, AccessItemDto, AccessRequestDto, AccessRequestDetailDto, AccessPageDto, AccessRuleDto, AccessPolicyDto, ViewingRowDto, RegisterPageDto } from '../access';
export type { RecordFormFileDto, RecordFormFieldsDto, RecordFormSignatureDto, RecordFormSummaryDto, RecordFormDto, DiscPlanDto, DiscFileDto, DiscReadbackFileDto, DiscReadbackDto, DiscSummaryDto, DiscDto, DriveDto } from '../disc';
import type { Officer, Recorder } from '../devices';
import type { MethodName } from './contract';
import { SECTIONS, type Section } from '../common';

export { SECTIONS };
export type SectionId = Section;

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

export type UserDto = UserSummary;

export interface OfficeDto {
  name: string;
  unitName: string;
  timeZone: string;
  idleMinutes: number;
  /** Rules art. 11(3): at least 3. */
  retentionMonths: number;
  /** Months footage of a closed case is still kept after closing (main/retention). */
  caseRetentionMonths: number;
  archiveRoot: string;
  /** The office CA's SHA-256 fingerprint, 'AB:CD:…' as openssl prints it; the office publishes it for courts. */
  caFingerprintSha256: string;
}

export interface AuditEntryDto {
  seq: number;
  at: string;
  actorLogin: string | null;
  /** The actor's display name (王保管), when the login still exists. */
  actorName: string | null;
  action: string;
  target: string | null;
  /** The target by name (file name, 张三 警号 012345, 记录表 2026-001); null when it names nothing known. */
  targetName: string | null;
  details: Record<string, unknown>;
  /** Names of the things the details refer to by id, keyed 'detailKey:id' (e.g. 'caseId:3'). */
  refs: Record<string, string>;
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
/** Officers and recorders cross the API as the device register keeps them. */
export type OfficerDto = Officer;
export type RecorderDto = Recorder;

export type { AccountRef as AccountRefDto } from '../devices';

/** An officer as a picker shows him (no account link). */
export type OfficerEntryDto = Pick<OfficerDto, 'id' | 'name' | 'badgeNo' | 'active'>;
/** A recorder as the library filter shows it. */
export interface RecorderRefDto {
  id: number;
  serial: string;
}

// Device care (art. 4, 7, 9, 10): the domain's own shapes.
export type {
  KeeperView as KeeperViewDto,
  CheckSheet as CheckSheetDto,
  CheckRow as CheckRowDto,
  RecorderCheck as RecorderCheckDto,
  Docking as DockingDto,
  Repair as RepairDto,
  Incident as IncidentDto,
  IncidentStatement as IncidentStatementDto,
  RecorderFile as RecorderFileDto,
} from '../devices';

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
  /** Looks like a recorder's storage (DCIM or an info file): never offered as a backup target. */
  recorder: boolean;
}


/** The browser host's folder picker (sources.browse). */
export type { FolderListing as FolderListingDto } from '../devices';

export interface ScanDto {
  sourceId: string;
  sourceLabel: string;
  recorderVolume: boolean;
  recorderSerial: string | null;
  badgeNo: string | null;
  /** Known recorder with this serial, and the officer assigned to it now. */
  recorder: RecorderDto | null;
  suggestedOfficer: OfficerDto | null;
  /** kind 'other' (not picture or sound by content) is listed as 其他 and taken only when chosen (ingest.start keepOther). */
  files: { relPath: string; size: number; kind: MediaKind; mtime: string; alreadyIn: boolean }[];
  /** The recorder's info file, read for serial and badge; kept with the session, not taken as footage. */
  infoFile: string | null;
  skipped: number;
  problems: { relPath: string; message: string }[];
  totalBytes: number;
  freeBytes: number;
  fits: boolean;
}

export type IngestProgressDto = IngestProgress;

export type { IngestSessionDto, IngestItemDto, IngestSessionDetailDto } from '../ingest';

export type IntegrityReportDto = IntegrityReport & { checkedAt: string };
/** 工作台's custody figures: ingest's status and the recorder counts. */
export type CustodyStatusDto = CustodyStatus & { recorders: { inService: number; worn: number; repair: number; lost: number } };

export interface GeneratedFileDto {
  /** File name inside the archive's forms/ folder (the renderer never gets its path). */
  fileName: string;
  sha256: string;
}

// -- Weekly consolidation (每周归档) --
export type { WeeklyPreviewDto } from '../ingest';

export interface WeeklyRunDto {
  consolidationId: number;
  integrity: IntegrityReportDto;
  backup: BackupRunDto | null;
  report: GeneratedFileDto;
  signatureFile: string;
}

// -- Library and playback (资料库) --
/** 执法情形, rules art. 5: the situations in which recording is mandatory. */








export interface PreviewStatusDto {
  mediaId: number;
  needsProxy: boolean;
  /** False when the original cannot be previewed at all (unreadable, zero bytes, not media). */
  available: boolean;
  ready: boolean;
}

/**
 * What the player needs to open one item, in one call (issue 14: the first frame must not wait on several round
 * trips): the item, its recording, every segment's details in order, and each segment's leave and preview status.
 */
export interface PlayerOpenDto {
  detail: MediaDetailDto;
  recording: RecordingDto | null;
  /** The recording's segments in order (or just the item); empty when the item was disposed of. */
  segments: MediaDetailDto[];
  /** One per segment, in order; empty when leave was refused or the item was disposed of. */
  previews: PreviewStatusDto[];
  /** Leave to view was refused for a segment (the player offers a 查阅申请 for the item). */
  refused: { code: string; message: string } | null;
}

export interface PreviewProgressDto {
  mediaId: number;
  /** 0..1 */
  fraction: number;
  done: boolean;
  error: string | null;
}

// -- Cases (案件) --





// -- Viewing only with leave (查阅审批, rules art. 3, 12–14) --
/** 工作查阅 (art. 12), 办案查阅 (art. 14), 公开使用 (art. 13). */
/** 'expired' is never stored: an approval whose validUntil has passed. */











// -- Record forms (记录表, rules art. 11(4)) --






// -- Evidence discs (刻盘) --








export interface DiscProgressDto {
  caseId: number;
  discId: string | null;
  step: 'stage' | 'image' | 'burn' | 'readback';
  percent: number;
  current: string | null;
}

/** One backup generation written (weekly run or 立即备份), with the target as the custodian chose it. */
export type BackupRunDto = BackupResult & { target: string };

/** What a restore brought back and what the backup does not hold. */
export type RestoreReportDto = RestoreReport;

export interface DrillDto {
  generation: string | null;
  ok: boolean;
  problems: string[];
  manifestSha256: string | null;
  filesChecked: number;
  /** The signed drill record in the archive's forms folder (`<recordFile>.p7s` beside it). */
  recordFile: string;
  signedBy: string;
}

/** The dashboard's backup card. */
export interface BackupStatusDto {
  lastGoodDrillAt: string | null;
  lastDrill: { at: string; ok: boolean; generation: string | null } | null;
  targetLastSeenAt: string | null;
  lastGeneration: string | null;
  /** Null when no target was named or it is not connected. */
  freeBytes: number | null;
  neededBytes: number;
  /** The last failed integrity_check/quick_check, when no backup has succeeded since. */
  databaseAlarm: { at: string; findings: string[] } | null;
  alerts: BackupAlert[];
}

/** A backup folder chosen before setup: the source to restore from and its generations, newest first. */
export interface BackupGenerationsDto {
  sourceId: string;
  generations: GenerationSummary[];
}

/** What a rebuild from the files re-registered, on what it relied, and what it could not recover. */
export type RebuildReportDto = Omit<RebuildPlan, 'caCertPem'> & { neverInFiles: readonly NeverInFiles[] };

export interface RebuildDto {
  session: SessionInfo;
  report: RebuildReportDto;
}

export interface RestoreDto {
  session: SessionInfo;
  report: RestoreReportDto;
}

// -- The daily check (日常检查, rules art. 15): main/supervision's types as they cross --
export type { InspectionReport as InspectionReportDto } from '../supervision';
export type { DailyCheck as DailyCheckDto, CheckedFinding as CheckedFindingDto, Correction as CorrectionDto, RecordRef as RecordRefDto } from '../supervision';
/** A signed day's record: the files in forms/ that `openssl cms -verify` checks, and whether it verifies now. */
export interface DailyCheckSignedDto {
  day: string;
  contentFile: string;
  signatureFile: string;
  contentSha256: string;
  verified: boolean;
}
