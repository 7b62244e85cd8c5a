import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { rectAt, regionActive, type FrameSize, type Rect } from '../../../../main/common';
import { REGION_KIND_LABELS } from '../../labels';
import { mediaUrl } from '../player/mediaUrl';
import type { MaskOps } from './useMaskOps';

type Drag = { mode: 'draw' | 'move' | 'resize'; index: number | null; startX: number; startY: number; origin: Rect };

/**
 * The video with the masked rectangles drawn over it at the current time. Drag on the picture to draw a rectangle,
 * drag one to move it, drag its corner to resize it: each sets a key frame at the current time. While playing, the
 * rectangles follow their key frames as the copy will.
 */
export function MaskStage(props: { mediaId: number; frame: FrameSize; mask: MaskOps; time: number; onTime(t: number): void; videoRef: React.RefObject<HTMLVideoElement | null> }) {
  const { mask, frame, time, mediaId, onTime, videoRef } = props;
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);
  const [scale, setScale] = useState(1);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScale(el.clientWidth / frame.width);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [frame.width]);

  // Follows the video every animation frame, so the rectangles move smoothly while it plays.
  useEffect(() => {
    let id = 0;
    const tick = () => {
      const v = videoRef.current;
      if (v && !v.paused) onTime(v.currentTime);
      id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [onTime, videoRef]);

  const toFrame = (e: ReactPointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: Math.max(0, Math.min(frame.width, (e.clientX - r.left) / scale)), y: Math.max(0, Math.min(frame.height, (e.clientY - r.top) / scale)) };
  };
  const begin = (e: ReactPointerEvent, mode: Drag['mode'], index: number | null, origin: Rect) => {
    e.stopPropagation();
    (e.target as Element).setPointerCapture(e.pointerId);
    videoRef.current?.pause();
    const p = toFrame(e);
    setDrag({ mode, index, startX: p.x, startY: p.y, origin });
    if (index !== null) mask.setSelected(index);
  };
  const moveTo = (e: ReactPointerEvent): Rect | null => {
    if (!drag) return null;
    const p = toFrame(e);
    const dx = p.x - drag.startX;
    const dy = p.y - drag.startY;
    const o = drag.origin;
    if (drag.mode === 'draw') return { x: Math.min(drag.startX, p.x), y: Math.min(drag.startY, p.y), w: Math.abs(dx), h: Math.abs(dy) };
    if (drag.mode === 'move') return { ...o, x: Math.max(0, Math.min(frame.width - o.w, o.x + dx)), y: Math.max(0, Math.min(frame.height - o.h, o.y + dy)) };
    return { ...o, w: Math.max(8, Math.min(frame.width - o.x, o.w + dx)), h: Math.max(8, Math.min(frame.height - o.y, o.h + dy)) };
  };
  const end = (e: ReactPointerEvent) => {
    const r = moveTo(e);
    if (drag && r) {
      if (drag.mode === 'draw') {
        if (r.w >= 8 && r.h >= 8) mask.addRegion(time, r);
      } else if (drag.index !== null) mask.setKeyFrame(drag.index, time, r);
    }
    setDrag(null);
    setDraft(null);
  };

  const shown = mask.ops.regions.map((r, i) => ({ i, r, rect: drag?.index === i && draft ? draft : rectAt(r.keyFrames, time), active: regionActive(r, time) }));
  const px = (n: number) => `${n * scale}px`;
  return (
    <div
      ref={box}
      data-testid="mask-stage"
      style={{ position: 'relative', width: '100%', maxWidth: 960, aspectRatio: `${frame.width} / ${frame.height}`, background: '#000', userSelect: 'none', touchAction: 'none', cursor: 'crosshair' }}
      onPointerDown={(e) => begin(e, 'draw', null, { x: 0, y: 0, w: 0, h: 0 })}
      onPointerMove={(e) => drag && setDraft(moveTo(e))}
      onPointerUp={end}
    >
      <video
        ref={videoRef}
        src={mediaUrl(mediaId, 'preview')}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
        onTimeUpdate={(e) => onTime(e.currentTarget.currentTime)}
        onSeeked={(e) => onTime(e.currentTarget.currentTime)}
        preload="auto"
        data-testid="mask-video"
      />
      {shown.map(({ i, r, rect, active }) => (
        <div
          key={i}
          data-testid={`mask-region-${i + 1}`}
          onPointerDown={(e) => begin(e, 'move', i, rect)}
          style={{
            position: 'absolute',
            left: px(rect.x),
            top: px(rect.y),
            width: px(rect.w),
            height: px(rect.h),
            border: `2px ${active ? 'solid' : 'dashed'} ${mask.selected === i ? '#faad14' : '#ff4d4f'}`,
            background: active ? 'rgba(255,77,79,0.35)' : 'transparent',
            backdropFilter: active ? (r.style === 'blur' ? 'blur(6px)' : 'blur(3px) contrast(0.6)') : undefined,
            cursor: 'move',
            boxSizing: 'border-box',
          }}
        >
          <span style={{ position: 'absolute', top: -20, left: -2, fontSize: 12, color: '#fff', background: mask.selected === i ? '#faad14' : '#ff4d4f', padding: '0 4px', whiteSpace: 'nowrap' }}>
            {i + 1} {REGION_KIND_LABELS[r.kind]}
          </span>
          <div onPointerDown={(e) => begin(e, 'resize', i, rect)} style={{ position: 'absolute', right: -6, bottom: -6, width: 12, height: 12, background: '#fff', border: '2px solid #ff4d4f', cursor: 'nwse-resize' }} />
        </div>
      ))}
      {drag?.mode === 'draw' && draft && <div style={{ position: 'absolute', left: px(draft.x), top: px(draft.y), width: px(draft.w), height: px(draft.h), border: '2px dashed #faad14' }} />}
    </div>
  );
}
