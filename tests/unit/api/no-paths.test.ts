import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeTestApi, OFFICE_SETUP, type TestApi } from '../../support/services';

/** Issue 10 item 14: the renderer gets no absolute paths: a folder or file name, never where it is on disk. */
describe('no absolute paths to the renderer', () => {
  let t: TestApi;
  let admin: Client;
  beforeAll(() => {
    t = makeTestApi();
    admin = t.client('admin');
  });
  afterAll(() => t.cleanup());

  /** Every string in a value, with where it is. */
  function strings(v: unknown, where = ''): [string, string][] {
    if (typeof v === 'string') return [[where, v]];
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${where}.${k}`));
    return [];
  }
  const pathLike = (s: string) => s.includes(t.root) || path.isAbsolute(s) || /^[A-Za-z]:[\\/]/.test(s);

  // [when, method, input, who]
  const calls: [string, string, Record<string, unknown>, 'anonymous' | 'admin'][] = [
    ['before setup', 'setup.status', {}, 'anonymous'],
    ['after setup, before login', 'setup.status', {}, 'anonymous'],
    ['after setup, logged in', 'setup.status', {}, 'admin'],
    ['a generated document', 'register.docx', { from: '2026-11-01', to: '2026-11-30' }, 'admin'],
  ];
  for (const [when, method, input, who] of calls) {
    it(`${method} ${when}`, async () => {
      if (when === 'after setup, before login') await t.call(admin, 'setup.initialize', OFFICE_SETUP);
      const r = await t.raw(who === 'admin' ? admin : t.client(`anon-${when}`), method, input);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(strings(r.value).filter(([, s]) => pathLike(s))).toEqual([]);
      if (method === 'setup.status') {
        expect(r.value).not.toHaveProperty('archiveRoot');
        // While setup is pending the wizard names the folder; afterwards nothing is said of it.
        expect(r.value).toMatchObject({ archiveName: when === 'before setup' ? path.basename(t.root) : null });
      } else {
        expect(r.value).not.toHaveProperty('path');
        expect(r.value).toMatchObject({ fileName: '查阅登记表-20261101-20261130.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      }
    });
  }
});
