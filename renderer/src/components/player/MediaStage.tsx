import {
  CaretRightOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  MutedOutlined,
  PauseOutlined,
  ReloadOutlined,
  SoundOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
  CustomerServiceOutlined,
} from '@ant-design/icons';
import { Alert, Button, Select, Slider, Space, Spin, Tag, Tooltip } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type MutableRefObject } from 'react';
import { api } from '../../api';
import { errorMessage, isHandledGlobally } from '../../errors';
import { mediaUrl } from './mediaUrl';
import { makeMediaElement, takeWarm } from './warmStart';
import { SegmentEngine, spaceToggles, SPEEDS, type EngineState } from './engine';
import { TimelineBar, type TimelineMark } from './TimelineBar';
import type { Timeline } from './timeline';
import { formatTime } from '../../time';

const noMenu = (e: MouseEvent) => e.preventDefault();

function hms(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function editable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.getAttribute('role') === 'combobox';
}

/**
 * No native controls, no download or remote-playback menu, no picture-in-picture, no context menu: for media elements
 * React renders (多机位同步's tiles); the player's own are made the same way by `makeMediaElement`.
 */
export const MEDIA_PROPS = {
  'data-testid': 'player-media',
  'data-active': 'false',
  'data-segment-index': '-1',
  preload: 'auto',
  playsInline: true,
  disablePictureInPicture: true,
  disableRemotePlayback: true,
  controlsList: 'nodownload noremoteplayback noplaybackrate',
  onContextMenu: noMenu,
  style: { visibility: 'hidden' },
} as const;

/** If a video's first frame never reports itself (no frame callback: paused, hidden tab), the rest renders anyway after this. */
const FIRST_FRAME_FALLBACK_MS = 2000;

/**
 * Calls `done` once when the element's first frame has been presented (a video: its first frame callback, which runs in
 * the frame's rendering step) or it failed; a sound once it has data. What waits for it (the side panel, the controls)
 * then renders in a later task and cannot delay that frame. Returns a function that stops waiting.
 */
function afterFirstFrame(el: HTMLMediaElement, done: () => void): () => void {
  let called = false;
  let timer = 0;
  let frameCb = 0;
  const stop = () => {
    window.clearTimeout(timer);
    if (el instanceof HTMLVideoElement && frameCb) el.cancelVideoFrameCallback(frameCb);
    el.removeEventListener('error', once);
    el.removeEventListener('loadeddata', fallback);
    el.removeEventListener('loadeddata', once);
  };
  function once(): void {
    if (called) return;
    called = true;
    stop();
    done();
  }
  function fallback(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(once, FIRST_FRAME_FALLBACK_MS);
  }
  el.addEventListener('error', once);
  if (el instanceof HTMLVideoElement) {
    frameCb = el.requestVideoFrameCallback(once);
    if (el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) fallback();
    else el.addEventListener('loadeddata', fallback);
  } else if (el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) queueMicrotask(once);
  else el.addEventListener('loadeddata', once);
  return () => {
    called = true;
    stop();
  };
}

export const SHORTCUTS_HELP = '空格 播放/暂停 · ←/→ 后退/前进 5 秒 · , / . 逐帧 · [ / ] 减速/加速 · F 全屏 · M 静音';

/**
 * The picture (or sound) and its controls. Two media elements play the recording's segments as
 * one timeline; nothing here can cut, download or save: no native controls, no download or
 * remote-playback menu, no picture-in-picture, no context menu.
 */
