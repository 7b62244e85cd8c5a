/**
 * THE contract: every method the renderer may call, with its input schema, its output type and
 * who may call it, and every event pushed to the renderer. The preload bridge, the browser-host
 * shim and the dispatcher are all derived from this one table.
 */
import { z } from 'zod';
import {
  ACCESS_SCOPE_KINDS,
  ACCESS_STATES,
  ACCESS_TYPES,
  ADMINS,
  ANNOTATORS,
  APPROVERS,
  AUDITORS,
  CASE_READERS,
  CASE_STATUSES,
  CATEGORIES,
  CLASSIFICATIONS,
  CLASSIFIERS,
  CUSTODIANS,
  CUSTODY_KEEPERS,
  CUSTODY_READERS,
  DISC_MEDIA_TYPES,
  DISC_PEOPLE,
  FORM_SIGNERS,
  MEDIA_FLAGS,
  MEDIA_KINDS,
  OVERSEERS,
  HOLD_KINDS,
  RETENTION_DECIDERS,
  RETENTION_READERS,
  RETENTION_VIEWS,
  passwordProblem,
  RECORDER_STATUSES,
  ROLES,
  SUPERVISION_READERS,
  SUPERVISORS,
  VERDICTS,
  type Role,
  COMPENSATION_DECISIONS,
  DEVICE_DECIDERS,
  INCIDENT_KINDS,
  INCIDENT_READERS,
  REPAIR_RESULTS,
  MASK_STYLES,
  PUBLIC_COPY_PEOPLE,
  REGION_KINDS,
} from '../common';
import type { CopyDiscProgressDto, CopyProgressDto, PublicCopyDto, PublicSourceDto } from '../public-copy';
import type { DisposalDetailDto, DisposalDto, HoldDto, RetentionPageDto } from './dto';
import type { DailyCheckDto, DailyCheckSignedDto, CorrectionDto, InspectionReportDto } from './dto';
import type { MulticamDto } from './dto';
import type { BackupGenerationsDto, RebuildDto, BackupRunDto, BackupStatusDto, DiscDto, DrillDto, RestoreDto, DiscPlanDto, DiscProgressDto, DiscSummaryDto, DriveDto, RecordFormDto, RecordFormSummaryDto } from './dto';
import type {
  AccessPageDto,
  AccessPolicyDto,
  AccessRequestDetailDto,
  AccessRequestDto,
  RegisterPageDto,
  UserRefDto,
  ApiResult,
  BookmarkDto,
  CaseDetailDto,
  CasePageDto,
  LibraryPageDto,
  RecordingGroupPageDto,
  MediaDetailDto,
  PreviewProgressDto,
  PreviewStatusDto,
  PlayerOpenDto,
  RecordingDto,
  AssignmentDto,
  AuditPage,
  GeneratedFileDto,
  IngestProgressDto,
  IngestSessionDetailDto,
  IngestSessionDto,
  IntegrityReportDto,
  OfficerDto,
  AccountRefDto,
  CustodyStatusDto,
  OfficerEntryDto,
  RecorderRefDto,
  RecorderDto,
  ScanDto,
  FolderListingDto,
  SourceDto,
  WeeklyPreviewDto,
  WeeklyRunDto,
  ChainReportDto,
  OfficeDto,
  SessionInfo,
  SetupStatus,
  UserDto,
  KeeperViewDto,
  CheckSheetDto,
  RepairDto,
  IncidentDto,
  RecorderFileDto,
} from './dto';

/** 'public': no login needed; 'any': any logged-in user; else the roles allowed. */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, O, A extends Access = Access> {
  access: A;
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

const method =
  <O>() =>
  <I extends z.ZodType, const A extends Access>(access: A, input: I): MethodSpec<I, O, A> => ({ access, input });

const none = z.object({}).strict();
const login = z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/, '登录名须为 2–32 位字母、数字、点、下划线或连字符');
const displayName = z.string().trim().min(1, '请填写姓名').max(32, '姓名过长');
// The office's password rule (main/common/password-rule.ts), the same function the forms and main/accounts use.
const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const role = z.enum(ROLES);
const badgeNo = z.string().trim().max(32).nullable();
const account = z.object({ login, displayName, password }).strict();
/** Which officer an account is (issue 11 item 1): by its badge unless the admin picks one or confirms a new one. */
const officerChoice = { officerId: z.number().int().positive().optional(), newOfficer: z.boolean().optional() };
const optText = z.string().trim().max(64).nullable().optional();
// Generated names are ASCII or the Chinese form names (交接登记表-20261127-003.docx); the route checks the exact kind.
const formFileName = z.string().regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]{1,100}\.docx$/u, '文件名无效');
const sourceId = z.string().regex(/^[0-9a-f]{16}$/, '来源标识无效');
const sha256 = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, '哈希值应为 64 位十六进制');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.number().int().positive();
const category = z.enum(CATEGORIES);
const classification = z.enum(CLASSIFICATIONS);
const mediaFlag = z.enum(MEDIA_FLAGS);
const caseStatus = z.enum(CASE_STATUSES);
const longText = (max: number) => z.string().trim().max(max, `内容过长（最多 ${max} 字）`);
const discNo = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,23}$/, '光盘编号只能包含字母、数字和连字符');
const discId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,31}$/, '光盘编号无效');
const discMediaType = z.enum(DISC_MEDIA_TYPES);
const accessType = z.enum(ACCESS_TYPES);
const accessState = z.enum(ACCESS_STATES);
const page = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };

