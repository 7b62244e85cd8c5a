/**
 * The renderer's own names and colours. The program's enumerations and their Chinese names live once in
 * main/common (values.ts, roles.ts) and are re-exported here, so pages import every label from one place.
 */
import type {
  ChainReportDto,
  Classification,
  IngestStatus,
  MediaFlag,
  RecorderStatus,
  SectionId,
} from '../../main/api/dto';
import { HANDOVER_MARK_LABELS, INTEGRITY_PROBLEM_LABELS, NEVER_IN_FILES_LABELS, RECORDER_STATUS_LABELS, ROLE_LABELS, ROLES, type HandoverMark, type IntegrityProblemKind, type Role } from '../../main/common';

export {
  ACCESS_SCOPE_KIND_LABELS,
  ACCESS_SCOPE_KINDS,
  ACCESS_STATE_LABELS,
  ACCESS_TYPE_LABELS,
  ACCESS_TYPES,
  CASE_STATUS_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  CLASSIFICATION_LABELS,
  DISC_MEDIA_LABELS,
  DISC_MEDIA_TYPES,
  INGEST_STATUS_LABELS,
  INTEGRITY_PROBLEM_LABELS,
  RECORD_FORM_STATE_LABELS,
  RECORD_FORM_STATES,
  MEDIA_FLAG_LABELS,
  MEDIA_KIND_LABELS,
  MEDIA_KINDS,
  RECORDER_STATUS_LABELS,
  ROLE_LABELS,
  ROLES,
  START_RULE_LABELS,
} from '../../main/common';

export const ROLE_COLORS: Record<Role, string> = {
  officer: 'blue',
  custodian: 'cyan',
  chief: 'gold',
  township_leader: 'purple',
  admin: 'volcano',
};

