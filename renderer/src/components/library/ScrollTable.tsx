import { Spin } from 'antd';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { extentPx, firstRowAt, scrollPerContentPx } from './rowWindow';
import './scroll-table.css';

export interface ScrollColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  render: (row: T) => ReactNode;
  /** Sorted by clicking its header. */
  sortable?: boolean;
  /** Kept at the right edge when the table scrolls sideways. */
  fixedRight?: boolean;
  ellipsis?: boolean;
}

export interface ScrollTableProps<T extends { id: number }> {
  columns: ScrollColumn<T>[];
  /** Rows in all (the list scrolls over every one of them). */
  rowCount: number;
  /** Row `index`, or undefined while its block is being fetched. */
  rowAt: (index: number) => T | undefined;
  /** The rows on screen changed: fetch what is missing. */
  onShow: (first: number, last: number) => void;
  rowPx: number;
  height: number;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onOpen: (row: T) => void;
  sort: { key: string; order: 'asc' | 'desc' };
  onSort: (key: string) => void;
  loading: boolean;
  empty: ReactNode;
  /** Changes when the rows are a new query's: back to the top. */
  queryKey: number;
  testId?: string;
  rowTestId?: string;
}

const HEADER_PX = 40;
const SELECT_PX = 40;
/** Rows drawn beyond the view's bottom, so a small scroll shows no gap before the next frame. */
const OVERSCAN = 4;
/**
 * Rows are placed from an anchor row that moves only every ANCHOR_ROWS rows; in between a scroll moves just
 * the layer that holds them (a transform, no layout), not each row.
 */
const ANCHOR_ROWS = 64;

function cellStyle(c: { width: number; fixedRight?: boolean }): React.CSSProperties {
  return { width: c.width, flex: `0 0 ${c.width}px` };
}

/** One row's cells, drawn again only when its row or its selection changes (not when it moves). */
const RowCells = memo(function RowCells<T extends { id: number }>(props: {
  row: T;
  columns: ScrollColumn<T>[];
  selected: boolean;
  onSelect: (id: number, on: boolean) => void;
}) {
  const { row } = props;
  return (
    <>
      <div className="ew-st-cell ew-st-select" style={{ width: SELECT_PX, flex: `0 0 ${SELECT_PX}px` }}>
        {/* A native box: antd's Checkbox costs more to mount than the rest of the row, and rows mount on every scroll. */}
        <input type="checkbox" className="ew-st-check" checked={props.selected} onChange={(e) => props.onSelect(row.id, e.target.checked)} aria-label="选择" />
      </div>
      {props.columns.map((c) => (
        <div key={c.key} className={`ew-st-cell${c.fixedRight ? ' ew-st-fixed' : ''}${c.ellipsis ? ' ew-st-ellipsis' : ''}`} style={cellStyle(c)}>
          {c.render(row)}
        </div>
      ))}
    </>
  );
}) as <T extends { id: number }>(props: { row: T; columns: ScrollColumn<T>[]; selected: boolean; onSelect: (id: number, on: boolean) => void }) => ReactNode;

/**
 * A table over any number of rows (a million and more) that draws only the rows on screen: one scroll over
 * all rows (scaled above `MAX_EXTENT_PX`), the header and the rows held in place with `position: sticky`
 * and moved by the scroll position, each row's cells memoised so a scroll redraws only the rows that come in.
 * Rows not fetched yet show as loading; the view asks for them through `onShow`.
 */