/** A library search (资料库's filters, sort and page); also pages 按录制分组. */
const librarySearch = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    officerId: id.optional(),
    recorderId: id.optional(),
    /** 'none': media without a category yet. */
    category: z.union([category, z.literal('none')]).optional(),
    keyMark: z.boolean().optional(),
    classification: classification.optional(),
    /** Has any of these flags. */
    flags: z.array(mediaFlag).min(1).max(5).optional(),
    kind: z.enum(MEDIA_KINDS).optional(),
    caseId: id.optional(),
    recordingId: id.optional(),
    text: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(['startAt', 'size', 'durationSec']).default('startAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    /** Keyset paging (library.search): the `next` of the page before; offset is then not used. */
    after: z.object({ key: z.union([z.string().max(40), z.number()]), id }).strict().optional(),
  })
  .strict();

/** A public-use copy's operations (main/public-copy): seconds on the original's timeline, pixels of its frame. */
const seconds = z.number().min(0).max(86_400);
const pixels = z.number().min(0).max(16_384);
const timeRange = z.object({ from: seconds, to: seconds }).strict();
const copyOperations = z
  .object({
    range: timeRange,
    regions: z
      .array(
        z
          .object({
            kind: z.enum(REGION_KINDS),
            style: z.enum(MASK_STYLES),
            from: seconds,
            to: seconds,
            keyFrames: z.array(z.object({ t: seconds, x: pixels, y: pixels, w: pixels, h: pixels }).strict()).min(1).max(500),
          })
          .strict(),
      )
      .max(50),
    mute: z.array(timeRange).max(50),
  })
  .strict();
/** Who a public-use copy is handed out to and why, whatever it goes out on. */
const copyHandOut = {
  id,
  recipient: longText(100).min(1, '请填写接收单位或接收人'),
  reason: longText(500).min(1, '请填写用途'),
};

