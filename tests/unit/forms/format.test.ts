import { describe, expect, it } from 'vitest';
import {
  flagLabel,
  formatClockDrift,
  formatDate,
  formatDateTime,
  formatDateTimeCompact,
  formatDay,
  handoverSessionNo,
  weekdayLabel,
  weekLabel,
} from '../../../main/forms';
import { formatDurationClock } from '../../../main/common';

describe('form formatting helpers', () => {
  const at = new Date('2026-11-27T02:02:09Z'); // 10:02:09 in Shanghai

  it('prints dates in the given zone, not the machine zone', () => {
    expect(formatDateTime(at, 'Asia/Shanghai')).toBe('2026年11月27日 10:02');
    expect(formatDateTime(at, 'UTC')).toBe('2026年11月27日 02:02');
    expect(formatDate(new Date('2026-11-27T17:00:00Z'), 'Asia/Shanghai')).toBe('2026年11月28日');
    expect(formatDateTimeCompact(at, 'Asia/Shanghai')).toBe('2026-11-27 10:02:09');
    expect(formatDateTime(new Date('2026-03-05T16:00:00Z'), 'Asia/Shanghai')).toBe('2026年3月6日 00:00');
  });

  it('numbers a handover batch by the office day it started, not the UTC day', () => {
    // 07:30 on 27 November in the office is still 26 November in UTC.
    expect(handoverSessionNo(new Date('2026-11-26T23:30:00Z'), 3, 'Asia/Shanghai')).toBe('20261127-003');
    expect(handoverSessionNo(new Date('2026-11-26T23:30:00Z'), 1234, 'UTC')).toBe('20261126-1234');
  });

  it('formats calendar days and weeks', () => {
    expect(formatDay('2026-11-01')).toBe('2026年11月1日');
    expect(weekdayLabel('2026-11-23')).toBe('周一');
    expect(weekdayLabel('2026-11-29')).toBe('周日');
    expect(weekLabel({ isoYear: 2026, isoWeek: 48, days: ['2026-11-23', '2026-11-29'] })).toBe('2026年第48周（11月23日—11月29日）');
    expect(() => formatDay('27.11.2026')).toThrow(RangeError);
  });

  it('formats durations', () => {
    expect(formatDurationClock(754)).toBe('00:12:34');
    expect(formatDurationClock(0)).toBe('00:00:00');
    expect(formatDurationClock(59.6)).toBe('00:01:00');
    expect(formatDurationClock(100 * 3600 + 5)).toBe('100:00:05');
    expect(formatDurationClock(-3)).toBe('00:00:00');
  });

  it('formats clock drift with its sign', () => {
    expect(formatClockDrift(12)).toBe('+12 秒');
    expect(formatClockDrift(-65)).toBe('-1 分 05 秒');
    expect(formatClockDrift(3725)).toBe('+1 小时 02 分 05 秒');
    expect(formatClockDrift(0.3)).toBe('0 秒');
    expect(formatClockDrift(null)).toBe('无法测定');
  });

  it('labels flags in Chinese', () => {
    expect(['no_audio', 'clock_suspect', 'unreadable', 'truncated', 'zero_byte', 'duplicate'].map(flagLabel)).toEqual([
      '无音轨',
      '时钟可疑',
      '无法读取',
      '文件截断',
      '空文件',
      '重复',
    ]);
    expect(flagLabel('something_new')).toBe('something_new');
  });
});
