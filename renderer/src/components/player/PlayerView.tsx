import { DeleteOutlined, LockOutlined } from '@ant-design/icons';
import { formatTime } from '../../time';
import { Alert, Progress, Result, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { RequestAccessButton, requestScopeFor } from '../access';
import { MediaPanel } from './MediaPanel';
import { MediaStage, SHORTCUTS_HELP } from './MediaStage';
import { mediaUrl } from './mediaUrl';
import type { EngineState, SegmentEngine } from './engine';
import type { TimelineMark } from './TimelineBar';
import { usePlayback } from './usePlayback';
import { dropWarm } from './warmStart';
import { MulticamButton } from '../multicam/MulticamButton';
import './player.css';

const noMenu = (e: MouseEvent) => e.preventDefault();

/** The player for one media item: its whole recording as one timeline, and the panel beside it. */
export function PlayerView(props: { mediaId: number; onChanged: () => void }) {
  const playback = usePlayback(props.mediaId);
  // Bytes started at the click (warmStart.ts) that the stage did not take: nothing to show them in.
  useEffect(() => {
    if (playback.phase !== 'loading' && playback.phase !== 'ready') dropWarm();
  }, [playback.phase]);
  useEffect(() => dropWarm, []);
  const engineRef = useRef<SegmentEngine | null>(null);
  const [pos, setPos] = useState<{ segmentIndex: number; currentTime: number }>({ segmentIndex: 0, currentTime: 0 });
  const [marks, setMarks] = useState<TimelineMark[]>([]);
  // The side panel renders after the first frame is decoded: its render must not delay the first request for bytes.
  const [framed, setFramed] = useState(false);
  const onFirstFrame = useCallback(() => setFramed(true), []);

  // The panel needs the segment and time only to a tenth of a second.
  const onState = useCallback((s: EngineState) => {
    setPos((p) =>
      p.segmentIndex === s.segmentIndex && Math.abs(p.currentTime - s.currentTime) < 0.1 ? p : { segmentIndex: s.segmentIndex, currentTime: s.currentTime },
    );
  }, []);

  const proxied = useMemo(() => {
    if (playback.phase !== 'ready') return new Set<number>();
    return new Set(playback.timeline.segments.filter((s) => s.needsProxy).map((s) => s.mediaId));
  }, [playback]);

  if (playback.phase === 'loading') {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin description="正在打开…" />
      </div>
    );
  }
  if (playback.phase === 'denied') {
    return (
      <NoPlayback
        icon={<LockOutlined style={{ fontSize: 64, color: '#cf1322' }} />}
        title="需要查阅申请"
        testId="view-denied"
        reason={`${playback.message}（《执法记录仪使用管理制度》第十二条、第十四条）。${playback.item ? '可在此直接提出查阅申请，批准后即可查看。' : '请在“查阅审批”中提出查阅申请。'}`}
        extra={playback.item && <RequestAccessButton type="primary" scope={requestScopeFor(playback.item)} />}
      />
    );
  }
  if (playback.phase === 'disposed') {
    const { detail } = playback;
    return (
      <NoPlayback
        icon={<DeleteOutlined style={{ fontSize: 64, color: '#8c8c8c' }} />}
        title="已销毁"
        testId="player-disposed"
        reason={`${detail.originalName} 已于 ${formatTime(detail.disposed?.at ?? '')} 按销毁记录 ${detail.disposed?.number ?? ''} 销毁（《执法记录仪使用管理制度》第十一条第（三）项），原始文件已不存在，不能播放。`}
        extra={
          <Typography.Text type="secondary" className="ew-mono" style={{ fontSize: 12 }}>
            SHA-256：{detail.sha256}
          </Typography.Text>
        }
      />
    );
  }
  if (playback.phase === 'error') return <Alert type="error" showIcon title={playback.message} />;
  if (playback.phase === 'preparing') {
    return (
      <div style={{ padding: '60px 80px', textAlign: 'center' }} data-testid="preview-progress">
        <Typography.Title level={5}>正在生成预览副本…</Typography.Title>
        <Typography.Paragraph type="secondary">
          原始文件的编码（如 H.265）无法在本机直接播放，正在为查看生成副本；原始文件不会改变，副本不作为证据。
        </Typography.Paragraph>
        <Progress percent={Math.floor(playback.fraction * 100)} status="active" />
      </div>
    );
  }

  const { detail, timeline, recording } = playback;
  const seek = (p: number) => engineRef.current?.seek(p);
  const playable = (detail.kind === 'video' || detail.kind === 'audio') && playback.unavailable.length < timeline.segments.length;
  let stage;
  if (detail.kind === 'photo') {
    stage = (
      <div className="ew-stage" onContextMenu={noMenu} data-testid="player-stage">
        {detail.needsProxy && (
          <div className="ew-stage-badges">
            <Tag color="orange" data-testid="proxy-badge">预览副本</Tag>
          </div>
        )}
        <img src={mediaUrl(detail.id, detail.needsProxy ? 'preview' : 'original')} alt={detail.originalName} draggable={false} onContextMenu={noMenu} data-testid="player-photo" />
      </div>
    );
  } else if (playable && (detail.kind === 'video' || detail.kind === 'audio')) {
    stage = <MediaStage timeline={timeline} kind={detail.kind} proxied={proxied} marks={marks} engineRef={engineRef} onState={onState} onFirstFrame={onFirstFrame} framed={framed} />;
  } else if (detail.kind === 'other') {
    stage = <Alert type="info" showIcon data-testid="player-document" title="这是文档（不是音视频或照片），不播放；原始文件按原样保存，可在右侧查看其信息。" />;
  } else {
    stage = <Alert type="warning" showIcon title="该资料无法预览（文件无法读取或为空），原始文件仍按原样保存。" />;
  }

  return (
    <div className="ew-player">
      <div className="ew-player-main">
        {stage}
        {playback.unavailable.length > 0 && playback.unavailable.length < timeline.segments.length && (
          <Alert type="warning" showIcon title={`有 ${playback.unavailable.length} 个分段无法预览，播放到该处将停止。`} />
        )}
        {(detail.kind === 'video' || detail.kind === 'audio') && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            快捷键：{SHORTCUTS_HELP}
          </Typography.Text>
        )}
        {recording && detail.kind === 'video' && (
          <div>
            <MulticamButton recordingId={recording.id} />
          </div>
        )}
      </div>
      {playable && !framed ? (
        <aside className="ew-player-side" aria-busy="true" />
      ) : (
        <MediaPanel
          first={detail}
          segments={playback.segments}
          recording={recording}
          timeline={timeline}
          segmentIndex={pos.segmentIndex}
          currentTime={pos.currentTime}
          onSeek={seek}
          onBookmarks={setMarks}
          onChanged={props.onChanged}
        />
      )}
    </div>
  );
}

/** Why no footage is shown (no grant, disposed): a large icon, a title and the reason with its rule. */
function NoPlayback(props: { icon: ReactNode; title: string; testId: string; reason: string; extra: ReactNode }) {
  return <Result icon={props.icon} title={props.title} subTitle={<span data-testid={props.testId}>{props.reason}</span>} extra={props.extra} />;
}
