/** Rules art. 11(3): footage is kept at least three months. */
export const MIN_RETENTION_MONTHS = 3;

/** Pure: the retention date, `months` calendar months after the recording (clamped to month end). */
export function retentionUntil(recordedAt: Date, months: number): Date {
  const m = Math.max(MIN_RETENTION_MONTHS, Math.floor(months));
  const d = new Date(recordedAt);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + m);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
