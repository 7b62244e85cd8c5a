import { EyeOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { MEDIA_KIND_LABELS } from '../../labels';
import { useLibraryStore, type LibrarySort } from '../../stores/library';
import { CategoryText, DisposedTag, Flags, formatBytes, formatDuration, officerText, when } from './columns';
import { BLOCK_ROWS } from './rowWindow';
import { ScrollTable, type ScrollColumn } from './ScrollTable';
import { Thumb } from './Thumb';
import { RequestAccessButton, requestScopeFor } from '../access';
import { MulticamLink } from '../multicam/MulticamLink';

/** A row: the 36 px poster and its padding. */
const ROW_PX = 48;

/** Only video and audio have a length and are played; a photo or a document is looked at. */
const timed = (r: Pick<LibraryItemDto, 'kind'>): boolean => r.kind === 'video' || r.kind === 'audio';

function libraryColumns(thumbs: boolean, onOpen: (item: LibraryItemDto) => void): ScrollColumn<LibraryItemDto>[] {
  return [
    { title: '画面', key: 'thumb', width: 84, render: (r) => <Thumb item={r} allowed={thumbs && r.canView !== false} /> },
    { title: '录制时间', key: 'startAt', width: 176, sortable: true, render: (r) => when(r.startAt) },
    { title: '时长', key: 'durationSec', width: 100, sortable: true, render: (r) => (timed(r) ? formatDuration(r.durationSec) : '—') },
    { title: '执法人员', key: 'officer', width: 130, ellipsis: true, render: (r) => officerText(r.officer) },
    { title: '记录仪', key: 'recorder', width: 120, render: (r) => r.recorderSerial ?? '—' },
    { title: '类型', key: 'kind', width: 64, render: (r) => MEDIA_KIND_LABELS[r.kind] },
    { title: '执法情形', key: 'category', width: 130, render: (r) => <CategoryText item={r} /> },
    { title: '标记', key: 'flags', width: 190, render: (r) => <Flags item={r} /> },
    { title: '大小', key: 'size', width: 96, sortable: true, render: (r) => formatBytes(r.size) },
    { title: '文件名', key: 'name', width: 300, ellipsis: true, render: (r) => <span className="ew-mono" style={{ fontSize: 12 }}>{r.originalName}</span> },
    {
      title: '操作',
      key: 'open',
      width: 260,
      fixedRight: true,
      // Refused here (no leave to view): ask for it on the spot, for what was refused.
      render: (r) =>
        r.disposed ? (
          <DisposedTag item={r} />
        ) : (
          <Space size={0}>
            <Button
              size="small"
              type="link"
              icon={timed(r) ? <PlayCircleOutlined /> : <EyeOutlined />}
              aria-label={`${timed(r) ? '播放' : '查看'} ${r.originalName}`}
              onClick={() => onOpen(r)}
            >
              {timed(r) ? '播放' : '查看'}
            </Button>
            {r.canView === false && <RequestAccessButton size="small" type="link" scope={requestScopeFor(r)} />}
            {r.canView !== false && r.kind === 'video' && r.recordingId !== null && <MulticamLink recordingId={r.recordingId} name={r.originalName} />}
          </Space>
        ),
    },
  ];
}

/**
 * Every match in one scroll, a million rows as well as ten: only the rows on screen are drawn and only the
 * blocks of rows near them are fetched and kept (stores/library.ts); posters load as rows come into view.
 * Click (or Enter on) a row to play.
 */
export function LibraryTable(props: { onOpen: (item: LibraryItemDto) => void; thumbs: boolean; height: number }) {
  const { total, blocks, queryNo, sort, order, selected, loading, showRows, setSort, setSelected } = useLibraryStore();
  const { onOpen, thumbs } = props;
  const columns = useMemo(() => libraryColumns(thumbs, onOpen), [thumbs, onOpen]);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const rowAt = (i: number) => blocks.get(Math.floor(i / BLOCK_ROWS))?.[i % BLOCK_ROWS];
  const onSelect = useCallback(
    (id: number, on: boolean) => {
      const now = useLibraryStore.getState().selected;
      setSelected(on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id));
    },
    [setSelected],
  );
  // A sortable header: a new column sorts newest/largest/longest first, the same column again turns the order.
  const onSort = (key: string) => void setSort(key as LibrarySort, key === sort && order === 'desc' ? 'asc' : 'desc');

  return (
    <ScrollTable<LibraryItemDto>
      testId="library-table"
      rowTestId="library-row"
      columns={columns}
      rowCount={total}
      rowAt={rowAt}
      onShow={showRows}
      rowPx={ROW_PX}
      height={props.height}
      selected={chosen}
      onSelect={onSelect}
      onOpen={onOpen}
      sort={{ key: sort, order }}
      onSort={onSort}
      loading={loading}
      queryKey={queryNo}
      empty="没有符合条件的资料"
    />
  );
}
