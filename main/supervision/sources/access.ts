// Art. 11(4), 12–14: every viewing with what allowed it, refused attempts, public-use approvals, discs made.
import { ACCESS_TYPE_LABELS, type RuleArticle } from '../../common';
import type { DayRows, Finding, ViewingRow } from '../types';
import { timeOf } from './shared';

const ARTICLE_OF_TYPE: Record<NonNullable<ViewingRow['requestType']>, RuleArticle> = { work: '12', case: '14', public: '13' };

function basisText(v: ViewingRow): string {
  if (v.requestId !== null && v.requestType) return `${ACCESS_TYPE_LABELS[v.requestType]}申请 #${v.requestId}，批准人 ${v.approver ?? '—'}`;
  if (v.basis === 'own-footage') return '本人摄录的资料';
  if (v.basis.startsWith('role:')) return '岗位权限';
  return v.basis;
}

/** Each viewing begun on the day with the approval it rested on (art. 12–14). */
export const viewings = (rows: DayRows): Finding[] =>
  rows.viewings.map((v) => ({
    key: `viewing:${v.id}`,
    kind: 'viewing',
    article: v.requestType ? ARTICLE_OF_TYPE[v.requestType] : '12',
    // Case and public use without a named approver would break art. 13/14; the view policy should never let it happen.
    problem: (v.requestType === 'case' || v.requestType === 'public') && !v.approver,
    title: `${v.viewer} 查阅 ${v.mediaName}`,
    detail: `${timeOf(rows, v.startedAt)}；依据：${basisText(v)}${v.reason ? `；事由：${v.reason}` : ''}`,
    refs: [
      { kind: 'viewing', id: v.id, label: `查阅登记 #${v.id}` },
      { kind: 'media', id: v.mediaId, label: v.mediaName },
      ...(v.requestId !== null ? [{ kind: 'access' as const, id: v.requestId, label: `申请 #${v.requestId}` }] : []),
    ],
  }));

/** Attempts to view without leave that the program refused (art. 12: no viewing beyond one's authority). */
export const deniedViews = (rows: DayRows): Finding[] =>
  rows.deniedViews.map((d) => ({
    key: `view_denied:audit:${d.seq}`,
    kind: 'view_denied',
    article: '12',
    problem: true,
    title: `${d.actor ?? '未知用户'} 试图查阅未获批准的资料（已拒绝）`,
    detail: `${timeOf(rows, d.at)}；${d.target ?? ''}${d.code ? `；${d.code}` : ''}`,
    refs: [
      { kind: 'audit', id: d.seq, label: `审计 #${d.seq}` },
      ...(d.target?.startsWith('media:') ? [{ kind: 'media' as const, id: Number(d.target.slice(6)), label: `资料 #${d.target.slice(6)}` }] : []),
    ],
  }));

/** Public-use requests decided on the day (art. 13: the chief approves). */
export const publicUse = (rows: DayRows): Finding[] =>
  rows.publicUse.map((r) => ({
    key: `public_use:access:${r.id}`,
    kind: 'public_use',
    article: '13',
    problem: r.status === 'approved' && !r.decidedBy,
    title: `公开使用申请 #${r.id}（${r.requester}）${r.status === 'approved' ? '已批准' : r.status === 'rejected' ? '已驳回' : r.status}`,
    detail: `决定人 ${r.decidedBy ?? '—'}，${timeOf(rows, r.decidedAt)}；${r.items} 个资料；事由：${r.reason}`,
    refs: [{ kind: 'access', id: r.id, label: `申请 #${r.id}` }],
  }));

/** Discs built on the day (art. 11(4)): signed record form, burned, read back. */
export const discs = (rows: DayRows): Finding[] =>
  rows.discs.map((d) => ({
    key: `disc:${d.id}`,
    kind: 'disc',
    article: '11(4)',
    problem: d.readbackOk === false || !['chief_signed', 'locked'].includes(d.formState),
    title: `案件 ${d.caseNumber} 光盘 ${d.id}`,
    detail: `${d.builtBy} ${timeOf(rows, d.builtAt)} 制作；${d.burnedAt ? `已刻录，${d.readbackOk === null ? '未回读' : d.readbackOk ? '回读一致' : '回读不一致'}` : '尚未刻录'}`,
    refs: [{ kind: 'disc', id: d.id, label: `光盘 ${d.id}` }],
  }));
