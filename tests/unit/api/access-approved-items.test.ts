import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireApprovedForDisc, type Client } from '../../../main/api';
import { approvalInput, approve, grant, userWith, viewStatus } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

/**
 * Issue 10 item 1: an approval covers exactly the media shown to its approver when it was decided.
 * Adding items to a case afterwards never widens it, for viewing, for the register or for a disc.
 */
describe('an approval covers exactly what was approved', () => {
  let a: MediaArchive;
  let leader: { client: Client; id: number };
  let officerUserId: number;
  let handlerOfficerId: number;
  let segs: number[];
  /** Media outside the recording: the ones the attack adds to the case after the approval. */
  let later: number[];
  const t = () => a.t;
  const db = () => a.t.services.archive.open().db;

  beforeAll(async () => {
    a = await makeMediaArchive();
    leader = await userWith(a.t, a.custodian, 'leader', ['township_leader'], '周乡长');
    officerUserId = (await a.t.call(a.custodian, 'users.list')).find((u) => u.login === 'officer1')!.id;
    // The officer is the handler: the officer record of the fixture's badge is linked to his account.
    handlerOfficerId = (await a.t.call(a.custodian, 'officers.list')).find((o) => o.badgeNo === a.vol.badge)!.id;
    await a.t.call(a.custodian, 'officers.update', { id: handlerOfficerId, userId: officerUserId });
    segs = [0, 1, 2].map((i) => a.mediaIdOf('segment', i));
    later = (['photo', 'audio', 'no_audio', 'hevc'] as const).map((r) => a.mediaIdOf(r));
  }, 180_000);
  afterAll(() => a.t.cleanup());

  it('repro: items added to the case after approval stay 403, unregistered and off any disc', async () => {
    const c = await t().call(a.officer, 'cases.create', { number: 'AI-1', title: '占道经营', handlerOfficerId });
    const recordingId = (await t().call(a.officer, 'media.get', { id: segs[0]! })).recordingId!;
    await t().call(a.officer, 'cases.addItems', { caseId: c.id, recordingId });
    const g = await grant(t(), a.officer, leader.client, 'case', { kind: 'case', id: c.id });
    expect(await viewStatus(t(), a.officer, segs[0]!)).toBe(206);
    expect(await viewStatus(t(), a.officer, later[0]!)).toBe(403);

    // The attack: the officer puts more media into the approved case.
    await t().call(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: later });
    for (const id of later) expect(await viewStatus(t(), a.officer, id), `media #${id}`).toBe(403);
    // The register never names the leader for media he was not shown.
    const named = db().prepare('SELECT media_id AS id FROM viewings WHERE grant_id = ? ORDER BY media_id').all(g.id) as { id: number }[];
    expect(named.map((r) => r.id)).toEqual([segs[0]]);
    // No disc with them.
    const laterName = (await t().call(a.officer, 'media.get', { id: later[0]! })).originalName;
    expect(() => requireApprovedForDisc(db(), [...segs, ...later], t().clock.now())).toThrow(
      expect.objectContaining({ code: 'DISC_NOT_APPROVED', userMessage: expect.stringContaining(laterName) }),
    );
    expect(requireApprovedForDisc(db(), segs, t().clock.now())).toEqual(new Map(segs.map((id) => [id, g.id])));
    // Exactly its items: a disc of fewer items than the approval covers is refused too.
    expect(() => requireApprovedForDisc(db(), segs.slice(1), t().clock.now())).toThrow(expect.objectContaining({ userMessage: expect.stringContaining('完全一致') }));
    // The request still says what it covers: the three segments shown at the decision.
    expect((await t().call(a.officer, 'access.get', { id: g.id })).scope.mediaCount).toBe(3);

    // A new approval, shown the whole case as it is now, covers the added media.
    await grant(t(), a.officer, leader.client, 'case', { kind: 'case', id: c.id });
    for (const id of later) expect(await viewStatus(t(), a.officer, id)).toBe(206);
  });

  it('the approver is shown the list an approval covers: officer, recorder, start, end and length of each item', async () => {
    const c = await t().call(a.officer, 'cases.create', { number: 'AI-2', title: '清单', handlerOfficerId });
    await t().call(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [segs[1]!, later[0]!] });
    const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'case', id: c.id }, reason: '核对' });
    const shown = await t().call(leader.client, 'access.get', { id: req.id });
    expect(shown.items.map((i) => i.mediaId).sort()).toEqual([segs[1]!, later[0]!].sort());
    const seg = shown.items.find((i) => i.mediaId === segs[1])!;
    const detail = await t().call(a.custodian, 'media.get', { id: segs[1]! });
    expect(seg).toEqual({
      mediaId: segs[1],
      kind: 'video',
      originalName: detail.originalName,
      officer: { id: handlerOfficerId, name: expect.any(String), badgeNo: a.vol.badge },
      recorderSerial: a.vol.serial,
      startAt: detail.startAt,
      endAt: detail.endAt,
      durationSec: detail.durationSec,
      classification: 'normal',
      cases: expect.arrayContaining(['AI-2 清单']),
    });
    expect(shown.itemsFingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The list is the same for whoever reads it, and the requester sees it too.
    expect((await t().call(a.officer, 'access.get', { id: req.id })).itemsFingerprint).toBe(shown.itemsFingerprint);
  });

  it('a recording is named by time (office zone), officer and recorder, never by its internal number', async () => {
    const detail = await t().call(a.custodian, 'media.get', { id: segs[0]! });
    const req = await t().call(a.officer, 'access.request', { type: 'work', scope: { kind: 'recording', id: detail.recordingId! }, reason: '核对' });
    const officer = (await t().call(a.custodian, 'officers.list')).find((o) => o.id === handlerOfficerId)!;
    // The office is in Asia/Shanghai (UTC+8, no daylight saving): the label reads the start on that clock.
    const start = new Date(Date.parse(detail.startAt) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
    expect(req.scope.label).toContain(start);
    expect(req.scope.label).toContain(`${officer.name}（警号 ${a.vol.badge}）`);
    expect(req.scope.label).toContain(`记录仪 ${a.vol.serial}`);
    expect(req.scope.label).toMatch(/（3 段）$/);
    expect(req.scope.label).not.toMatch(/#/);
  });

  describe('a list changed between showing and deciding is refused', () => {
    // [what happens after the approver opened the request, decide input change, expected code]
    const table: [string, (caseId: number) => Promise<unknown>, (fp: string) => Record<string, unknown>, string][] = [
      ['an item is added', (caseId) => t().call(a.officer, 'cases.addItems', { caseId, mediaIds: [later[1]!] }), (fp) => ({ itemsFingerprint: fp }), 'ITEMS_CHANGED'],
      ['an item is removed', (caseId) => t().call(a.officer, 'cases.removeItem', { caseId, mediaId: segs[0]! }), (fp) => ({ itemsFingerprint: fp }), 'ITEMS_CHANGED'],
      ['nothing changes, but no list is sent', async () => null, () => ({ itemsFingerprint: undefined }), 'INVALID_INPUT'],
      ['nothing changes, a made-up list is sent', async () => null, () => ({ itemsFingerprint: 'f'.repeat(64) }), 'ITEMS_CHANGED'],
      ['nothing changes, a malformed list is sent', async () => null, () => ({ itemsFingerprint: 'all' }), 'INVALID_INPUT'],
    ];
    let n = 0;
    for (const [name, change, input, code] of table) {
      it(name, async () => {
        const c = await t().call(a.officer, 'cases.create', { number: `AI-CH-${++n}`, title: '清单变化', handlerOfficerId });
        await t().call(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [segs[0]!, segs[1]!] });
        const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'case', id: c.id }, reason: '核对' });
        const shown = await approvalInput(t(), leader.client, req.id);
        await change(c.id);
        const r = await t().raw(leader.client, 'access.decide', { ...shown, ...input(shown.itemsFingerprint) });
        expect(r).toMatchObject({ ok: false, error: { code } });
        if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect((await t().call(leader.client, 'access.get', { id: req.id })).state).toBe('pending');
        // Shown again, the approver decides on the list as it now is, and that is what is covered.
        const g = await approve(t(), leader.client, req.id);
        const now = (await t().call(leader.client, 'access.get', { id: g.id })).items.map((i) => i.mediaId);
        const inCase = (await t().call(a.officer, 'cases.get', { id: c.id })).items.map((i) => i.mediaId);
        expect(now.sort()).toEqual(inCase.sort());
      });
    }
    it('an empty scope cannot be approved', async () => {
      const c = await t().call(a.officer, 'cases.create', { number: 'AI-EMPTY', title: '空', handlerOfficerId });
      const req = await t().call(a.officer, 'access.request', { type: 'case', scope: { kind: 'case', id: c.id }, reason: '核对' });
      expect(await t().raw(leader.client, 'access.decide', await approvalInput(t(), leader.client, req.id))).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_APPROVE' } });
    });
    it('the approval is audited with the media it covers', async () => {
      const page = await t().call(a.chief, 'audit.list', { action: 'access.approve', limit: 1 });
      const last = page.entries[0]!;
      const id = Number(last.target!.split(':')[1]);
      const items = (await t().call(leader.client, 'access.get', { id })).items.map((i) => i.mediaId).sort((x, y) => x - y);
      expect(last.details).toMatchObject({ mediaIds: items });
    });
  });

  describe("who may change a case's items", () => {
    let other: Client;
    let chiefAsOfficer: Client;
    beforeAll(async () => {
      other = (await userWith(a.t, a.custodian, 'officer2', ['officer'], '钱警员')).client;
      chiefAsOfficer = a.chief;
    });
    // [who, action, expected]: only the handler (officer record linked to his account) and the custodian.
    type Who = 'handler' | 'other officer' | 'chief' | 'custodian' | 'township leader';
    const client = (w: Who): Client =>
      ({ handler: a.officer, 'other officer': other, chief: chiefAsOfficer, custodian: a.custodian, 'township leader': leader.client })[w];
    const table: [Who, 'add' | 'remove', string][] = [
      ['handler', 'add', 'ok'],
      ['handler', 'remove', 'ok'],
      ['custodian', 'add', 'ok'],
      ['custodian', 'remove', 'ok'],
      ['other officer', 'add', 'NOT_CASE_HANDLER'],
      ['other officer', 'remove', 'NOT_CASE_HANDLER'],
      ['chief', 'add', 'NOT_CASE_HANDLER'],
      ['chief', 'remove', 'NOT_CASE_HANDLER'],
      ['township leader', 'add', 'FORBIDDEN'],
      ['township leader', 'remove', 'FORBIDDEN'],
    ];
    let n = 0;
    for (const [who, action, want] of table) {
      it(`${who} ${action}: ${want}`, async () => {
        const c = await t().call(a.custodian, 'cases.create', { number: `AI-WHO-${++n}`, title: '增删', handlerOfficerId });
        await t().call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [segs[0]!] });
        const r =
          action === 'add'
            ? await t().raw(client(who), 'cases.addItems', { caseId: c.id, mediaIds: [segs[1]!] })
            : await t().raw(client(who), 'cases.removeItem', { caseId: c.id, mediaId: segs[0]! });
        const items = (await t().call(a.custodian, 'cases.get', { id: c.id })).items.map((i) => i.mediaId);
        if (want === 'ok') {
          expect(r).toMatchObject({ ok: true });
          expect(items).toEqual(action === 'add' ? [segs[0], segs[1]] : []);
          // Audited with the media ids.
          const entry = (await t().call(a.chief, 'audit.list', { action: action === 'add' ? 'case.add_items' : 'case.remove_item', limit: 1 })).entries[0]!;
          expect(entry).toMatchObject({ target: `case:${c.id}`, details: { mediaIds: [action === 'add' ? segs[1] : segs[0]] } });
        } else {
          expect(r).toMatchObject({ ok: false, error: { code: want } });
          expect(items).toEqual([segs[0]]);
        }
      });
    }
    it('a case without a handler: only the custodian', async () => {
      const c = await t().call(a.officer, 'cases.create', { number: 'AI-NOHANDLER', title: '无承办人' });
      expect(await t().raw(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [segs[0]!] })).toMatchObject({ ok: false, error: { code: 'NOT_CASE_HANDLER' } });
      expect(await t().raw(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [segs[0]!] })).toMatchObject({ ok: true });
    });
    it("a closed case's items never change, not even by the custodian", async () => {
      const c = await t().call(a.custodian, 'cases.create', { number: 'AI-CLOSED', title: '已结案', handlerOfficerId });
      await t().call(a.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [segs[0]!] });
      await t().call(a.chief, 'cases.update', { id: c.id, status: 'closed' });
      for (const who of [a.custodian, a.officer]) {
        expect(await t().raw(who, 'cases.addItems', { caseId: c.id, mediaIds: [segs[1]!] })).toMatchObject({ ok: false, error: { code: 'CASE_CLOSED' } });
        expect(await t().raw(who, 'cases.removeItem', { caseId: c.id, mediaId: segs[0]! })).toMatchObject({ ok: false, error: { code: 'CASE_CLOSED' } });
      }
      expect((await t().call(a.custodian, 'cases.get', { id: c.id })).items.map((i) => i.mediaId)).toEqual([segs[0]]);
    });
  });
});
