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
