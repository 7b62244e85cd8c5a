import { Alert, Button, Card, Col, Empty, Progress, Row, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { FrameSize } from '../../../../main/common';
import type { PublicSourceDto, PublicSourceItemDto } from '../../../../main/public-copy';
import { useSubmit } from '../../hooks/useSubmit';
import { formatTime } from '../../time';
import { MarksPanel } from './MarksPanel';
import { MaskStage } from './MaskStage';
import { useCopyRender } from './useCopyRender';
import { useMaskOps } from './useMaskOps';

const key = (requestId: number, mediaId: number) => `${requestId}:${mediaId}`;

/**
 * 制作公开使用副本: pick an item of an approved 公开使用 request, mark what to hide over the playing video, the
 * mute ranges and the range, and render it with progress and cancel.
 */
export function MaskEditor(props: { sources: PublicSourceDto[]; onMade(copyId: number): void }) {
  const { sources } = props;
  const [picked, setPicked] = useState<string | null>(null);
  if (!sources.length) {
    return <Empty description="没有您可使用的、经大队负责人批准且在有效期内的公开使用申请（第十三条）。请先在“查阅审批”中提出公开使用申请。" />;
  }
  const options = sources.flatMap((s) =>
    s.items.map((i) => ({ value: key(s.requestId, i.mediaId), label: `${s.approvalNumber} ${s.reason} · ${i.originalName}${i.refusal ? '（不可制作）' : ''}`, disabled: i.refusal !== null })),
  );
  let chosen: { source: PublicSourceDto; item: PublicSourceItemDto } | null = null;
  for (const s of sources) for (const i of s.items) if (key(s.requestId, i.mediaId) === picked) chosen = { source: s, item: i };
  const refusals = sources.flatMap((s) => s.items.filter((i) => i.refusal).map((i) => `${s.approvalNumber} ${i.originalName}：${i.refusal}`));
  const frame = chosen?.item.width && chosen.item.height ? { width: chosen.item.width, height: chosen.item.height } : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Select style={{ width: '100%', maxWidth: 720 }} placeholder="选择经批准的公开使用资料" options={options} value={picked} onChange={setPicked} data-testid="public-source" />
      {refusals.map((r) => (
        <Alert key={r} type="warning" showIcon message={r} />
      ))}
      {chosen && frame && <Editor key={picked} source={chosen.source} item={chosen.item} frame={frame} onMade={props.onMade} />}
    </Space>
  );
}

/** The editor of one item; another item gets a new editor, its marks starting empty. */
function Editor(props: { source: PublicSourceDto; item: PublicSourceItemDto; frame: FrameSize; onMade(copyId: number): void }) {
  const { source, item, frame } = props;
  const duration = item.durationSec ?? 0;
  const mask = useMaskOps(duration);
  const [time, setTime] = useState(0);
  const [muteFrom, setMuteFrom] = useState<number | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const render = useCopyRender(props.onMade);
  const { busy, error, run } = useSubmit();
  const seek = (t: number) => {
    if (video.current) video.current.currentTime = Math.max(0, Math.min(duration, t));
  };
  const toggle = () => {
    const v = video.current;
    if (v) void (v.paused ? v.play() : v.pause());
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <MaskStage mediaId={item.mediaId} frame={frame} mask={mask} time={time} onTime={setTime} videoRef={video} />
        <Space style={{ marginTop: 8 }} wrap>
          <Button onClick={toggle}>播放/暂停</Button>
          <Button onClick={() => seek(time - 0.1)}>后退 0.1 秒</Button>
          <Button onClick={() => seek(time + 0.1)}>前进 0.1 秒</Button>
          <Typography.Text data-testid="mask-time">
            当前 {time.toFixed(2)} / {duration.toFixed(2)} 秒
          </Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {source.approvalNumber}：{source.requestedBy} 申请，{source.decidedBy} 批准，有效至 {formatTime(source.validUntil)}。副本将加注“公开使用副本 · {source.approvalNumber} ·
          日期”标识，不是原始资料，不得作为证据。
        </Typography.Paragraph>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="遮挡与静音">
          <MarksPanel mask={mask} time={time} duration={duration} muteFrom={muteFrom} onMuteFrom={setMuteFrom} />
        </Card>
        <Card size="small" title="生成副本" style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          {render.progress?.error && <Alert type="warning" showIcon message={`未生成副本：${render.progress.error}`} style={{ marginBottom: 8 }} />}
          {render.progress && !render.progress.error && (
            <Progress percent={Math.round(render.progress.fraction * 100)} status={render.running ? 'active' : 'success'} data-testid="render-progress" />
          )}
          <Space>
            <Button type="primary" loading={busy || render.running} disabled={render.running} onClick={() => void run(() => render.start(source.requestId, item.mediaId, mask.ops))}>
              生成公开使用副本
            </Button>
            <Button disabled={!render.running} onClick={() => void run(render.cancel)}>
              取消
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
