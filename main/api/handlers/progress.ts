import type { EventName, EventPayload, MethodName } from '../contract';
import type { CallContext } from '../handler';

/**
 * Progress events to the caller, sent only when what its progress bar shows changes: the steps report every
 * chunk, one event per percent step and file is plenty.
 */
export function progressTo<E extends EventName>(ctx: Pick<CallContext<MethodName>, 'services' | 'client'>, event: E): (p: EventPayload<E>) => void {
  let last = '';
  return (p) => {
    const key = JSON.stringify(p);
    if (key === last) return;
    last = key;
    ctx.services.host.emit?.(ctx.client, event, p);
  };
}

/** Whole percent of `done` in `total` (0 while the total is not known yet). */
export const percentOf = (done: number, total: number): number => (total > 0 ? Math.floor((done / total) * 100) : 0);
