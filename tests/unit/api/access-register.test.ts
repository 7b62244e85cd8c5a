import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeSuite } from '../../support/office-suite';
import { localDay } from '../../../main/common';
import { formatDateTimeCompact } from '../../../main/forms';
import { docxBlocks, docxPart, paragraphsIn, tableStartingWith } from '../forms/docx-read';
import { docxToPdf, onPaperCheck, pagesWith, pdfPageTexts, pdfToolsMissing, proofPngs, squash } from '../forms/proof';
import { approve, grant, userWith, viewStatus } from './access-fixture';
import { makeMediaArchive } from './media-fixture';

const OFFICE_TZ = 'Asia/Shanghai'; // the test office's time zone (OFFICE_SETUP)
const pdfMissing = pdfToolsMissing();
if (pdfMissing) console.log(`viewing register: PDF check skipped — ${pdfMissing}`);

/** The viewing register (查阅登记, art. 14): rows written by playback, read by the keeper, printed as DOCX. */
describe('viewing register', () => {
  let docx: Buffer;
  const a = officeSuite(async () => {
    const archive = await makeMediaArchive();
    const leader = await userWith(archive.t, archive.custodian, 'leader', ['township_leader'], '周乡长');
    const seg = archive.mediaIdOf('segment', 0);
    const recordingId = (await archive.t.call(archive.custodian, 'media.get', { id: seg })).recordingId!;
    const req = await archive.t.call(archive.officer, 'access.request', { type: 'case', scope: { kind: 'recording', id: recordingId }, reason: '查办占道经营案，核对现场录像' });
    await approve(archive.t, leader.client, req.id);
    await grant(archive.t, archive.chief, archive.chief, 'work', { kind: 'media', id: archive.mediaIdOf('photo') });
    expect(await viewStatus(archive.t, archive.officer, seg)).toBe(206);
    expect(await viewStatus(archive.t, archive.officer, seg)).toBe(206);
    expect(await viewStatus(archive.t, archive.chief, archive.mediaIdOf('photo'))).toBe(206);
    const day = localDay(archive.t.clock.now(), OFFICE_TZ); // the register's periods are office days
    return { ...archive, day };
  }, 180_000);

  it('one row per viewing session, with the request type, reason and approver', async () => {
    const page = await a.t.call(a.custodian, 'register.list', { from: a.day, to: a.day });
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ viewer: { login: 'officer1' }, requestType: 'case', reason: '查办占道经营案，核对现场录像', approver: { login: 'leader', displayName: '周乡长' } });
    expect(page.items[1]).toMatchObject({ viewer: { login: 'chief' }, requestType: 'work', approver: { login: 'chief' } });
    expect((await a.t.call(a.custodian, 'register.list', { from: '2000-01-01', to: '2000-01-02' })).total).toBe(0);
    expect(await a.t.raw(a.custodian, 'register.list', { from: a.day, to: '2000-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('prints the 查阅登记表 for a period, audited: one row per viewing session in the DOCX', async () => {
    const file = await a.t.call(a.custodian, 'register.docx', { from: a.day, to: a.day });
    expect(file.fileName).toBe(`查阅登记表-${a.day.replaceAll('-', '')}-${a.day.replaceAll('-', '')}.docx`);
    docx = readFileSync(path.join(a.t.root, 'forms', file.fileName));
    const audit = await a.t.call(a.custodian, 'audit.list', { action: 'form.viewing_register' });
    expect(audit.entries[0]!.details).toMatchObject({ rows: 2, sha256: file.sha256 });
    const blocks = docxBlocks(docxPart(docx));
    expect(paragraphsIn(blocks)[0]).toBe('执法记录仪视听资料查阅登记表');
    const page = await a.t.call(a.custodian, 'register.list', { from: a.day, to: a.day });
    const table = tableStartingWith(blocks, '序号', '查阅人');
    expect(table[0]).toEqual(['序号', '查阅人', '查阅对象', '查阅类型', '事由', '批准人', '开始时间', '结束时间']);
    expect(table).toHaveLength(1 + page.items.length);
    const TYPE = { case: '办案查阅', work: '工作查阅', public: '公开使用' } as const;
    const minute = (iso: string): string => formatDateTimeCompact(new Date(iso), OFFICE_TZ).slice(0, 16);
    for (const [i, item] of page.items.entries()) {
      const row = table[i + 1]!;
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toBe(item.viewer.displayName);
      expect(row[2]).toContain(`${item.mediaName}（#${item.mediaId}`);
      expect(row[3]).toBe(TYPE[item.requestType ?? 'work']);
      expect(row[4]).toBe(`${item.reason ?? ''}（申请 #${item.requestId ?? ''}）`);
      expect(row[5]).toBe(item.approver ? `${item.approver.displayName}${item.selfApproved ? '（本人审批）' : ''}` : '—');
      expect([row[6], row[7]]).toEqual([minute(item.startedAt), minute(item.lastAt)]);
    }
    expect(table.slice(1).map((r) => [r[1], r[3], r[5]])).toEqual([
      ['赵警员', '办案查阅', '周乡长'],
      ['李队长', '工作查阅', '李队长（本人审批）'],
    ]);
    expect(table[1]?.[4]).toContain('查办占道经营案，核对现场录像');
    expect(tableStartingWith(blocks, '保管员（签名）：')[0]?.[1]).toBe(`（${(await a.t.call(a.custodian, 'session.current', {}))?.displayName ?? ''}）`);
  });

  it.skipIf(pdfMissing !== null)('prints it through LibreOffice: every cell on paper, the keeper signs on the page of the last row', () => {
    const out = path.resolve('test-results/register-proof');
    const pdf = docxToPdf({ register: docx }, out).register!;
    const pages = pdfPageTexts(pdf);
    const blocks = docxBlocks(docxPart(docx));
    expect(onPaperCheck(blocks, pages).missing, 'not found in the PDF text').toEqual([]);
    const lastRow = tableStartingWith(blocks, '序号', '查阅人').at(-1)!;
    const at = pagesWith(pages, lastRow[2]!);
    expect(at).toHaveLength(1);
    expect(pagesWith(pages, '保管员（签名）')).toEqual(at);
    for (const [i, p] of pages.entries()) expect(p).toContain(squash(`第 ${i + 1} 页 共 ${pages.length} 页`));
    console.log(`register proof: ${proofPngs(pdf, out).join(', ')}`);
  }, 240_000);
});
