import { describe, expect, it } from 'vitest';
import { dayBounds } from '../../../main/api';
import { addDays, dayStart, formatDay, formatInstant, formatWallClock, localDay, localTime, nextDay, utcOffsetMinutes, utcToZoned, zonedToUtc } from '../../../main/common';

// Every expectation is an instant and a zone given explicitly: the results hold in any machine zone.
describe('office time: instants and the office wall clock', () => {
  it('reads an instant on the office clock', () => {
    const at = new Date('2026-11-27T16:30:05Z');
    expect(localDay(at, 'Asia/Shanghai')).toBe('2026-11-28');
    expect(localDay(at, 'America/Los_Angeles')).toBe('2026-11-27');
    expect(localTime(at, 'Asia/Shanghai')).toBe('00:30');
    expect(localTime(new Date('2026-11-27T04:16:00Z'), 'Asia/Shanghai')).toBe('12:16');
    expect(utcToZoned(at, 'Asia/Shanghai')).toEqual({ y: 2026, m: 11, d: 28, hh: 0, mm: 30, ss: 5 });
  });

  it('finds when an office day begins, also on a day clocks change', () => {
    expect(dayStart('2026-11-27', 'Asia/Shanghai').toISOString()).toBe('2026-11-26T16:00:00.000Z');
    // New York moves to summer time at 02:00 on 8 March 2026: that day began in winter time, the next in summer time.
    expect(dayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(zonedToUtc({ y: 2026, m: 11, d: 27, hh: 12, mm: 16, ss: 0 }, 'Asia/Shanghai').toISOString()).toBe('2026-11-27T04:16:00.000Z');
    expect(() => dayStart('27.11.2026', 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('steps calendar days across month and year ends', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('formats an instant on the office clock in one pattern language for UI, forms and CLI', () => {
    const at = new Date('2026-03-05T16:07:09Z');
    expect(formatInstant(at, 'Asia/Shanghai')).toBe('2026-03-06 00:07');
    expect(formatInstant(at, 'America/Los_Angeles', 'YYYY-MM-DD HH:mm:ss')).toBe('2026-03-05 08:07:09');
    expect(formatInstant(at, 'Asia/Shanghai', 'YYYY年M月D日 HH:mm')).toBe('2026年3月6日 00:07');
    expect(formatInstant(at, 'Asia/Shanghai', 'MM-DD HH:mm')).toBe('03-06 00:07');
    expect(formatInstant(at, 'Asia/Shanghai', 'YYYY-MM-DDTHH:mm:ss')).toBe('2026-03-06T00:07:09');
    expect(formatInstant(new Date('not a time'), 'Asia/Shanghai')).toBe('—');
    expect(formatWallClock({ y: 987, m: 1, d: 2, hh: 3, mm: 4, ss: 5 }, 'YYYY/M/D HH:mm:ss')).toBe('0987/1/2 03:04:05');
  });

  it('formats and steps calendar days without a zone', () => {
    expect(formatDay('2024-05-20', 'M/D')).toBe('5/20');
    expect(formatDay('2024-05-20', 'YYYY年M月D日')).toBe('2024年5月20日');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-27', -30)).toBe('2026-10-28');
  });

  it('bounds a register period by office days', () => {
    expect(dayBounds('2026-11-27', '2026-11-28', 'Asia/Shanghai')).toEqual({ from: '2026-11-26T16:00:00.000Z', to: '2026-11-28T16:00:00.000Z' });
  });
});

describe('utcOffsetMinutes: what verify.html adds to show the signing time on the office clock', () => {
  it.each([
    ['2026-11-29T02:30:00Z', 'Asia/Shanghai', 480],
    ['2026-07-01T12:00:00.999Z', 'America/Los_Angeles', -420],
    ['2026-01-01T12:00:00Z', 'America/Los_Angeles', -480],
    ['2026-01-01T00:00:00Z', 'Asia/Kolkata', 330],
    ['2026-06-01T12:00:00Z', 'UTC', 0],
  ])('%s in %s: %d', (at, zone, minutes) => {
    expect(utcOffsetMinutes(new Date(at), zone)).toBe(minutes);
  });
});
