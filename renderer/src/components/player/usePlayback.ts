import { useEffect, useState } from 'react';
import type { MediaDetailDto, RecordingDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { takeOpen } from './openAhead';
import { errorCode, errorMessage } from '../../errors';
import { buildTimeline, type Timeline } from './timeline';

export type Playback =
  | { phase: 'loading' }
  /** `item`: what was refused, when its details could be read (to ask leave for it on the spot). */
  | { phase: 'denied'; message: string; item: MediaDetailDto | null }
  | { phase: 'error'; message: string }
  /** Making 预览副本 for what Chromium cannot play; `fraction` 0..1 over all of them. */
  | { phase: 'preparing'; detail: MediaDetailDto; fraction: number }
  /** Disposed of after its retention (art. 11(3)): its record stays, there is nothing to play. */
  | { phase: 'disposed'; detail: MediaDetailDto }
  /** `segments`: every segment's details, in order, as the player opened them. */
  | { phase: 'ready'; detail: MediaDetailDto; recording: RecordingDto | null; segments: MediaDetailDto[]; timeline: Timeline; unavailable: number[] };

/**
 * Loads what the player needs for one media item in one call (media.open; from 资料库 asked at the row's click,
 * openAhead.ts): its details, its recording (all
 * segments, in order, with gaps), leave to view (the same check the media handler makes: refused → a 查阅申请
 * is needed), and preview proxies made first where the original cannot play in Chromium.
 */
export function usePlayback(mediaId: number): Playback {
  const [state, setState] = useState<Playback>({ phase: 'loading' });

  useEffect(() => {
    let live = true;
    const offs: (() => void)[] = [];
    const run = async () => {
      setState({ phase: 'loading' });
      const opened = await takeOpen(mediaId);
      if (!live) return;
      const { detail, recording } = opened;
      if (detail.disposed) {
        setState({ phase: 'disposed', detail });
        return;
      }
      if (opened.refused) {
        setState({ phase: 'denied', message: opened.refused.message, item: detail });
        return;
      }
      const segments = recording?.segments ?? [
        { mediaId: detail.id, originalName: detail.originalName, startAt: detail.startAt, endAt: detail.endAt, durationSec: detail.durationSec, needsProxy: detail.needsProxy },
      ];
      const statuses = opened.previews;
      const waiting = new Map<number, number>();
      for (const st of statuses) if (st.available && !st.ready) waiting.set(st.mediaId, 0);
      const unavailable = statuses.filter((s) => !s.available).map((s) => s.mediaId);
      const finish = () => {
        if (!live) return;
        setState({ phase: 'ready', detail, recording, segments: opened.segments, timeline: buildTimeline(segments, recording?.gaps, recording?.overlaps), unavailable });
      };
      if (waiting.size === 0) {
        finish();
        return;
      }
      const total = waiting.size;
      const report = () => {
        const sum = [...waiting.values()].reduce((a, b) => a + b, 0) + (total - waiting.size);
        if (live) setState({ phase: 'preparing', detail, fraction: sum / total });
      };
      const settle = (id: number, error: string | null) => {
        if (!waiting.has(id)) return;
        if (error) {
          unavailable.push(id);
        }
        waiting.delete(id);
        report();
        if (waiting.size === 0) finish();
      };
      report();
      offs.push(
        api.on('media.previewProgress', (p) => {
          if (!waiting.has(p.mediaId)) return;
          if (p.done) settle(p.mediaId, p.error);
          else {
            waiting.set(p.mediaId, p.fraction);
            report();
          }
        }),
      );
      // A missed event never leaves the player spinning: ask again now and then.
      const timer = window.setInterval(() => {
        for (const id of [...waiting.keys()]) {
          api.media.preparePreview({ id }).then(
            (st) => {
              if (st.ready) settle(id, null);
              else if (!st.available) settle(id, '无法预览');
            },
            () => undefined,
          );
        }
      }, 1500);
      offs.push(() => window.clearInterval(timer));
    };
    run().catch((e: unknown) => {
      if (!live) return;
      const code = errorCode(e);
      if (code === 'FORBIDDEN' || code === 'VIEW_NOT_GRANTED') setState({ phase: 'denied', message: errorMessage(e), item: null });
      else setState({ phase: 'error', message: errorMessage(e) });
    });
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [mediaId]);

  return state;
}
