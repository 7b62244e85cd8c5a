// Issue 14 item 1: the library's one scroll over every match — which rows a scroll position shows, which blocks to fetch and drop.
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, blocksFor, blocksToDrop, extentPx, firstRowAt, MAX_EXTENT_PX, scrollPerContentPx } from '../../../renderer/src/components/library/rowWindow';

const ROW = 48;
const VIEW = 480;

describe('firstRowAt', () => {
  it('is exact while the rows fit the extent: one row per row height scrolled', () => {
    expect(extentPx(1000, ROW)).toBe(48_000);
    expect(firstRowAt(0, 1000, ROW, VIEW)).toBe(0);
    expect(firstRowAt(ROW * 37, 1000, ROW, VIEW)).toBe(37);
    expect(firstRowAt(ROW * 37 + ROW / 2, 1000, ROW, VIEW)).toBe(37.5);
    // The bottom shows the last rows whole.
    expect(firstRowAt(48_000 - VIEW, 1000, ROW, VIEW)).toBe(1000 - VIEW / ROW);
  });

  it('scales a million rows into the capped extent, top to row 0 and bottom to the last row', () => {
    const rows = 1_000_000;
    expect(extentPx(rows, ROW)).toBe(MAX_EXTENT_PX);
    const bottom = MAX_EXTENT_PX - VIEW;
    expect(firstRowAt(0, rows, ROW, VIEW)).toBe(0);
    expect(firstRowAt(bottom, rows, ROW, VIEW)).toBe(rows - VIEW / ROW);
    expect(firstRowAt(bottom / 2, rows, ROW, VIEW)).toBeCloseTo((rows - VIEW / ROW) / 2, 6);
    // Past the ends (overscroll, a stale position after the count shrank) stays in range.
    expect(firstRowAt(bottom * 2, rows, ROW, VIEW)).toBe(rows - VIEW / ROW);
    expect(firstRowAt(-50, rows, ROW, VIEW)).toBe(0);
  });

  it('shows row 0 when everything fits in the view', () => {
    expect(firstRowAt(120, 5, ROW, VIEW)).toBe(0);
    expect(firstRowAt(0, 0, ROW, VIEW)).toBe(0);
  });
});

describe('blocks', () => {
  it('names the blocks that hold a range of rows, clipped to the rows there are', () => {
    expect(blocksFor(0, 13, 1000)).toEqual([0]);
    expect(blocksFor(BLOCK_ROWS - 3, BLOCK_ROWS + 10, 1000)).toEqual([0, 1]);
    expect(blocksFor(995, 1020, 1000)).toEqual([9]);
    expect(blocksFor(0, 10, 0)).toEqual([]);
  });

  it('drops the blocks farthest from the view and keeps the nearest', () => {
    expect(blocksToDrop([1, 2, 3], 2, 3)).toEqual([]);
    expect(blocksToDrop([0, 1, 2, 50, 51, 99], 50, 3)).toEqual([1, 99, 0]);
    expect(blocksToDrop([10, 8, 12], 10, 2)).toEqual([12]);
  });
});

describe('scrollPerContentPx', () => {
  it('is 1 while the rows fit the extent (and when they fit the view)', () => {
    expect(scrollPerContentPx(1000, ROW, VIEW)).toBe(1);
    expect(scrollPerContentPx(3, ROW, VIEW)).toBe(1);
    expect(scrollPerContentPx(0, ROW, VIEW)).toBe(1);
  });

  it('above the extent, a wheel delta scaled by it moves the first row by the delta in content px', () => {
    const rows = 1_000_000;
    const k = scrollPerContentPx(rows, ROW, VIEW);
    expect(k).toBeCloseTo((MAX_EXTENT_PX - VIEW) / (rows * ROW - VIEW), 12);
    // Two rows of content (96 px) scrolled from the middle moves the first row by two rows.
    const from = (MAX_EXTENT_PX - VIEW) / 2;
    expect(firstRowAt(from + 2 * ROW * k, rows, ROW, VIEW) - firstRowAt(from, rows, ROW, VIEW)).toBeCloseTo(2, 6);
  });
});
