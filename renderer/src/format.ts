/** Numbers as the office reads them: sizes and speeds (one convention with forms and CLI), durations, clock drift. */

import { formatDuration } from '../../main/common';

export { formatBytes, formatDuration, formatRate as formatSpeed } from '../../main/common';

export function formatEta(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec)) return '正在估算…';
  if (sec < 1) return '即将完成';
  return `约 ${formatDuration(Math.ceil(sec))}`;
}

/** 记录仪时钟偏差: +N 秒 ahead, −N 秒 behind, or 无法测定. */
export function formatDrift(sec: number | null): string {
  if (sec === null) return '无法测定';
  if (sec === 0) return '0 秒（准确）';
  const abs = Math.abs(sec);
  const text = abs >= 60 ? formatDuration(abs) : `${abs} 秒`;
  return `${sec > 0 ? '+' : '−'}${text}（${sec > 0 ? '记录仪时钟偏快' : '记录仪时钟偏慢'}）`;
}
