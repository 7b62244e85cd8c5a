/**
 * Every enumeration the program stores, checks and shows, defined once: the values as a `const` array
 * (the contract's zod enums and the DTO unions are derived from them) and their Chinese names beside them.
 * Pure values only, so the renderer imports this module as is (tests/unit/common/defined-once.test.ts
 * fails when a set or a label table is written a second time).
 */

/** 执法情形 (rules art. 5): the situations in which recording is mandatory. */
export const CATEGORIES = ['inspection', 'coercive', 'evidence', 'investigation', 'minor', 'sensitive', 'uncooperative', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  inspection: '日常检查',
  coercive: '行政强制措施',
  evidence: '证据保全',
  investigation: '调查取证/询问',
  minor: '当场纠正轻微违法',
  sensitive: '敏感或重大事件',
  uncooperative: '当事人不配合',
  other: '其他',
};

/** 密级 (rules art. 3), lowest first. Anything above 'normal' is classified. */
export const CLASSIFICATIONS = ['normal', 'privacy', 'business_secret', 'state_secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  normal: '普通',
  privacy: '个人隐私',
  business_secret: '商业秘密',
  state_secret: '国家秘密',
};

export const MEDIA_KINDS = ['video', 'audio', 'photo', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  video: '录像',
  audio: '录音',
  photo: '照片',
  // Not picture or sound by content: kept only when the custodian chooses, as a document with no player.
  other: '文档',
};

/** Status flags of one original (set at ingest). */
export const MEDIA_FLAGS = ['zero_byte', 'unreadable', 'truncated', 'no_audio', 'clock_suspect'] as const;
export type MediaFlag = (typeof MEDIA_FLAGS)[number];
/** In the order the UI lists them. */
export const MEDIA_FLAG_LABELS: Record<MediaFlag, string> = {
  no_audio: '无音轨',
  clock_suspect: '时钟可疑',
  unreadable: '无法读取',
  truncated: '文件截断',
  zero_byte: '空文件',
};

export const INGEST_STATUSES = ['running', 'completed', 'cancelled', 'failed', 'interrupted'] as const;
export type IngestStatus = (typeof INGEST_STATUSES)[number];
export const INGEST_STATUS_LABELS: Record<IngestStatus, string> = {
  running: '导入中',
  completed: '完成',
  cancelled: '已取消',
  failed: '失败',
  interrupted: '中断',
};

export const RECORDER_STATUSES = ['in_service', 'repair', 'lost', 'retired'] as const;
export type RecorderStatus = (typeof RECORDER_STATUSES)[number];
export const RECORDER_STATUS_LABELS: Record<RecorderStatus, string> = {
  in_service: '在用',
  repair: '维修',
  lost: '丢失',
  retired: '报废',
};

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: '办理中',
  closed: '已结案',
};

/** 工作查阅 (art. 12), 办案查阅 (art. 14), 公开使用 (art. 13). */
export const ACCESS_TYPES = ['work', 'case', 'public'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];
export const ACCESS_TYPE_LABELS: Record<AccessType, string> = { work: '工作查阅', case: '办案查阅', public: '公开使用' };

/** 'expired' is never stored: an approval whose validUntil has passed. */
export const ACCESS_STATES = ['pending', 'approved', 'rejected', 'revoked', 'expired'] as const;
export type AccessState = (typeof ACCESS_STATES)[number];
export const ACCESS_STATE_LABELS: Record<AccessState, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  revoked: '已撤销',
  expired: '已过期',
};

/** What a request for leave to view names. */
export const ACCESS_SCOPE_KINDS = ['media', 'recording', 'case'] as const;
export type AccessScopeKind = (typeof ACCESS_SCOPE_KINDS)[number];
export const ACCESS_SCOPE_KIND_LABELS: Record<AccessScopeKind, string> = { media: '单个资料', recording: '整段录像', case: '案件' };

