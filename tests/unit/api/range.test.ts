import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../main/api';

/** Range headers with numbers past what a double holds exactly (issue 10 item 14): a range to the end, not the whole file. */
describe('parseRange with huge numbers', () => {
  const HUGE = '99999999999999999999999999999999';
  it.each<[string, number, ReturnType<typeof parseRange>]>([
    [`bytes=0-${HUGE}`, 1000, { kind: 'partial', start: 0, end: 999 }],
    ['bytes=0-9007199254740993', 1000, { kind: 'partial', start: 0, end: 999 }],
    [`bytes=500-${HUGE}`, 1000, { kind: 'partial', start: 500, end: 999 }],
    [`bytes=999-${HUGE}`, 1000, { kind: 'partial', start: 999, end: 999 }],
    [`bytes=${HUGE}-`, 1000, { kind: 'unsatisfiable' }],
    [`bytes=${HUGE}-${HUGE}`, 1000, { kind: 'unsatisfiable' }],
    [`bytes=-${HUGE}`, 1000, { kind: 'partial', start: 0, end: 999 }],
    [`bytes=0-${HUGE}`, 0, { kind: 'unsatisfiable' }],
    // Still ignored, as before: an end before the start.
    ['bytes=5-2', 1000, { kind: 'whole' }],
  ])('%s of %d', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
