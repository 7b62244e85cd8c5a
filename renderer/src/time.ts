/**
 * The office's clock for the UI. Every day and time the renderer shows, picks or calls "today" is the
 * office's (office.time_zone, from the session), never the machine's: a workstation set to another zone
 * still shows the office's times. Nothing else in the renderer formats or reads times with dayjs.
 *
 * Date pickers (antd) hold machine-local Dayjs values and know nothing of zones, so they are used for
 * their wall-clock fields only: `pickerValue` puts an office wall-clock reading into a picker, and
 * `fromPicker` / `pickedDay` read what was picked as office time. Formatting and every conversion between
 * instants and the office clock are main/common's (the same as the forms' and the CLI's).
 */
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, dayStart, formatInstant, zonedToUtc } from '../../main/common';

export { addDays, formatDay } from '../../main/common';

/** Until a session says otherwise: the default office zone of first-run setup. */
let zone = 'Asia/Shanghai';

/** Set from the session (login, refresh) so that every later reading uses the office's zone. */
export function setOfficeTimeZone(timeZone: string): void {
  zone = timeZone;
}

/** An instant: ISO text from the API, or milliseconds since the epoch. */
export type Instant = string | number;

/** An instant on the office clock; pattern as main/common's formatWallClock (default '2026-11-27 10:02'). */
export function formatTime(at: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  return formatInstant(new Date(at), zone, pattern);
}

/** An instant or nothing ('—'). */
export function formatOptionalTime(at: Instant | null | undefined, pattern?: string): string {
  return at === null || at === undefined ? '—' : formatTime(at, pattern);
}

/** The office day (YYYY-MM-DD) of an instant. */
export function officeDay(at: Instant): string {
  return formatTime(at, 'YYYY-MM-DD');
}

/** Today in the office (YYYY-MM-DD). */
export function officeToday(): string {
  return officeDay(Date.now());
}

/** Now on the office clock (for the hour and the date shown on the start page), as a wall-clock Dayjs. */
export function officeNow(): Dayjs {
  return pickerNow();
}

/** The instant (ISO) an office day begins. */
export function dayStartInstant(day: string): string {
  return dayStart(day, zone).toISOString();
}

/** Instants [from, to) covering the office days picked in a range picker (either end may be open). */
export function pickedDayRange(from: Dayjs | null | undefined, to: Dayjs | null | undefined): { from?: string; to?: string } {
  return {
    ...(from ? { from: dayStartInstant(pickedDay(from)) } : {}),
    ...(to ? { to: dayStartInstant(addDays(pickedDay(to), 1)) } : {}),
  };
}

// ---- Date pickers: wall-clock fields only ----

/** A picker value showing the office wall clock at `at`. */
export function pickerValue(at: Instant): Dayjs {
  return dayjs(formatTime(at, 'YYYY-MM-DDTHH:mm:ss'));
}

/** A picker value showing the office's current wall clock. */
export function pickerNow(): Dayjs {
  return pickerValue(Date.now());
}

/** A picker value showing a calendar day. */
export function pickerDay(day: string): Dayjs {
  return dayjs(day);
}

/** The calendar day picked (YYYY-MM-DD), as the office means it. */
export function pickedDay(v: Dayjs): string {
  return v.format('YYYY-MM-DD');
}

/** The instant (ISO) at which the office's clocks show the picked date and time. */
export function fromPicker(v: Dayjs): string {
  return zonedToUtc({ y: v.year(), m: v.month() + 1, d: v.date(), hh: v.hour(), mm: v.minute(), ss: v.second() }, zone).toISOString();
}
