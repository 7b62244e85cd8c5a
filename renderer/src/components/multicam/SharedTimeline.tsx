import { formatTime } from '../../time';
import { seekSliderProps } from '../player/seekSlider';
import type { SharedAxis } from './axis';
import { cameraName } from './labels';

/** Width of the camera number before each row's track. */
const LABEL_PX = 28;

/**
 * The shared wall-clock axis: one row per camera with its footage (segments) and its gaps, where its clock correction
 * put them, and one playhead across all rows. Click or drag anywhere to move every player there.
 */
export function SharedTimeline(props: { axis: SharedAxis; position: number; onSeek(position: number): void }) {
  const { axis, position } = props;
  const span = Math.max(axis.span, 0.001);
  const pct = (sec: number) => `${Math.min(100, Math.max(0, (sec / span) * 100))}%`;
  const clock = (sec: number) => formatTime(axis.startMs + sec * 1000, 'HH:mm:ss');
  return (
    <div className="ew-mc-timeline">
      <div
        className="ew-mc-rows"
        {...seekSliderProps({ label: '多机位时间轴（校正后的实际时间）', span, position, valueText: clock(position), testId: 'multicam-timeline', insetPx: LABEL_PX, onSeek: props.onSeek })}
      >
        {axis.cameras.map((c, i) => (
          <div key={c.camera.recording.id} className="ew-mc-row" title={cameraName(c.camera)} data-testid="multicam-row">
            <span className="ew-mc-row-label">{i + 1}</span>
            <div className="ew-mc-track">
              {c.timeline.segments.map((s) => (
                <div
                  key={s.mediaId}
                  className={`ew-mc-cover${c.camera.canView ? '' : ' ew-mc-cover-denied'}`}
                  style={{ left: pct(c.offset + s.offset), width: pct(s.duration) }}
                  title={`${clock(c.offset + s.offset)}–${clock(c.offset + s.offset + s.duration)} ${s.name}`}
                  data-testid="multicam-coverage"
                />
              ))}
              {c.timeline.gaps.map((g) => (
                <div key={g.offset} className="ew-timeline-gap" style={{ left: pct(c.offset + g.offset), width: `max(3px, ${pct(g.seconds)})` }} title={`录制中断 ${Math.round(g.seconds)} 秒`} data-testid="multicam-gap" />
              ))}
            </div>
          </div>
        ))}
        <div className="ew-mc-head" style={{ left: `calc(${LABEL_PX}px + (100% - ${LABEL_PX}px) * ${Math.min(1, Math.max(0, position / span))})` }} />
      </div>
      <div className="ew-timeline-scale" style={{ paddingLeft: LABEL_PX }}>
        <span>{clock(0)}</span>
        <span>校正后的实际时间</span>
        <span>{clock(span)}</span>
      </div>
    </div>
  );
}
