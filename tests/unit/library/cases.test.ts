import { describe, expect, it } from 'vitest';
import { officeSuite } from '../../support/office-suite';
import type { AuditEntryDto } from '../../../main/api';
import { makeMediaArchive } from '../api/media-fixture';

describe('cases, metadata and recordings on ingested media', () => {
  const a = officeSuite(async () => {
    const archive = await makeMediaArchive();
    const segIds = [0, 1, 2].map((i) => archive.mediaIdOf('segment', i));
    const recordingId = (await archive.t.call(archive.custodian, 'media.get', { id: segIds[0]! })).recordingId!;
    // The officer record of the fixture's recorder, linked to officer1's account: he handles the cases here.
    const handlerOfficerId = (await archive.t.call(archive.custodian, 'officers.list')).find((o) => o.badgeNo === archive.vol.badge)!.id;
    const officerUser = (await archive.t.call(archive.custodian, 'users.list')).find((u) => u.login === 'officer1')!;
    await archive.t.call(archive.custodian, 'officers.update', { id: handlerOfficerId, userId: officerUser.id });
    return { ...archive, recordingId, segIds, handlerOfficerId };
  }, 180_000);

  const lastAudit = async (action: string): Promise<AuditEntryDto> => {
    const page = await a.t.call(a.chief, 'audit.list', { action, limit: 1 });
    return page.entries[0]!;
  };

  it('library.recording lists the segments in order with codecs, proxy need and gaps', async () => {
    const rec = await a.t.call(a.officer, 'library.recording', { id: a.recordingId });
    expect(rec.segments.map((s) => s.mediaId)).toEqual(a.segIds);
    expect(rec.segments.every((s) => s.videoCodec === 'h264' && !s.needsProxy)).toBe(true);
    expect(rec.gaps).toEqual([]);
    expect(rec.recorderSerial).toBe(a.vol.serial);
    expect(rec.officer).toMatchObject({ badgeNo: a.vol.badge });
    expect(rec.totalDurationSec).toBeGreaterThan(8.5);
    const starts = rec.segments.map((s) => s.startAt);
    expect([...starts].sort()).toEqual(starts);
    expect(await a.t.raw(a.officer, 'library.recording', { id: 99_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('creates a case, adds a recording, totals duration and size, keeps the media with the case', async () => {
    const created = await a.t.call(a.officer, 'cases.create', { number: '镇综执罚〔2026〕12号', title: '占道经营', handlerOfficerId: a.handlerOfficerId, description: '现场检查' });
    expect(created).toMatchObject({ status: 'open', itemCount: 0, totalSize: 0, createdBy: '赵警员', handler: { id: a.handlerOfficerId } });
    const withItems = await a.t.call(a.officer, 'cases.addItems', { caseId: created.id, recordingId: a.recordingId });
    expect(withItems.items.map((i) => i.mediaId)).toEqual(a.segIds);
    const details = await Promise.all(a.segIds.map((id) => a.t.call(a.custodian, 'media.get', { id })));
    expect(withItems.totalSize).toBe(details.reduce((s, d) => s + d.size, 0));
    expect(withItems.totalDurationSec).toBeCloseTo(details.reduce((s, d) => s + (d.durationSec ?? 0), 0), 6);
    for (const d of details) {
      expect(d.heldByCase).toBe(true);
      expect(d.effectiveRetentionUntil).toBeNull();
      expect(d.cases.map((c) => c.id)).toEqual([created.id]);
    }
    // Adding again changes nothing; the library finds the case's media.
    expect((await a.t.call(a.officer, 'cases.addItems', { caseId: created.id, mediaIds: a.segIds })).itemCount).toBe(3);
    expect((await a.t.call(a.officer, 'library.search', { caseId: created.id })).items.map((i) => i.id).sort()).toEqual([...a.segIds].sort());
    const audit = await lastAudit('case.add_items');
    expect(audit.details).toMatchObject({ recordingId: a.recordingId, after: { mediaIds: a.segIds } });

    // Closing: kept at least until the closing date plus the retention period.
    const closed = await a.t.call(a.chief, 'cases.update', { id: created.id, status: 'closed' });
    expect(closed.closedAt).toBe(a.t.clock.now().toISOString());
    const after = await a.t.call(a.custodian, 'media.get', { id: a.segIds[0]! });
    expect(after.heldByCase).toBe(false);
    expect(after.effectiveRetentionUntil! > after.retentionUntil).toBe(true);
    expect(await a.t.raw(a.officer, 'cases.addItems', { caseId: created.id, mediaIds: [a.segIds[0]!] })).toMatchObject({ ok: false, error: { code: 'CASE_CLOSED' } });
    expect((await lastAudit('case.update')).details).toMatchObject({ before: { status: 'open' }, after: { status: 'closed' } });
  });

  it('refuses a duplicate case number, unknown media, and both or neither of mediaIds/recordingId', async () => {
    await a.t.call(a.officer, 'cases.create', { number: 'A-1', title: '甲', handlerOfficerId: a.handlerOfficerId });
    expect(await a.t.raw(a.officer, 'cases.create', { number: 'a-1', title: '乙' })).toMatchObject({ ok: false, error: { code: 'CASE_NUMBER_TAKEN' } });
    const c = (await a.t.call(a.officer, 'cases.list', { text: 'A-1' })).cases[0]!;
    expect(await a.t.raw(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [99_999] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.t.raw(a.officer, 'cases.addItems', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await a.t.raw(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [1], recordingId: a.recordingId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('removes an item, audited with the old value', async () => {
    const c = (await a.t.call(a.officer, 'cases.list', { text: 'A-1' })).cases[0]!;
    await a.t.call(a.officer, 'cases.addItems', { caseId: c.id, mediaIds: [a.segIds[0]!, a.segIds[1]!] });
    const after = await a.t.call(a.officer, 'cases.removeItem', { caseId: c.id, mediaId: a.segIds[0]! });
    expect(after.items.map((i) => i.mediaId)).toEqual([a.segIds[1]]);
    expect((await lastAudit('case.remove_item')).details).toMatchObject({ before: { mediaId: a.segIds[0] }, after: null });
  });

  it('the township leader reads cases but cannot change them', async () => {
    const admin = a.custodian;
    await a.t.call(admin, 'users.create', { login: 'leader', displayName: '乡领导', badgeNo: null, password: 'initial-pass', roles: ['township_leader'] });
    const leader = a.t.client('leader');
    await a.t.call(leader, 'session.login', { login: 'leader', password: 'initial-pass' });
    await a.t.call(leader, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
    expect((await a.t.call(leader, 'cases.list', {})).total).toBeGreaterThan(0);
    expect(await a.t.raw(leader, 'cases.create', { number: 'L-1', title: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('category, key mark and notes change beside the original, each audited with old and new value', async () => {
    const id = a.mediaIdOf('no_audio');
    const before = await a.t.call(a.officer, 'media.get', { id });
    const updated = await a.t.call(a.officer, 'media.update', { id, category: 'uncooperative', keyMark: true, notes: '当事人拒绝出示证件' });
    expect(updated).toMatchObject({ category: 'uncooperative', keyMark: true, notes: { text: '当事人拒绝出示证件', updatedBy: '赵警员' } });
    expect(updated.sha256).toBe(before.sha256);
    expect((await lastAudit('media.update')).details).toMatchObject({
      sha256: before.sha256,
      changes: { category: { before: null, after: 'uncooperative' }, keyMark: { before: false, after: true }, notes: { before: null, after: '当事人拒绝出示证件' } },
    });
    await a.t.call(a.custodian, 'media.update', { id, category: 'evidence', notes: null });
    expect((await lastAudit('media.update')).details).toEqual({
      sha256: before.sha256,
      changes: { category: { before: 'uncooperative', after: 'evidence' }, notes: { before: '当事人拒绝出示证件', after: null } },
    });
    // The library finds it by the new values, and by the note text while it existed.
    expect((await a.t.call(a.officer, 'library.search', { category: 'evidence', keyMark: true })).items.map((i) => i.id)).toEqual([id]);
    await a.t.call(a.custodian, 'media.update', { id, notes: '拒绝出示证件' });
    expect((await a.t.call(a.officer, 'library.search', { text: '出示证件' })).items.map((i) => i.id)).toEqual([id]);
    // An update that changes nothing is not audited.
    const count = (await a.t.call(a.chief, 'audit.list', { action: 'media.update' })).total;
    await a.t.call(a.custodian, 'media.update', { id, category: 'evidence' });
    expect((await a.t.call(a.chief, 'audit.list', { action: 'media.update' })).total).toBe(count);
    expect(await a.t.raw(a.officer, 'media.update', { id, category: 'fun' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('bookmarks: add, list in time order, remove; each audited', async () => {
    const id = a.segIds[1]!;
    const b2 = await a.t.call(a.officer, 'bookmarks.add', { mediaId: id, offsetSec: 2.5, label: '出示证件' });
    const b1 = await a.t.call(a.custodian, 'bookmarks.add', { mediaId: id, offsetSec: 0.5, label: '开始告知' });
    expect((await a.t.call(a.chief, 'bookmarks.list', { mediaId: id })).map((b) => b.id)).toEqual([b1.id, b2.id]);
    expect((await lastAudit('bookmark.add')).details).toMatchObject({ bookmarkId: b1.id, before: null, after: { offsetSec: 0.5, label: '开始告知' } });
    await a.t.call(a.officer, 'bookmarks.remove', { id: b2.id });
    expect((await lastAudit('bookmark.remove')).details).toMatchObject({ before: { offsetSec: 2.5, label: '出示证件' }, after: null });
    expect((await a.t.call(a.custodian, 'media.get', { id })).bookmarks.map((b) => b.label)).toEqual(['开始告知']);
    expect(await a.t.raw(a.officer, 'bookmarks.add', { mediaId: 99_999, offsetSec: 1, label: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the originals themselves cannot be changed through SQL either', () => {
    const db = a.t.services.archive.open().db;
    expect(() => db.prepare('UPDATE media SET sha256 = ? WHERE id = ?').run('0'.repeat(64), a.segIds[0])).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM media WHERE id = ?').run(a.segIds[0])).toThrow(/never deleted/);
  });
});
