import { DeleteOutlined } from '@ant-design/icons';
import { Button, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { MASK_STYLE_LABELS, MASK_STYLES, REGION_KIND_LABELS, REGION_KINDS } from '../../labels';
import type { MaskOps } from './useMaskOps';

const s = (t: number) => `${t.toFixed(2)} 秒`;
const seconds = (v: number | null, fallback: number) => (v === null ? fallback : Math.round(v * 100) / 100);

/** The regions (kind, style, when), the mute ranges and the range the copy covers, each settable to the current time. */
export function MarksPanel(props: { mask: MaskOps; time: number; duration: number; muteFrom: number | null; onMuteFrom(t: number | null): void }) {
  const { mask, time, duration } = props;
  const { ops } = mask;
  const now = Math.round(time * 100) / 100;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Text strong>副本范围</Typography.Text>
        <Space wrap style={{ display: 'flex', marginTop: 6 }}>
          <InputNumber aria-label="副本开始" min={0} max={duration} step={0.1} value={ops.range.from} addonAfter="秒" onChange={(v) => mask.setRange({ ...ops.range, from: seconds(v, 0) })} />
          <InputNumber aria-label="副本结束" min={0} max={duration} step={0.1} value={ops.range.to} addonAfter="秒" onChange={(v) => mask.setRange({ ...ops.range, to: seconds(v, duration) })} />
          <Button size="small" onClick={() => mask.setRange({ ...ops.range, from: now })}>起点设为当前</Button>
          <Button size="small" onClick={() => mask.setRange({ ...ops.range, to: now })}>终点设为当前</Button>
        </Space>
      </div>
      <div>
        <Typography.Text strong>遮挡区域</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
          在画面上拖动画出矩形；在不同时间拖动或缩放它即设置关键帧，关键帧之间位置自动线性插值。
        </Typography.Paragraph>
        <List
          size="small"
          bordered
          locale={{ emptyText: '尚未标记遮挡区域' }}
          dataSource={ops.regions.map((r, i) => ({ r, i }))}
          renderItem={({ r, i }) => (
            <List.Item
              style={{ background: mask.selected === i ? '#fffbe6' : undefined, display: 'block' }}
              onClick={() => mask.setSelected(i)}
              data-testid={`region-row-${i + 1}`}
            >
              <Space wrap>
                <Tag color="red">{i + 1}</Tag>
                <Select size="small" value={r.kind} style={{ width: 80 }} options={REGION_KINDS.map((k) => ({ value: k, label: REGION_KIND_LABELS[k] }))} onChange={(kind) => mask.updateRegion(i, { kind })} />
                <Select size="small" value={r.style} style={{ width: 90 }} options={MASK_STYLES.map((k) => ({ value: k, label: MASK_STYLE_LABELS[k] }))} onChange={(style) => mask.updateRegion(i, { style })} />
                <span>
                  {s(r.from)} – {s(r.to)}
                </span>
                <Button size="small" onClick={() => mask.updateRegion(i, { from: now })}>从当前开始</Button>
                <Button size="small" onClick={() => mask.updateRegion(i, { to: now })}>到当前结束</Button>
                <Typography.Text type="secondary">关键帧 {r.keyFrames.length} 个</Typography.Text>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除区域 ${i + 1}`} onClick={() => mask.removeRegion(i)} />
              </Space>
            </List.Item>
          )}
        />
      </div>
      <div>
        <Typography.Text strong>静音区间</Typography.Text>
        <Space wrap style={{ display: 'flex', margin: '6px 0' }}>
          {props.muteFrom === null ? (
            <Button size="small" onClick={() => props.onMuteFrom(now)}>从当前时间开始静音</Button>
          ) : (
            <>
              <Typography.Text>静音自 {s(props.muteFrom)} 起</Typography.Text>
              <Button size="small" type="primary" disabled={now <= props.muteFrom} onClick={() => (mask.addMute({ from: props.muteFrom!, to: now }), props.onMuteFrom(null))}>
                到当前时间结束
              </Button>
              <Button size="small" onClick={() => props.onMuteFrom(null)}>放弃</Button>
            </>
          )}
        </Space>
        {ops.mute.map((m, i) => (
          <Tag key={i} closable onClose={() => mask.removeMute(i)} color="purple">
            静音 {s(m.from)} – {s(m.to)}
          </Tag>
        ))}
      </div>
    </Space>
  );
}