export function ScrollTable<T extends { id: number }>(props: ScrollTableProps<T>) {
  const { rowCount, rowPx, height, onShow } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const first = firstRowAt(scrollTop, rowCount, rowPx, height);
  const top = Math.floor(first);
  const anchor = top - (top % ANCHOR_ROWS);
  const shown = Math.min(rowCount - top, Math.ceil(height / rowPx) + OVERSCAN);
  const width = SELECT_PX + props.columns.reduce((n, c) => n + c.width, 0);

  // A new query starts at its top (the scroll event that follows sets scrollTop's state).
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [props.queryKey]);

  useEffect(() => {
    if (shown > 0) onShow(top, top + shown - 1);
  }, [top, shown, onShow, props.queryKey]);

  // Above the extent the scrollbar is scaled: the wheel is turned into content px here (a notch moves as many rows
  // at a million as at a thousand); the remainder under one scrollbar px is kept for the next event.
  const perPx = scrollPerContentPx(rowCount, rowPx, height);
  useEffect(() => {
    const el = box.current;
    if (!el || perPx === 1) return;
    let rest = 0;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? rowPx : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? height : 1;
      rest += e.deltaY * unit * perPx;
      const whole = Math.trunc(rest);
      rest -= whole;
      el.scrollTop += whole;
      el.scrollLeft += e.deltaX * (e.deltaMode === WheelEvent.DOM_DELTA_PIXEL ? 1 : unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [perPx, rowPx, height]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>, row: T | undefined) => {
    if (e.key === 'Enter' && row && e.target === e.currentTarget) props.onOpen(row);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>, row: T | undefined) => {
    // The checkbox selects and a button does its own thing; anywhere else on the row opens the player.
    if (!row || (e.target instanceof Element && e.target.closest('.ew-st-select, button, a'))) return;
    props.onOpen(row);
  };

  const rows: ReactNode[] = [];
  for (let i = top; i < top + shown; i++) {
    const row = props.rowAt(i);
    rows.push(
      <div
        key={row ? `r${row.id}` : `i${i}`}
        className="ew-st-row"
        role="row"
        aria-rowindex={i + 2}
        tabIndex={row ? 0 : -1}
        data-testid={row ? props.rowTestId : undefined}
        style={{ top: (i - anchor) * rowPx, height: rowPx, width }}
        onClick={(e) => onClick(e, row)}
        onKeyDown={(e) => onKey(e, row)}
      >
        {row ? (
          <RowCells row={row} columns={props.columns} selected={props.selected.has(row.id)} onSelect={props.onSelect} />
        ) : (
          <div className="ew-st-cell ew-st-pending" style={{ width: Math.min(width, 600) }}>
            正在加载第 {i + 1} 条…
          </div>
        )}
      </div>,
    );
  }

  const extent = extentPx(rowCount, rowPx);
  return (
    <div
      ref={box}
      className="ew-st"
      role="table"
      aria-rowcount={rowCount + 1}
      data-testid={props.testId}
      style={{ height: height + HEADER_PX, ['--ew-st-row' as string]: `${rowPx - 1}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ width, height: HEADER_PX + Math.max(extent, height) }}>
        <div className="ew-st-head" role="row" style={{ height: HEADER_PX, width }}>
          <div className="ew-st-cell ew-st-select" style={{ width: SELECT_PX, flex: `0 0 ${SELECT_PX}px` }} />
          {props.columns.map((c) => {
            const on = props.sort.key === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={on ? (props.sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`ew-st-cell${c.fixedRight ? ' ew-st-fixed' : ''}${c.sortable ? ' ew-st-sortable' : ''}`}
                style={cellStyle(c)}
                onClick={c.sortable ? () => props.onSort(c.key) : undefined}
              >
                {c.title}
                {c.sortable && <span className={`ew-st-sorter${on ? ` ew-st-${props.sort.order}` : ''}`} aria-hidden />}
              </div>
            );
          })}
        </div>
        <div className="ew-st-body" style={{ height, width, top: HEADER_PX }}>
          <div className="ew-st-layer" style={{ transform: `translateY(${(anchor - first) * rowPx}px)` }}>
            {rows}
          </div>
          {rowCount === 0 && <div className="ew-st-empty">{props.loading ? <Spin /> : props.empty}</div>}
        </div>
      </div>
    </div>
  );
}
