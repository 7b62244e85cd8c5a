import { Typography } from 'antd';
import type { Role } from '../../../main/common/roles';
import { DETAIL_KEY_LABELS, DETAIL_VALUE_LABELS, ROLE_LABELS } from '../labels';
import { formatTime } from '../time';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRole(v: unknown): v is Role {
  return typeof v === 'string' && Object.hasOwn(ROLE_LABELS, v);
}

export function keyLabel(key: string): string {
  return DETAIL_KEY_LABELS[key] ?? key;
}

/** One detail value as a person reads it. */
export function formatDetailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => (isRole(r) ? ROLE_LABELS[r] : String(r))).join('、');
  if (typeof value === 'boolean') {
    if (key === 'ok') return value ? '通过' : '未通过';
    return value ? '是' : '否';
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTime(value, 'YYYY-MM-DD HH:mm:ss');
    return DETAIL_VALUE_LABELS[value] ?? value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => formatDetailValue('', v)).join('、');
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Audit details as short "key: value" lines; a before/after pair shows only what changed. */
export function AuditDetails(props: { details: Record<string, unknown> }) {
  const { details } = props;
  const lines: string[] = [];
  const { before, after, ...rest } = details;
  if (isRecord(before) && isRecord(after)) {
    for (const k of Object.keys(after)) {
      if (!sameValue(before[k], after[k])) lines.push(`${keyLabel(k)}：${formatDetailValue(k, before[k])} → ${formatDetailValue(k, after[k])}`);
    }
    if (lines.length === 0) lines.push('无变化');
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [k, v] of Object.entries(rest)) lines.push(`${keyLabel(k)}：${formatDetailValue(k, v)}`);
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ fontSize: 13, lineHeight: 1.7 }}>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}

/** The object of an audit entry (`user:3`, `office`, a method name) in words. */
export function formatTarget(action: string, target: string | null): string {
  if (!target) return '—';
  if (action === 'access.denied') return `接口 ${target}`;
  const m = /^user:(\d+)$/.exec(target);
  if (m) return `用户 #${m[1]}`;
  if (target === 'office') return '单位';
  if (target === 'audit_log') return '审计日志';
  return target;
}

export function detailValueLabel(_key: string, value: string): string | null {
  return DETAIL_VALUE_LABELS[value] ?? null;
}
