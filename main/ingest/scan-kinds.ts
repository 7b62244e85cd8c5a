import { classifyKind, probeMedia, type ProbeResult } from '../media';
import type { CandidateOriginal, ScanResult } from './scan';

/**
 * Looks into every file whose name does not say it is media and lists it by its content: a real picture or sound
 * under any name is media; the rest are 其他 (documents), which the custodian keeps only by choice. Files with a media
 * name are probed when they are taken in (ingestFile); here they keep the kind their name promises.
 */
export async function kindsByContent(
  scan: ScanResult,
  probe: (file: string) => Promise<ProbeResult> = (file) => probeMedia(file, { timeoutMs: 15_000 }),
): Promise<ScanResult> {
  const originals: CandidateOriginal[] = [];
  for (const o of scan.originals) {
    if (o.kind !== 'other' || o.size === 0) originals.push(o);
    else originals.push({ ...o, kind: classifyKind(o.name, await probe(o.path)) });
  }
  return { ...scan, originals };
}

/** The files an ingest takes: every media file, and of the documents only those the custodian chose to keep. */
export function selectForIngest(scan: ScanResult, keepOther: readonly string[]): ScanResult {
  const keep = new Set(keepOther);
  const originals = scan.originals.filter((o) => o.kind !== 'other' || keep.has(o.relPath));
  return { ...scan, originals, totalBytes: originals.reduce((n, o) => n + o.size, 0) };
}