export const ROLE_HINTS: Record<Role, string> = {
  officer: '佩戴执法记录仪，每日移交视听资料，准备案件证据光盘并在记录表上签名',
  custodian: '接入记录仪每日采集、每周归档，管理设备和查阅登记，刻录光盘',
  chief: '审批工作查阅和公开使用，签署记录表并加盖单位印章，每日监督',
  township_leader: '审批与案件有关的查阅申请',
  admin: '初始化工作站、管理用户账户和单位设置',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export function sortRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

export const SECTION_LABELS: Record<SectionId, string> = {
  dashboard: '工作台',
  ingest: '采集导入',
  library: '资料库',
  cases: '案件',
  discs: '刻盘',
  forms: '记录表',
  approvals: '查阅审批',
  devices: '设备',
  supervision: '监督',
  audit: '审计日志',
  settings: '系统设置',
};

/** Audit actions with a name a person understands; unknown ones are shown by their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'office.setup': '初始化',
  'office.update': '修改单位设置',
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.logout': '退出',
  'session.idle_logout': '超时退出',
  'session.password_changed': '修改密码',
  'session.password_change_failed': '修改密码失败',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.cert_renewed': '证书续期',
  'key.rewrapped': '私钥加密升级',
  'audit.verify': '校验审计链',
  'audit.seal_restored': '从封存文件恢复日封存',
  'access.denied': '越权访问被拒绝',
  'ingest.start': '开始导入',
  'ingest.finish': '导入结束',
  'ingest.cancel': '取消导入',
  'ingest.clear_source': '清除记录仪',
  'media.ingest': '入库',
  'media.duplicate': '重复文件',
  'media.ingest_failed': '入库失败',
  'manifest.write': '写入日清单',
  'integrity.check': '完整性校验',
  'weekly.consolidate': '每周归档',
  'form.handover_sheet': '生成交接登记表',
  'officer.create': '新增人员',
  'officer.update': '修改人员',
  'recorder.create': '新增记录仪',
  'recorder.update': '修改记录仪',
  'recorder.assign': '领用记录仪',
  'media.view': '查看',
  'media.view_denied': '无权查看',
  'media.update': '修改标注',
  'bookmark.add': '添加书签',
  'bookmark.remove': '删除书签',
  'case.create': '新建案件',
  'case.update': '修改案件',
  'case.add_items': '加入案件',
  'case.remove_item': '移出案件',
  'access.request': '提出查阅申请',
  'access.approve': '批准查阅申请',
  'access.reject': '驳回查阅申请',
  'access.revoke': '撤销查阅申请',
  'access.policy': '修改查阅规则',
  'media.classify': '设定资料密级',
  'case.classify': '设定案件密级',
  'form.viewing_register': '生成查阅登记表',
  'record_form.create': '新建记录表',
  'record_form.update': '修改记录表',
  'record_form.sign': '记录表签名',
  'record_form.attach_scan': '附加记录表扫描件',
  'record_form.lock': '记录表锁定',
  'form.record_form': '生成记录表文件',
  'disc.build': '制作光盘映像',
  'disc.burn': '刻录光盘',
  'disc.burn_failed': '刻录失败',
  'disc.readback': '光盘回读核验',
  'form.open': '打开文书',
  'form.open_denied': '无权打开文书',
  'form.download': '下载文书',
  'form.download_denied': '无权下载文书',
  'backup.run': '备份',
  'backup.alarm': '备份前数据库检查报警',
  'backup.drill': '恢复演练',
  'backup.restore': '从备份恢复',
  'backup.rebuild': '由备份文件重建档案库',
};

/** Groups for the action filter (the API filters by prefix). */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'session.', label: '登录与会话' },
  { prefix: 'user.', label: '用户管理' },
  { prefix: 'office.', label: '单位设置' },
  { prefix: 'audit.', label: '审计' },
  { prefix: 'access.', label: '访问控制' },
  { prefix: 'ingest.', label: '采集导入' },
  { prefix: 'media.', label: '入库文件' },
  { prefix: 'manifest.', label: '日清单' },
  { prefix: 'integrity.', label: '完整性校验' },
  { prefix: 'weekly.', label: '每周归档' },
  { prefix: 'form.', label: '表单文书' },
  { prefix: 'officer.', label: '人员' },
  { prefix: 'recorder.', label: '记录仪' },
  { prefix: 'bookmark.', label: '书签' },
  { prefix: 'case.', label: '案件' },
  { prefix: 'record_form.', label: '记录表' },
  { prefix: 'disc.', label: '证据光盘' },
];

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export type ChainProblemKind = ChainReportDto['problems'][number]['kind'];
export type ChainWarningKind = ChainReportDto['warnings'][number]['kind'];

export const CHAIN_PROBLEM_LABELS: Record<ChainProblemKind, string> = {
  edited: '记录被修改',
  deleted: '记录被删除',
  inserted: '记录被插入',
  reordered: '记录顺序被调换',
  seq_gap: '序号不连续',
  seal_invalid: '封存签名无效',
  seal_missing_row: '封存的记录缺失',
  seal_missing: '缺少日封存',
  seal_chain_broken: '封存链断开',
  seal_file_missing: '封存文件缺失',
  seal_file_orphan: '封存文件在库中无记录',
  seal_file_mismatch: '封存文件与库中不一致',
  seal_file_invalid: '封存文件签名无效',
  anchor_mismatch: '与纸质报告核对值不符',
};

export const CHAIN_WARNING_LABELS: Record<ChainWarningKind, string> = {
  seal_late: '延迟封存',
  seal_pending: '尚未封存',
  seal_legacy: '旧式封存（无库外文件）',
};

