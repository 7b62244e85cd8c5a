import { EyeOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { MEDIA_KIND_LABELS } from '../../labels';
import { useLibraryStore, type LibrarySort } from '../../stores/library';
import { CategoryText, DisposedTag, Flags, formatBytes, formatDuration, officerText, when } from './columns';
import { Thumb } from './Thumb';
import { RequestAccessButton, requestScopeFor } from '../access';
import { MulticamLink } from '../multicam/MulticamLink';

const SORTABLE = new Set<string>(['startAt', 'size', 'durationSec']);

/** Only video and audio have a length and are played; a photo or a document is looked at. */
const timed = (r: Pick<LibraryItemDto, 'kind'>): boolean => r.kind === 'video' || r.kind === 'audio';

/**
 * One page of media (100–500 rows) in a virtual table: only the rows on screen are in the DOM and
 * posters load as they come into view. Click (or Enter on) a row to play.
 */
export function LibraryTable(props: { onOpen: (item: LibraryItemDto) => void; thumbs: boolean; height: number }) {
  const s = useLibraryStore();
  const order = (key: LibrarySort) => (s.sort === key ? (s.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: ColumnsType<LibraryItemDto> = [
    { title: '画面', key: 'thumb', width: 84, render: (_v, r) => <Thumb item={r} allowed={props.thumbs && r.canView !== false} /> },
    { title: '录制时间', dataIndex: 'startAt', key: 'startAt', width: 176, sorter: true, sortOrder: order('startAt'), render: (v: string) => when(v) },
    { title: '时长', dataIndex: 'durationSec', key: 'durationSec', width: 100, sorter: true, sortOrder: order('durationSec'), render: (v: number | null, r) => (timed(r) ? formatDuration(v) : '—') },
    { title: '执法人员', key: 'officer', width: 130, render: (_v, r) => officerText(r.officer) },
    { title: '记录仪', dataIndex: 'recorderSerial', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kind', width: 64, render: (v: LibraryItemDto['kind']) => MEDIA_KIND_LABELS[v] },
    { title: '执法情形', key: 'category', width: 130, render: (_v, r) => <CategoryText item={r} /> },
    { title: '标记', key: 'flags', width: 190, render: (_v, r) => <Flags item={r} /> },
    { title: '大小', dataIndex: 'size', key: 'size', width: 96, sorter: true, sortOrder: order('size'), render: (v: number) => formatBytes(v) },
    { title: '文件名', dataIndex: 'originalName', width: 300, ellipsis: true, render: (v: string) => <span className="ew-mono" style={{ fontSize: 12 }}>{v}</span> },
    {
      title: '操作',
      key: 'open',
      width: 260,
      fixed: 'right',
      // Refused here (no leave to view): ask for it on the spot, for what was refused.
      render: (_v, r) =>
        r.disposed ? (
          <DisposedTag item={r} />
        ) : (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            icon={timed(r) ? <PlayCircleOutlined /> : <EyeOutlined />}
            aria-label={`${timed(r) ? '播放' : '查看'} ${r.originalName}`}
            onClick={(e) => {
              e.stopPropagation();
              props.onOpen(r);
            }}
          >
            {timed(r) ? '播放' : '查看'}
          </Button>
          {r.canView === false && <RequestAccessButton size="small" type="link" scope={requestScopeFor(r)} />}
          {r.canView !== false && r.kind === 'video' && r.recordingId !== null && <MulticamLink recordingId={r.recordingId} name={r.originalName} />}
        </Space>
        ),
    },
  ];

  return (
    <Table<LibraryItemDto>
      virtual
      rowKey="id"
      size="small"
      data-testid="library-table"
      loading={s.loading}
      columns={columns}
      dataSource={s.items}
      scroll={{ x: 1480, y: props.height }}
      rowSelection={{ selectedRowKeys: s.selected, onChange: (keys) => s.setSelected(keys.map(Number)), columnWidth: 40 }}
      onRow={(r) => ({
        onClick: (e) => {
          // The checkbox column selects; anywhere else on the row opens the player.
          if (e.target instanceof Element && e.target.closest('.ant-table-selection-column, button, a')) return;
          props.onOpen(r);
        },
        style: { cursor: 'pointer' },
        'data-testid': 'library-row',
      })}
      onChange={(_p, _f, sorter) => {
        const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<LibraryItemDto> | undefined;
        const key = String(one?.columnKey ?? '');
        if (one?.order && SORTABLE.has(key)) void s.setSort(key as LibrarySort, one.order === 'ascend' ? 'asc' : 'desc');
        else if (!one?.order) void s.setSort('startAt', 'desc');
      }}
      pagination={false}
      locale={{ emptyText: s.loading ? '正在加载…' : '没有符合条件的资料' }}
    />
  );
}
