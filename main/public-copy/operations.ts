import { AppError, type CopyOperations, type FrameSize } from '../common';

/** The copy's number and file names: 'GK-0003', derived/public/GK-0003.mp4 and its provenance beside it. */
export const copyNumber = (id: number): string => `GK-${String(id).padStart(4, '0')}`;
/** An access request's number as burned into the label and printed: 'SQ-0012'. */
export const approvalNumber = (requestId: number): string => `SQ-${String(requestId).padStart(4, '0')}`;
export const copyFileNames = (id: number) => {
  const n = copyNumber(id);
  return { video: `${n}.mp4`, provenance: `${n}.provenance.json`, signature: `${n}.provenance.json.p7s`, docx: `公开副本来源记录-${String(id).padStart(4, '0')}.docx` };
};

/** The label burned into every frame: '公开使用副本 · SQ-0012 · 2026-11-28' (the day in the office's zone). */
export const copyLabel = (requestId: number, officeDay: string): string => `公开使用副本 · ${approvalNumber(requestId)} · ${officeDay}`;

const bad = (message: string): never => {
  throw new AppError('PUBLIC_COPY_INVALID', message, `invalid public copy operations: ${message}`);
};

/** Refuses operations that do not fit the original: a range outside it, a rectangle off the frame, key frames out of order. */
export function checkOperations(ops: CopyOperations, durationSec: number, frame: FrameSize): void {
  const { range } = ops;
  if (!(range.from >= 0 && range.to > range.from && range.to <= durationSec + 0.05)) bad(`副本范围须在 0 至 ${durationSec.toFixed(1)} 秒之间`);
  if (range.to - range.from < 0.5) bad('副本至少需 0.5 秒');
  for (const [i, r] of ops.regions.entries()) {
    const n = i + 1;
    if (!(r.to > r.from)) bad(`第 ${n} 个遮挡区域的结束时间须晚于开始时间`);
    if (!r.keyFrames.length) bad(`第 ${n} 个遮挡区域没有关键帧`);
    r.keyFrames.forEach((k, j) => {
      if (j > 0 && k.t <= r.keyFrames[j - 1]!.t) bad(`第 ${n} 个遮挡区域的关键帧须按时间先后排列`);
      if (k.w < 4 || k.h < 4) bad(`第 ${n} 个遮挡区域过小`);
      if (k.x < 0 || k.y < 0 || k.x + k.w > frame.width + 0.5 || k.y + k.h > frame.height + 0.5) bad(`第 ${n} 个遮挡区域超出画面`);
    });
  }
  for (const m of ops.mute) if (!(m.to > m.from)) bad('静音区间的结束时间须晚于开始时间');
}
