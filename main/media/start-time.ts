import { utcToZoned, zonedToUtc } from '../common';
import type { LocalDateTime, StartRule, StartTimeSource } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * How to read the MP4 creation_time tag. The format says UTC, but many recorders write their local wall clock
 * as if it were UTC. 'auto' (default) applies THE RULE (README, "Ingest"):
 *   1. creation_time is read both ways: as UTC, and as the office zone's wall clock (zone from settings, never
 *      the machine's).
 *   2. The reading that agrees (within 30 min) with the recorder's file-name time is kept; with no file-name
 *      time, the one that agrees with the file's modification time (written by the same recorder clock).
 *   3. With neither agreeing, a UTC reading later than the docking time cannot be right (footage is not recorded
 *      after it is handed over) while the local reading can: local. Otherwise UTC, as the format says.
 * The start is then the first believable of creation_time, file-name time, modification time (decideStartTime),
 * and the media row stores which source and which reading gave it (StartRule).
 */
export type CreationTimeMeaning = 'utc' | 'local' | 'auto';

export interface ClockPolicy {
  /** Any recorder time before this is a reset clock. Default 2010-01-01 in the office zone. */
  earliest?: Date;
  /** A start later than dockedAt plus this is in the future. Default 15 min (recorder clocks drift). */
  futureToleranceMs?: number;
  /**
   * A start more than this many days before dockedAt is suspect. Default 366: footage is handed over daily
   * (rules art. 8) and kept at least three months, so a year-old "new" recording more likely has a wrong clock;
   * a person confirms it, nothing is rejected.
   */
  maxAgeDays?: number;
  /** creation_time and file name within this of each other agree. Default 30 min (some recorders stamp the file's end). */
  agreementToleranceMs?: number;
}

export interface StartTimeInput {
  creationTime?: Date;
  fromName?: LocalDateTime;
  mtime: Date;
  /** When the recorder was docked / the ingest started: the reference for "future" and "too old". */
  dockedAt: Date;
  timeZone?: string;
  creationTimeMeaning?: CreationTimeMeaning;
  policy?: ClockPolicy;
}

export interface StartTimeDecision {
  start: Date;
  source: StartTimeSource;
  clockSuspect: boolean;
  reason?: string;
  /** How creation_time was read, when it was present. */
  creationTimeReadAs?: 'utc' | 'local';
  /** The source and reading that gave `start`. */
  rule: StartRule;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Pure: picks the recording start from the recorder's own clues and judges whether the recorder clock is believable. */
export function decideStartTime(input: StartTimeInput): StartTimeDecision {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const policy = input.policy ?? {};
  const earliest = policy.earliest ?? zonedToUtc({ y: 2010, m: 1, d: 1, hh: 0, mm: 0, ss: 0 }, tz);
  const futureTol = policy.futureToleranceMs ?? 15 * MINUTE;
  const maxAgeMs = (policy.maxAgeDays ?? 366) * DAY;
  const agreeTol = policy.agreementToleranceMs ?? 30 * MINUTE;
  const docked = input.dockedAt.getTime();

  const implausible = (d: Date): string | null => {
    const t = d.getTime();
    if (Number.isNaN(t)) return 'invalid date';
    if (t < earliest.getTime()) return `before ${earliest.toISOString()} (reset clock)`;
    if (t > docked + futureTol) return 'later than the docking time';
    if (t < docked - maxAgeMs) return `more than ${Math.round(maxAgeMs / DAY)} days before the docking time`;
    return null;
  };

  const nameInstant = input.fromName ? zonedToUtc(input.fromName, tz) : undefined;

  let creation: Date | undefined;
  let readAs: 'utc' | 'local' | undefined;
  if (input.creationTime && !Number.isNaN(input.creationTime.getTime())) {
    const asUtc = input.creationTime;
    const asLocal = zonedToUtc(utcToZoned(asUtc, 'UTC'), tz);
    const meaning = input.creationTimeMeaning ?? 'auto';
    if (meaning === 'utc') readAs = 'utc';
    else if (meaning === 'local') readAs = 'local';
    else {
      const hint = nameInstant ?? input.mtime;
      const dLocal = Math.abs(asLocal.getTime() - hint.getTime());
      const dUtc = Math.abs(asUtc.getTime() - hint.getTime());
      const utcInFuture = asUtc.getTime() > docked + futureTol && asLocal.getTime() <= docked + futureTol;
      readAs = (dLocal < dUtc && dLocal <= agreeTol) || (Math.min(dLocal, dUtc) > agreeTol && utcInFuture) ? 'local' : 'utc';
    }
    creation = readAs === 'local' ? asLocal : asUtc;
  }

  const candidates: { source: StartTimeSource; at: Date }[] = [];
  if (creation) candidates.push({ source: 'creation_time', at: creation });
  if (nameInstant) candidates.push({ source: 'file_name', at: nameInstant });
  candidates.push({ source: 'mtime', at: input.mtime });

  const notes: string[] = [];
  let chosen = candidates.find((c) => {
    const why = implausible(c.at);
    if (why) notes.push(`${c.source} ${c.at.toISOString()} is ${why}`);
    return !why;
  });
  let clockSuspect = false;
  if (!chosen) {
    // Nothing believable: keep what the recorder claimed; the caller files it under the docking day.
    chosen = candidates[0] ?? { source: 'mtime', at: input.mtime };
    clockSuspect = true;
  } else if (chosen !== candidates[0]) {
    // A better source than the one we used is wrong, so the recorder clock cannot be trusted.
    clockSuspect = true;
  }

  if (!clockSuspect && creation && nameInstant) {
    const gap = Math.abs(creation.getTime() - nameInstant.getTime());
    if (gap > agreeTol) {
      clockSuspect = true;
      notes.push(`creation_time and file name differ by ${Math.round(gap / MINUTE)} min`);
    }
  }

  const rule: StartRule =
    chosen.source === 'creation_time' ? (readAs === 'local' ? 'creation_time_local' : 'creation_time_utc') : chosen.source === 'file_name' ? 'file_name_local' : 'mtime';
  const decision: StartTimeDecision = { start: chosen.at, source: chosen.source, clockSuspect, rule };
  if (notes.length) decision.reason = notes.join('; ');
  if (readAs) decision.creationTimeReadAs = readAs;
  return decision;
}
