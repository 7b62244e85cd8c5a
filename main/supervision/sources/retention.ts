// Art. 11(3): footage reaching its keep-until date that day (it may then be disposed of, by request and approval).
import type { DayRows, Finding } from '../types';

/** At most this many files are named in a finding's records; the 到期资料 list has them all. */
const REFS_MAX = 10;

/** One finding for the day's originals reaching their keep-until date: a record the chief confirms, not a problem. */
export const keepUntil = (rows: DayRows): Finding[] => {
  if (rows.keepUntil.length === 0) return [];
  const days = [...new Set(rows.keepUntil.map((k) => k.recordedDay))].sort();
  return [
    {
      key: `keep_until:day:${rows.day}`,
      kind: 'keep_until',
      article: '11(3)',
      problem: false,
      title: `${rows.keepUntil.length} 个原始文件当日到达保存期限`,
      detail: `录制于 ${days.join('、')}；可在“到期资料”中申请销毁，经批准后由保管人执行`,
      refs: [
        { kind: 'retention', id: rows.day, label: '到期资料' },
        ...rows.keepUntil.slice(0, REFS_MAX).map((k) => ({ kind: 'media' as const, id: k.mediaId, label: k.name })),
      ],
    },
  ];
};
