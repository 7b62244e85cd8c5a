import { Table, type TableProps } from 'antd';
import type { TablePaginationConfig } from 'antd/es/table';
import type { MouseEvent } from 'react';

/**
 * A list as a table: `rows` keyed by `rowKey`, `empty` said when there are none, one long page unless `pageSize`
 * (pages hidden while one holds the list) or the caller's own `pagination` (a list paged by the server). With
 * `onPick` a click on a row opens its item, except a click on a link or button inside the row.
 */
export function DataTable<T extends object>(
  props: Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale' | 'size' | 'onRow'> & {
    rows: readonly T[];
    empty?: string;
    /** Lists that are the page's own use the roomier rows; lists inside a card or dialog the small ones. */
    size?: 'small' | 'middle';
    pageSize?: number;
    pagination?: TablePaginationConfig;
    onPick?(row: T): void;
  },
) {
  const { rows, empty, size, pageSize, pagination, onPick, ...rest } = props;
  const picked = (row: T) => (e: MouseEvent) => {
    if (!(e.target instanceof Element && e.target.closest('a, button'))) onPick?.(row);
  };
  return (
    <Table<T>
      {...rest}
      size={size ?? 'small'}
      dataSource={rows}
      pagination={pagination ?? (pageSize ? { pageSize, hideOnSinglePage: true } : false)}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      onRow={onPick ? (row) => ({ onClick: picked(row), style: { cursor: 'pointer' } }) : undefined}
    />
  );
}

/** The pager of a list the server pages: its store keeps the page, its size and the total; `setPage` loads a page. */
export function serverPages(list: { page: number; pageSize: number; total: number; setPage(page: number, pageSize: number): Promise<void> }, unit: string): TablePaginationConfig {
  return { current: list.page, pageSize: list.pageSize, total: list.total, showTotal: (t) => `共 ${t} ${unit}`, onChange: (page, pageSize) => void list.setPage(page, pageSize) };
}
