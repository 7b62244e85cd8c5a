import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../main/common';
import { UI_JS } from '../../../main/disc/verifier/ui-script';

/** Issue 11 item 13: one size convention everywhere, also on the disc's own verify.html (which cannot import it). */
describe("verify.html's size() agrees with formatBytes", () => {
  const source = /function size\(n\) \{[\s\S]*?\n {2}\}/.exec(UI_JS)?.[0];
  const size = new Function(`${source ?? ''}; return size;`)() as (n: number) => string;

  it.each([0, 900, 1023, 1024, 3481, 831_283, 1_048_064, 6_081_741, 912_680_550, 1_073_741_823, 5 * 1024 ** 4])('%d bytes', (n) => {
    expect(source).toBeDefined();
    expect(size(n)).toBe(formatBytes(n));
  });
});
