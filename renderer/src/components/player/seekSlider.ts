import type { KeyboardEvent, PointerEvent } from 'react';

/**
 * The props of a time bar that seeks (the player's timeline, the multi-camera axis): a slider over `span` seconds
 * for assistive technology; click or drag to seek, x measured in the bar after `insetPx` at its left; Home/End to the
 * ends (← → are the players' own shortcuts).
 */
export function seekSliderProps(a: { label: string; span: number; position: number; valueText: string; testId: string; insetPx?: number; onSeek(position: number): void }) {
  const inset = a.insetPx ?? 0;
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return box.width > inset ? ((e.clientX - box.left - inset) / (box.width - inset)) * a.span : 0;
  };
  return {
    role: 'slider',
    tabIndex: 0,
    'aria-label': a.label,
    'aria-valuemin': 0,
    'aria-valuemax': Math.round(a.span),
    'aria-valuenow': Math.round(a.position),
    'aria-valuetext': a.valueText,
    'data-testid': a.testId,
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      a.onSeek(at(e));
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (e.currentTarget.hasPointerCapture(e.pointerId)) a.onSeek(at(e));
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key === 'Home') a.onSeek(0);
      else if (e.key === 'End') a.onSeek(a.span);
      else return;
      e.preventDefault();
    },
  } as const;
}
