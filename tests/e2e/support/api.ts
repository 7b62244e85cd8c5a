import { dispatch, type ApiServices, type Client, type MethodName, type MethodOutput } from '../../../main/api';
import type { Role } from '../../../main/common';
import type { Person } from './session';

/** The office's admin (also the custodian, as setup makes him) and chief in every e2e archive. */
export const ADMIN: Person = { login: 'wangadmin', name: '王建国', password: 'Admin-pass-2024' };
export const CHIEF: Person = { login: 'lichief', name: '李大队', password: 'Chief-pass-2024' };

/** Calls the API as the UI would, for arranging a test; a refusal throws with its code. */
export async function callApi<M extends MethodName>(services: ApiServices, client: Client, method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const r = await dispatch(services, client, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

/** First-run setup through the API (the foundation spec covers the wizard); `admin` is left logged in. */
export async function setUpOfficeVia(services: ApiServices, admin: Client, people: { admin: Person; chief: Person }, office: { timeZone: string; unitName?: string }) {
  await callApi(services, admin, 'setup.initialize', {
    officeName: '青山乡综合行政执法大队',
    unitName: office.unitName ?? '青山乡人民政府',
    timeZone: office.timeZone,
    admin: { login: people.admin.login, displayName: people.admin.name, password: people.admin.password },
    chief: { login: people.chief.login, displayName: people.chief.name, password: people.chief.password },
  });
}

/**
 * An account made by the admin, with its first password already changed to `who.password` (as the user would at
 * the first login) and that session ended. Returns the user's id.
 */
export async function addUser(services: ApiServices, admin: Client, who: Person & { badge?: string | null }, roles: Role[]): Promise<number> {
  const initial = 'Initial-pass-1';
  const u = await callApi(services, admin, 'users.create', { login: who.login, displayName: who.name, badgeNo: who.badge ?? null, password: initial, roles });
  const c: Client = { id: `e2e-${who.login}`, sessionId: null };
  await callApi(services, c, 'session.login', { login: who.login, password: initial });
  await callApi(services, c, 'session.changePassword', { oldPassword: initial, newPassword: who.password });
  await callApi(services, c, 'session.logout');
  return u.id;
}