export function MediaStage(props: {
  timeline: Timeline;
  kind: 'video' | 'audio';
  /** Segments (media ids) played from their 预览副本. */
  proxied: ReadonlySet<number>;
  marks: TimelineMark[];
  engineRef: MutableRefObject<SegmentEngine | null>;
  onState: (s: EngineState) => void;
  /** The first segment's first frame is decoded (or it failed): what waited for it may render now. */
  onFirstFrame?: () => void;
  /** Set once onFirstFrame was called: the timeline and controls render only then, not before the first request for bytes. */
  framed?: boolean;
}) {
  const { timeline, kind, proxied, onState, engineRef, onFirstFrame } = props;
  const stageRef = useRef<HTMLDivElement>(null);
  // The media elements are made here, not by React: the first may be the one already fetching since the click.
  const boxRef = useRef<HTMLDivElement>(null);
  const [s, setS] = useState<EngineState | null>(null);
  const [full, setFull] = useState(false);

  // A layout effect: the first request for bytes goes out before the browser paints, not after.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const firstId = timeline.segments[0]?.mediaId ?? null;
    const warm = firstId !== null && !proxied.has(firstId) ? takeWarm(firstId, kind) : null;
    const a = warm ?? makeMediaElement(kind);
    const b = makeMediaElement(kind);
    a.dataset.slot = '0';
    b.dataset.slot = '1';
    box.append(a, b);
    const variant = (id: number) => (proxied.has(id) ? 'preview' : 'original');
    const engine = new SegmentEngine(
      [a, b],
      timeline,
      (seg, preload) => mediaUrl(seg.mediaId, variant(seg.mediaId), { preload }),
      (st) => {
        setS(st);
        onState(st);
      },
      // 查阅登记: a segment is registered when it is shown, not when it is preloaded; leave is checked again then.
      (seg) => {
        api.media.viewed({ mediaId: seg.mediaId, variant: variant(seg.mediaId) }).catch((e: unknown) => {
          if (!isHandledGlobally(e)) engine.refuse(errorMessage(e));
        });
      },
    );
    engineRef.current = engine;
    engine.start(0, true, warm ? firstId : null);
    const stopWaiting = afterFirstFrame(a, () => onFirstFrame?.());
    stageRef.current?.focus({ preventScroll: true });
    return () => {
      stopWaiting();
      engine.destroy();
      a.remove();
      b.remove();
      if (engineRef.current === engine) engineRef.current = null;
    };
  }, [timeline, kind, proxied, onState, engineRef, onFirstFrame]);

  useEffect(() => {
    const onFull = () => setFull(document.fullscreenElement === stageRef.current && stageRef.current !== null);
    document.addEventListener('fullscreenchange', onFull);
    return () => document.removeEventListener('fullscreenchange', onFull);
  }, []);

  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stageRef.current?.requestFullscreen().catch(() => undefined);
  };

  const speedBy = (dir: 1 | -1) => {
    const e = engineRef.current;
    if (!e) return;
    const i = SPEEDS.findIndex((x) => x === e.current.rate);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 3 : i) + dir))];
    if (next !== undefined) e.setRate(next);
  };

  // Shortcuts work anywhere in the player except while typing (notes, bookmark names).
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const e = engineRef.current;
      if (!e || ev.ctrlKey || ev.metaKey || ev.altKey || editable(ev.target)) return;
      const k = ev.key;
      if (k === ' ' || k === 'k') {
        if (spaceToggles(e.current)) e.toggle();
      }
      else if (k === 'ArrowLeft') e.seek(e.current.position - 5);
      else if (k === 'ArrowRight') e.seek(e.current.position + 5);
      else if (k === ',') e.step(-1);
      else if (k === '.') e.step(1);
      else if (k === '[') speedBy(-1);
      else if (k === ']') speedBy(1);
      else if (k === 'f' || k === 'F') toggleFull();
      else if (k === 'm' || k === 'M') e.setMuted(!e.current.muted);
      else return;
      ev.preventDefault();
      ev.stopPropagation();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  });

  const seg = s ? timeline.segments[s.segmentIndex] : timeline.segments[0];
  const wall = seg ? seg.startMs + (s?.currentTime ?? 0) * 1000 : timeline.startMs;
  const proxy = seg ? proxied.has(seg.mediaId) : false;
  // Read at the time of the click, not of the render.
  const e = {
    toggle: () => engineRef.current?.toggle(),
    step: (n: number) => engineRef.current?.step(n),
    seek: (p: number) => engineRef.current?.seek(p),
    setRate: (r: number) => engineRef.current?.setRate(r),
    setVolume: (v: number) => engineRef.current?.setVolume(v),
    setMuted: (m: boolean) => engineRef.current?.setMuted(m),
  };

  return (
    <>
      <div
        ref={stageRef}
        className="ew-stage"
        tabIndex={0}
        aria-label="播放画面"
        data-testid="player-stage"
        onContextMenu={noMenu}
        onDoubleClick={toggleFull}
        onClick={() => e.toggle()}
        style={kind === 'audio' ? { aspectRatio: 'auto', height: 180 } : undefined}
      >
        <div className="ew-stage-media" ref={boxRef} />
        {kind === 'audio' && (
          <div className="ew-stage-audio" aria-hidden>
            <CustomerServiceOutlined />
          </div>
        )}
        <div className="ew-stage-badges">
          {proxy && (
            <Tooltip title="原始文件的编码无法在本机直接播放，此处播放的是为查看生成的副本；原始文件未改变，副本不作为证据。">
              <Tag color="orange" data-testid="proxy-badge" style={{ marginInlineEnd: 0 }}>
                预览副本
              </Tag>
            </Tooltip>
          )}
          {timeline.segments.length > 1 && seg && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              第 {seg.index + 1}/{timeline.segments.length} 段
            </Tag>
          )}
        </div>
        <div className="ew-stage-clock" data-testid="player-clock" title="画面的实际录制时间">
          {formatTime(wall, 'YYYY-MM-DD HH:mm:ss')}
        </div>
        {s?.waiting && (
          <div className="ew-stage-center">
            <Spin />
          </div>
        )}
      </div>
      {s?.error && <Alert type="error" showIcon title={s.error} />}
      {props.framed === false ? (
        <div className="ew-controls-pending" aria-busy="true" />
      ) : (
        <>
          <TimelineBar timeline={timeline} position={s?.position ?? 0} activeIndex={s?.segmentIndex ?? 0} marks={props.marks} onSeek={(p) => e.seek(p)} />
          <div className="ew-controls" role="toolbar" aria-label="播放控制">
            <Tooltip title={s?.ended ? '重新播放（从头开始）' : '播放/暂停（空格）'}>
              <Button
                type="primary"
                aria-label={s?.ended ? '重新播放' : s?.playing ? '暂停' : '播放'}
                icon={s?.ended ? <ReloadOutlined /> : s?.playing ? <PauseOutlined /> : <CaretRightOutlined />}
                onClick={() => e.toggle()}
                data-testid="play-toggle"
              />
            </Tooltip>
            <Tooltip title="上一帧（,）">
              <Button aria-label="上一帧" icon={<StepBackwardOutlined />} onClick={() => e.step(-1)} />
            </Tooltip>
            <Tooltip title="下一帧（.）">
              <Button aria-label="下一帧" icon={<StepForwardOutlined />} onClick={() => e.step(1)} />
            </Tooltip>
            <span className="ew-controls-clock" data-testid="player-position">
              {hms(s?.position ?? 0)} / {hms(timeline.span)}
            </span>
            <Select
              aria-label="播放速度"
              size="middle"
              value={s?.rate ?? 1}
              style={{ width: 92 }}
              options={SPEEDS.map((v) => ({ value: v, label: `${v}×` }))}
              onChange={(v: number) => e.setRate(v)}
            />
            <Space size={4} style={{ marginLeft: 'auto' }}>
              <Tooltip title="静音（M）">
                <Button
                  aria-label={s?.muted ? '取消静音' : '静音'}
                  icon={s?.muted ? <MutedOutlined /> : <SoundOutlined />}
                  onClick={() => e.setMuted(!(s?.muted ?? false))}
                />
              </Tooltip>
              <Slider
                aria-label="音量"
                min={0}
                max={100}
                value={s?.muted ? 0 : Math.round((s?.volume ?? 1) * 100)}
                onChange={(v: number) => e.setVolume(v / 100)}
                style={{ width: 96 }}
                tooltip={{ formatter: (v) => `音量 ${v ?? 0}%` }}
              />
              {kind === 'video' && (
                <Tooltip title="全屏（F）">
                  <Button aria-label={full ? '退出全屏' : '全屏'} icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleFull} />
                </Tooltip>
              )}
            </Space>
          </div>
        </>
      )}
    </>
  );
}
