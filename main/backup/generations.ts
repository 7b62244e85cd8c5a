import { formatInstant } from '../common';
import { isoWeekOf } from '../ingest';

function isoWeekKey(day: string): string {
  const w = isoWeekOf(day);
  return `${w.isoYear}-W${w.isoWeek}`;
}

/** A generation's name: the office's local date and time it was taken, sortable and safe on every file system. */
export function generationName(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'YYYY-MM-DDTHHmmss');
}

const NAME = /^(\d{4}-\d{2}-\d{2})T\d{6}(-\d+)?$/;

export function isGenerationName(name: string): boolean {
  return NAME.test(name);
}

/** The local day a generation was taken on, read from its name. */
export function generationDay(name: string): string {
  const m = NAME.exec(name);
  if (!m) throw new Error(`not a generation name: ${name}`);
  return m[1]!;
}

/** Newest first. Names sort by time; a `-2` suffix (two in one second) sorts after its twin. */
export function sortGenerations(names: readonly string[]): string[] {
  return names.filter(isGenerationName).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * Pure: which generations to keep. The newest of each of the last `weeks` ISO weeks that have one, and the
 * newest of every month (a month's snapshot is small next to the footage, and an old one is what shows what the
 * archive held before a long-unnoticed loss). The newest generation is always kept.
 */
export function generationsToKeep(names: readonly string[], weeks = 8): Set<string> {
  const sorted = sortGenerations(names);
  const keep = new Set<string>();
  const seenWeeks = new Set<string>();
  const seenMonths = new Set<string>();
  for (const g of sorted) {
    const day = generationDay(g);
    const week = isoWeekKey(day);
    if (!seenWeeks.has(week)) {
      seenWeeks.add(week);
      if (seenWeeks.size <= weeks) keep.add(g);
    }
    const month = day.slice(0, 7);
    if (!seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(g);
    }
  }
  return keep;
}
