/** The calendar day (YYYY-MM-DD) of an instant in the office's time zone. */
export function localDay(at: Date, timeZone: string): string {
  // en-CA formats as ISO-style YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Time source injected everywhere so tests can move time (idle logout, lock-out, day seals). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
