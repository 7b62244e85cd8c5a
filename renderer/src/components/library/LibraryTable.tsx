import { useCallback, useMemo, useState } from 'react';
import type { LibraryItemDto } from '../../../../main/api/dto';
import { useCan } from '../../hooks/useCan';
import { MEDIA_KIND_LABELS } from '../../labels';
import { useLibraryStore, type LibrarySort } from '../../stores/library';
import { useMulticamStore } from '../../stores/multicam';
import { RequestAccessModal, requestScopeFor, type RequestScope } from '../access';
import { CategoryText, DisposedTag, Flags, formatBytes, formatDuration, officerText, when } from './columns';
import { RowIcon } from './RowIcon';
import { BLOCK_ROWS } from './rowWindow';
import { ScrollTable, type ScrollColumn } from './ScrollTable';
import { Thumb } from './Thumb';

/** A row: the 36 px poster and its padding. */
const ROW_PX = 48;

/** Only video and audio have a length and are played; a photo or a document is looked at. */
const timed = (r: Pick<LibraryItemDto, 'kind'>): boolean => r.kind === 'video' || r.kind === 'audio';

/** What a row's actions do: play or look, ask for leave (one dialog for the table), 多机位同步. */
interface RowActions {
  onOpen: (item: LibraryItemDto) => void;
  /** Null when the user may not ask for leave (no 申请查阅 then). */
  onAsk: ((scope: RequestScope) => void) | null;
}

/**
 * A row's 操作 as plain buttons (antd's Button, its icons and the request button's Modal cost more to mount than
 * the rest of the row, and rows mount on every scroll); names and test ids as the antd ones had.
 */
function RowButtons(props: { item: LibraryItemDto; actions: RowActions }) {
  const { item: r, actions } = props;
  const verb = timed(r) ? '播放' : '查看';
  return (
    <div className="ew-actions">
      <button type="button" className="ew-link-btn" aria-label={`${verb} ${r.originalName}`} onClick={() => actions.onOpen(r)}>
        <RowIcon name={timed(r) ? 'play' : 'eye'} />
        {verb}
      </button>
      {/* Refused here (no leave to view): ask for it on the spot, for what was refused. */}
      {r.canView === false && actions.onAsk && (
        <button type="button" className="ew-link-btn" data-testid="request-access" onClick={() => actions.onAsk?.(requestScopeFor(r))}>
          <RowIcon name="key" />
          申请查阅
        </button>
      )}
      {r.canView !== false && r.kind === 'video' && r.recordingId !== null && (
        <button
          type="button"
          className="ew-link-btn"
          aria-label={`多机位同步 ${r.originalName}`}
          title="与同一时段其他记录仪的录像并排同步播放"
          data-testid="row-multicam"
          onClick={() => useMulticamStore.getState().open(r.recordingId!)}
        >
          <RowIcon name="appstore" />
          多机位同步
        </button>
      )}
    </div>
  );
}

function libraryColumns(thumbs: boolean, actions: RowActions): ScrollColumn<LibraryItemDto>[] {
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
    { title: '操作', key: 'open', width: 260, fixedRight: true, render: (r) => (r.disposed ? <DisposedTag item={r} /> : <RowButtons item={r} actions={actions} />) },
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
  const canAsk = useCan('access.request');
  const [asking, setAsking] = useState<RequestScope | null>(null);
  const columns = useMemo(() => libraryColumns(thumbs, { onOpen, onAsk: canAsk ? setAsking : null }), [thumbs, onOpen, canAsk]);
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
    <>
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
      {asking && <RequestAccessModal scope={asking} open onClose={() => setAsking(null)} />}
    </>
  );
}
