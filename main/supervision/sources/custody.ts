// Art. 11 and 11(2): the originals' integrity, the audit chain, and the weekly consolidation by Friday.
import { addDays, localDay } from '../../common';
import type { DayRows, Finding } from '../types';
import { timeOf } from './shared';

/** Monday of the ISO week holding `day`. */
function mondayOf(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

/** The last integrity check by the day's end: when, how many checked, anything missing or changed (art. 11). */
export const integrity = (rows: DayRows): Finding[] => {
  const c = rows.integrity;
  if (!c) {
    return [{ key: 'integrity:none', kind: 'integrity', article: '11', problem: true, title: '尚未做过完整性校验', detail: '请在“采集导入”中运行完整性校验', refs: [] }];
  }
  const bad = c.missing + c.changed;
  return [
    {
      key: `integrity:${c.id}`,
      kind: 'integrity',
      article: '11',
      problem: bad > 0,
      title: bad > 0 ? `完整性校验发现缺失 ${c.missing} 个、被改变 ${c.changed} 个原始文件` : `完整性校验通过（${c.checked} 个文件）`,
      detail: `最近一次校验完成于 ${timeOf(rows, c.finishedAt)}`,
      refs: [{ kind: 'integrity', id: c.id, label: `校验 #${c.id}` }],
    },
  ];
};

/** The audit log's hash chain as it stands (art. 11: nothing altered). */
export const auditChain = (rows: DayRows): Finding[] => [
  {
    key: 'audit_chain',
    kind: 'audit_chain',
    article: '11',
    problem: rows.auditChain.problems > 0,
    title: rows.auditChain.problems > 0 ? `审计日志链发现 ${rows.auditChain.problems} 处问题` : `审计日志链完整（${rows.auditChain.entries} 条）`,
    detail: rows.auditChain.firstProblem ?? '逐条核对哈希链，未发现断裂或改动',
    refs: [{ kind: 'audit', id: 'chain', label: '审计日志' }],
  },
];

/**
 * Whether the week's consolidation was done by its Friday (art. 11(2)). Judged from the Friday on; a run after
 * Friday counts as late; a Friday still running is not judged until it is over.
 */
export const weeklyByFriday = (rows: DayRows): Finding[] => {
  const monday = mondayOf(rows.day);
  const friday = addDays(monday, 4);
  if (rows.day < friday) return [];
  const today = localDay(rows.now, rows.timeZone);
  const runs = rows.weekly.map((w) => ({ ...w, day: localDay(new Date(w.createdAt), rows.timeZone) }));
  const onTime = runs.find((w) => w.day <= friday);
  if (!onTime && today <= friday) return [];
  const late = runs.find((w) => w.day > friday && w.day <= rows.day);
  return [
    {
      key: `weekly:${monday}`,
      kind: 'weekly',
      article: '11(2)',
      problem: !onTime,
      title: onTime ? `本周（${monday} 起）已于周五前完成每周归档` : late ? `本周每周归档晚于周五完成（${late.day}）` : `本周（${monday} 起）周五前未做每周归档`,
      detail: runs.length ? runs.map((w) => `归档 #${w.id} ${timeOf(rows, w.createdAt)}`).join('；') : '本周没有归档记录',
      refs: runs.map((w) => ({ kind: 'weekly' as const, id: w.id, label: `归档 #${w.id}` })),
    },
  ];
};
