/** Numbers as the office reads them: sizes and speeds (one convention with forms and CLI), durations, clock drift. */

export { formatBytes, formatRate as formatSpeed } from '../../main/common';

/** 1 小时 2 分 3 秒, or 2.5 秒 for short clips. */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  if (sec < 60) return `${Math.round(sec * 10) / 10} 秒`;
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return [h ? `${h} 小时` : '', m ? `${m} 分` : '', r ? `${r} 秒` : ''].filter(Boolean).join(' ');
}

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
