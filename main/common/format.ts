/**
 * Sizes as the program shows them everywhere (UI, printed forms, CLI): binary units named as such
 * (1 KiB = 1024 B), three significant figures. Only display: capacity planning counts exact bytes.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** '900 B', '3.40 KiB', '12.3 MiB', '512 MiB', '1.25 GiB'; '—' for what is not a size. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  // 1023.95 KiB would show as '1024 KiB': it is 1.00 MiB.
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  if (Number(v.toFixed(digits)) >= 1024 && u < UNITS.length - 1) return `1.00 ${UNITS[u + 1]}`;
  return `${v.toFixed(digits)} ${UNITS[u]}`;
}

/** A transfer rate: '48.2 MiB/s'; '—' when there is none. */
export function formatRate(bytesPerSec: number): string {
  return Number.isFinite(bytesPerSec) && bytesPerSec > 0 ? `${formatBytes(bytesPerSec)}/s` : '—';
}

/** For the screen: '1 小时 2 分 3 秒', or '2.5 秒' for short clips; '—' when there is none. */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  if (sec < 60) return `${Math.round(sec * 10) / 10} 秒`;
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return [h ? `${h} 小时` : '', m ? `${m} 分` : '', r ? `${r} 秒` : ''].filter(Boolean).join(' ');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** For printed forms' columns: '00:12:34'; hours grow past two digits rather than wrapping. */
export function formatDurationClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** A disposal's number as its record and the screens show it: 'XH-0003'. */
export function disposalNumber(id: number): string {
  return `XH-${String(id).padStart(4, '0')}`;
}
