/** Pure calendar helpers for the weekly consolidation (ISO weeks, Monday first). */

function toUtcDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
  /** Monday..Sunday as YYYY-MM-DD. */
  days: string[];
}

export function isoWeekOf(day: string): IsoWeek {
  const d = toUtcDate(day);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(d.getTime() - dow * 86_400_000);
  const days = Array.from({ length: 7 }, (_, i) => fmt(new Date(monday.getTime() + i * 86_400_000)));
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const isoWeek = Math.round((monday.getTime() - week1Monday.getTime()) / (7 * 86_400_000)) + 1;
  return { isoYear, isoWeek, days };
}

/** Rules art. 11(2): consolidation day is Friday. */
export function isConsolidationDay(day: string): boolean {
  return toUtcDate(day).getUTCDay() === 5;
}
