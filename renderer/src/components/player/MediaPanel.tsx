import { DeleteOutlined, FolderAddOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Empty, Input, List, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BookmarkDto, Category, Classification, MediaDetailDto, RecordingDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { formatBytes, formatDuration } from '../../format';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATION_LABELS, MEDIA_FLAG_COLORS, MEDIA_FLAG_HINTS, MEDIA_FLAG_LABELS, START_RULE_LABELS, START_SOURCE_LABELS } from '../../labels';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { useAddToCase } from '../cases/AddToCaseModal';
import type { Timeline } from './timeline';
import { formatTime } from '../../time';

function hms(sec: number): string {
  const s = Math.max(0, Math.round(sec * 10) / 10);
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${(s % 60).toFixed(1).padStart(4, '0')}`;
}

/**
 * Beside the picture: what the item is (time, officer, recorder, codecs, flags) and the metadata
 * kept beside the original — 执法情形, 重点标记, notes, bookmarks, cases. The original is never touched.
 */
export function MediaPanel(props: {
  first: MediaDetailDto;
  /** Every segment's details as the player opened them (media.open): none is fetched again. */
  segments: MediaDetailDto[];
  recording: RecordingDto | null;
  timeline: Timeline;
  segmentIndex: number;
  /** Seconds inside the segment in play. */
  currentTime: number;
  onSeek: (position: number) => void;
  onBookmarks: (marks: { position: number; label: string }[]) => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const { timeline, recording, onBookmarks, onChanged } = props;
  const [details, setDetails] = useState<Map<number, MediaDetailDto>>(() => new Map([props.first, ...props.segments].map((d) => [d.id, d])));
  /** Notes being edited (null: showing the saved notes). */
  const [draft, setDraft] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const { busy, run } = useSubmit({ toast: true });
  const canNote = useCan('media.update');
  const canMark = useCan('bookmarks.add');
  const canUnmark = useCan('bookmarks.remove');
  const canAddToCase = useCan('cases.addItems');
  // A recording changes as a whole, in one call; a lone item through its own method.
  const canDescribe = useCan(recording ? 'media.updateRecording' : 'media.update');
  const canClassify = useCan(recording ? 'media.classifyRecording' : 'media.classify');

  const seg = timeline.segments[props.segmentIndex] ?? timeline.segments[0];
  const d = seg ? (details.get(seg.mediaId) ?? null) : null;

  const merge = useCallback((got: MediaDetailDto[]) => {
    setDetails((prev) => {
      const next = new Map(prev);
      for (const g of got) next.set(g.id, g);
      return next;
    });
  }, []);
  const reload = useCallback(async (ids: number[]) => merge(await Promise.all(ids.map((id) => api.media.get({ id })))), [merge]);

  // Details (bookmarks, notes, cases) of every segment: the timeline shows all bookmarks. Those the player opened
  // with are here already; the first frame's request must not queue behind calls for the same facts.
  const opened = props.segments;
  useEffect(() => {
    let live = true;
    const have = new Set(opened.map((d) => d.id));
    const missing = timeline.segments.filter((s) => !have.has(s.mediaId));
    if (missing.length === 0) return;
    Promise.all(missing.map((s) => api.media.get({ id: s.mediaId }))).then(
      (got) => live && merge(got),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [timeline, opened, merge]);

  const notes = draft ?? d?.notes?.text ?? '';
  const notesDirty = draft !== null;

  const bookmarks: (BookmarkDto & { position: number })[] = [];
  for (const s of timeline.segments) {
    for (const b of details.get(s.mediaId)?.bookmarks ?? []) bookmarks.push({ ...b, position: s.offset + b.offsetSec });
  }
  bookmarks.sort((a, b) => a.position - b.position);
  const marksKey = bookmarks.map((b) => `${b.id}:${b.position}`).join(',');
  useEffect(() => {
    onBookmarks(bookmarks.map((b) => ({ position: b.position, label: b.label })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [marksKey, onBookmarks]);

  const allIds = timeline.segments.map((s) => s.mediaId);
  const addToCase = useAddToCase(() => {
    void reload(allIds);
    onChanged();
  });

  /** 执法情形 and 重点标记 describe the whole recording: every segment gets them, in one transaction. */
  const updateAll = (patch: { category?: Category | null; keyMark?: boolean }, done: string) =>
    run(async () => {
      merge(recording ? await api.media.updateRecording({ recordingId: recording.id, ...patch }) : [await api.media.update({ id: props.first.id, ...patch })]);
      message.success(done);
      onChanged();
    });

  /** Rules art. 3: only the chief sets a classification; it applies to the whole recording. */
  const classifyAll = (classification: Classification) =>
    run(async () => {
      merge(recording ? await api.media.classifyRecording({ recordingId: recording.id, classification }) : [await api.media.classify({ id: props.first.id, classification })]);
      message.success(`密级已设为“${CLASSIFICATION_LABELS[classification]}”`);
      onChanged();
    });

  const saveNotes = () =>
    run(async () => {
      if (!d) return;
      const text = notes.trim();
      merge([await api.media.update({ id: d.id, notes: text ? text : null })]);
      setDraft(null);
      message.success('备注已保存');
      onChanged();
    });

  const addBookmark = () =>
    run(async () => {
      if (!seg) return;
      const text = label.trim() || `书签 ${formatTime(seg.startMs + props.currentTime * 1000, 'HH:mm:ss')}`;
      await api.bookmarks.add({ mediaId: seg.mediaId, offsetSec: Math.round(props.currentTime * 100) / 100, label: text });
      setLabel('');
      await reload([seg.mediaId]);
      message.success('已添加书签');
    });

  const removeBookmark = (b: BookmarkDto) =>
    run(async () => {
      await api.bookmarks.remove({ id: b.id });
      await reload([b.mediaId]);
      message.success('已删除书签');
    });

  const category = d?.category ?? null;
  const keyMark = d?.keyMark ?? false;
  const cases = new Map<number, { id: number; number: string; title: string }>();
  for (const s of timeline.segments) for (const c of details.get(s.mediaId)?.cases ?? []) cases.set(c.id, c);
  const wholeLabel = recording ? `整段录制（${recording.segments.length} 段）` : '本资料';

  return (
    <aside className="ew-player-side" aria-label="资料信息与标注">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {timeline.segments.length > 1 ? `第 ${(seg?.index ?? 0) + 1} 段：` : ''}
        <span className="ew-mono" style={{ fontSize: 14 }}>{d?.originalName ?? seg?.name}</span>
      </Typography.Title>
      {d && (
        <Descriptions size="small" column={1} styles={{ label: { width: 98 } }} data-testid="media-meta">
          <Descriptions.Item label="录制时间">
            {formatTime(d.startAt, 'YYYY-MM-DD HH:mm:ss')}
            {d.endAt ? ` – ${formatTime(d.endAt, 'HH:mm:ss')}` : ''}
          </Descriptions.Item>
          {(d.kind === 'video' || d.kind === 'audio') && (
            <Descriptions.Item label="时长">
              {formatDuration(d.durationSec)}
              {recording && recording.segments.length > 1 ? `（整段 ${formatDuration(recording.totalDurationSec)}）` : ''}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="开始时间来源">
            <span data-testid="start-rule">{d.startRule ? START_RULE_LABELS[d.startRule] : (START_SOURCE_LABELS[d.startSource] ?? d.startSource)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="执法人员">{d.officer ? `${d.officer.name}（${d.officer.badgeNo}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="记录仪">{d.recorderSerial ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="编码">
            {[d.originalName.includes('.') ? d.originalName.split('.').pop()?.toUpperCase() : null, d.videoCodec, d.audioCodec].filter(Boolean).join(' / ') || '—'}
            {d.width && d.height ? ` · ${d.width}×${d.height}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="大小">{formatBytes(d.size)}</Descriptions.Item>
          <Descriptions.Item label="密级">
            {canClassify ? (
              <Select
                size="small"
                data-testid="classification-select"
                style={{ width: 140 }}
                disabled={busy}
                value={d.classification}
                options={(Object.keys(CLASSIFICATION_LABELS) as Classification[]).map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
                onChange={(v: Classification) => void classifyAll(v)}
              />
            ) : (
              CLASSIFICATION_LABELS[d.classification]
            )}
          </Descriptions.Item>
          <Descriptions.Item label="保存期限">
            {d.heldByCase ? '随案件保存' : d.effectiveRetentionUntil ? `至 ${formatTime(d.effectiveRetentionUntil, 'YYYY-MM-DD')}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="SHA-256">
            <Tooltip title={d.sha256}>
              <span className="ew-mono" style={{ fontSize: 12 }}>{d.sha256.slice(0, 16)}…</span>
            </Tooltip>
          </Descriptions.Item>
          {d.flags.length > 0 && (
            <Descriptions.Item label="问题">
              {d.flags.map((f) => (
                <Tooltip key={f} title={MEDIA_FLAG_HINTS[f]}>
                  <Tag color={MEDIA_FLAG_COLORS[f]}>{MEDIA_FLAG_LABELS[f]}</Tag>
                </Tooltip>
              ))}
            </Descriptions.Item>
          )}
          {recording && recording.overlaps.length > 0 && (
            <Descriptions.Item label="时间重叠">
              <Tag color="orange" data-testid="recording-overlaps">
                {recording.overlaps.length} 处（记录仪时钟问题，不是缺失）
              </Tag>
            </Descriptions.Item>
          )}
          {recording && recording.gaps.length > 0 && (
            <Descriptions.Item label="录制中断">
              <Tag color="red">{recording.gaps.length} 处，共 {formatDuration(recording.gaps.reduce((a, g) => a + g.seconds, 0))}</Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>执法情形</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            适用于{wholeLabel}
          </Typography.Text>
          <Select
            aria-label="执法情形"
            data-testid="category-select"
            style={{ width: '100%', marginTop: 4 }}
            placeholder="未设置"
            allowClear
            disabled={!canDescribe || busy}
            value={category ?? undefined}
            options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            onChange={(v: Category | undefined) => void updateAll({ category: v ?? null }, v ? `执法情形已设为“${CATEGORY_LABELS[v]}”` : '已清除执法情形')}
          />
        </div>
        <Space>
          <Switch
            aria-label="重点标记"
            checked={keyMark}
            disabled={!canDescribe || busy}
            onChange={(v) => void updateAll({ keyMark: v }, v ? '已设为重点' : '已取消重点标记')}
          />
          <span>
            <StarFilled style={{ color: keyMark ? '#fa8c16' : '#c0c6d0' }} /> 重点标记
          </span>
        </Space>
        <div>
          <Typography.Text strong>备注</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
            {d?.notes ? `${d.notes.updatedBy} 于 ${formatTime(d.notes.updatedAt, 'MM-DD HH:mm')}` : '本段'}
          </Typography.Text>
          <Input.TextArea
            aria-label="备注"
            rows={3}
            maxLength={2000}
            disabled={!canNote}
            value={notes}
            onChange={(e) => setDraft(e.target.value)}
            style={{ marginTop: 4 }}
          />
          {notesDirty && (
            <Space style={{ marginTop: 6 }}>
              <Button size="small" type="primary" loading={busy} onClick={() => void saveNotes()}>
                保存备注
              </Button>
              <Button size="small" onClick={() => setDraft(null)}>
                取消
              </Button>
            </Space>
          )}
        </div>
      </Space>

      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>书签</Typography.Text>
      {canMark && (
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <Input
            aria-label="书签名称"
            placeholder={`在 ${seg ? formatTime(seg.startMs + props.currentTime * 1000, 'HH:mm:ss') : ''} 添加书签`}
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
            onPressEnter={() => void addBookmark()}
          />
          <Button onClick={() => void addBookmark()}>添加书签</Button>
        </Space.Compact>
      )}
      {bookmarks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无书签" style={{ margin: '8px 0' }} />
      ) : (
        <List
          size="small"
          data-testid="bookmarks"
          dataSource={bookmarks}
          rowKey="id"
          renderItem={(b) => {
            const s = timeline.segments.find((x) => x.mediaId === b.mediaId);
            const wall = s ? formatTime(s.startMs + b.offsetSec * 1000, 'HH:mm:ss') : hms(b.offsetSec);
            return (
              <List.Item
                actions={
                  canUnmark
                    ? [<Button key="del" size="small" type="text" aria-label={`删除书签 ${b.label}`} icon={<DeleteOutlined />} onClick={() => void removeBookmark(b)} />]
                    : []
                }
              >
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onSeek(b.position)} title="跳到此处">
                  <span className="ew-mono">{wall}</span>
                </Button>
                <span style={{ flex: 1, marginLeft: 8 }}>{b.label}</span>
              </List.Item>
            );
          }}
        />
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>所属案件</Typography.Text>
        {canAddToCase && (
          <Button
            size="small"
            icon={<FolderAddOutlined />}
            onClick={() =>
              addToCase.open(
                recording ? { recordingId: recording.id, label: `将${wholeLabel}加入案件` } : { mediaIds: [props.first.id], label: `将 ${props.first.originalName} 加入案件` },
              )
            }
          >
            加入案件
          </Button>
        )}
      </Space>
      <div style={{ marginTop: 6 }} data-testid="media-cases">
        {cases.size === 0 ? (
          <Typography.Text type="secondary">未加入案件</Typography.Text>
        ) : (
          [...cases.values()].map((c) => (
            <Tag key={c.id} color="geekblue">
              <a href={`#/cases/${c.id}`}>
                {c.number} {c.title}
              </a>
            </Tag>
          ))
        )}
      </div>
      {addToCase.modal}
    </aside>
  );
}
