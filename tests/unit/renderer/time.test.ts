import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  formatDay,
  formatOptionalTime,
  formatTime,
  fromPicker,
  officeDay,
  officeNow,
  officeToday,
  pickedDay,
  pickedDayRange,
  pickerDay,
  pickerNow,
  pickerValue,
  setOfficeTimeZone,
} from '../../../renderer/src/time';

// The renderer's office clock. Expectations name instants and the office zone only, so they hold in
// whatever zone the machine (and CI's second run, America/Los_Angeles) is set to.
describe('renderer office time', () => {
  beforeEach(() => setOfficeTimeZone('Asia/Shanghai'));
  afterEach(() => vi.useRealTimers());

  it('shows instants on the office clock', () => {
    expect(formatTime('2026-11-27T04:16:00Z')).toBe('2026-11-27 12:16');
    expect(formatTime(Date.parse('2026-11-27T16:30:05Z'), 'YYYY-MM-DD HH:mm:ss')).toBe('2026-11-28 00:30:05');
    expect(officeDay('2026-11-27T16:30:05Z')).toBe('2026-11-28');
    expect(formatOptionalTime(null)).toBe('—');
    setOfficeTimeZone('America/Los_Angeles');
    expect(formatTime('2026-11-27T04:16:00Z')).toBe('2026-11-26 20:16');
  });

  it('"today" and "now" are the office\'s', () => {
    vi.useFakeTimers({ now: new Date('2026-11-27T16:30:00Z') });
    expect(officeToday()).toBe('2026-11-28');
    expect(officeNow().hour()).toBe(0);
    expect(pickerNow().format('YYYY-MM-DD HH:mm')).toBe('2026-11-28 00:30');
    setOfficeTimeZone('America/Los_Angeles');
    expect(officeToday()).toBe('2026-11-27');
  });

  it('date pickers show and return office wall-clock times', () => {
    expect(pickerValue('2026-11-27T04:16:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-11-27 12:16');
    expect(fromPicker(pickerValue('2026-11-27T04:16:00Z'))).toBe('2026-11-27T04:16:00.000Z');
    // 2024-05-01 08:00 typed into a picker is 08:00 in the office.
    expect(fromPicker(pickerDay('2024-05-01').hour(8))).toBe('2024-05-01T00:00:00.000Z');
    expect(pickedDay(pickerDay('2024-05-20'))).toBe('2024-05-20');
  });

  it('a picked day range covers whole office days', () => {
    expect(pickedDayRange(pickerDay('2026-11-01'), pickerDay('2026-11-30'))).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(pickedDayRange(null, pickerDay('2026-12-31'))).toEqual({ to: '2026-12-31T16:00:00.000Z' });
    expect(pickedDayRange(undefined, undefined)).toEqual({});
  });

  it('calendar days are zone-free', () => {
    expect(formatDay('2024-05-20', 'M/D')).toBe('5/20');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
