/**
 * macOS: `hdiutil burn`. Not testable on the build machines (no macOS); written from hdiutil(1):
 * `hdiutil burn -list` prints the burners, `-device` picks one, `-puppetstrings` prints "PERCENT:<n>" lines
 * for progress, `-noverifyburn` skips hdiutil's own check (our read-back compares with the ingest hashes),
 * `-noeject` keeps the disc in. hdiutil has no separate media query: burn() relies on its messages
 * ("No media", "not blank", "not enough space") mapped in messages.ts.
 */
import { burnErrorFrom } from './messages';
import { runTool } from './run-tool';
import type { BurnOptions, Burner, Drive, MediaInfo } from './types';

/**
 * `hdiutil burn -list` prints one block per device; the IOService path line identifies it, e.g.
 * `IOService:/AppleACPIPlatformExpert/PCI0@0/.../IODVDServices` followed by vendor/product lines.
 */
export function parseBurnList(output: string): Drive[] {
  const drives: Drive[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*(IOService:\S+)/.exec(line);
    if (m) drives.push({ id: m[1]!, vendor: '', product: m[1]!.split('/').pop() ?? '' });
    const vendor = /^\s*Vendor(?: Name)?\s*:\s*(.+)$/i.exec(line);
    const product = /^\s*Product(?: Name)?\s*:\s*(.+)$/i.exec(line);
    const last = drives[drives.length - 1];
    if (last && vendor) last.vendor = vendor[1]!.trim();
    if (last && product) last.product = product[1]!.trim();
  }
  return drives;
}

export class HdiutilBurner implements Burner {
  async listDrives(): Promise<Drive[]> {
    const r = await runTool('hdiutil', ['burn', '-list']);
    if (r.code !== 0) throw burnErrorFrom('hdiutil', r.output, r.code);
    return parseBurnList(r.output);
  }

  /** hdiutil cannot ask without burning; the answer is "unknown, try" and burn() reports what hdiutil says. */
  async mediaInfo(_drive: Drive): Promise<MediaInfo> {
    return { present: true, blank: true, type: 'unknown' };
  }

  async burn(image: string, drive: Drive, opts: BurnOptions = {}): Promise<void> {
    const args = ['burn', image, '-device', drive.id, '-puppetstrings', '-noverifyburn', ...(opts.eject ? [] : ['-noeject'])];
    const r = await runTool('hdiutil', args, {
      signal: opts.signal,
      onLine: (line) => {
        const m = /^PERCENT:(-?[\d.]+)/.exec(line.trim());
        if (m && Number(m[1]) >= 0) opts.onProgress?.({ percent: Math.min(100, Number(m[1])) });
      },
    });
    if (r.code !== 0) throw burnErrorFrom('hdiutil', r.output, r.code);
    opts.onProgress?.({ percent: 100 });
  }
}
