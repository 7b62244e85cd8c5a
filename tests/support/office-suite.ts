/** One set-up office per `describe`: made once before its tests, cleaned up after them. */
import { afterAll, beforeAll } from 'vitest';
import type { TestApi } from './services';

/**
 * Registers `make` with beforeAll and the office's cleanup with afterAll, and returns the holder `make` fills: read
 * its fields inside tests and hooks, not at collection time (they are there only once beforeAll has run).
 */
export function officeSuite<T extends { t: TestApi }>(make: () => Promise<T>, timeoutMs = 120_000): T {
  const holder = {} as T;
  beforeAll(async () => {
    Object.assign(holder, await make());
  }, timeoutMs);
  afterAll(() => holder.t?.cleanup());
  return holder;
}
