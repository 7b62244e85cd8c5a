import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatDurationClock, formatRate } from '../../../main/common';

// One convention for every size the program shows (UI, forms, CLI): binary units named as such, three figures.
describe('formatBytes', () => {
  it('shows bytes whole and larger sizes in binary units with three significant figures', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.00 KiB');
    expect(formatBytes(3482)).toBe('3.40 KiB');
    expect(formatBytes(12.34 * 1024 ** 2)).toBe('12.3 MiB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MiB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.25 GiB');
    expect(formatBytes(4_700_372_992)).toBe('4.38 GiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.00 TiB');
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TiB');
  });

  it('never shows 1024 of a unit', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.00 MiB');
    expect(formatBytes(1023.6 * 1024)).toBe('1.00 MiB');
    expect(formatBytes(1023.4 * 1024)).toBe('1023 KiB');
  });

  it('shows a dash for what is not a size', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('shows a rate per second, or a dash when nothing moves', () => {
    expect(formatRate(48.2 * 1024 ** 2)).toBe('48.2 MiB/s');
    expect(formatRate(0)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});

// Two duration forms, both here: words on screen, a clock in the printed forms' columns.
describe('formatDuration', () => {
  it('names hours, minutes and seconds, leaving out zeros', () => {
    expect(formatDuration(3723)).toBe('1 小时 2 分 3 秒');
    expect(formatDuration(3600)).toBe('1 小时');
    expect(formatDuration(2.54)).toBe('2.5 秒');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatDurationClock', () => {
  it('writes hh:mm:ss, hours growing past two digits', () => {
    expect(formatDurationClock(754)).toBe('00:12:34');
    expect(formatDurationClock(100 * 3600 + 5)).toBe('100:00:05');
  });
});
