import { describe, expect, it } from 'vitest';
import { formatInstant, utcOffsetMinutes } from '../../../main/common';
import { verifierHtml } from '../../../main/disc/verifier/html';
import { UI_JS } from '../../../main/disc/verifier/ui-script';

/** Issue 13: verify.html shows times in one fixed layout on the office's clock, whatever the browser's ICU data. */
describe("verify.html's when() agrees with formatInstant on the office clock", () => {
  const source = /function two\(n\) \{[^\n]*\n {2}function when\(d\) \{[\s\S]*?\n {2}\}/.exec(UI_JS)?.[0];
  const whenIn = (offset: number, zoneName: string) =>
    new Function('OFFSET', 'ZONE_NAME', `${source ?? ''}; return when;`)(offset, zoneName) as (d: Date | null) => string;

  it.each([
    ['2026-11-29T02:30:00Z', 'Asia/Shanghai', '北京时间 ', '（北京时间 UTC+08:00）'],
    ['2026-12-31T16:00:05Z', 'Asia/Shanghai', '北京时间 ', '（北京时间 UTC+08:00）'],
    ['2026-07-01T06:59:59Z', 'America/Los_Angeles', '', '（UTC-07:00）'],
    ['2026-01-01T00:00:00Z', 'Asia/Kolkata', '', '（UTC+05:30）'],
  ])('%s in %s', (at, zone, zoneName, suffix) => {
    expect(source).toBeDefined();
    const d = new Date(at);
    expect(whenIn(utcOffsetMinutes(d, zone), zoneName)(d)).toBe(formatInstant(d, zone, 'YYYY-MM-DD HH:mm:ss') + suffix);
  });

  it('pins the layout: 2026-11-29 10:30:00（北京时间 UTC+08:00）; no time recorded: （未记录）', () => {
    expect(whenIn(480, '北京时间 ')(new Date('2026-11-29T02:30:00Z'))).toBe('2026-11-29 10:30:00（北京时间 UTC+08:00）');
    expect(whenIn(480, '北京时间 ')(null)).toBe('（未记录）');
  });

  it('the page carries the office zone and its offset at the signing', () => {
    expect(verifierHtml('Asia/Shanghai', new Date('2026-11-29T02:30:00Z'))).toContain('<body data-time-zone="Asia/Shanghai" data-utc-offset="480">');
    expect(verifierHtml('America/Los_Angeles', new Date('2026-07-01T12:00:00Z'))).toContain('data-utc-offset="-420"');
  });
});
