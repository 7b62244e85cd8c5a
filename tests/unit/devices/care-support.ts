import { afterEach, beforeEach } from 'vitest';
import type { Client } from '../../../main/api';
import { makeTestApi, setUpOffice, type TestApi } from '../../support/services';

/** An office with a custodian (赵保管), the chief (李队长), the admin, one officer and two recorders. */
export interface CareOffice {
  t: TestApi;
  admin: Client;
  chief: Client;
  keeper: Client;
  keeperUserId: number;
  officerId: number;
  recorders: { a: number; b: number };
}

export async function careOffice(): Promise<CareOffice> {
  const t = makeTestApi();
  t.clock.current = new Date('2026-11-20T02:00:00Z'); // 10:00 in the office (Asia/Shanghai)
  const admin = await setUpOffice(t);
  const u = await t.call(admin, 'users.create', { login: 'keeper1', displayName: '赵保管', badgeNo: null, password: 'initial-pass', roles: ['custodian'] });
  const keeper = t.client('keeper');
  await t.call(keeper, 'session.login', { login: 'keeper1', password: 'initial-pass' });
  await t.call(keeper, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
  const chief = t.client('chief');
  await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
  const officer = await t.call(keeper, 'officers.create', { name: '张三', badgeNo: '310115' });
  const a = await t.call(keeper, 'recorders.create', { serial: 'DSJ-A01', brand: '执法通', model: 'A8' });
  const b = await t.call(keeper, 'recorders.create', { serial: 'DSJ-B02', brand: '执法通', model: 'A8' });
  return { t, admin, chief, keeper, keeperUserId: u.id, officerId: officer.id, recorders: { a: a.id, b: b.id } };
}

/** A fresh care office for each test of the calling describe, cleaned up after it; its fields are set when a test runs. */
export function careOfficePerTest(): CareOffice {
  const o = {} as CareOffice;
  beforeEach(async () => {
    Object.assign(o, await careOffice());
  }, 60_000);
  afterEach(() => o.t.cleanup());
  return o;
}

/** The audit rows of an action, oldest first, with their details parsed. */
export function auditRows(t: TestApi, action: string): { actor: string | null; target: string | null; details: Record<string, unknown> }[] {
  return (
    t.services.archive
      .open()
      .db.prepare('SELECT actor_login, target, details FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { actor_login: string | null; target: string | null; details: string | null }[]
  ).map((r) => ({ actor: r.actor_login, target: r.target, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {} }));
}

/** The smallest valid PNG (1×1), for a scanned statement. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
