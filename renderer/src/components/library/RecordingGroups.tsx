import { FolderAddOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { RecordingDto, RecordingGroupDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useLibraryStore } from '../../stores/library';
import { CategoryText, DisposedTag, Flags, formatBytes, formatDuration, officerText, when } from './columns';
import { Thumb } from './Thumb';
import { RequestAccessButton, requestScopeFor } from '../access';
import { MulticamLink } from '../multicam/MulticamLink';
import { continuityText } from '../player/timeline';

/** A recording's segments in order with the interruptions between them (rules art. 6). */
function RecordingDetail(props: { recordingId: number; onOpen: (mediaId: number) => void }) {
  const [rec, setRec] = useState<RecordingDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.library.recording({ id: props.recordingId }).then(setRec, (e: unknown) => setError(errorMessage(e)));
  }, [props.recordingId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!rec) return <Spin size="small" />;
  const rows: ({ kind: 'seg'; seg: RecordingDto['segments'][number]; n: number } | { kind: 'gap'; seconds: number; after: number })[] = [];
  rec.segments.forEach((seg, i) => {
    rows.push({ kind: 'seg', seg, n: i + 1 });
    const gap = rec.gaps.find((g) => g.afterMediaId === seg.mediaId);
    if (gap) rows.push({ kind: 'gap', seconds: gap.seconds, after: seg.mediaId });
  });
  return (
    <div data-testid="recording-detail" style={{ padding: '4px 0 4px 8px' }}>
      <Typography.Text type="secondary">
        整段 {when(rec.startAt)} – {when(rec.endAt).slice(11)}，共 {rec.segments.length} 段，{formatDuration(rec.totalDurationSec)}，{formatBytes(rec.totalSize)}
        {`，${continuityText(rec.gaps.length, rec.overlaps.length)}`}
      </Typography.Text>
      <ol style={{ margin: '6px 0 0', paddingLeft: 20 }}>
        {rows.map((r) =>
          r.kind === 'seg' ? (
            <li key={r.seg.mediaId} style={{ listStyle: 'decimal' }}>
              <Space size={8}>
                <span>{when(r.seg.startAt).slice(11)}</span>
                <span>{formatDuration(r.seg.durationSec)}</span>
                <span className="ew-mono" style={{ fontSize: 12 }}>{r.seg.originalName}</span>
                <Button size="small" type="link" onClick={() => props.onOpen(r.seg.mediaId)}>
                  从此段播放
                </Button>
              </Space>
            </li>
          ) : (
            <li key={`gap-${r.after}`} style={{ listStyle: 'none', color: '#cf1322' }}>
              <WarningOutlined /> 录制中断 {formatDuration(r.seconds)}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

/**
 * 按录制分组: a recording is one row (its segments and gaps when expanded) that plays as a whole. The groups are
 * paged on the server (library.recordings), so a recording is whole whichever page its segments would fall on.
 */
export function RecordingGroups(props: {
  onOpen: (mediaId: number) => void;
  onAddRecording: (recordingId: number, label: string) => void;
  thumbs: boolean;
}) {
  const s = useLibraryStore();
  const columns: ColumnsType<RecordingGroupDto> = [
    { title: '画面', key: 'thumb', width: 76, render: (_v, g) => <Thumb item={g.first} allowed={props.thumbs && g.first.canView !== false} /> },
    { title: '开始时间', key: 'startAt', width: 150, render: (_v, g) => when(g.startAt) },
    {
      title: '分段',
      key: 'segments',
      width: 100,
      render: (_v, g) => (g.recordingId !== null ? <Tag color="blue">录制 · {g.segmentIds.length} 段</Tag> : <Tag>单个文件</Tag>),
    },
    { title: '时长', key: 'duration', width: 76, render: (_v, g) => formatDuration(g.durationSec) },
    { title: '执法人员', key: 'officer', width: 120, ellipsis: true, render: (_v, g) => officerText(g.first.officer) },
    { title: '记录仪', key: 'recorder', width: 100, ellipsis: true, render: (_v, g) => g.first.recorderSerial ?? '—' },
    { title: '执法情形', key: 'category', width: 96, render: (_v, g) => <CategoryText item={g.first} /> },
    { title: '标记', key: 'flags', width: 136, render: (_v, g) => <Flags item={{ ...g.first, flags: g.flags }} /> },
    { title: '大小', key: 'size', width: 84, render: (_v, g) => formatBytes(g.size) },
    {
      title: '操作',
      key: 'ops',
      width: 132,
      // Kept on screen at any width (issue 11 item 14); the actions stack so every column fits at 1440 px.
      fixed: 'right',
      render: (_v, g) => (
        <Space direction="vertical" size={0} align="start">
          {g.first.disposed ? (
            <DisposedTag item={g.first} />
          ) : (
            <Button size="small" type="link" icon={<PlayCircleOutlined />} onClick={() => props.onOpen(g.first.id)}>
              播放
            </Button>
          )}
          {g.recordingId !== null && (
            <Button
              size="small"
              type="link"
              icon={<FolderAddOutlined />}
              onClick={() => props.onAddRecording(g.recordingId as number, `将 ${when(g.startAt)} 开始的整段录制加入案件`)}
            >
              整段加入案件
            </Button>
          )}
          {g.first.canView === false && <RequestAccessButton size="small" type="link" scope={requestScopeFor(g.first)} />}
          {g.first.canView !== false && g.first.kind === 'video' && g.recordingId !== null && <MulticamLink recordingId={g.recordingId} name={g.first.originalName} />}
        </Space>
      ),
    },
  ];
  return (
    <Table<RecordingGroupDto>
      rowKey="key"
      size="small"
      data-testid="recording-groups"
      loading={s.loading}
      columns={columns}
      dataSource={s.groups}
      pagination={false}
      scroll={{ x: 1120 }}
      expandable={{
        rowExpandable: (g) => g.recordingId !== null,
        expandedRowRender: (g) => (g.recordingId !== null ? <RecordingDetail recordingId={g.recordingId} onOpen={props.onOpen} /> : null),
      }}
      locale={{ emptyText: s.loading ? '正在加载…' : '没有符合条件的资料' }}
    />
  );
}
