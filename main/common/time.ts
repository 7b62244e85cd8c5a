// The program's one source of "now" and its one conversion between instants and the office's wall clock.
// Every conversion takes the zone as an argument (the office setting), so nothing here can read the
// machine's zone: Intl is always given timeZone, and Date is only read through its UTC accessors.

/** Time source injected everywhere so tests can move time (idle logout, lock-out, day seals, ingest). */
export interface Clock {
  now(): Date;
}

/** The real clock; only the program's entry points (Electron, browser host, CLI) choose it. */
export const systemClock: Clock = { now: () => new Date() };

/** Wall-clock parts without a zone (as a recorder writes them, or as the office reads a clock). Months are 1-12. */
export interface LocalDateTime {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a zone. */
export function utcToZoned(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year ?? 0, m: parts.month ?? 0, d: parts.day ?? 0,
    hh: parts.hour ?? 0, mm: parts.minute ?? 0, ss: parts.second ?? 0,
  };
}

function wallAsUtcMs(t: LocalDateTime): number {
  return Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mm, t.ss);
}

/** The instant at which the zone's clocks show `t`. In a DST gap or overlap the earlier offset wins. */
export function zonedToUtc(t: LocalDateTime, timeZone: string): Date {
  const guess = wallAsUtcMs(t);
  const offset1 = wallAsUtcMs(utcToZoned(new Date(guess), timeZone)) - guess;
  let result = guess - offset1;
  const offset2 = wallAsUtcMs(utcToZoned(new Date(result), timeZone)) - result;
  if (offset2 !== offset1) result = guess - offset2;
  return new Date(result);
}

/** The zone's offset from UTC in minutes at an instant (480 for Asia/Shanghai, -420 for Los Angeles in summer). */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  const wholeSeconds = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallAsUtcMs(utcToZoned(at, timeZone)) - wholeSeconds) / 60_000);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const TOKENS = /YYYY|MM|M|DD|D|HH|mm|ss/g;

/**
 * Wall-clock parts in a pattern: YYYY, MM or M (month), DD or D (day), HH, mm, ss; anything else is kept
 * as written ('YYYY年M月D日 HH:mm', 'MM-DD HH:mm', 'M/D').
 */
export function formatWallClock(t: LocalDateTime, pattern: string): string {
  return pattern.replace(TOKENS, (token) => {
    switch (token) {
      case 'YYYY': return String(t.y).padStart(4, '0');
      case 'MM': return pad2(t.m);
      case 'M': return String(t.m);
      case 'DD': return pad2(t.d);
      case 'D': return String(t.d);
      case 'HH': return pad2(t.hh);
      case 'mm': return pad2(t.mm);
      default: return pad2(t.ss);
    }
  });
}

/**
 * The one time formatter of the UI, the printed forms and the CLI: an instant on the office's clock, in a
 * pattern as formatWallClock reads it (default '2026-11-27 10:02'). Not a time: '—'.
 */
export function formatInstant(at: Date, timeZone: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return Number.isNaN(at.getTime()) ? '—' : formatWallClock(utcToZoned(at, timeZone), pattern);
}

/** The calendar day (YYYY-MM-DD) of an instant in the office's time zone. */
export function localDay(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'YYYY-MM-DD');
}

/** The office wall-clock time of an instant as 'HH:MM'. */
export function localTime(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'HH:mm');
}

/** Splits a calendar day 'YYYY-MM-DD'; anything else is a RangeError. */
export function parseDay(day: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** The instant the office's day `day` (YYYY-MM-DD) begins. */
export function dayStart(day: string, timeZone: string): Date {
  return zonedToUtc({ ...parseDay(day), hh: 0, mm: 0, ss: 0 }, timeZone);
}

/** The calendar day `n` days after `day` (before it when negative): pure calendar arithmetic, no zone involved. */
export function addDays(day: string, n: number): string {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** A calendar day 'YYYY-MM-DD' in another pattern (e.g. 'M/D', 'YYYY年M月D日'); no zone is involved. */
export function formatDay(day: string, pattern: string): string {
  return formatWallClock({ ...parseDay(day), hh: 0, mm: 0, ss: 0 }, pattern);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
