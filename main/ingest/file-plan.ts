import { localDay } from '../common';
import { classifyKind, decideStartTime, mediaFlags, parseRecorderFileName, type MediaFlag, type MediaKind, type ProbeResult, type StartRule, type StartTimeSource } from '../media';
import type { CandidateOriginal } from './scan';

/** What the archive will record about one source file, decided from its name, its times and ffprobe's answer. */
export interface FilePlan {
  kind: MediaKind;
  flags: MediaFlag[];
  start: Date;
  end: Date | null;
  startSource: StartTimeSource;
  /** Which reading of that source gave the start (shown as 开始时间来源). */
  startRule: StartRule;
  /** The recorder's clock looks wrong for this file: it is filed under the docking day and not used for drift. */
  clockSuspect: boolean;
  /** Office day the file is filed under. */
  day: string;
  durationSec: number | null;
}

export interface FilePlanContext {
  dockedAt: Date;
  timeZone: string;
}

/** Pure: the same file, probe and context always give the same plan. */
export function planFile(c: CandidateOriginal, probe: ProbeResult, ctx: FilePlanContext): FilePlan {
  const kind = classifyKind(c.name, probe);
  const decision = decideStartTime({
    creationTime: probe.creationTime,
    fromName: c.nameInfo.startLocal ?? parseRecorderFileName(c.name).startLocal,
    mtime: c.mtime,
    dockedAt: ctx.dockedAt,
    timeZone: ctx.timeZone,
  });
  const flags: MediaFlag[] = [...mediaFlags(probe, c.size, kind)];
  // A document's time is only its file time: there is no recorder clock to doubt.
  if (decision.clockSuspect && kind !== 'other') flags.push('clock_suspect');
  // A photo or a document has no length (ffprobe gives a still image one frame's duration): none, not "0 秒".
  const timed = kind === 'video' || kind === 'audio';
  const durationSec = timed && probe.durationSec && Number.isFinite(probe.durationSec) ? probe.durationSec : null;
  const start = decision.start;
  return {
    kind,
    flags,
    start,
    end: durationSec !== null ? new Date(start.getTime() + durationSec * 1000) : null,
    startSource: decision.source,
    startRule: decision.rule,
    clockSuspect: decision.clockSuspect,
    day: localDay(decision.clockSuspect ? ctx.dockedAt : start, ctx.timeZone),
    durationSec,
  };
}