/** Recordable disc types, smallest first. */
export const DISC_MEDIA_TYPES = ['CD-R', 'DVD-R', 'DVD-R-DL', 'BD-R', 'BD-R-DL'] as const;
export type DiscMediaType = (typeof DISC_MEDIA_TYPES)[number];
export const DISC_MEDIA_LABELS: Record<DiscMediaType, string> = {
  'CD-R': 'CD-R（700 MB）',
  'DVD-R': 'DVD±R（4.7 GB）',
  'DVD-R-DL': 'DVD±R 双层（8.5 GB）',
  'BD-R': 'BD-R 蓝光（25 GB）',
  'BD-R-DL': 'BD-R 蓝光双层（50 GB）',
};

/** The sections of the app frame, in the order the office works; a session lists those its user sees. */
export const SECTIONS = ['dashboard', 'ingest', 'library', 'cases', 'discs', 'forms', 'approvals', 'publicCopies', 'devices', 'supervision', 'retention', 'audit', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Why the backup card turns red (issue 16): no good drill for 35 days, the target unseen for 7, or short of space. */
export const BACKUP_ALERTS = ['drill_overdue', 'target_unseen', 'short_of_space', 'database_alarm'] as const;
export type BackupAlert = (typeof BACKUP_ALERTS)[number];
export const BACKUP_ALERT_LABELS: Record<BackupAlert, string> = {
  drill_overdue: '超过 35 天没有成功的恢复演练',
  target_unseen: '备份盘超过 7 天未连接',
  short_of_space: '备份盘剩余空间不足',
  database_alarm: '数据库完整性检查未通过，备份已停止',
};

/** What only the database held, so a rebuild from the backup's files never recovers it (issue 16). */
export const NEVER_IN_FILES = ['accounts', 'officers_of_originals', 'cases', 'access', 'viewing_register', 'record_forms', 'discs', 'audit_before_rebuild', 'annotations'] as const;
export type NeverInFiles = (typeof NEVER_IN_FILES)[number];
export const NEVER_IN_FILES_LABELS: Record<NeverInFiles, string> = {
  accounts: '用户账户、密码、密钥和证书（已新建账户）',
  officers_of_originals: '每个原始文件的佩戴民警',
  cases: '案件及其证据清单',
  access: '查阅申请、审批和授权',
  viewing_register: '查阅登记',
  record_forms: '记录表及其签名',
  discs: '光盘登记',
  audit_before_rebuild: '重建前的审计日志（已记下其最后封存的链头）',
  annotations: '备注、书签、执法情形、重点标记和密级',
};

/**
 * Which reading gave a file's start time (media.start_rule; the rule is in decideStartTime and README "Ingest"):
 * recorders commonly write their local wall clock and label it UTC.
 */
export const START_RULES = ['file_name_local', 'creation_time_local', 'creation_time_utc', 'mtime'] as const;
export type StartRule = (typeof START_RULES)[number];
export const START_RULE_LABELS: Record<StartRule, string> = {
  file_name_local: '文件名（录像机按本地时间记录）',
  creation_time_local: '文件内创建时间（录像机按本地时间记录、标注为UTC，与文件名或修改时间相符）',
  creation_time_utc: '文件内创建时间（按UTC换算为办公地时间）',
  mtime: '文件修改时间（文件名和创建时间均不可用）',
};

/** What a fixity check finds wrong in the archive (the weekly report prints all but 'manifest'). */
export const INTEGRITY_PROBLEM_KINDS = ['missing', 'changed', 'extra', 'manifest', 'disposal_record'] as const;
export type IntegrityProblemKind = (typeof INTEGRITY_PROBLEM_KINDS)[number];
export const INTEGRITY_PROBLEM_LABELS: Record<IntegrityProblemKind, string> = {
  missing: '缺失',
  changed: '已改变',
  extra: '多余',
  manifest: '清单问题',
  // A disposed original's signed record is missing or not what was stored (art. 11(3)).
  disposal_record: '销毁记录问题',
};

/** One officer on one day: handed over (✓), a handover is missing (缺), or nothing to hand over (—); in legend order. */
export const HANDOVER_MARKS = ['done', 'missing', 'none'] as const;
export type HandoverMark = (typeof HANDOVER_MARKS)[number];
export const HANDOVER_MARK_LABELS: Record<HandoverMark, string> = { done: '✓', none: '—', missing: '缺' };

/** A record form's signing states, in the order a form goes through them. */
export const RECORD_FORM_STATES = ['draft', 'officer_signed', 'chief_signed', 'locked'] as const;
export type RecordFormState = (typeof RECORD_FORM_STATES)[number];
export const RECORD_FORM_STATE_LABELS: Record<RecordFormState, string> = {
  draft: '草稿',
  officer_signed: '执法人员已签',
  chief_signed: '负责人已签',
  locked: '已锁定',
};

/** Who signs a record form, in order. */
export const SIGNATURE_ROLES = ['officer', 'chief'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

// -- Device care (issue 12 item 3, rules art. 4, 9, 10) --

/** The four points of the pre-use check (art. 4), in the order the rule names them. */
export const CHECK_ITEMS = ['noFault', 'battery', 'storage', 'clock'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];
export const CHECK_ITEM_LABELS: Record<CheckItem, string> = { noFault: '无故障', battery: '电量充足', storage: '存储空间', clock: '时间已校准' };

/** How a repair ended (art. 9): back in service, or beyond repair and retired. */
export const REPAIR_RESULTS = ['repaired', 'unrepairable'] as const;
export type RepairResult = (typeof REPAIR_RESULTS)[number];
export const REPAIR_RESULT_LABELS: Record<RepairResult, string> = { repaired: '已修复', unrepairable: '无法修复' };

/** Loss or damage of a recorder (art. 10). */
export const INCIDENT_KINDS = ['lost', 'damaged'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = { lost: '丢失', damaged: '损坏' };

/** The chief's decision on compensation (art. 10): none, by the rules, or full price for wilful damage. */
export const COMPENSATION_DECISIONS = ['no_compensation', 'compensate', 'full_price'] as const;
export type CompensationDecision = (typeof COMPENSATION_DECISIONS)[number];
export const COMPENSATION_DECISION_LABELS: Record<CompensationDecision, string> = {
  no_compensation: '不予赔偿',
  compensate: '按规定赔偿',
  full_price: '原价赔偿并追究责任',
};
/** A hold on footage (rules art. 11(3)): kept indefinitely until released with a reason. Classification holds too, by itself. */
export const HOLD_KINDS = ['investigation', 'chief'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];
export const HOLD_KIND_LABELS: Record<HoldKind, string> = { investigation: '调查保全', chief: '负责人保留' };

/** Why footage is kept until its keep-until date, or indefinitely (the first that applies, in this order). */
export const KEEP_BASES = ['hold', 'classified', 'case_open', 'case_closed', 'minimum'] as const;
export type KeepBasis = (typeof KEEP_BASES)[number];
export const KEEP_BASIS_LABELS: Record<KeepBasis, string> = {
  hold: '保留中（不得销毁）',
  classified: '涉密资料（不得销毁）',
  case_open: '所属案件办理中（不得销毁）',
  case_closed: '结案后按案件保存期限保存',
  minimum: '按保存期限保存（不少于三个月）',
};

/** A disposal (销毁) goes requested → approved or rejected → executed. */
export const DISPOSAL_STATES = ['requested', 'approved', 'rejected', 'executed'] as const;
export type DisposalState = (typeof DISPOSAL_STATES)[number];
export const DISPOSAL_STATE_LABELS: Record<DisposalState, string> = {
  requested: '待审批',
  approved: '已批准待执行',
  rejected: '已驳回',
  executed: '已销毁',
};

/** The tabs of the 到期资料 page: due for disposal, held indefinitely, kept until a later day, disposed. */
export const RETENTION_VIEWS = ['due', 'held', 'kept', 'disposed'] as const;
export type RetentionView = (typeof RETENTION_VIEWS)[number];
export const RETENTION_VIEW_LABELS: Record<RetentionView, string> = { due: '已到期可销毁', held: '不得销毁', kept: '保存期内', disposed: '已销毁' };
/** What the daily check (日常检查, rules art. 15) finds for a day; each kind is one source in main/supervision. */
export const FINDING_KINDS = [
  'handover_same_day',
  'not_docked',
  'late_handover',
  'no_audio',
  'recording_gap',
  'clock_suspect',
  'clock_drift',
  'viewing',
  'view_denied',
  'public_use',
  'disc',
  'integrity',
  'audit_chain',
  'failed_ingest',
  'weekly',
  'device_check_failed',
  'no_pre_use_check',
  'device_repair',
  'device_incident',
  'keep_until',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  handover_same_day: '当日使用与交接',
  not_docked: '领用未交接',
  late_handover: '迟交',
  no_audio: '无声音',
  recording_gap: '录制中断',
  clock_suspect: '时钟可疑',
  clock_drift: '时钟偏差',
  viewing: '查阅',
  view_denied: '越权查阅尝试',
  public_use: '公开使用审批',
  disc: '刻盘',
  integrity: '完整性校验',
  audit_chain: '审计日志链',
  failed_ingest: '导入失败',
  weekly: '每周归档',
  device_check_failed: '使用前检查不合格',
  no_pre_use_check: '未做使用前检查',
  device_repair: '设备维修',
  device_incident: '设备丢失损坏',
  keep_until: '到达保存期限',
};

/** The articles of the rules a finding concerns, in the order the check lists them. */
export const RULE_ARTICLES = ['2', '4', '6', '8', '9', '10', '11', '11(1)', '11(2)', '11(3)', '11(4)', '12', '13', '14'] as const;
export type RuleArticle = (typeof RULE_ARTICLES)[number];
export const RULE_ARTICLE_LABELS: Record<RuleArticle, string> = {
  '2': '第二条 声音与图像同步摄录',
  '4': '第四条 使用前检查设备、调校时间',
  '6': '第六条 连续录制，不得间断',
  '8': '第八条 逐日存储，按日交由指定人员归档',
  '9': '第九条 妥善保管维护，故障及时维修，严禁转借',
  '10': '第十条 谁佩戴谁负责，丢失损坏按规定赔偿',
  '11': '第十一条 完整留存，不得删节修改',
  '11(1)': '第十一条第（一）项 每日工作结束时妥善存储',
  '11(2)': '第十一条第（二）项 每周五集中存储',
  '11(3)': '第十一条第（三）项 一般保存不少于三个月',
  '11(4)': '第十一条第（四）项 作为证据的刻盘并填制记录表',
  '12': '第十二条 分级授权，经批准方可查阅',
  '13': '第十三条 公开使用经大队负责人批准',
  '14': '第十四条 办案查阅经乡主管领导批准并登记',
};

/** The chief's mark on a finding (art. 15). */
export const VERDICTS = ['normal', 'needs_correction'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = { normal: '正常', needs_correction: '需纠正' };

/** What a masked rectangle of a public-use copy hides (rules art. 3, 13). */
export const REGION_KINDS = ['face', 'plate', 'other'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
export const REGION_KIND_LABELS: Record<RegionKind, string> = { face: '人脸', plate: '车牌', other: '其他' };
/** How a masked rectangle is hidden. */
export const MASK_STYLES = ['blur', 'pixelate'] as const;
export type MaskStyle = (typeof MASK_STYLES)[number];
export const MASK_STYLE_LABELS: Record<MaskStyle, string> = { blur: '模糊', pixelate: '马赛克' };
