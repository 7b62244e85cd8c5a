import { CaretRightOutlined, PauseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MulticamCameraDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage, isHandledGlobally } from '../../errors';
import { useCan } from '../../hooks/useCan';
import { formatTime } from '../../time';
import { SegmentEngine, SPEEDS } from '../player/engine';
import { mediaUrl } from '../player/mediaUrl';
import { buildAxis } from './axis';
import { CameraTile } from './CameraTile';
import { SharedTimeline } from './SharedTimeline';
import { MultiSync, type SyncState } from './sync';

/** What the e2e test and a curious reader can see of the sync loop (window.__multicam). */
interface MulticamProbe {
  state(): SyncState;
  seek(position: number): void;
  axisStartMs: number;
  offsets: number[];
}

function ms(v: number | null): string {
  return v === null ? '—' : `${Math.round(v)} 毫秒`;
}

/**
 * The chosen cameras side by side on one wall-clock axis, played together (play/pause, seek, speed) by MultiSync,
 * one camera heard at a time. A camera without leave to view gets no engine: nothing of it is requested.
 */
export function SyncStage(props: { cameras: MulticamCameraDto[]; onAdjust(c: MulticamCameraDto): void }) {
  const axis = useMemo(() => buildAxis(props.cameras), [props.cameras]);
  /** The media elements of each camera, by `${recordingId}:${slot}`. */
  const elements = useRef(new Map<string, HTMLVideoElement>());
  const mediaRef = useCallback((recordingId: number, slot: 0 | 1, el: HTMLVideoElement | null) => {
    if (el) elements.current.set(`${recordingId}:${slot}`, el);
    else elements.current.delete(`${recordingId}:${slot}`);
  }, []);
  const syncRef = useRef<MultiSync | null>(null);
  const lastPos = useRef(0);
  const [s, setS] = useState<SyncState | null>(null);
  const [sound, setSound] = useState<number | null>(() => {
    const i = axis.cameras.findIndex((c) => c.camera.canView);
    return i < 0 ? null : i;
  });
  const canAdjust = useCan('multicam.adjust');

  useEffect(() => {
    const engines = axis.cameras.map((c) => {
      const a = elements.current.get(`${c.camera.recording.id}:0`);
      const b = elements.current.get(`${c.camera.recording.id}:1`);
      if (!c.camera.canView || !a || !b) return null;
      const proxied = new Set(c.timeline.segments.filter((x) => x.needsProxy).map((x) => x.mediaId));
      const variant = (id: number) => (proxied.has(id) ? 'preview' : 'original');
      const engine: SegmentEngine = new SegmentEngine(
        [a, b],
        c.timeline,
        (seg, preload) => mediaUrl(seg.mediaId, variant(seg.mediaId), { preload }),
        () => undefined,
        // 查阅登记 as in the player: a segment is registered when shown; leave is asked again then.
        (seg) => {
          api.media.viewed({ mediaId: seg.mediaId, variant: variant(seg.mediaId) }).catch((e: unknown) => {
            if (!isHandledGlobally(e)) engine.refuse(errorMessage(e));
          });
        },
      );
      return engine;
    });
    const sync = new MultiSync(
      axis.cameras.map((c, i) => ({ axis: c, engine: engines[i] ?? null })),
      axis.span,
      (st) => {
        lastPos.current = st.position;
        setS(st);
      },
    );
    syncRef.current = sync;
    if (lastPos.current > 0) sync.seek(Math.min(lastPos.current, axis.span));
    const probe: MulticamProbe = { state: () => sync.state, seek: (p) => sync.seek(p), axisStartMs: axis.startMs, offsets: axis.cameras.map((c) => c.offset) };
    (window as unknown as { __multicam?: MulticamProbe }).__multicam = probe;
    return () => {
      sync.destroy();
      for (const e of engines) e?.destroy();
      if (syncRef.current === sync) syncRef.current = null;
      delete (window as unknown as { __multicam?: MulticamProbe }).__multicam;
    };
  }, [axis]);

  useEffect(() => {
    syncRef.current?.setSound(sound);
  }, [sound, axis]);

  const position = s?.position ?? 0;
  const sync = () => syncRef.current;
  return (
    <div className="ew-mc" data-testid="multicam-stage" data-max-drift-ms={s?.maxDriftMs ?? ''} data-drift-samples={s?.samples ?? 0}>
      <div className={`ew-mc-grid ew-mc-grid-${Math.min(axis.cameras.length, 4)}`}>
        {axis.cameras.map((c, i) => (
          <CameraTile
            key={c.camera.recording.id}
            camera={c.camera}
            index={i}
            covered={s ? (s.covered[i] ?? false) : false}
            recorderClockMs={axis.startMs + position * 1000 - c.camera.shiftSec * 1000}
            heard={sound === i}
            canAdjust={canAdjust}
            mediaRef={(slot, el) => mediaRef(c.camera.recording.id, slot, el)}
            onSound={() => setSound(i)}
            onAdjust={() => props.onAdjust(c.camera)}
          />
        ))}
      </div>
      <SharedTimeline axis={axis} position={position} onSeek={(p) => sync()?.seek(p)} />
      <div className="ew-controls" role="toolbar" aria-label="多机位播放控制">
        <Button
          type="primary"
          aria-label={s?.ended ? '重新播放' : s?.playing ? '暂停' : '播放'}
          icon={s?.ended ? <ReloadOutlined /> : s?.playing ? <PauseOutlined /> : <CaretRightOutlined />}
          onClick={() => sync()?.toggle()}
          data-testid="multicam-play"
        />
        <span className="ew-controls-clock" data-testid="multicam-clock" title="校正后的实际时间">
          {formatTime(axis.startMs + position * 1000, 'YYYY-MM-DD HH:mm:ss')}
        </span>
        <Select aria-label="播放速度" value={s?.rate ?? 1} style={{ width: 92 }} options={SPEEDS.map((v) => ({ value: v, label: `${v}×` }))} onChange={(v: number) => sync()?.setRate(v)} />
        <Tooltip title="播放时各机位画面之间的最大时间差（每次播放、跳转或某机位卡顿后的第一秒不计）；小的偏差自动微调播放速度，超过一帧（40 毫秒）或某机位卡顿时各机位暂停、对齐到最慢的机位后一起继续">
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="multicam-drift-readout">
            同步偏差：当前 {ms(s?.driftMs ?? null)} · 最大 {ms(s?.maxDriftMs ?? null)}
          </Typography.Text>
        </Tooltip>
      </div>
    </div>
  );
}
