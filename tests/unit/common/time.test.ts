import { describe, expect, it } from 'vitest';
import { dayBounds } from '../../../main/api';
import { dayStart, localDay, localTime, nextDay, utcToZoned, zonedToUtc } from '../../../main/common';

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

  it('bounds a register period by office days', () => {
    expect(dayBounds('2026-11-27', '2026-11-28', 'Asia/Shanghai')).toEqual({ from: '2026-11-26T16:00:00.000Z', to: '2026-11-28T16:00:00.000Z' });
  });
});
