import { describe, expect, it } from 'vitest';
import { decideStartTime, utcToZoned, zonedToUtc, type StartTimeInput } from '../../../main/media';

const Z = (iso: string): Date => new Date(iso);
const docked = Z('2024-05-20T10:00:00Z'); // 18:00 in Shanghai
const name = { y: 2024, m: 5, d: 20, hh: 9, mm: 30, ss: 0 }; // 09:30 local = 01:30Z

describe('zoned time', () => {
  it('converts Shanghai wall clock to UTC and back', () => {
    expect(zonedToUtc(name, 'Asia/Shanghai').toISOString()).toBe('2024-05-20T01:30:00.000Z');
    expect(utcToZoned(Z('2024-05-20T01:30:00Z'), 'Asia/Shanghai')).toEqual(name);
  });
  it('handles a DST zone', () => {
    expect(zonedToUtc({ y: 2024, m: 7, d: 1, hh: 12, mm: 0, ss: 0 }, 'Europe/Berlin').toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(zonedToUtc({ y: 2024, m: 1, d: 1, hh: 12, mm: 0, ss: 0 }, 'Europe/Berlin').toISOString()).toBe('2024-01-01T11:00:00.000Z');
  });
});

describe('decideStartTime', () => {
  const base: StartTimeInput = { mtime: Z('2024-05-20T01:35:00Z'), dockedAt: docked, timeZone: 'Asia/Shanghai' };
  const cases: {
    what: string;
    input: Partial<StartTimeInput>;
    start: string;
    source: string;
    suspect: boolean;
    readAs?: string;
  }[] = [
    { what: 'creation_time written as local (agrees with name)', input: { creationTime: Z('2024-05-20T09:30:00Z'), fromName: name },
      start: '2024-05-20T01:30:00.000Z', source: 'creation_time', suspect: false, readAs: 'local' },
    { what: 'creation_time true UTC (agrees with name)', input: { creationTime: Z('2024-05-20T01:30:00Z'), fromName: name },
      start: '2024-05-20T01:30:00.000Z', source: 'creation_time', suspect: false, readAs: 'utc' },
    { what: 'creation_time true UTC, no name: mtime is the hint', input: { creationTime: Z('2024-05-20T01:30:00Z') },
      start: '2024-05-20T01:30:00.000Z', source: 'creation_time', suspect: false, readAs: 'utc' },
    { what: 'forced local reading', input: { creationTime: Z('2024-05-20T09:30:00Z'), creationTimeMeaning: 'local' },
      start: '2024-05-20T01:30:00.000Z', source: 'creation_time', suspect: false, readAs: 'local' },
    { what: 'forced UTC reading', input: { creationTime: Z('2024-05-20T09:30:00Z'), creationTimeMeaning: 'utc' },
      start: '2024-05-20T09:30:00.000Z', source: 'creation_time', suspect: false, readAs: 'utc' },
    { what: 'name only', input: { fromName: name }, start: '2024-05-20T01:30:00.000Z', source: 'file_name', suspect: false },
    { what: 'mtime only', input: {}, start: '2024-05-20T01:35:00.000Z', source: 'mtime', suspect: false },
    { what: 'reset clock 1970 everywhere', input: { creationTime: Z('1970-01-01T08:00:00Z'), fromName: { y: 1970, m: 1, d: 1, hh: 8, mm: 0, ss: 0 }, mtime: Z('1970-01-01T00:00:02Z') },
      start: '1970-01-01T00:00:00.000Z', source: 'creation_time', suspect: true, readAs: 'local' },
    { what: '2009: before the earliest plausible date', input: { fromName: { y: 2009, m: 12, d: 31, hh: 23, mm: 0, ss: 0 }, mtime: Z('2009-12-31T15:00:00Z') },
      start: '2009-12-31T15:00:00.000Z', source: 'file_name', suspect: true },
    { what: 'creation_time 1970 but the name is plausible: name used, still suspect', input: { creationTime: Z('1970-01-01T00:00:00Z'), fromName: name },
      start: '2024-05-20T01:30:00.000Z', source: 'file_name', suspect: true, readAs: 'utc' },
    { what: 'in the future beyond tolerance', input: { fromName: { y: 2024, m: 5, d: 20, hh: 18, mm: 30, ss: 0 }, mtime: Z('2024-05-20T10:30:00Z') },
      start: '2024-05-20T10:30:00.000Z', source: 'file_name', suspect: true },
    { what: 'a few minutes ahead of docking: drift tolerated', input: { fromName: { y: 2024, m: 5, d: 20, hh: 18, mm: 10, ss: 0 } },
      start: '2024-05-20T10:10:00.000Z', source: 'file_name', suspect: false },
    { what: 'over a year before docking', input: { fromName: { y: 2023, m: 5, d: 1, hh: 9, mm: 0, ss: 0 }, mtime: Z('2023-05-01T01:00:00Z') },
      start: '2023-05-01T01:00:00.000Z', source: 'file_name', suspect: true },
    { what: 'ten months before docking is fine', input: { fromName: { y: 2023, m: 7, d: 20, hh: 9, mm: 0, ss: 0 } },
      start: '2023-07-20T01:00:00.000Z', source: 'file_name', suspect: false },
    { what: 'creation_time and name disagree by hours', input: { creationTime: Z('2024-05-20T05:00:00Z'), fromName: name, creationTimeMeaning: 'utc' },
      start: '2024-05-20T05:00:00.000Z', source: 'creation_time', suspect: true, readAs: 'utc' },
  ];
  it.each(cases)('$what', ({ input, start, source, suspect, readAs }) => {
    const d = decideStartTime({ ...base, ...input });
    expect(d.start.toISOString()).toBe(start);
    expect(d.source).toBe(source);
    expect(d.clockSuspect).toBe(suspect);
    if (suspect) expect(d.reason).toBeTruthy();
    expect(d.creationTimeReadAs).toBe(readAs);
  });

  it('is pure: same input, same output, input untouched', () => {
    const input: StartTimeInput = { ...base, creationTime: Z('2024-05-20T09:30:00Z'), fromName: { ...name } };
    const copy = structuredClone(input);
    expect(decideStartTime(input)).toEqual(decideStartTime(input));
    expect(input).toEqual(copy);
  });
});

// Issue 11, item 8: one rule for recorders that write local time and label it UTC, and the rule that was applied.
describe('decideStartTime: which reading gave the start (the rule)', () => {
  const base: StartTimeInput = { mtime: Z('2024-05-20T01:35:00Z'), dockedAt: docked, timeZone: 'Asia/Shanghai' };

  it('names the reading that gave the start', () => {
    expect(decideStartTime({ ...base, creationTime: Z('2024-05-20T09:30:00Z'), fromName: name }).rule).toBe('creation_time_local');
    expect(decideStartTime({ ...base, creationTime: Z('2024-05-20T01:30:00Z'), fromName: name }).rule).toBe('creation_time_utc');
    expect(decideStartTime({ ...base, fromName: name }).rule).toBe('file_name_local');
    expect(decideStartTime({ ...base }).rule).toBe('mtime');
  });

  it('no name and an unrelated mtime: a UTC reading after the docking is impossible, so the tag is local time', () => {
    // 17:00 local written as "17:00Z"; as UTC it would be 01:00 the next day, after the 18:00 docking.
    const d = decideStartTime({ ...base, mtime: Z('2024-05-20T10:00:00Z'), creationTime: Z('2024-05-20T17:00:00Z') });
    expect(d.start.toISOString()).toBe('2024-05-20T09:00:00.000Z');
    expect(d.rule).toBe('creation_time_local');
    expect(d.clockSuspect).toBe(false);
  });

  it('uses the office zone it is given, never the machine zone', () => {
    const input: StartTimeInput = { ...base, creationTime: Z('2024-05-20T09:30:00Z'), fromName: name };
    const berlin = decideStartTime({ ...input, timeZone: 'Europe/Berlin', fromName: { ...name, hh: 9 }, dockedAt: Z('2024-05-20T16:00:00Z'), mtime: Z('2024-05-20T07:35:00Z') });
    // 09:30 wall clock in Berlin (CEST, UTC+2) is 07:30Z.
    expect(berlin.start.toISOString()).toBe('2024-05-20T07:30:00.000Z');
    expect(berlin.rule).toBe('creation_time_local');
  });
});
