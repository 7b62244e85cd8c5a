/** How a recorder's clock error was estimated at docking (rules art. 4: set the clock before use). */
export interface DriftEstimate {
  /** Recorder clock minus true time, in seconds; positive = recorder ahead. */
  seconds: number;
  basis: 'info_file_time' | 'newest_file_in_future';
}

const TIME_KEYS = ['TIME', 'DATETIME', 'DATE_TIME', 'CURRENTTIME', 'SYSTIME', '时间'];

/**
 * Pure. The best evidence first: a recorder that writes its current time into its info file at
 * docking gives the drift directly; otherwise a newest file stamped after the docking time gives a
 * lower bound for a clock running ahead. Nothing else can be known, and null says so.
 */
export function estimateDrift(args: {
  dockedAt: Date;
  info?: Record<string, string>;
  parseLocal: (text: string) => Date | null;
  newestRecorderTime?: Date;
}): DriftEstimate | null {
  for (const k of TIME_KEYS) {
    const v = args.info?.[k];
    const t = v ? args.parseLocal(v) : null;
    if (t) return { seconds: Math.round((t.getTime() - args.dockedAt.getTime()) / 1000), basis: 'info_file_time' };
  }
  if (args.newestRecorderTime && args.newestRecorderTime > args.dockedAt) {
    return { seconds: Math.round((args.newestRecorderTime.getTime() - args.dockedAt.getTime()) / 1000), basis: 'newest_file_in_future' };
  }
  return null;
}
