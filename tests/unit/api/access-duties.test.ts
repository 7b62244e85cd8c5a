import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireApprovedForDisc, type AccessType, type Client } from '../../../main/api';
import type { Role } from '../../../main/common';
import { approvalInput, grant, userWith, viewStatus } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

/**
 * Issue 10 item 5, separation of duties: nobody changes his own roles; admin never also holds chief or
 * township leader; nobody decides his own 办案查阅 or 公开使用. The leaders' own 工作查阅 stays
 * self-approved, says so (本人审批) and never covers a disc.
 */
describe('separation of duties', () => {
  let a: MediaArchive;
  /** The setup admin (admin + custodian) and a second admin who may act on him. */
  let admin: Client;
  let admin2: { client: Client; id: number };
  const ids = new Map<string, number>();
  const t = () => a.t;
  const db = () => a.t.services.archive.open().db;
  const idOf = async (login: string) => (await t().call(admin, 'users.list')).find((u) => u.login === login)!.id;

  beforeAll(async () => {
    a = await makeMediaArchive();
    admin = a.custodian;
    admin2 = await userWith(a.t, admin, 'admin2', ['admin'], '孙管理');
    for (const [login, roles] of [
      ['leader', ['township_leader']],
      ['officer9', ['officer']],
    ] as [string, Role[]][]) {
      ids.set(login, (await userWith(a.t, admin, login, roles)).id);
    }
    ids.set('admin', await idOf('admin'));
    ids.set('chief', await idOf('chief'));
  }, 180_000);
  afterAll(() => a.t.cleanup());

  describe('roles: nobody changes his own; admin never also chief or township leader', () => {
    type Row = [string, () => Client, string, () => Record<string, unknown>, string];
    const rows: Row[] = [
      ['admin gives himself the chief role', () => admin, 'users.update', () => ({ id: ids.get('admin'), roles: ['admin', 'custodian', 'chief'] }), 'OWN_ROLES'],
      ['admin gives himself the township leader role', () => admin, 'users.update', () => ({ id: ids.get('admin'), roles: ['admin', 'custodian', 'township_leader'] }), 'OWN_ROLES'],
      ['admin drops his own custodian role', () => admin, 'users.update', () => ({ id: ids.get('admin'), roles: ['admin'] }), 'OWN_ROLES'],
      ['admin gives himself officer', () => admin, 'users.update', () => ({ id: ids.get('admin'), roles: ['admin', 'custodian', 'officer'] }), 'OWN_ROLES'],
      ['admin edits his own name, roles as they are', () => admin, 'users.update', () => ({ id: ids.get('admin'), displayName: '王管理', roles: ['custodian', 'admin'] }), 'ok'],
      ['a second admin makes the first one chief', () => admin2.client, 'users.update', () => ({ id: ids.get('admin'), roles: ['admin', 'custodian', 'chief'] }), 'ROLE_CONFLICT'],
      ['a new account as admin and chief', () => admin, 'users.create', () => ({ login: 'ac1', displayName: 'x', badgeNo: null, password: 'password-1', roles: ['admin', 'chief'] }), 'ROLE_CONFLICT'],
      ['a new account as admin and township leader', () => admin, 'users.create', () => ({ login: 'at1', displayName: 'x', badgeNo: null, password: 'password-1', roles: ['township_leader', 'admin'] }), 'ROLE_CONFLICT'],
      ['the chief made admin as well', () => admin, 'users.update', () => ({ id: ids.get('chief'), roles: ['chief', 'admin'] }), 'ROLE_CONFLICT'],
      ['the township leader made admin as well', () => admin, 'users.update', () => ({ id: ids.get('leader'), roles: ['admin', 'township_leader'] }), 'ROLE_CONFLICT'],
      ['a new account as admin and custodian', () => admin, 'users.create', () => ({ login: 'ak1', displayName: 'x', badgeNo: null, password: 'password-1', roles: ['admin', 'custodian'] }), 'ok'],
      ['an officer made chief as well', () => admin, 'users.update', () => ({ id: ids.get('officer9'), roles: ['officer', 'chief'] }), 'ok'],
    ];
    for (const [name, who, method, input, want] of rows) {
      it(`${name}: ${want}`, async () => {
        const r = await t().raw(who(), method, input());
        if (want === 'ok') {
          expect(r).toMatchObject({ ok: true });
          return;
        }
        expect(r).toMatchObject({ ok: false, error: { code: want } });
        if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      });
    }
    it('after all that: admin holds no approving role, and nobody holds admin with one', async () => {
      const users = await t().call(admin, 'users.list');
      expect(users.find((u) => u.login === 'admin')!.roles.sort()).toEqual(['admin', 'custodian']);
      for (const u of users) if (u.roles.includes('admin')) expect(u.roles, u.login).not.toEqual(expect.arrayContaining(['chief']));
      for (const u of users) if (u.roles.includes('admin')) expect(u.roles, u.login).not.toEqual(expect.arrayContaining(['township_leader']));
    });
    it('the attack as filed: an admin cannot make himself chief and approve his own viewing', async () => {
      expect(await t().raw(admin, 'users.update', { id: ids.get('admin'), roles: ['admin', 'custodian', 'chief'] })).toMatchObject({ ok: false });
      await t().call(admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
      const req = await t().call(admin, 'access.request', { type: 'work', scope: { kind: 'media', id: a.mediaIdOf('photo') }, reason: '自查' });
      expect(await t().raw(admin, 'access.decide', await approvalInput(t(), admin, req.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('nobody decides his own 办案查阅 or 公开使用', () => {
    // [roles of the one who asks and then decides, type, approve?, expected]
    const rows: [Role[], AccessType, boolean, string][] = [
      [['township_leader'], 'case', true, 'SELF_APPROVAL'],
      [['township_leader'], 'case', false, 'SELF_APPROVAL'],
      [['chief'], 'public', true, 'SELF_APPROVAL'],
      [['chief'], 'public', false, 'SELF_APPROVAL'],
      [['chief', 'township_leader'], 'case', true, 'SELF_APPROVAL'],
      [['chief', 'township_leader'], 'public', true, 'SELF_APPROVAL'],
      [['officer', 'township_leader'], 'case', true, 'SELF_APPROVAL'],
      [['chief', 'township_leader'], 'work', true, 'ok'],
      [['chief'], 'work', true, 'ok'],
      [['township_leader'], 'work', true, 'ok'],
    ];
    let n = 0;
    for (const [roles, type, yes, want] of rows) {
      it(`${roles.join('+')} deciding (${yes ? 'approve' : 'reject'}) own ${type}: ${want}`, async () => {
        const u = await userWith(t(), admin, `self${++n}`, roles);
        const req = await t().call(u.client, 'access.request', { type, scope: { kind: 'media', id: a.mediaIdOf('segment', 1) }, reason: '本人' });
        const input = yes ? await approvalInput(t(), u.client, req.id) : { id: req.id, approve: false, reason: '不需要' };
        const r = await t().raw(u.client, 'access.decide', input);
        if (want === 'ok') expect(r).toMatchObject({ ok: true, value: { state: 'approved', selfApproved: true } });
        else expect(r).toMatchObject({ ok: false, error: { code: want } });
      });
    }
  });

  describe("the leaders' own 工作查阅", () => {
    it('is registered as self-approved (本人审批) in the request, the register and the printed register', async () => {
      const media = a.mediaIdOf('no_audio');
      const own = await grant(t(), a.chief, a.chief, 'work', { kind: 'media', id: media });
      expect(own).toMatchObject({ state: 'approved', selfApproved: true, decidedBy: { login: 'chief' } });
      expect(await viewStatus(t(), a.chief, media)).toBe(206);
      const byOther = await grant(t(), a.officer, a.chief, 'work', { kind: 'media', id: media });
      expect(byOther.selfApproved).toBe(false);
      expect(await viewStatus(t(), a.officer, media)).toBe(206);
      const day = t().clock.now().toISOString().slice(0, 10);
      const rows = (await t().call(a.custodian, 'register.list', { from: day, to: day, item: String(media) })).items;
      expect(rows.find((r) => r.requestId === own.id)).toMatchObject({ viewer: { login: 'chief' }, approver: { login: 'chief' }, selfApproved: true });
      expect(rows.find((r) => r.requestId === byOther.id)).toMatchObject({ viewer: { login: 'officer1' }, approver: { login: 'chief' }, selfApproved: false });
    });

    it('never covers a disc, nor does any approval its requester decided himself', async () => {
      const media = a.mediaIdOf('audio');
      const chiefId = ids.get('chief')!;
      await grant(t(), a.chief, a.chief, 'work', { kind: 'media', id: media });
      expect(() => requireApprovedForDisc(db(), [media], t().clock.now())).toThrow(expect.objectContaining({ code: 'DISC_NOT_APPROVED' }));
      // A self-decided 办案查阅 written straight into the store (as an older version or an insider might) covers no disc either.
      const at = t().clock.now().toISOString();
      const until = new Date(t().clock.now().getTime() + 86_400_000).toISOString();
      const id = db()
        .prepare(
          "INSERT INTO access_requests (type, scope_kind, scope_id, reason, requested_by, requested_at, status, decided_by, decided_at, valid_from, valid_until) VALUES ('case', 'media', ?, 'x', ?, ?, 'approved', ?, ?, ?, ?)",
        )
        .run(media, chiefId, at, chiefId, at, at, until).lastInsertRowid as number;
      db().prepare('INSERT INTO access_request_items (request_id, media_id) VALUES (?, ?)').run(id, media);
      expect(() => requireApprovedForDisc(db(), [media], t().clock.now())).toThrow(expect.objectContaining({ code: 'DISC_NOT_APPROVED' }));
    });
  });
});
