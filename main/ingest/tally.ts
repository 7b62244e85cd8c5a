import type { IngestItemOutcome, IngestProgress } from './run';
import type { IngestSessionId } from './session-rows';

/** A run's running totals and its progress events; throughput on a monotonic timer, not the injectable clock. */
export class IngestTally {
  readonly items: IngestItemOutcome[] = [];
  readonly counts = { stored: 0, duplicates: 0, failed: 0 };
  private bytesDone = 0;
  private readonly t0 = performance.now();

  constructor(
    private readonly sessionId: IngestSessionId,
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
    private readonly onProgress?: (p: IngestProgress) => void,
  ) {}

  /** One source file is done with (whatever became of it), its bytes counted. */
  add(outcome: IngestItemOutcome, size: number): void {
    this.items.push(outcome);
    this.bytesDone += size;
    if (outcome.outcome === 'stored') this.counts.stored++;
    else if (outcome.outcome === 'duplicate') this.counts.duplicates++;
    else this.counts.failed++;
  }

  /** `partial`: bytes of the current file copied so far. */
  progress(current: string | null, partial = 0): void {
    if (!this.onProgress) return;
    const elapsed = (performance.now() - this.t0) / 1000;
    const done = this.bytesDone + partial;
    const rate = elapsed > 0.2 ? done / elapsed : 0;
    this.onProgress({
      sessionId: this.sessionId,
      filesDone: this.items.length,
      filesTotal: this.filesTotal,
      bytesDone: done,
      bytesTotal: this.bytesTotal,
      currentFile: current,
      bytesPerSec: Math.round(rate),
      etaSec: rate > 0 ? Math.round((this.bytesTotal - done) / rate) : null,
      ...this.counts,
    });
  }

  /** Media rows the run stored or found again. */
  touchedMedia(): number[] {
    return this.items.flatMap((i) => (i.outcome === 'failed' ? [] : [i.mediaId]));
  }
}
