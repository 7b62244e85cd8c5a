import { continuityText, type Timeline } from './timeline';
import { formatTime } from '../../time';
import { seekSliderProps } from './seekSlider';

export interface TimelineMark {
  position: number;
  label: string;
}

function clock(ms: number): string {
  return formatTime(ms, 'HH:mm:ss');
}

/**
 * The recording as one bar on its wall-clock axis: segments, the boundaries between them, gaps
 * (录制中断, rules art. 6) hatched in red, bookmarks, and the playhead. Click or drag to seek.
 */
export function TimelineBar(props: {
  timeline: Timeline;
  position: number;
  activeIndex: number;
  marks: TimelineMark[];
  onSeek: (position: number) => void;
}) {
  const { timeline: t, position } = props;
  const span = Math.max(t.span, 0.001);
  const pct = (sec: number) => `${Math.min(100, Math.max(0, (sec / span) * 100))}%`;

  return (
    <div className="ew-timeline">
      <div
        className="ew-timeline-track"
        {...seekSliderProps({ label: '播放进度（录制时间轴）', span, position, valueText: clock(t.startMs + position * 1000), testId: 'timeline', onSeek: props.onSeek })}
      >
        {t.segments.map((s) => (
          <div
            key={s.mediaId}
            className={`ew-timeline-seg${s.index === props.activeIndex ? ' ew-timeline-seg-active' : ''}`}
            style={{ left: pct(s.offset), width: pct(s.duration) }}
            title={`第 ${s.index + 1} 段 · ${clock(s.startMs)} · ${s.name}`}
            data-testid="timeline-segment"
          />
        ))}
        {t.gaps.map((g) => (
          <div
            key={g.offset}
            className="ew-timeline-gap"
            style={{ left: pct(g.offset), width: `max(3px, ${pct(g.seconds)})` }}
            title={`录制中断 ${Math.round(g.seconds)} 秒`}
            data-testid="timeline-gap"
          />
        ))}
        {t.overlaps.map((o) => (
          <div
            key={`o${o.offset}`}
            className="ew-timeline-overlap"
            style={{ left: pct(o.offset) }}
            title={`时间重叠 ${o.seconds} 秒：下一段的开始时间早于上一段的结束（记录仪时钟问题，不是缺失）`}
            data-testid="timeline-overlap"
          />
        ))}
        {t.segments.slice(1).map((s) => (
          <div key={`b${s.mediaId}`} className="ew-timeline-boundary" style={{ left: pct(s.offset) }} />
        ))}
        {props.marks.map((m, i) => (
          <div key={`${m.position}-${i}`} className="ew-timeline-mark" style={{ left: pct(m.position) }} title={`书签：${m.label}`} />
        ))}
        <div className="ew-timeline-played" style={{ width: pct(position) }} />
        <div className="ew-timeline-head" style={{ left: pct(position) }} />
      </div>
      <div className="ew-timeline-scale">
        <span>{clock(t.startMs)}</span>
        <span>
          共 {t.segments.length} 段 · <span data-testid="timeline-continuity">{continuityText(t.gaps.length, t.overlaps.length)}</span>
        </span>
        <span>{clock(t.startMs + t.span * 1000)}</span>
      </div>
    </div>
  );
}
