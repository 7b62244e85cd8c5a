import { formatWallClock } from '../common';
import type { LocalDateTime, RecorderFileName } from './types';

// Brand prefixes and generic camera prefixes seen before the serial; not part of the serial itself.
const PREFIXES = new Set(['DSJ', 'ZFJLY', 'ZFY', 'JLY', 'REC', 'VID', 'IMG', 'AUD', 'PIC', 'MOV', 'DCIM']);

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidLocal(t: LocalDateTime): boolean {
  return (
    t.y >= 1970 && t.y <= 2099 &&
    t.m >= 1 && t.m <= 12 &&
    t.d >= 1 && t.d <= daysInMonth(t.y, t.m) &&
    t.hh <= 23 && t.mm <= 59 && t.ss <= 59
  );
}

function toLocal(date8: string, time6: string): LocalDateTime | null {
  const t: LocalDateTime = {
    y: Number(date8.slice(0, 4)),
    m: Number(date8.slice(4, 6)),
    d: Number(date8.slice(6, 8)),
    hh: Number(time6.slice(0, 2)),
    mm: Number(time6.slice(2, 4)),
    ss: Number(time6.slice(4, 6)),
  };
  return isValidLocal(t) ? t : null;
}

/**
 * Reads the recorder's naming: `<serial>_<badge>_<YYYYMMDDHHMMSS>_<seq>.MP4` and common variants
 * (`DSJ_<serial>_<badge>_…`, `<YYYYMMDD>_<HHMMSS>_<seq>`, `<YYYY>_<MMDD>_<HHMMSS>_<seq>`, `-` as separator,
 * letters after the sequence such as `0001A` or `_IMP`). Returns {} when no valid timestamp is found:
 * without the timestamp as anchor, the other tokens cannot be told apart.
 * A single token before the timestamp is taken as badge when it is 4–8 digits (officer numbers are numeric),
 * otherwise as serial.
 */
export function parseRecorderFileName(name: string): RecorderFileName {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  // Underscore first so a serial like `DSJ-A8` stays whole; then any separator.
  return parseTokens(base.split(/_+/).filter(Boolean)) ?? parseTokens(base.split(/[_\-\s]+/).filter(Boolean)) ?? {};
}

function parseTokens(tokens: string[]): RecorderFileName | null {
  let start: LocalDateTime | null = null;
  let tsFirst = -1;
  let tsLast = -1;
  for (let i = 0; i < tokens.length && !start; i++) {
    const a = tokens[i] ?? '';
    const b = tokens[i + 1] ?? '';
    const c = tokens[i + 2] ?? '';
    if (/^\d{14}$/.test(a)) {
      start = toLocal(a.slice(0, 8), a.slice(8));
      tsFirst = tsLast = i;
    } else if (/^\d{8}$/.test(a) && /^\d{6}$/.test(b)) {
      start = toLocal(a, b);
      tsFirst = i;
      tsLast = i + 1;
    } else if (/^\d{4}$/.test(a) && /^\d{4}$/.test(b) && /^\d{6}$/.test(c)) {
      start = toLocal(a + b, c);
      tsFirst = i;
      tsLast = i + 2;
    }
  }
  if (!start) return null;

  const result: RecorderFileName = { startLocal: start };
  const before = tokens.slice(0, tsFirst).filter((t, i) => !(i === 0 && PREFIXES.has(t.toUpperCase())));
  if (before.length >= 2) {
    result.serial = before[before.length - 2];
    result.badge = before[before.length - 1];
  } else if (before.length === 1) {
    const only = before[0] ?? '';
    if (/^\d{4,8}$/.test(only)) result.badge = only;
    else result.serial = only;
  }
  const seqToken = tokens.slice(tsLast + 1).find((t) => /^\d{1,6}[A-Za-z]*$/.test(t));
  if (seqToken) result.seq = Number(/^\d+/.exec(seqToken)?.[0]);
  return result;
}

/** Formats wall-clock parts as YYYYMMDDHHMMSS (the recorder naming's timestamp). */
export function formatCompactLocal(t: LocalDateTime): string {
  return formatWallClock(t, 'YYYYMMDDHHmmss');
}
