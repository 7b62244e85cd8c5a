import { LockOutlined, SoundOutlined, MutedOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { MulticamCameraDto } from '../../../../main/api/dto';
import { RequestAccessButton, requestScopeFor } from '../access';
import { MEDIA_PROPS } from '../player/MediaStage';
import { formatTime } from '../../time';
import { cameraName, driftText, RELATION_LABELS, signedSeconds } from './labels';

const TILE_MEDIA = { ...MEDIA_PROPS, 'data-testid': 'multicam-media' } as const;

/**
 * One camera of 多机位同步: its picture (or the 申请查阅 prompt when the viewer has no leave: nothing is loaded),
 * who and which recorder, its clock drift and hand correction, and whether it is the one heard.
 */
export function CameraTile(props: {
  camera: MulticamCameraDto;
  index: number;
  /** Footage at the shared position. */
  covered: boolean;
  /** The recorder's own clock at the shared position (ms), for comparing with what the picture shows. */
  recorderClockMs: number;
  heard: boolean;
  canAdjust: boolean;
  /** Receives the two media elements (slot 0 and 1: the segment on screen and the next one preloaded). */
  mediaRef(slot: 0 | 1, el: HTMLVideoElement | null): void;
  onSound(): void;
  onAdjust(): void;
}) {
  const { camera: c, mediaRef } = props;
  const first = c.recording.segments[0];
  return (
    <div className="ew-mc-tile" data-testid="multicam-tile" data-recording-id={c.recording.id} data-can-view={c.canView ? 'true' : 'false'}>
      <div className="ew-mc-tile-head">
        <Typography.Text strong ellipsis style={{ maxWidth: '60%' }}>
          {props.index + 1}. {cameraName(c)}
        </Typography.Text>
        <Tag color={c.relation === 'anchor' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
          {RELATION_LABELS[c.relation]}
        </Tag>
        {c.canView && (
          <Tooltip title={props.heard ? '正在播放此机位的声音' : '改为播放此机位的声音（同一时间只播放一个机位的声音）'}>
            <Button size="small" type={props.heard ? 'primary' : 'default'} icon={props.heard ? <SoundOutlined /> : <MutedOutlined />} onClick={props.onSound} aria-label={`声音：${cameraName(c)}`} aria-pressed={props.heard} data-testid="multicam-sound">
              {props.heard ? '声音' : '静音'}
            </Button>
          </Tooltip>
        )}
      </div>
      <div className="ew-mc-stage ew-stage">
        {c.canView ? (
          <>
            <video ref={(el) => mediaRef(0, el)} data-slot={0} {...TILE_MEDIA} />
            <video ref={(el) => mediaRef(1, el)} data-slot={1} {...TILE_MEDIA} />
            {!props.covered && (
              <div className="ew-mc-nofootage" data-testid="multicam-no-footage">
                该时刻本机位无录像
              </div>
            )}
            <div className="ew-stage-clock" title="记录仪自身时钟（未校正）">
              记录仪时钟 {formatTime(props.recorderClockMs, 'HH:mm:ss')}
            </div>
          </>
        ) : (
          <div className="ew-mc-denied" data-testid="multicam-denied">
            <LockOutlined style={{ fontSize: 32, color: '#ff7875' }} />
            <div>{c.denied ?? '没有查看该机位的权限'}</div>
            {first && (
              <RequestAccessButton
                type="primary"
                scope={requestScopeFor({ id: first.mediaId, recordingId: c.recording.id, startAt: c.recording.startAt, officer: c.recording.officer, recorderSerial: c.recording.recorderSerial, originalName: first.originalName })}
              />
            )}
          </div>
        )}
      </div>
      <div className="ew-mc-tile-foot">
        <span data-testid="multicam-drift">{driftText(c)}</span>
        <span>
          手动校正{' '}
          <Tooltip title={c.adjustment ? `${c.adjustment.by.displayName} 于 ${formatTime(c.adjustment.at, 'YYYY-MM-DD HH:mm')} 校正，理由：${c.adjustment.reason}` : '未手动校正'}>
            <span data-testid="multicam-adjustment">{signedSeconds(c.adjustment?.seconds ?? 0)}</span>
          </Tooltip>
        </span>
        {props.canAdjust && c.canView && (
          <Button size="small" type="link" onClick={props.onAdjust} data-testid="multicam-adjust">
            调整
          </Button>
        )}
      </div>
    </div>
  );
}
