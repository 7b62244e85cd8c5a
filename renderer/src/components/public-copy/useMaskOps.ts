import { useCallback, useState } from 'react';
import { withKeyFrame, type CopyOperations, type KeyFrame, type Rect, type Region, type TimeRange } from '../../../../main/common';

/** Rounded to what the provenance prints: seconds to the hundredth, pixels whole. */
const round = (k: KeyFrame): KeyFrame => ({ t: Math.round(k.t * 100) / 100, x: Math.round(k.x), y: Math.round(k.y), w: Math.round(k.w), h: Math.round(k.h) });

/**
 * The operations being marked in the masking editor. Drawing, moving or resizing a rectangle at the current time sets
 * its key frame there; between key frames the rectangle moves linearly (rectAt), as the render will.
 */
export function useMaskOps(durationSec: number) {
  const [ops, setOps] = useState<CopyOperations>({ range: { from: 0, to: durationSec }, regions: [], mute: [] });
  const [selected, setSelected] = useState<number | null>(null);

  const addRegion = useCallback(
    (t: number, rect: Rect) => {
      setOps((o) => {
        const region: Region = { kind: 'face', style: 'blur', from: Math.max(0, Math.round((t - 1) * 100) / 100), to: Math.min(durationSec, Math.round((t + 3) * 100) / 100), keyFrames: [round({ t, ...rect })] };
        setSelected(o.regions.length);
        return { ...o, regions: [...o.regions, region] };
      });
    },
    [durationSec],
  );
  const setKeyFrame = useCallback((index: number, t: number, rect: Rect) => {
    setOps((o) => ({ ...o, regions: o.regions.map((r, i) => (i === index ? { ...r, keyFrames: withKeyFrame(r.keyFrames, round({ t, ...rect })) } : r)) }));
  }, []);
  const updateRegion = useCallback((index: number, patch: Partial<Region>) => {
    setOps((o) => ({ ...o, regions: o.regions.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  }, []);
  const removeRegion = useCallback((index: number) => {
    setOps((o) => ({ ...o, regions: o.regions.filter((_, i) => i !== index) }));
    setSelected(null);
  }, []);
  const setRange = useCallback((range: TimeRange) => setOps((o) => ({ ...o, range })), []);
  const addMute = useCallback((m: TimeRange) => setOps((o) => ({ ...o, mute: [...o.mute, m] })), []);
  const removeMute = useCallback((index: number) => setOps((o) => ({ ...o, mute: o.mute.filter((_, i) => i !== index) })), []);
  return { ops, selected, setSelected, addRegion, setKeyFrame, updateRegion, removeRegion, setRange, addMute, removeMute };
}

export type MaskOps = ReturnType<typeof useMaskOps>;