/** Keys that appear in audit details, in Chinese. */
export const DETAIL_KEY_LABELS: Record<string, string> = {
  login: '登录名',
  displayName: '姓名',
  badgeNo: '警号',
  roles: '角色',
  disabled: '停用',
  reason: '原因',
  lockedUntil: '锁定至',
  officeName: '单位全称',
  name: '单位全称',
  unitName: '印章单位名称',
  timeZone: '时区',
  idleMinutes: '超时退出（分钟）',
  users: '账户',
  certSerial: '证书序列号',
  newCertSerial: '新证书序列号',
  ok: '结果',
  entries: '记录数',
  problems: '问题数',
  serial: '记录仪编号',
  brand: '品牌',
  model: '型号',
  assetNo: '资产编号',
  status: '状态',
  notes: '备注',
  officerId: '人员编号',
  from: '起始时间',
  previous: '原使用人警号',
  active: '在岗',
  registeredAtIngest: '导入时登记',
  fileName: '文件名',
  sha256: 'SHA-256',
  scope: '范围',
  checked: '已校验文件',
  missing: INTEGRITY_PROBLEM_LABELS.missing,
  changed: INTEGRITY_PROBLEM_LABELS.changed,
  extra: INTEGRITY_PROBLEM_LABELS.extra,
  manifestProblems: INTEGRITY_PROBLEM_LABELS.manifest,
  week: '周次',
  integrityOk: '完整性',
  backupVerified: '备份已校验',
  backupFiles: '备份文件数',
  report: '周报',
  reportSha256: '周报 SHA-256',
  account: '登录账户',
  created: '已新建',
  unlinkedOfficer: '解除关联的执法人员',
  startRule: '开始时间来源',
  backupGeneration: '备份批次',
  backupManifestSha256: '备份清单 SHA-256',
  generation: '备份批次',
  takenAt: '备份时间',
  filesCopied: '复制文件数',
  filesAlreadyThere: '已在备份中的文件数',
  filesChecked: '已核对文件数',
  removed: '已清理的旧批次',
  verified: '已回读核验',
  findings: '检查发现',
  newerGenerations: '更新的备份批次（未恢复）',
  originals: '原始文件数',
  originalsNotInGeneration: '不在该批次中的原始文件',
  signedBy: '清单签名人',
  retentionMonths: '保存期限（月）',
  // Issue 11 item 10: every key an audit call site writes (tests/unit/renderer/audit-labels.test.ts).
  addedAt: '加入时间',
  addedBy: '加入人',
  after: '修改后',
  anchors: '核对值',
  approvals: '依据的批准',
  basis: '查看依据',
  before: '修改前',
  bookmarkId: '书签',
  bytes: '字节数',
  caseId: '案件',
  changes: '修改内容',
  classification: '密级',
  code: '原因',
  contentFile: '内容文件',
  contentSha256: '内容 SHA-256',
  day: '日期',
  defaultDays: '默认有效期（天）',
  disc: '光盘序号',
  discId: '光盘编号',
  discNo: '光盘编号',
  drift: '时钟偏差（秒）',
  drive: '刻录机',
  duplicates: '重复文件数',
  failed: '失败数',
  failures: '连续失败次数',
  files: '文件数',
  flags: '标记',
  fromIterations: '原迭代次数',
  hash: '哈希',
  id: '编号',
  imageBytes: '映像大小',
  kind: '类别',
  label: '名称',
  manifestSha256: '清单 SHA-256',
  maxDays: '最长有效期（天）',
  mediaId: '资料',
  mediaIds: '资料',
  mediaType: '光盘类型',
  namedUsers: '点名可查阅人员',
  notAfter: '有效期至',
  number: '案号',
  officer: '执法人员',
  offsetSec: '时间点（秒）',
  oldCertSerial: '原证书序列号',
  ownFootageHours: '本人资料可查看时长（小时）',
  path: '路径',
  preload: '预加载',
  recordFormId: '记录表',
  recorder: '记录仪',
  recordingId: '录像',
  reenabled: '重新启用',
  replaced: '替换原扫描件',
  reported: '由播放器报告',
  requestId: '查阅申请',
  revokedCertSerials: '吊销的证书',
  role: '签名身份',
  rows: '行数',
  sealAnchors: '封存核对值',
  selfApproved: '本人审批',
  seq: '序号',
  session: '导入批次',
  sessionEnded: '会话已结束',
  signatureId: '签名编号',
  signatureSha256: '签名 SHA-256',
  size: '大小',
  source: '来源文件',
  sourceCleared: '已清除记录仪',
  start: '录制开始',
  startSource: '开始时间来源',
  startedAt: '开始时间',
  state: '状态',
  stateBefore: '原状态',
  stored: '入库数',
  storedPath: '存放位置',
  strict: '严格模式',
  to: '截止',
  toIterations: '新迭代次数',
  type: '类型',
  uploadedName: '上传文件名',
  userId: '关联账户',
  validFrom: '生效时间',
  validUntil: '失效时间',
  variant: '查看内容',
  viewingId: '查阅登记',
  voidedSignatures: '作废的签名',
  warnings: '提示数',
  admin: '新管理员',
  dayManifests: '日清单',
  headHash: '链头哈希',
  headSeq: '链头序号',
  lastSeal: '最后封存',
  neverInFiles: '仅数据库保存、无法重建的内容',
  previousCaFingerprintSha256: '原单位根证书指纹',
  previousSha256: '原清单 SHA-256',
  rebuilt: '重建',
  recordFile: '记录文件',
  recordSha256: '记录 SHA-256',
  signedAt: '签名时间',
  unrecovered: '未能恢复',
};

