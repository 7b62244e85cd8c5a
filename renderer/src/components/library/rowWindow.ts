/**
 * The arithmetic of the library's scrolling list (pure, no DOM): which rows a scroll position shows and which
 * blocks of rows to fetch or drop. At a million rows the list is one scroll over all of them, fetched a block
 * at a time as it comes into view, with only the blocks near the view kept.
 */

/** Rows fetched in one call (library.search's limit). */
export const BLOCK_ROWS = 100;
/** Blocks kept around the view; farther ones are dropped and fetched again when scrolled back to. */
export const KEPT_BLOCKS = 24;
/**
 * The tallest scroll extent used: Chromium lays out no element taller than about 33 M px, and a million 48 px
 * rows are 48 M px. Above it the scrollbar is scaled (one pixel of scrollbar moves several of rows).
 */
export const MAX_EXTENT_PX = 8_000_000;

/** The height of the scrolled content for `rows` rows of `rowPx`. */
export function extentPx(rows: number, rowPx: number): number {
  return Math.min(rows * rowPx, MAX_EXTENT_PX);
}

/**
 * The first row on screen (fractional: 12.5 is half of row 12 scrolled past) at `scrollTop` of a view
 * `viewPx` tall. Exact while the content fits the extent; scaled linearly above it, so the top shows row 0 and
 * the bottom the last row.
 */
export function firstRowAt(scrollTop: number, rows: number, rowPx: number, viewPx: number): number {
  const content = Math.max(0, rows * rowPx - viewPx);
  const scroll = Math.max(0, extentPx(rows, rowPx) - viewPx);
  if (scroll === 0) return 0;
  const y = (Math.min(Math.max(scrollTop, 0), scroll) / scroll) * content;
  return y / rowPx;
}

/** The blocks that hold rows `first`..`last` (inclusive, clipped to `rows`). */
export function blocksFor(first: number, last: number, rows: number): number[] {
  if (rows <= 0 || last < first) return [];
  const a = Math.floor(Math.max(0, first) / BLOCK_ROWS);
  const b = Math.floor(Math.min(rows - 1, last) / BLOCK_ROWS);
  const out: number[] = [];
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

/** Of the blocks held, those to drop: all but the `keep` nearest to block `around`. */
export function blocksToDrop(held: readonly number[], around: number, keep = KEPT_BLOCKS): number[] {
  if (held.length <= keep) return [];
  const byDistance = [...held].sort((x, y) => Math.abs(x - around) - Math.abs(y - around) || x - y);
  return byDistance.slice(keep);
}

/**
 * Scrollbar pixels per pixel of content: 1 while the rows fit the extent, less above it. A wheel or touchpad moves
 * the content by its delta times this, so it scrolls as far at a million rows as at a thousand.
 */
export function scrollPerContentPx(rows: number, rowPx: number, viewPx: number): number {
  const content = rows * rowPx - viewPx;
  const scroll = extentPx(rows, rowPx) - viewPx;
  return content > 0 && scroll > 0 ? Math.min(1, scroll / content) : 1;
}
