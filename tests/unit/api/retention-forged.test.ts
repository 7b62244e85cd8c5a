import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeTestApi, setUpOffice, type TestApi } from '../../support/services';

/** Forged or malformed retention requests, each refused with a clean Chinese error and no internals. */
describe('retention: forged and malformed input', () => {
  let t: TestApi;
  let custodian: Client;
  let chief: Client;
  beforeAll(async () => {
    t = makeTestApi();
    custodian = await setUpOffice(t);
    chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
  }, 60_000);
  afterAll(() => t.cleanup());

  const cases: ['custodian' | 'chief', string, string, unknown, string][] = [
    ['custodian', 'no files', 'disposals.request', { mediaIds: [], reason: '到期' }, 'INVALID_INPUT'],
    ['custodian', 'ids as text', 'disposals.request', { mediaIds: '1,2', reason: '到期' }, 'INVALID_INPUT'],
    ['custodian', 'a smuggled force flag', 'disposals.request', { mediaIds: [1], reason: '到期', force: true }, 'INVALID_INPUT'],
    ['custodian', 'a blank reason', 'disposals.request', { mediaIds: [1], reason: '   ' }, 'INVALID_INPUT'],
    ['custodian', 'too many files', 'disposals.request', { mediaIds: Array.from({ length: 1001 }, (_, i) => i + 1), reason: '到期' }, 'INVALID_INPUT'],
    ['custodian', 'an unknown file', 'disposals.request', { mediaIds: [999], reason: '到期' }, 'NOT_FOUND'],
    ['custodian', 'an id that is SQL', 'disposals.execute', { id: '1 OR 1=1' }, 'INVALID_INPUT'],
    ['custodian', 'an unknown disposal', 'disposals.execute', { id: 999 }, 'NOT_FOUND'],
    ['custodian', 'a record of no disposal', 'disposals.recordDocx', { id: 999 }, 'NOT_FOUND'],
    ['custodian', 'an unknown view', 'retention.list', { view: 'everything' }, 'INVALID_INPUT'],
    ['chief', 'a fingerprint that is no hash', 'disposals.decide', { id: 1, approve: true, itemsFingerprint: 'x'.repeat(64) }, 'INVALID_INPUT'],
    ['chief', 'a rejection without reason', 'disposals.decide', { id: 1, approve: false }, 'INVALID_INPUT'],
    ['chief', 'an unknown hold kind', 'retention.hold', { mediaIds: [1], kind: 'forever', reason: 'x' }, 'INVALID_INPUT'],
    ['chief', 'a hold without reason', 'retention.hold', { mediaIds: [1], kind: 'chief', reason: '' }, 'INVALID_INPUT'],
    ['chief', 'a hold on an unknown file', 'retention.hold', { mediaIds: [999], kind: 'chief', reason: '留存' }, 'NOT_FOUND'],
    ['chief', 'releasing an unknown hold', 'retention.release', { id: 999, reason: '结束' }, 'NOT_FOUND'],
    ['custodian', 'retention below three months', 'office.update', { retentionMonths: 2 }, 'INVALID_INPUT'],
    ['custodian', 'a negative case retention', 'office.update', { caseRetentionMonths: -1 }, 'INVALID_INPUT'],
  ];

  for (const [who, name, method, input, code] of cases) {
    it(`${method}: ${name}`, async () => {
      const r = await t.raw(who === 'chief' ? chief : custodian, method, input);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
      if (r.ok) return;
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.message).not.toMatch(/at .*\.ts|Error:|SQLITE/);
    });
  }
});