export const DETAIL_VALUE_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '用户不存在',
  locked: '账户已锁定',
  disabled: '账户已停用',
  wrong_old_password: '原密码错误',
  ...RECORDER_STATUS_LABELS,
  ...NEVER_IN_FILES_LABELS,
};

// -- Ingest, devices, weekly consolidation --

export const MEDIA_FLAG_COLORS: Record<MediaFlag, string> = {
  no_audio: 'orange',
  clock_suspect: 'gold',
  unreadable: 'red',
  truncated: 'volcano',
  zero_byte: 'magenta',
};

export const MEDIA_FLAG_HINTS: Record<MediaFlag, string> = {
  no_audio: '录像没有声音（制度第二条要求声像同步）',
  clock_suspect: '录制时间早于 2010 年、晚于当前时间或与接入时间相差过大，已按导入日期归档',
  unreadable: '无法解析媒体信息，原样保存',
  truncated: '文件不完整（可能录制中断电），原样保存',
  zero_byte: '文件大小为 0',
};

export const INGEST_STATUS_COLORS: Record<IngestStatus, string> = {
  running: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
  interrupted: 'warning',
};

/** Where a recording's start time was read from. */
export const START_SOURCE_LABELS: Record<string, string> = {
  creation_time: '文件元数据',
  file_name: '文件名',
  mtime: '修改时间',
};

export const DRIFT_BASIS_LABELS: Record<string, string> = {
  info_file_time: '依据记录仪信息文件中的时间',
  newest_file_in_future: '依据晚于接入时间的最新文件（下限）',
};

export const RECORDER_STATUS_COLORS: Record<RecorderStatus, string> = {
  in_service: 'green',
  repair: 'orange',
  lost: 'red',
  retired: 'default',
};

export const HANDOVER_MARK_LOOKS: Record<HandoverMark, { text: string; color: string; hint: string }> = {
  done: { text: HANDOVER_MARK_LABELS.done, color: '#389e0d', hint: '当日已移交' },
  none: { text: HANDOVER_MARK_LABELS.none, color: '#9aa3b2', hint: '当日无录像' },
  missing: { text: HANDOVER_MARK_LABELS.missing, color: '#cf1322', hint: '有当日录像但当日未移交' },
};

export const INTEGRITY_PROBLEM_COLORS: Record<IntegrityProblemKind, string> = {
  missing: 'red',
  changed: 'volcano',
  extra: 'orange',
  manifest: 'gold',
};

// -- Library, player and cases --

export const CLASSIFICATION_COLORS: Record<Classification, string> = {
  normal: 'default',
  privacy: 'purple',
  business_secret: 'orange',
  state_secret: 'red',
};
