import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULES, requireApprovedForDisc, type AccessType, type Client } from '../../../main/api';
import { localDay, type Role } from '../../../main/common';
import { approvalInput, approve, grant, userWith, viewStatus } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

const DAY = 86_400_000;
const TYPES: AccessType[] = ['work', 'case', 'public'];
const ROLE_LIST: Role[] = ['officer', 'custodian', 'chief', 'township_leader', 'admin'];

/** Issue 5 at the API: who may ask, who may approve, what leave allows and for how long. */
describe('viewing only with leave', () => {
  let a: MediaArchive;
  const only = new Map<Role, { client: Client; id: number }>();
  let leader: Client;
  let officer2: { client: Client; id: number };
  let officerId: number;
  let seg: number;
  let seg2: number;
  let recordingId: number;
  let otherMedia: number;
  const t = () => a.t;
  /** Moves the clock and logs everyone in again (sessions end after 30 idle minutes). */
  async function advance(ms: number): Promise<void> {
    t().clock.advance(ms);
    const logins: [Client, string, string][] = [
      [a.custodian, 'admin', 'admin-pass-1'],
      [a.chief, 'chief', 'chief-pass-1'],
      [a.officer, 'officer1', 'changed-pass'],
      [officer2.client, 'officer2', 'changed-pass'],
      ...[...only.values()].map((u): [Client, string, string] => [u.client, u.client.id, 'changed-pass']),
    ];
    for (const [c, login, password] of logins) await t().call(c, 'session.login', { login, password });
  }

  beforeAll(async () => {
    a = await makeMediaArchive();
    for (const role of ROLE_LIST) only.set(role, await userWith(a.t, a.custodian, `only-${role.replace('_', '-')}`, [role], `仅${role}`));
    leader = only.get('township_leader')!.client;
    officer2 = await userWith(a.t, a.custodian, 'officer2', ['officer'], '钱警员');
    officerId = (await a.t.call(a.custodian, 'users.list')).find((u) => u.login === 'officer1')!.id;
    seg = a.mediaIdOf('segment', 0);
    recordingId = (await a.t.call(a.custodian, 'media.get', { id: seg })).recordingId!;
    const rec = await a.t.call(a.custodian, 'library.recording', { id: recordingId });
    seg2 = rec.segments[1]!.mediaId;
    otherMedia = a.mediaIdOf('photo');
  }, 180_000);
  afterAll(() => a.t.cleanup());

  describe('who may request', () => {
    for (const role of ROLE_LIST) {
      for (const type of TYPES) {
        it(`${role} may ask for ${type}`, async () => {
          const r = await t().call(only.get(role)!.client, 'access.request', { type, scope: { kind: 'media', id: seg }, reason: '工作需要' });
          expect(r).toMatchObject({ type, state: 'pending', reason: '工作需要', scope: { kind: 'media', id: seg, classification: 'normal' } });
        });
      }
    }
    it('a reason is required, and the scope must exist', async () => {
      const c = only.get('officer')!.client;
      expect(await t().raw(c, 'access.request', { type: 'work', scope: { kind: 'media', id: seg }, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await t().raw(c, 'access.request', { type: 'work', scope: { kind: 'case', id: 9999 }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('who may approve', () => {
    // [type, approver role] → outcome for someone else's request
    const expected: Record<AccessType, Partial<Record<Role, string>>> = {
      work: { chief: 'ok', township_leader: 'NOT_APPROVER', custodian: 'FORBIDDEN', officer: 'FORBIDDEN', admin: 'FORBIDDEN' },
      case: { township_leader: 'ok', chief: 'NOT_APPROVER', custodian: 'FORBIDDEN', officer: 'FORBIDDEN', admin: 'FORBIDDEN' },
      public: { chief: 'ok', township_leader: 'NOT_APPROVER', custodian: 'FORBIDDEN', officer: 'FORBIDDEN', admin: 'FORBIDDEN' },
    };
    for (const type of TYPES) {
      for (const role of ROLE_LIST) {
        const want = expected[type][role]!;
        it(`${type}: ${role} ${want === 'ok' ? 'approves' : `is refused (${want})`}`, async () => {
          const req = await t().call(a.officer, 'access.request', { type, scope: { kind: 'media', id: seg }, reason: '核实情况' });
          const r = await t().raw(only.get(role)!.client, 'access.decide', await approvalInput(t(), a.officer, req.id));
          if (want === 'ok') expect(r).toMatchObject({ ok: true, value: { state: 'approved' } });
          else expect(r).toMatchObject({ ok: false, error: { code: want } });
        });
      }
    }
    // Nobody approves their own, except the chief and the township leader their own work viewing.
    const self: [Role, AccessType, string][] = [
      ['chief', 'work', 'ok'],
      ['township_leader', 'work', 'ok'],
      ['chief', 'public', 'SELF_APPROVAL'],
      ['township_leader', 'case', 'SELF_APPROVAL'],
      ['chief', 'case', 'SELF_APPROVAL'],
    ];
    for (const [role, type, want] of self) {
      it(`${role} approving own ${type}: ${want}`, async () => {
        const c = only.get(role)!.client;
        const req = await t().call(c, 'access.request', { type, scope: { kind: 'media', id: seg }, reason: '本人查阅' });
        const r = await t().raw(c, 'access.decide', await approvalInput(t(), c, req.id));
        if (want === 'ok') {
          expect(r).toMatchObject({ ok: true, value: { state: 'approved', decidedBy: { login: only.get(role)!.client.id } } });
          // Still registered: the viewing carries the request and its (own) approver.
          expect(await viewStatus(t(), c, seg)).toBe(206);
        } else expect(r).toMatchObject({ ok: false, error: { code: want } });
      });
    }
    it('the policy table says the same', () => {
      expect(ACCESS_RULES.work.approverRoles).toEqual(['chief']);
      expect(ACCESS_RULES.case.approverRoles).toEqual(['township_leader']);
      expect(ACCESS_RULES.public.approverRoles).toEqual(['chief']);
      expect(ACCESS_RULES.public.neverFor).toEqual(['state_secret']);
    });
    it('lists pending requests to the right approver only, and rejects need a reason', async () => {
      const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'recording', id: recordingId }, reason: '办案需要' });
      const forLeader = await t().call(leader, 'access.list', { box: 'toDecide' });
      expect(forLeader.items.map((x) => x.id)).toContain(req.id);
      expect(forLeader.items.every((x) => x.type === 'case' || x.requestedBy.login === 'only-township-leader')).toBe(true);
      const forChief = await t().call(a.chief, 'access.list', { box: 'toDecide' });
      expect(forChief.items.map((x) => x.id)).not.toContain(req.id);
      expect(await t().raw(leader, 'access.decide', { id: req.id, approve: false })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
      const rejected = await t().call(leader, 'access.decide', { id: req.id, approve: false, reason: '事由不充分' });
      expect(rejected).toMatchObject({ state: 'rejected', decisionReason: '事由不充分' });
      const mine = await t().call(a.officer, 'access.list', { box: 'mine', state: 'rejected' });
      expect(mine.items.map((x) => x.id)).toContain(req.id);
      expect(await t().raw(leader, 'access.decide', await approvalInput(t(), leader, req.id))).toMatchObject({ ok: false, error: { code: 'NOT_PENDING' } });
      expect(await t().raw(a.officer, 'access.list', { box: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('what a grant allows, and for how long', () => {
    it('playback: refused without, allowed with, refused after expiry', async () => {
      expect(await viewStatus(t(), officer2.client, seg)).toBe(403);
      const g = await grant(t(), officer2.client, leader, 'case', { kind: 'recording', id: recordingId });
      expect(g.validUntil).toBe(new Date(Date.parse(g.validFrom!) + 7 * DAY).toISOString());
      expect(await viewStatus(t(), officer2.client, seg)).toBe(206);
      expect(await viewStatus(t(), officer2.client, seg2)).toBe(206);
      expect(await viewStatus(t(), officer2.client, seg, '/thumb')).toBe(206);
      // Outside the scope, and for anybody else: no.
      expect(await viewStatus(t(), officer2.client, otherMedia)).toBe(403);
      expect(await viewStatus(t(), only.get('officer')!.client, seg)).toBe(403);
      await advance(7 * DAY - 60_000);
      expect(await viewStatus(t(), officer2.client, seg)).toBe(206);
      await advance(2 * 60_000);
      expect(await viewStatus(t(), officer2.client, seg)).toBe(403);
      expect(await t().call(officer2.client, 'access.get', { id: g.id })).toMatchObject({ state: 'expired', canRevoke: false });
      expect((await t().call(officer2.client, 'access.list', { state: 'expired' })).items.map((x) => x.id)).toContain(g.id);
    });

    it('refused at the next request after revocation', async () => {
      const g = await grant(t(), officer2.client, a.chief, 'work', { kind: 'media', id: seg });
      expect(await viewStatus(t(), officer2.client, seg)).toBe(206);
      expect(await t().raw(only.get('officer')!.client, 'access.revoke', { id: g.id })).toMatchObject({ ok: false, error: { code: 'NOT_APPROVER' } });
      const revoked = await t().call(a.chief, 'access.revoke', { id: g.id, reason: '任务结束' });
      expect(revoked).toMatchObject({ state: 'revoked', revokedBy: { login: 'chief' }, revokeReason: '任务结束' });
      expect(await viewStatus(t(), officer2.client, seg)).toBe(403);
    });

    it('a window starts when it says and is no longer than the office maximum', async () => {
      const req = await t().call(officer2.client, 'access.request', { type: 'work', scope: { kind: 'media', id: seg }, reason: '明日复核' });
      const now = t().clock.now().getTime();
      expect(await t().raw(a.chief, 'access.decide', { ...(await approvalInput(t(), a.chief, req.id)), validUntil: new Date(now + 31 * DAY).toISOString() })).toMatchObject({
        ok: false,
        error: { code: 'WINDOW_TOO_LONG' },
      });
      const g = await approve(t(), a.chief, req.id, { validFrom: new Date(now + DAY).toISOString(), validUntil: new Date(now + 2 * DAY).toISOString() });
      expect(g.state).toBe('approved');
      expect(await viewStatus(t(), officer2.client, seg)).toBe(403);
      await advance(DAY + 1000);
      expect(await viewStatus(t(), officer2.client, seg)).toBe(206);
      await advance(DAY);
      expect(await viewStatus(t(), officer2.client, seg)).toBe(403);
    });

    it('the disc workflow: only an approved case or public request covers an item', async () => {
      const db = t().services.archive.open().db;
      const g = await grant(t(), officer2.client, a.chief, 'work', { kind: 'media', id: otherMedia });
      expect(() => requireApprovedForDisc(db, [otherMedia], t().clock.now())).toThrow(expect.objectContaining({ code: 'DISC_NOT_APPROVED', userMessage: expect.stringMatching(/不能刻录/) }));
      await t().call(a.chief, 'access.revoke', { id: g.id });
      const c = await grant(t(), officer2.client, leader, 'case', { kind: 'media', id: otherMedia });
      // The disc is built against the request, whoever asked: the custodian builds under officer2's approval.
      expect(requireApprovedForDisc(db, [otherMedia], t().clock.now())).toEqual(new Map([[otherMedia, c.id]]));
    });
  });

  describe('classification', () => {
    it('only the chief classifies media and cases, audited with old and new', async () => {
      const photo = a.mediaIdOf('photo');
      for (const role of ['officer', 'custodian', 'township_leader', 'admin'] as const) {
        expect(await t().raw(only.get(role)!.client, 'media.classify', { id: photo, classification: 'privacy' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await t().call(a.chief, 'media.classify', { id: photo, classification: 'privacy' })).toMatchObject({ classification: 'privacy' });
      const audit = await t().call(a.chief, 'audit.list', { action: 'media.classify' });
      expect(audit.entries[0]!.details).toMatchObject({ before: { classification: 'normal' }, after: { classification: 'privacy' } });
      const c = await t().call(a.officer, 'cases.create', { number: 'CL-1', title: '密级测试' });
      expect(await t().raw(a.officer, 'cases.update', { id: c.id, classification: 'state_secret' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t().raw(a.officer, 'cases.create', { number: 'CL-2', title: 'x', classification: 'privacy' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t().call(a.chief, 'cases.classify', { id: c.id, classification: 'business_secret' })).toMatchObject({ classification: 'business_secret' });
      expect((await t().call(a.chief, 'audit.list', { action: 'case.classify' })).entries[0]!.details).toMatchObject({ before: { classification: 'normal' }, after: { classification: 'business_secret' } });
      await t().call(a.chief, 'media.classify', { id: photo, classification: 'normal' });
    });

    it('国家秘密 is never approved for public use', async () => {
      const audio = a.mediaIdOf('audio');
      await t().call(a.chief, 'media.classify', { id: audio, classification: 'state_secret' });
      expect(await t().raw(a.officer, 'access.request', { type: 'public', scope: { kind: 'media', id: audio }, reason: '公开' })).toMatchObject({
        ok: false,
        error: { code: 'CLASSIFICATION_NOT_ALLOWED' },
      });
      await t().call(a.chief, 'media.classify', { id: audio, classification: 'normal' });
      const pending = await t().call(a.officer, 'access.request', { type: 'public', scope: { kind: 'media', id: audio }, reason: '公开' });
      const approvedBefore = await grant(t(), officer2.client, a.chief, 'public', { kind: 'media', id: audio }, { namedUserIds: [officer2.id] });
      expect(await viewStatus(t(), officer2.client, audio)).toBe(206);
      await t().call(a.chief, 'media.classify', { id: audio, classification: 'state_secret' });
      // Neither a decision now nor an approval given before the item became 国家秘密.
      expect(await t().raw(a.chief, 'access.decide', { ...(await approvalInput(t(), a.chief, pending.id)), namedUserIds: [officerId] })).toMatchObject({
        ok: false,
        error: { code: 'CLASSIFICATION_NOT_ALLOWED' },
      });
      expect(approvedBefore.state).toBe('approved');
      expect(await viewStatus(t(), officer2.client, audio)).toBe(403);
      // A case through which it is held is as secret: public requests for it are refused too.
      const c = await t().call(a.custodian, 'cases.create', { number: 'SS-1', title: '涉密' });
      await t().call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [audio] });
      expect(await t().raw(a.officer, 'access.request', { type: 'public', scope: { kind: 'case', id: c.id }, reason: '公开' })).toMatchObject({ ok: false, error: { code: 'CLASSIFICATION_NOT_ALLOWED' } });
    });

    it('classified items only for users named in the approval', async () => {
      const c = await t().call(a.custodian, 'cases.create', { number: 'PV-1', title: '隐私' });
      const target = a.mediaIdOf('no_audio');
      await t().call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [target] });
      await t().call(a.chief, 'cases.classify', { id: c.id, classification: 'privacy' });
      const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'case', id: c.id }, reason: '办案' });
      expect(req.scope.classification).toBe('privacy');
      expect(await t().raw(leader, 'access.decide', await approvalInput(t(), leader, req.id))).toMatchObject({ ok: false, error: { code: 'NAMES_REQUIRED' } });
      const g = await approve(t(), leader, req.id, { namedUserIds: [officer2.id] });
      expect(g.namedUsers.map((u) => u.login)).toEqual(['officer2']);
      // The requester was not named: refused; the named user may view.
      expect(await viewStatus(t(), a.officer, target)).toBe(403);
      expect(await viewStatus(t(), officer2.client, target)).toBe(206);
      // An approval naming nobody, given while the item was 普通, stops once it is classified.
      const plain = a.mediaIdOf('chinese_name');
      await grant(t(), a.officer, a.chief, 'work', { kind: 'media', id: plain });
      expect(await viewStatus(t(), a.officer, plain)).toBe(206);
      await t().call(a.chief, 'media.classify', { id: plain, classification: 'business_secret' });
      expect(await viewStatus(t(), a.officer, plain)).toBe(403);
    });
  });

  describe('office policy settings', () => {
    it('strict is the default; off, the keeping roles view 普通 items by role, never classified ones', async () => {
      const media = a.mediaIdOf('clock_1970');
      const keeper = only.get('custodian')!.client;
      expect((await t().call(keeper, 'access.policy')).strict).toBe(true);
      expect(await viewStatus(t(), keeper, media)).toBe(403);
      expect(await t().raw(a.chief, 'access.setPolicy', { strict: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const admin = only.get('admin')!.client;
      await t().call(admin, 'access.setPolicy', { strict: false });
      expect(await viewStatus(t(), keeper, media)).toBe(206);
      expect(await viewStatus(t(), only.get('officer')!.client, media)).toBe(403);
      expect(await viewStatus(t(), keeper, a.mediaIdOf('chinese_name'))).toBe(403); // business_secret
      await t().call(admin, 'access.setPolicy', { strict: true });
      expect(await viewStatus(t(), keeper, media)).toBe(403);
      expect((await t().call(a.chief, 'audit.list', { action: 'access.policy' })).total).toBe(2);
    });

    it('officers may view their own footage for N hours after ingest when the office allows it', async () => {
      const officers = await t().call(a.custodian, 'officers.list');
      await t().call(a.custodian, 'officers.update', { id: officers.find((o) => o.badgeNo === a.vol.badge)!.id, userId: officerId });
      const media = a.mediaIdOf('hevc');
      expect(await viewStatus(t(), a.officer, media)).toBe(403);
      const admin = only.get('admin')!.client;
      // The clock has moved days since ingest in the tests above: allow just past that.
      const ingestedAt = (t().services.archive.open().db.prepare('SELECT created_at AS at FROM media WHERE id = ?').get(media) as { at: string }).at;
      const hours = Math.ceil((t().clock.now().getTime() - Date.parse(ingestedAt)) / 3_600_000) + 1;
      await t().call(admin, 'access.setPolicy', { ownFootageHours: hours });
      expect(await viewStatus(t(), a.officer, media)).toBe(206);
      expect(await viewStatus(t(), officer2.client, media)).toBe(403);
      await advance(2 * 3_600_000);
      expect(await viewStatus(t(), a.officer, media)).toBe(403);
      await t().call(admin, 'access.setPolicy', { ownFootageHours: 0 });
    });
  });

  describe('viewing register', () => {
    it('a row per viewing session with type, reason and approver', async () => {
      const media = a.mediaIdOf('segment', 2);
      const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'media', id: media }, reason: '查办占道经营案' });
      await approve(t(), leader, req.id);
      const day = localDay(t().clock.now(), 'Asia/Shanghai'); // an office day, as register.list takes
      expect(await viewStatus(t(), a.officer, media)).toBe(206);
      expect(await viewStatus(t(), a.officer, media)).toBe(206);
      const reg = await t().call(a.custodian, 'register.list', { from: day, to: day, item: String(media) });
      const rows = reg.items.filter((r) => r.requestId === req.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ viewer: { login: 'officer1' }, mediaId: media, requestType: 'case', reason: '查办占道经营案', approver: { login: 'only-township-leader' } });
      const byViewer = await t().call(leader, 'register.list', { from: '2020-01-01', to: '2099-12-31', viewerId: officerId });
      expect(byViewer.items.every((r) => r.viewer.login === 'officer1')).toBe(true);
      expect(await t().raw(a.officer, 'register.list', { from: day, to: day })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });
});
