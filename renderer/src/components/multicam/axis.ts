import type { MulticamCameraDto } from '../../../../main/api/dto';
import { buildTimeline, type Timeline } from '../player/timeline';

/** One camera placed on the shared wall-clock axis. */
export interface AxisCamera {
  camera: MulticamCameraDto;
  /** The camera's own recording timeline (segments and gaps, seconds from its first segment). */
  timeline: Timeline;
  /** Seconds from the axis start to the camera's first frame, its clock corrected (shiftSec from the server). */
  offset: number;
}

export interface SharedAxis {
  /** True wall-clock time of the axis start (ms since epoch). */
  startMs: number;
  span: number;
  cameras: AxisCamera[];
}

/** Lays the chosen cameras out on one axis from the earliest corrected start to the latest corrected end. */
export function buildAxis(cameras: readonly MulticamCameraDto[]): SharedAxis {
  const placed = cameras.map((camera) => {
    const timeline = buildTimeline(camera.recording.segments, camera.recording.gaps, camera.recording.overlaps);
    return { camera, timeline, startMs: timeline.startMs + camera.shiftSec * 1000 };
  });
  if (!placed.length) return { startMs: 0, span: 0, cameras: [] };
  const startMs = Math.min(...placed.map((p) => p.startMs));
  const endMs = Math.max(...placed.map((p) => p.startMs + p.timeline.span * 1000));
  return { startMs, span: (endMs - startMs) / 1000, cameras: placed.map((p) => ({ camera: p.camera, timeline: p.timeline, offset: (p.startMs - startMs) / 1000 })) };
}

/** What the camera shows at `pos` on the axis: a segment and the time inside it; null before, after or in a gap. */
export function coverageAt(cam: AxisCamera, pos: number): { segmentIndex: number; time: number } | null {
  const local = pos - cam.offset;
  for (const s of cam.timeline.segments) {
    if (local >= s.offset && local < s.offset + s.duration) return { segmentIndex: s.index, time: local - s.offset };
  }
  return null;
}

/** Where a camera's frame at `time` inside segment `segmentIndex` lies on the axis. */
export function axisPosition(cam: AxisCamera, segmentIndex: number, time: number): number {
  return cam.offset + (cam.timeline.segments[segmentIndex]?.offset ?? 0) + time;
}

/** Seconds between the earliest and the latest of positions that should be equal (0 for fewer than two). */
export function spread(positions: readonly number[]): number {
  return positions.length < 2 ? 0 : Math.max(...positions) - Math.min(...positions);
}
