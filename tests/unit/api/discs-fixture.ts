/** A set-up office with an officer, a custodian and the chief, one ingested recording and a case holding it. */
import path from 'node:path';
import type { Client } from '../../../main/api';
import { makeSegments } from '../../fixtures/recorder-volume';
import { ingestAndWait } from '../../support/ingest';
import { makeTestApi, setUpOffice, tempDir, type OfficeWithLeaders, type TestApi } from '../../support/services';

export interface DiscWorld extends OfficeWithLeaders {
  officer: Client;
  custodian: Client;
  caseId: number;
  mediaIds: number[];
  sha256s: string[];
}

async function loginAs(t: TestApi, id: string, login: string, password: string): Promise<Client> {
  const c = t.client(id);
  const s = await t.call(c, 'session.login', { login, password });
  if (s.mustChangePassword) await t.call(c, 'session.changePassword', { oldPassword: password, newPassword: `${password}-2` });
  return c;
}

export const BADGE = '310115';
export const SERIAL = 'R-DISC01';

export async function makeDiscWorld(): Promise<DiscWorld> {
  const t = makeTestApi();
  t.clock.current = new Date('2026-11-26T09:00:00Z');
  const admin = await setUpOffice(t);
  const officerUser = await t.call(admin, 'users.create', { login: 'zhangsan', displayName: '张三', badgeNo: BADGE, password: 'officer-pass', roles: ['officer'] });
  await t.call(admin, 'users.create', { login: 'wangbg', displayName: '王保管', badgeNo: null, password: 'custodian-pass', roles: ['custodian'] });
  await t.call(admin, 'users.create', { login: 'xiangzhang', displayName: '赵乡长', badgeNo: null, password: 'leader-pass1', roles: ['township_leader'] });
  const officer = await loginAs(t, 'officer', 'zhangsan', 'officer-pass');
  const custodian = await loginAs(t, 'custodian', 'wangbg', 'custodian-pass');
  const chief = await loginAs(t, 'chief', 'chief', 'chief-pass-1');
  const leader = await loginAs(t, 'leader', 'xiangzhang', 'leader-pass1');

  // The account with badge BADGE is the officer with that badge (created with the account).
  const off = (await t.call(custodian, 'officers.list')).find((o) => o.badgeNo === BADGE && o.userId === officerUser.id)!;
  await t.call(custodian, 'recorders.create', { serial: SERIAL, brand: '华德安', model: 'DSJ-V9' });

  const dir = tempDir('ew-disc-rec-');
  await makeSegments(path.join(dir, 'DCIM'), 2, 2, new Date('2026-11-26T01:00:00Z'), { serial: SERIAL, badge: BADGE });
  const sourceId = t.services.sources.addFolder(dir).id;
  const session = await ingestAndWait(t, custodian, { sourceId, recorderSerial: SERIAL, officerBadge: BADGE });
  const stored = session.items.filter((i) => i.outcome === 'stored');
  const mediaIds = stored.map((i) => i.mediaId!);

  const c = await t.call(officer, 'cases.create', { number: '某综执〔2026〕12号', title: '占道经营案', handlerOfficerId: off.id });
  await t.call(officer, 'cases.addItems', { caseId: c.id, mediaIds });
  return { t, admin, officer, custodian, chief, leader, caseId: c.id, mediaIds, sha256s: stored.map((i) => i.sha256!) };
}

/** 办案查阅 over the whole case, asked by `by` (default the custodian), approved by the township leader (what a disc needs). */
export async function approveCaseFor(w: DiscWorld, by: Client = w.custodian): Promise<void> {
  const r = await w.t.call(by, 'access.request', { type: 'case', scope: { kind: 'case', id: w.caseId }, reason: '制作案件证据光盘' });
  const shown = await w.t.call(w.leader, 'access.get', { id: r.id });
  await w.t.call(w.leader, 'access.decide', { id: r.id, approve: true, itemsFingerprint: shown.itemsFingerprint });
}

/** Draft → place filled → officer signs → chief signs. */
export async function signedForm(w: DiscWorld): Promise<number> {
  const f = await w.t.call(w.officer, 'forms.recordDraft', { caseId: w.caseId });
  await w.t.call(w.officer, 'forms.recordUpdate', { id: f.id, place: '某某镇人民路 12 号门前' });
  await w.t.call(w.officer, 'forms.recordSign', { id: f.id });
  await w.t.call(w.chief, 'forms.recordSign', { id: f.id });
  return f.id;
}