export const methods = {
  // -- Setup (first run only) --
  'setup.status': method<SetupStatus>()('public', none),
  'setup.chooseArchive': method<SetupStatus>()('public', none),
  'setup.initialize': method<SessionInfo>()(
    'public',
    z
      .object({
        officeName: z.string().trim().min(1, '请填写单位全称').max(64),
        unitName: z.string().trim().min(1, '请填写印章单位名称').max(64),
        timeZone: z.string().trim().min(1).max(64),
        admin: account,
        // The wizard always asks for the chief; the CLI's `init` may leave it for later.
        chief: account.optional(),
      })
      .strict(),
  ),

  // -- Session --
  'session.current': method<SessionInfo | null>()('public', none),
  'session.login': method<SessionInfo>()(
    'public',
    z.object({ login: z.string().trim().min(1, '请输入登录名').max(64), password: z.string().min(1, '请输入密码').max(256) }).strict(),
  ),
  'session.logout': method<null>()('any', none),
  'session.changePassword': method<null>()(
    'any',
    z.object({ oldPassword: z.string().min(1).max(256), newPassword: password }).strict(),
  ),

  // -- Users (admin) --
  'users.list': method<UserDto[]>()(ADMINS, none),
  'users.create': method<UserDto>()(
    ADMINS,
    z
      .object({ login, displayName, badgeNo, password, roles: z.array(role).min(1, '至少选择一个角色').max(ROLES.length), ...officerChoice })
      .strict(),
  ),
  'users.update': method<UserDto>()(
    ADMINS,
    z
      .object({
        id,
        displayName: displayName.optional(),
        badgeNo: badgeNo.optional(),
        roles: z.array(role).min(1).max(ROLES.length).optional(),
        disabled: z.boolean().optional(),
        ...officerChoice,
      })
      .strict(),
  ),
  'users.resetPassword': method<UserDto>()(ADMINS, z.object({ id, newPassword: password }).strict()),

  // -- Office settings --
  'office.get': method<OfficeDto>()('any', none),
  'office.update': method<OfficeDto>()(
    ADMINS,
    z
      .object({
        name: z.string().trim().min(1).max(64).optional(),
        unitName: z.string().trim().min(1).max(64).optional(),
        timeZone: z.string().trim().min(1).max(64).optional(),
        idleMinutes: z.number().int().min(1).max(480).optional(),
        retentionMonths: z.number().int().min(3, '保存期限不得少于 3 个月').max(600).optional(),
        caseRetentionMonths: z.number().int().min(0).max(600).optional(),
      })
      .strict(),
  ),

  // -- Audit log --
  'audit.list': method<AuditPage>()(
    AUDITORS,
    z
      .object({
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        action: z.string().max(64).optional(),
        actor: z.string().max(64).optional(),
        text: z.string().max(128).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  /** Anchors: the chain head and latest seal printed on a signed paper weekly report. */
  'audit.verify': method<ChainReportDto>()(
    AUDITORS,
    z
      .object({
        anchors: z.array(z.object({ seq: z.number().int().positive(), hash: sha256 }).strict()).max(50).optional(),
        sealAnchors: z.array(sha256).max(50).optional(),
      })
      .strict(),
  ),

  // -- People and recorders (设备) --
  'officers.list': method<OfficerDto[]>()(CUSTODY_READERS, none),
  'officers.create': method<OfficerDto>()(CUSTODY_KEEPERS, z.object({ name: displayName, badgeNo: z.string().trim().min(1, '请填写警号').max(32) }).strict()),
  'officers.update': method<OfficerDto>()(
    CUSTODY_KEEPERS,
    z.object({ id, name: displayName.optional(), active: z.boolean().optional(), userId: id.nullable().optional() }).strict(),
  ),
  /** Names and badges of the officers, for pickers (承办人, library filter): everyone logged in may read them. */
  'officers.directory': method<OfficerEntryDto[]>()('any', none),
  /** Serials of the recorders, for the library filter: everyone logged in may read them. */
  'recorders.directory': method<RecorderRefDto[]>()('any', none),
  /** Accounts to link an officer to on the 人员 screen: names, logins and badges only. */
  'officers.accounts': method<AccountRefDto[]>()(CUSTODY_READERS, none),
  'recorders.list': method<RecorderDto[]>()(CUSTODY_READERS, none),
  'recorders.create': method<RecorderDto>()(
    CUSTODY_KEEPERS,
    z
      .object({
        serial: z.string().trim().min(1, '请填写记录仪编号').max(64),
        brand: optText,
        model: optText,
        assetNo: optText,
        notes: z.string().trim().max(500).nullable().optional(),
      })
      .strict(),
  ),
  'recorders.update': method<RecorderDto>()(
    CUSTODY_KEEPERS,
    z
      .object({
        id,
        brand: optText,
        model: optText,
        assetNo: optText,
        status: z.enum(RECORDER_STATUSES).optional(),
        notes: z.string().trim().max(500).nullable().optional(),
      })
      .strict(),
  ),
  'recorders.assign': method<RecorderDto>()(
    CUSTODY_KEEPERS,
    z.object({ recorderId: id, officerId: id.nullable(), from: z.iso.datetime().optional() }).strict(),
  ),
  'recorders.history': method<AssignmentDto[]>()(CUSTODY_READERS, z.object({ recorderId: id }).strict()),

  // -- Device care (设备, art. 4, 7, 9, 10): the keeper records; the chief designates him and decides compensation --
  'devices.keeper': method<KeeperViewDto>()(CUSTODY_READERS, none),
  /** Art. 7: the unit head designates the person who keeps and maintains the recorders (an active custodian). */
  'devices.designateKeeper': method<KeeperViewDto>()(DEVICE_DECIDERS, z.object({ userId: id, note: longText(200).nullable().optional() }).strict()),
  /** The day's pre-use check sheet (art. 4) with the clock drift measured at each docking. */
  'devices.checks': method<CheckSheetDto>()(CUSTODY_READERS, z.object({ day }).strict()),
  'devices.recordChecks': method<CheckSheetDto>()(
    CUSTODIANS,
    z
      .object({
        day,
        entries: z
          .array(
            z
              .object({ recorderId: id, noFault: z.boolean(), battery: z.boolean(), storage: z.boolean(), clock: z.boolean(), note: longText(200).nullable().optional() })
              .strict(),
          )
          .min(1, '请至少登记一台记录仪')
          .max(500),
      })
      .strict(),
  ),
  'devices.repairs': method<RepairDto[]>()(CUSTODY_READERS, z.object({ recorderId: id.optional() }).strict()),
  'devices.sendRepair': method<RepairDto>()(
    CUSTODIANS,
    z.object({ recorderId: id, fault: longText(500).min(1, '请填写故障情况'), repairer: optText, sentAt: z.iso.datetime().optional() }).strict(),
  ),
  'devices.returnRepair': method<RepairDto>()(
    CUSTODIANS,
    z.object({ repairId: id, result: z.enum(REPAIR_RESULTS), note: longText(500).nullable().optional(), returnedAt: z.iso.datetime().optional() }).strict(),
  ),
  'devices.incidents': method<IncidentDto[]>()(CUSTODY_READERS, z.object({ recorderId: id.optional() }).strict()),
  /** Loss or damage (art. 10); the wearer is taken from the assignment at that time, never typed in. */
  'devices.reportIncident': method<IncidentDto>()(
    CUSTODIANS,
    z.object({ recorderId: id, kind: z.enum(INCIDENT_KINDS), occurredAt: z.iso.datetime(), description: longText(1000).min(1, '请填写经过') }).strict(),
  ),
  'devices.decideIncident': method<IncidentDto>()(
    DEVICE_DECIDERS,
    z.object({ incidentId: id, decision: z.enum(COMPENSATION_DECISIONS), note: longText(500).nullable().optional() }).strict(),
  ),
  /** A scanned statement: PDF, JPEG or PNG, at most 10 MB, as base64; kept read-only with its SHA-256. */
  'devices.attachStatement': method<IncidentDto>()(
    CUSTODIANS,
    z.object({ incidentId: id, fileName: z.string().trim().min(1).max(200), dataBase64: z.string().min(1).max(14_000_000) }).strict(),
  ),
  /** Opens a statement in the desktop program; the browser host serves it at /forms/ to the same roles. */
  'devices.openStatement': method<null>()(INCIDENT_READERS, z.object({ fileName: z.string().regex(/^recorder-incident-\d{1,9}-\d{1,3}\.(pdf|jpg|png)$/, '文件名无效') }).strict()),
  /** Everything kept about one recorder (assignments, checks, repairs, incidents, dockings). */
  'devices.history': method<RecorderFileDto>()(CUSTODY_READERS, z.object({ recorderId: id }).strict()),
  'devices.registerDocx': method<GeneratedFileDto>()(CUSTODY_READERS, none),

  // -- Ingest (采集导入) --
  'sources.list': method<SourceDto[]>()(CUSTODY_KEEPERS, none),
  'sources.pickFolder': method<SourceDto | null>()(CUSTODY_KEEPERS, none),
  /** The browser host's folder picker: allowed roots (configured, removable media, home), or one folder's subfolders. */
  'sources.browse': method<FolderListingDto>()(CUSTODY_KEEPERS, z.object({ path: z.string().min(1).max(4096).nullable() }).strict()),
  /** A folder chosen in that picker becomes a source (refused outside the roots and for the archive itself). */
  'sources.addFolder': method<SourceDto>()(CUSTODY_KEEPERS, z.object({ path: z.string().min(1).max(4096) }).strict()),
  'ingest.scan': method<ScanDto>()(CUSTODY_KEEPERS, z.object({ sourceId: sourceId }).strict()),
  'ingest.start': method<{ sessionId: number }>()(
    CUSTODIANS,
    z
      .object({
        sourceId,
        recorderSerial: z.string().trim().min(1).max(64).nullable(),
        officerBadge: z.string().trim().min(1).max(32).nullable(),
        officerName: z.string().trim().min(1).max(32).optional(),
        clearSource: z.boolean().default(false),
        /** Files listed as 其他 (not media by content) the custodian chose to keep, by their path in the scan. */
        keepOther: z.array(z.string().min(1).max(1024)).max(10_000).default([]),
        /** The custodian confirmed registering a recorder serial the archive has not seen. */
        confirmNewRecorder: z.boolean().default(false),
      })
      .strict(),
  ),
  'ingest.cancel': method<null>()(CUSTODIANS, z.object({ sessionId: id }).strict()),
  'ingest.sessions': method<IngestSessionDto[]>()(
    CUSTODY_READERS,
    z.object({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  ),
  'ingest.session': method<IngestSessionDetailDto>()(CUSTODY_READERS, z.object({ id }).strict()),

  'ingest.handoverSheet': method<GeneratedFileDto>()(CUSTODY_READERS, z.object({ id }).strict()),

  // -- Weekly consolidation (每周归档, rules art. 11(2)) --
  'weekly.preview': method<WeeklyPreviewDto>()(CUSTODY_READERS, z.object({ weekOf: day }).strict()),
  'weekly.run': method<WeeklyRunDto>()(CUSTODIANS, z.object({ weekOf: day, backupSourceId: sourceId.nullable() }).strict()),

  // -- Backup (备份, issue 16) --
  'backup.run': method<BackupRunDto>()(CUSTODIANS, z.object({ targetSourceId: sourceId }).strict()),
  'backup.drill': method<DrillDto>()(CUSTODIANS, z.object({ targetSourceId: sourceId }).strict()),
  'backup.status': method<BackupStatusDto>()(CUSTODY_READERS, z.object({ targetSourceId: sourceId.optional() }).strict()),
  /** Only before setup: the folder picker for the backup to restore from (allowed roots only, never the archive). */
  'backup.browse': method<FolderListingDto>()('public', z.object({ path: z.string().min(1).max(4096).nullable() }).strict()),
  /** Only before setup: a folder chosen in that picker, its generations with a quick check each; it becomes a source for backup.restore. */
  'backup.generations': method<BackupGenerationsDto>()('public', z.object({ path: z.string().min(1).max(4096) }).strict()),
  /** Only before setup; the custodian or admin of the backed-up office logs in with his own password. */
  'backup.restore': method<RestoreDto>()(
    'public',
    z.object({ sourceId, generation: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?$/, '备份代号无效').optional(), login: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }).strict(),
  ),

  /**
   * Only before setup, when no generation's snapshot is usable: the archive rebuilt from the backup's originals, signed
   * day manifests and seal files; `admin` is a new account (the old ones lived only in the database).
   */
  'backup.rebuild': method<RebuildDto>()('public', z.object({ sourceId, admin: account }).strict()),

  // -- Generated documents --
  'forms.open': method<null>()('any', z.object({ fileName: formFileName }).strict()),

  // -- Integrity (完整性校验) --
  /** 工作台's custody figures and warnings (issue 11 item 6). */
  'dashboard.custody': method<CustodyStatusDto>()(CUSTODY_READERS, none),
  'integrity.check': method<IntegrityReportDto>()(
    CUSTODY_READERS,
    z.object({ fromDay: day.optional(), toDay: day.optional() }).strict(),
  ),
  /** Stops the caller's running check; it answers with what it had checked (`cancelled`). */
  'integrity.cancel': method<null>()(CUSTODY_READERS, none),

  // -- Library (资料库): metadata only; bytes come from the media handler, never from here --
  'library.search': method<LibraryPageDto>()('any', librarySearch),
  /** The matches' number, for a free text's first page, which comes without it (LibraryPageDto.total). */
  'library.count': method<{ total: number }>()('any', librarySearch.omit({ limit: true, offset: true, after: true })),
  /** 按录制分组 paged on the server: one row per recording or lone file, filtered and sorted like library.search. */
  'library.recordings': method<RecordingGroupPageDto>()('any', librarySearch.omit({ after: true })),
  'library.recording': method<RecordingDto>()('any', z.object({ id }).strict()),

  // -- Media metadata (never the original) --
  'media.get': method<MediaDetailDto>()('any', z.object({ id }).strict()),
  'media.update': method<MediaDetailDto>()(
    ANNOTATORS,
    z
      .object({
        id,
        category: category.nullable().optional(),
        keyMark: z.boolean().optional(),
        notes: longText(2000).nullable().optional(),
      })
      .strict(),
  ),
  /** 执法情形 and 重点标记 describe a whole recording: every segment changes in one transaction, or none does. */
  'media.updateRecording': method<MediaDetailDto[]>()(
    ANNOTATORS,
    z
      .object({ recordingId: id, category: category.nullable().optional(), keyMark: z.boolean().optional() })
      .strict()
      .refine((v) => v.category !== undefined || v.keyMark !== undefined, { message: '请指定要修改的执法情形或重点标记' }),
  ),
  /** Starts making the preview proxy now (progress as 'media.previewProgress'); the media handler also makes it on first request. */
  'media.preparePreview': method<PreviewStatusDto>()('any', z.object({ id }).strict()),
  /** The player opens an item: details, recording, segments, leave and preview status in one call (no bytes). */
  'media.open': method<PlayerOpenDto>()('any', z.object({ id }).strict()),
  /**
   * The player shows a segment it fetched as a preload (`?purpose=preload`, no register row): leave is checked
   * again and the viewing registered at this moment (查阅登记), or the open row extended while it keeps playing.
   */
  'media.viewed': method<null>()('any', z.object({ mediaId: id, variant: z.enum(['original', 'preview']).default('original') }).strict()),

  'bookmarks.list': method<BookmarkDto[]>()('any', z.object({ mediaId: id }).strict()),
  'bookmarks.add': method<BookmarkDto>()(
    ANNOTATORS,
    z.object({ mediaId: id, offsetSec: z.number().min(0).max(7 * 24 * 3600), label: longText(100).min(1, '请填写书签名称') }).strict(),
  ),
  'bookmarks.remove': method<null>()(ANNOTATORS, z.object({ id }).strict()),

  // -- Cases (案件) --
  'cases.list': method<CasePageDto>()(
    CASE_READERS,
    z
      .object({
        text: z.string().trim().min(1).max(100).optional(),
        status: caseStatus.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'cases.get': method<CaseDetailDto>()(CASE_READERS, z.object({ id }).strict()),
  'cases.create': method<CaseDetailDto>()(
    ANNOTATORS,
    z
      .object({
        number: z.string().trim().min(1, '请填写案件编号').max(64),
        title: z.string().trim().min(1, '请填写案件名称').max(200),
        handlerOfficerId: id.nullable().default(null),
        description: longText(4000).default(''),
        classification: classification.default('normal'),
      })
      .strict(),
  ),
  'cases.update': method<CaseDetailDto>()(
    ANNOTATORS,
    z
      .object({
        id,
        title: z.string().trim().min(1).max(200).optional(),
        handlerOfficerId: id.nullable().optional(),
        description: longText(4000).optional(),
        classification: classification.optional(),
        status: caseStatus.optional(),
      })
      .strict(),
  ),
  'cases.addItems': method<CaseDetailDto>()(
    ANNOTATORS,
    z
      .object({ caseId: id, mediaIds: z.array(id).min(1).max(1000).optional(), recordingId: id.optional() })
      .strict()
      .refine((v) => (v.mediaIds === undefined) !== (v.recordingId === undefined), { message: '请指定要加入的资料或录像（二选一）' }),
  ),
  'cases.removeItem': method<CaseDetailDto>()(ANNOTATORS, z.object({ caseId: id, mediaId: id }).strict()),

  // -- Viewing only with leave (查阅审批, rules art. 3, 12–14) --
  'access.policy': method<AccessPolicyDto>()('any', none),
  'access.setPolicy': method<AccessPolicyDto>()(
    ADMINS,
    z
      .object({
        strict: z.boolean().optional(),
        ownFootageHours: z.number().int().min(0).max(720).optional(),
        defaultDays: z.number().int().min(1).max(365).optional(),
        maxDays: z.number().int().min(1).max(365).optional(),
      })
      .strict(),
  ),
  /** Anyone logged in may ask, with a reason. */
  'access.request': method<AccessRequestDto>()(
    'any',
    z
      .object({
        type: accessType,
        scope: z.object({ kind: z.enum(ACCESS_SCOPE_KINDS), id }).strict(),
        reason: longText(500).min(1, '请填写查阅事由'),
      })
      .strict(),
  ),
  /**
   * One step: approve with a validity window (and named users for classified items), or reject with a reason.
   * An approval sends back the itemsFingerprint of the list access.get showed; it covers exactly that list.
   */
  'access.decide': method<AccessRequestDto>()(
    APPROVERS,
    z
      .object({
        id,
        approve: z.boolean(),
        itemsFingerprint: z.string().regex(/^[0-9a-f]{64}$/, '资料清单标识无效').optional(),
        validFrom: z.iso.datetime({ offset: true }).optional(),
        validUntil: z.iso.datetime({ offset: true }).optional(),
        namedUserIds: z.array(id).max(50).optional(),
        reason: longText(500).optional(),
      })
      .strict()
      .refine((v) => !v.approve || v.itemsFingerprint !== undefined, { message: '批准前须核对该申请覆盖的资料清单' }),
  ),
  'access.revoke': method<AccessRequestDto>()('any', z.object({ id, reason: longText(500).optional() }).strict()),
  'access.list': method<AccessPageDto>()(
    'any',
    z.object({ box: z.enum(['mine', 'toDecide', 'all']).default('mine'), state: accessState.optional(), ...page }).strict(),
  ),
  /** One request with the list of media it covers (what an approver is shown) and that list's fingerprint. */
  'access.get': method<AccessRequestDetailDto>()('any', z.object({ id }).strict()),
  /** Active users, for naming who may view a classified item and for the register's viewer filter. */
  'access.people': method<UserRefDto[]>()(OVERSEERS, none),
  /** 密级 (art. 3): only the chief changes it; audited with old and new. */
  'media.classify': method<MediaDetailDto>()(CLASSIFIERS, z.object({ id, classification }).strict()),
  /** The same for every segment of a recording, in one transaction. */
  'media.classifyRecording': method<MediaDetailDto[]>()(CLASSIFIERS, z.object({ recordingId: id, classification }).strict()),
  'cases.classify': method<CaseDetailDto>()(CLASSIFIERS, z.object({ id, classification }).strict()),

  // -- Viewing register (查阅登记, art. 14) --
  'register.list': method<RegisterPageDto>()(
    OVERSEERS,
    z.object({ from: day, to: day, viewerId: id.optional(), item: z.string().trim().max(100).optional(), ...page }).strict(),
  ),
  'register.docx': method<GeneratedFileDto>()(OVERSEERS, z.object({ from: day, to: day }).strict()),

  // -- Record forms (记录表, rules art. 11(4)): officer signs, then the chief; a change voids the signatures --
  'forms.recordList': method<RecordFormSummaryDto[]>()(DISC_PEOPLE, z.object({ caseId: id.optional() }).strict()),
  'forms.recordGet': method<RecordFormDto>()(DISC_PEOPLE, z.object({ id }).strict()),
  'forms.recordDraft': method<RecordFormDto>()(DISC_PEOPLE, z.object({ caseId: id, discNo: discNo.optional() }).strict()),
  'forms.recordUpdate': method<RecordFormDto>()(
    DISC_PEOPLE,
    z
      .object({
        id,
        place: longText(200).optional(),
        cameraOperator: longText(64).optional(),
        officers: z.array(displayName).min(1, '至少填写一名执法人员').max(20).optional(),
        remarks: longText(500).optional(),
      })
      .strict(),
  ),
  /** Officer signature (a case officer) while draft; chief signature once the officer has signed. */
  'forms.recordSign': method<RecordFormDto>()(FORM_SIGNERS, z.object({ id }).strict()),
  'forms.recordDocx': method<GeneratedFileDto>()(DISC_PEOPLE, z.object({ id }).strict()),
  /** A scan of the signed paper form: PDF, JPEG or PNG, at most 10 MB, as base64. */
  'forms.recordAttachScan': method<RecordFormDto>()(
    DISC_PEOPLE,
    z.object({ id, fileName: z.string().trim().min(1).max(200), dataBase64: z.string().min(1).max(14_000_000) }).strict(),
  ),

  // -- Evidence discs (刻盘): plan, build, burn, read back; the register --
  'discs.plan': method<DiscPlanDto>()(DISC_PEOPLE, z.object({ caseId: id, mediaType: discMediaType }).strict()),
  /** Builds every disc of the plan, or only discIndex. */
  'discs.build': method<DiscDto[]>()(
    CUSTODIANS,
    z.object({ caseId: id, mediaType: discMediaType, discIndex: z.number().int().min(1).max(999).optional(), recordFormId: id }).strict(),
  ),
  'discs.drives': method<DriveDto[]>()(CUSTODIANS, none),
  'discs.burn': method<DiscDto>()(CUSTODIANS, z.object({ discId, driveId: z.string().min(1).max(500) }).strict()),
  /** The read-back check after burning (named so, not 'read…': no method may look like it hands out bytes). */
  'discs.verifyBurn': method<DiscDto>()(CUSTODIANS, z.object({ discId }).strict()),
  'discs.list': method<DiscSummaryDto[]>()(DISC_PEOPLE, z.object({ caseId: id.optional() }).strict()),
  'discs.get': method<DiscDto>()(DISC_PEOPLE, z.object({ id: discId }).strict()),

  // -- Retention and disposal (到期资料, rules art. 11(3)): the custodian asks and carries out, the chief approves --
  'retention.list': method<RetentionPageDto>()(RETENTION_READERS, z.object({ view: z.enum(RETENTION_VIEWS).default('due'), ...page }).strict()),
  /** A hold keeps footage indefinitely (调查保全 or the chief's own), with a reason; audited. */
  'retention.hold': method<HoldDto[]>()(
    RETENTION_DECIDERS,
    z.object({ mediaIds: z.array(id).min(1).max(1000), kind: z.enum(HOLD_KINDS), reason: longText(500).min(1, '请填写保留理由') }).strict(),
  ),
  'retention.release': method<HoldDto>()(RETENTION_DECIDERS, z.object({ id, reason: longText(500).min(1, '请填写解除理由') }).strict()),
  /** The holds of one original (all, released too), or every hold in force. */
  'retention.holds': method<HoldDto[]>()(RETENTION_READERS, z.object({ mediaId: id.optional() }).strict()),
  'disposals.request': method<DisposalDetailDto>()(
    CUSTODIANS,
    z.object({ mediaIds: z.array(id).min(1).max(1000), reason: longText(500).min(1, '请填写销毁事由') }).strict(),
  ),
  /** Approve (covering exactly the list shown: its itemsSha256) or reject with a reason; never one's own request. */
  'disposals.decide': method<DisposalDetailDto>()(
    RETENTION_DECIDERS,
    z
      .object({ id, approve: z.boolean(), itemsFingerprint: sha256.optional(), reason: longText(500).optional() })
      .strict()
      .refine((v) => !v.approve || v.itemsFingerprint !== undefined, { message: '批准前须核对销毁清单' })
      .refine((v) => v.approve || (v.reason ?? '').length > 0, { message: '驳回须填写理由' }),
  ),
  /** Carried out by another person than the approver: the signed record is written, then the bytes removed. */
  'disposals.execute': method<DisposalDetailDto>()(CUSTODIANS, z.object({ id }).strict()),
  'disposals.list': method<DisposalDto[]>()(RETENTION_READERS, none),
  'disposals.get': method<DisposalDetailDto>()(RETENTION_READERS, z.object({ id }).strict()),
  /** The signed disposal record (DOCX, with its .p7s beside it) of an executed disposal. */
  'disposals.recordDocx': method<GeneratedFileDto>()(RETENTION_READERS, z.object({ id }).strict()),
  // -- The daily check (日常检查, rules art. 15): findings per day, the chief's marks, corrections, signature --
  /** The day's findings with marks and corrections; without a day, yesterday in the office's zone. */
  'supervision.day': method<DailyCheckDto>()(SUPERVISION_READERS, z.object({ day: day.optional() }).strict()),
  'supervision.mark': method<DailyCheckDto>()(
    SUPERVISORS,
    z.object({ day, findingKey: z.string().min(1).max(200), verdict: z.enum(VERDICTS), note: longText(500).optional() }).strict(),
  ),
  /** Who does what by when, for a finding of the day (marks it 需纠正). */
  'supervision.openCorrection': method<DailyCheckDto>()(
    SUPERVISORS,
    z
      .object({
        day,
        findingKey: z.string().min(1).max(200),
        assignee: longText(64).min(1, '请填写责任人'),
        action: longText(500).min(1, '请填写纠正措施'),
        dueDay: day,
      })
      .strict(),
  ),
  /** Closed with what was done. */
  'supervision.closeCorrection': method<CorrectionDto>()(SUPERVISORS, z.object({ id, outcome: longText(500).min(1, '请填写完成情况') }).strict()),
  /** Every open correction (工作台 and the 监督 page show them until closed). */
  'supervision.openCorrections': method<CorrectionDto[]>()(SUPERVISION_READERS, none),
  'supervision.sign': method<DailyCheckSignedDto>()(SUPERVISORS, z.object({ day }).strict()),
  'supervision.docx': method<GeneratedFileDto>()(SUPERVISION_READERS, z.object({ day }).strict()),
  /** The inspection report (检查报告, art. 16–17) for a period of at most 92 days. */
  'supervision.report': method<InspectionReportDto>()(SUPERVISION_READERS, z.object({ from: day, to: day }).strict()),
  /** The same as a DOCX signed by the chief (a .p7s beside it). */
  'supervision.reportDocx': method<GeneratedFileDto & { signatureFile: string }>()(SUPERVISORS, z.object({ from: day, to: day }).strict()),

  // -- Public-use copies (公开使用副本, art. 3, 13): the chief or whom the approval names; never of classified footage --
  /** The 公开使用 approvals in force the caller may make copies under, with their items and any refusal. */
  'publicCopies.sources': method<PublicSourceDto[]>()(PUBLIC_COPY_PEOPLE, none),
  /** Starts rendering one copy (progress as 'publicCopies.progress'); one render at a time. */
  'publicCopies.render': method<{ jobId: string }>()(PUBLIC_COPY_PEOPLE, z.object({ requestId: id, mediaId: id, operations: copyOperations }).strict()),
  'publicCopies.cancel': method<null>()(PUBLIC_COPY_PEOPLE, z.object({ jobId: z.string().regex(/^[0-9a-f]{16}$/) }).strict()),
  /** The copies, on their own list (never among the evidence): all for the chief, else those of one's approvals. */
  'publicCopies.list': method<PublicCopyDto[]>()(PUBLIC_COPY_PEOPLE, none),
  /** Copies the copy with its signed provenance into a folder outside the archive; recorded and audited. */
  'publicCopies.handOut': method<PublicCopyDto>()(PUBLIC_COPY_PEOPLE, z.object({ ...copyHandOut, folder: z.string().trim().min(1, '请填写目标文件夹').max(1000) }).strict()),
  /** Burners a copy may be handed out with (the evidence discs' list, for the copies' people). */
  'publicCopies.drives': method<DriveDto[]>()(PUBLIC_COPY_PEOPLE, none),
  /** Burns the copy with its signed provenance on a 公开使用副本光盘 (never an evidence disc), reads it back; recorded and audited. */
  'publicCopies.handOutDisc': method<PublicCopyDto>()(PUBLIC_COPY_PEOPLE, z.object({ ...copyHandOut, driveId: z.string().min(1).max(500) }).strict()),
  /** The printed provenance record (DOCX) of a copy. */
  'publicCopies.provenanceDocx': method<GeneratedFileDto>()(PUBLIC_COPY_PEOPLE, z.object({ id }).strict()),
  // -- 多机位同步 (issue 15 item 1): metadata only; each camera's bytes come from the media route, leave checked there --
  /** The recording and those of other cameras that overlap it on the true clock (drift at docking, hand corrections), or share its case. */
  'multicam.cameras': method<MulticamDto>()('any', z.object({ recordingId: id }).strict()),
  /** A hand correction of one camera's start on the shared axis, with its reason; recorded and audited, never overwritten. */
  'multicam.adjust': method<MulticamDto>()(
    ANNOTATORS,
    z
      .object({
        anchorRecordingId: id,
        recordingId: id,
        seconds: z.number().finite().min(-3600, '校正不能超过 1 小时').max(3600, '校正不能超过 1 小时'),
        reason: longText(200).min(1, '请填写校正理由'),
      })
      .strict(),
  ),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodSpec<z.ZodType, infer O, Access> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];

// -- Push events (main → renderer) --
const event = <P>() => ({}) as { payload?: P };

export const events = {
  /** The session ended without the user asking: idle timeout, account disabled. */
  'session.ended': event<{ reason: 'idle' | 'disabled' }>(),
  'ingest.progress': event<IngestProgressDto>(),
  'ingest.finished': event<{ sessionId: number; status: IngestSessionDto['status']; message: string | null }>(),
  'integrity.progress': event<{ done: number; total: number; bytes: number; totalBytes: number }>(),
  'weekly.progress': event<{ step: 'integrity' | 'backup' | 'report'; done: number; total: number }>(),
  /** A restore from backup on the machine being set up: files checked, then originals copied (told to the restoring window only). */
  'backup.restoreProgress': event<{ phase: 'check' | 'copy'; done: number; total: number; bytes: number }>(),
  'media.previewProgress': event<PreviewProgressDto>(),
  'discs.progress': event<DiscProgressDto>(),
  'publicCopies.progress': event<CopyProgressDto>(),
  'publicCopies.discProgress': event<CopyDiscProgressDto>(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { payload?: infer P } ? P : never;

// -- The typed client shape that window.evidence has, in Electron and in the browser host --
type Namespaces = MethodName extends `${infer N}.${string}` ? N : never;
type CallFn<M extends MethodName> = {} extends MethodInput<M>
  ? (input?: MethodInput<M>) => Promise<MethodOutput<M>>
  : (input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type EvidenceApi = {
  [N in Namespaces]: { [M in MethodName as M extends `${N}.${infer F}` ? F : never]: CallFn<M> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What a transport sends to the main process. */
export type Transport = {
  invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
};
