import { Typography } from 'antd';
import type { AuditEntryDto } from '../../../main/api/dto';
import { FORM_STATE_LABELS } from './forms/labels';
import {
  ACCESS_SCOPE_KIND_LABELS,
  ACCESS_STATE_LABELS,
  ACCESS_TYPE_LABELS,
  CATEGORY_LABELS,
  CLASSIFICATION_LABELS,
  DETAIL_KEY_LABELS,
  DETAIL_VALUE_LABELS,
  DISC_MEDIA_LABELS,
  DISPOSAL_STATE_LABELS,
  HOLD_KIND_LABELS,
  INGEST_STATUS_LABELS,
  MEDIA_FLAG_LABELS,
  MEDIA_KIND_LABELS,
  RECORDER_STATUS_LABELS,
  ROLE_LABELS,
  RULE_ARTICLE_LABELS,
  START_RULE_LABELS,
  START_SOURCE_LABELS,
  VERDICT_LABELS,
} from '../labels';
import { formatBytes } from '../format';
import { formatTime } from '../time';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a key means something else in one action (officer.create's name is a person's, not the office's). */
const KEY_LABELS_BY_ACTION: Record<string, Record<string, string>> = {
  'officer.create': { name: '姓名' },
  'officer.update': { name: '姓名' },
};

export function keyLabel(key: string, action = ''): string {
  return KEY_LABELS_BY_ACTION[action]?.[key] ?? DETAIL_KEY_LABELS[key] ?? key;
}

/** The fixed values a key takes, per key (the same word means different things under different keys). */
const VALUE_LABELS_BY_KEY: Record<string, Record<string, string>> = {
  status: { ...INGEST_STATUS_LABELS, ...RECORDER_STATUS_LABELS, ok: '一致', changed: '与入库哈希不一致', missing: '缺少', unreadable: '无法读取', extra: '多余文件' },
  state: { ...DISPOSAL_STATE_LABELS, ...ACCESS_STATE_LABELS, ...FORM_STATE_LABELS },
  stateBefore: FORM_STATE_LABELS,
  type: { ...ACCESS_TYPE_LABELS, jpg: 'JPG 图片', png: 'PNG 图片', pdf: 'PDF 文件' },
  kind: { ...ACCESS_SCOPE_KIND_LABELS, ...MEDIA_KIND_LABELS, ...HOLD_KIND_LABELS },
  classification: CLASSIFICATION_LABELS,
  variant: { original: '原始文件', preview: '预览副本', thumb: '缩略画面' },
  role: ROLE_LABELS,
  roles: ROLE_LABELS,
  mediaType: DISC_MEDIA_LABELS,
  startSource: START_SOURCE_LABELS,
  startRule: START_RULE_LABELS,
  article: RULE_ARTICLE_LABELS,
  verdict: VERDICT_LABELS,
  flags: MEDIA_FLAG_LABELS,
  category: CATEGORY_LABELS,
  code: {
    VIEW_NOT_GRANTED: '未经批准查阅',
    VIEW_NOT_NAMED: '非批准时点名的人员',
    PASSWORD_CHANGE_REQUIRED: '须先修改初始密码',
    FORBIDDEN: '无权限',
    NOT_FOUND: '不存在',
    UNKNOWN: '未知错误',
  },
};

/** The Chinese for a fixed value under `key`, or null when there is none (then the page would show it raw). */
export function detailValueLabel(key: string, value: string): string | null {
  return VALUE_LABELS_BY_KEY[key]?.[value] ?? DETAIL_VALUE_LABELS[value] ?? null;
}

/** 'grant:2', 'own-footage', 'role:custodian' (what let a viewing happen) in words. */
function basisText(v: string): string {
  const grant = /^grant:(\d+)$/.exec(v);
  if (grant) return `经批准的查阅申请（第 ${grant[1]} 号）`;
  if (v === 'own-footage') return '本人拍摄的资料（采集后限时查看）';
  const role = /^role:(\w+)$/.exec(v);
  if (role) return `凭职责查看（${ROLE_LABELS[role[1] as keyof typeof ROLE_LABELS] ?? role[1]}）`;
  return v;
}

const BYTE_KEYS = new Set(['bytes', 'size', 'imageBytes']);

/** One detail value as a person reads it; ids of named things by name through `refs` (AuditEntryDto.refs, 'key:id'). */
export function formatDetailValue(key: string, value: unknown, refs: Record<string, string> = {}, action = ''): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const ids = Array.isArray(value) ? value : [value];
  if (ids.length && ids.every((id) => typeof id === 'number' && refs[`${key}:${id}`])) return ids.map((id) => refs[`${key}:${String(id)}`]).join('、');
  if (typeof value === 'boolean') {
    if (key === 'ok' || key === 'integrityOk') return value ? '通过' : '未通过';
    return value ? '是' : '否';
  }
  if (typeof value === 'string') {
    if (key === 'basis') return basisText(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTime(value, 'YYYY-MM-DD HH:mm:ss');
    const label = detailValueLabel(key, value);
    if (label) return label;
    if (key === 'code') return `其他原因（${value}）`;
    return value;
  }
  if (typeof value === 'number') return BYTE_KEYS.has(key) ? formatBytes(value) : String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatDetailValue(key, v, refs, action)).join('、') : '（无）';
  if (isRecord(value)) {
    // A nested record (a scope, counts, an id → approval map) as labelled pairs, never as JSON.
    const parts = Object.entries(value).map(([k, v]) => (/^\d+$/.test(k) ? `${formatDetailValue(key === 'approvals' ? 'mediaId' : k, Number(k), refs)}：${formatDetailValue(key === 'approvals' ? 'requestId' : k, v, refs, action)}` : `${keyLabel(k, action)} ${formatDetailValue(k, v, refs, action)}`));
    return parts.length ? parts.join('；') : '（无）';
  }
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Audit details as short "键：值" lines in Chinese; a before/after pair shows only what changed. */
export function detailLines(entry: Pick<AuditEntryDto, 'action' | 'details'> & { refs?: Record<string, string> }): string[] {
  const { details, action } = entry;
  const refs = entry.refs ?? {};
  const lines: string[] = [];
  const { before, after, ...rest } = details;
  if (isRecord(before) && isRecord(after)) {
    for (const k of Object.keys(after)) {
      if (!sameValue(before[k], after[k])) lines.push(`${keyLabel(k, action)}：${formatDetailValue(k, before[k], refs, action)} → ${formatDetailValue(k, after[k], refs, action)}`);
    }
    if (lines.length === 0) lines.push('无变化');
  } else {
    if (before !== undefined && before !== null) rest.before = before;
    if (after !== undefined && after !== null) rest.after = after;
  }
  for (const [k, v] of Object.entries(rest)) lines.push(`${keyLabel(k, action)}：${formatDetailValue(k, v, refs, action)}`);
  return lines;
}

export function AuditDetails(props: { entry: Pick<AuditEntryDto, 'action' | 'details'> & { refs?: Record<string, string> } }) {
  const lines = detailLines(props.entry);
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ fontSize: 13, lineHeight: 1.7 }}>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}

/** The object of an audit entry by name (the server's targetName); what it cannot name, in words, never a raw id. */
export function formatTarget(action: string, target: string | null, targetName: string | null = null): string {
  if (targetName) return targetName;
  if (!target) return '—';
  if (action === 'access.denied') return `接口 ${target}`;
  if (target === 'office') return '单位';
  if (target === 'audit_log') return '审计日志';
  return '（已不存在）';
}
