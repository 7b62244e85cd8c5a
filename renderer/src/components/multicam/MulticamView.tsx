import { Alert, Checkbox, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { MulticamCameraDto, MulticamDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { formatDuration } from '../../format';
import { formatTime } from '../../time';
import { AdjustModal } from './AdjustModal';
import { cameraName, driftText, RELATION_LABELS } from './labels';
import { SyncStage } from './SyncStage';
import './multicam.css';

/**
 * 多机位同步 for one recording: the recordings of other cameras that overlap it (clocks corrected) or share its case,
 * up to four of them picked, played side by side on one wall-clock axis.
 */
export function MulticamView(props: { recordingId: number }) {
  const [data, setData] = useState<MulticamDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [adjusting, setAdjusting] = useState<MulticamCameraDto | null>(null);

  useEffect(() => {
    let live = true;
    api.multicam.cameras({ recordingId: props.recordingId }).then(
      (m) => {
        if (!live) return;
        setData(m);
        setPicked(m.cameras.filter((c) => c.preselected).map((c) => c.recording.id));
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.recordingId]);

  // Same objects while the choice and the data stay: the players are rebuilt only when either changes.
  const chosen = useMemo(() => (data ? data.cameras.filter((c) => picked.includes(c.recording.id)) : []), [data, picked]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) {
    return (
      <div style={{ padding: 60, textAlign: 'center' }}>
        <Spin description="正在查找同时段的其他机位…" />
      </div>
    );
  }
  const full = picked.length >= data.maxCameras;
  const toggle = (id: number, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  return (
    <div className="ew-mc-view">
      <div className="ew-mc-picker" data-testid="multicam-picker">
        <Typography.Text type="secondary">
          选择要同步播放的机位（最多 {data.maxCameras} 个）。各机位按交接时测得的记录仪时钟偏差校正到实际时间；本录像始终在列。
        </Typography.Text>
        {data.cameras.map((c) => {
          const anchor = c.relation === 'anchor';
          const on = picked.includes(c.recording.id);
          return (
            <Checkbox
              key={c.recording.id}
              checked={on}
              disabled={anchor || (!on && full)}
              onChange={(e) => toggle(c.recording.id, e.target.checked)}
              data-testid="multicam-candidate"
            >
              <Tag color={anchor ? 'blue' : 'default'}>{RELATION_LABELS[c.relation]}</Tag>
              {cameraName(c)} · {formatTime(c.correctedStartAt, 'HH:mm:ss')}–{formatTime(c.correctedEndAt, 'HH:mm:ss')}
              {!anchor && c.overlapSec > 0 && ` · 重合 ${formatDuration(c.overlapSec)}`}
              {c.cases.length > 0 && ` · 案件 ${c.cases.join('、')}`} · {driftText(c)}
              {!c.canView && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  无查看权限
                </Tag>
              )}
            </Checkbox>
          );
        })}
        {data.cameras.length === 1 && <Alert type="info" showIcon title="没有找到与本录像同时段的其他记录仪录像，也没有同案件的其他录像。" />}
      </div>
      <SyncStage cameras={chosen} onAdjust={setAdjusting} />
      <AdjustModal anchorRecordingId={data.anchorRecordingId} camera={adjusting} onClose={() => setAdjusting(null)} onSaved={setData} />
    </div>
  );
}
