import type { FindingSource } from '../types';
import { deniedViews, discs, publicUse, viewings } from './access';
import { auditChain, integrity, weeklyByFriday } from './custody';
import { clockDrift, clockSuspect, noSound, recordingGaps } from './footage';
import { failedChecks, incidents, missingChecks, repairs } from './devices';
import { failedIngests, lateHandovers, recorderDays } from './handover';
import { keepUntil } from './retention';

/** Every source of the daily check, in the order the page lists kinds; a new kind appends its source here. */
export const FINDING_SOURCES: readonly FindingSource[] = [
  recorderDays,
  lateHandovers,
  noSound,
  recordingGaps,
  clockSuspect,
  clockDrift,
  viewings,
  deniedViews,
  publicUse,
  discs,
  integrity,
  auditChain,
  failedIngests,
  weeklyByFriday,
  failedChecks,
  missingChecks,
  repairs,
  incidents,
  keepUntil,
];

export { deniedViews, discs, publicUse, viewings, auditChain, integrity, weeklyByFriday, clockDrift, clockSuspect, noSound, recordingGaps, failedIngests, lateHandovers, recorderDays, failedChecks, missingChecks, repairs, incidents, keepUntil };
export { formatLateness } from './shared';
