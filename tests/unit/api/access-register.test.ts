import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, hasTool, pdfText, proofPng, squash, unzipEntry } from '../forms/proof';
import { tempDir } from '../../support/services';
import { approve, grant, userWith, viewStatus } from './access-fixture';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

/** The viewing register (查阅登记, art. 14): rows written by playback, read by the keeper, printed as DOCX. */
describe('viewing register', () => {
  let a: MediaArchive;
  let day: string;
  beforeAll(async () => {
    a = await makeMediaArchive();
    const leader = await userWith(a.t, a.custodian, 'leader', ['township_leader'], '周乡长');
    const seg = a.mediaIdOf('segment', 0);
    const recordingId = (await a.t.call(a.custodian, 'media.get', { id: seg })).recordingId!;
    const req = await a.t.call(a.officer, 'access.request', { type: 'case', scope: { kind: 'recording', id: recordingId }, reason: '查办占道经营案，核对现场录像' });
    await approve(a.t, leader.client, req.id);
    await grant(a.t, a.chief, a.chief, 'work', { kind: 'media', id: a.mediaIdOf('photo') });
    expect(await viewStatus(a.t, a.officer, seg)).toBe(206);
    expect(await viewStatus(a.t, a.officer, seg)).toBe(206);
    expect(await viewStatus(a.t, a.chief, a.mediaIdOf('photo'))).toBe(206);
    day = a.t.clock.now().toISOString().slice(0, 10);
  }, 180_000);
  afterAll(() => a.t.cleanup());

  it('one row per viewing session, with the request type, reason and approver', async () => {
    const page = await a.t.call(a.custodian, 'register.list', { from: day, to: day });
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ viewer: { login: 'officer1' }, requestType: 'case', reason: '查办占道经营案，核对现场录像', approver: { login: 'leader', displayName: '周乡长' } });
    expect(page.items[1]).toMatchObject({ viewer: { login: 'chief' }, requestType: 'work', approver: { login: 'chief' } });
    expect((await a.t.call(a.custodian, 'register.list', { from: '2000-01-01', to: '2000-01-02' })).total).toBe(0);
    expect(await a.t.raw(a.custodian, 'register.list', { from: day, to: '2000-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('prints the 查阅登记表 for a period, audited; it renders in LibreOffice where installed', async () => {
    const file = await a.t.call(a.custodian, 'register.docx', { from: day, to: day });
    expect(file.fileName).toBe(`viewing-register-${day}-${day}.docx`);
    const docx = readFileSync(path.join(a.t.root, 'forms', file.fileName));
    const xml = unzipEntry(docx, 'word/document.xml')!.toString('utf8');
    for (const s of ['执法记录仪视听资料查阅登记表', '赵警员', '周乡长', '办案查阅', '工作查阅']) expect(xml).toContain(s);
    const audit = await a.t.call(a.custodian, 'audit.list', { action: 'form.viewing_register' });
    expect(audit.entries[0]!.details).toMatchObject({ rows: 2, sha256: file.sha256 });
    if (!hasTool('soffice') || !hasTool('pdftotext', ['-v'])) {
      console.log('LibreOffice or pdftotext not installed: DOCX rendering not checked');
      return;
    }
    const out = tempDir('ew-register-');
    const pdf = docxToPdf({ register: docx }, out).register!;
    const text = squash(pdfText(pdf));
    for (const s of ['查阅登记表', '赵警员', '周乡长', '查办占道经营案', '办案查阅']) expect(text).toContain(s);
    console.log(`register proof: ${proofPng(pdf, path.resolve('test-results/register-proof'))}`);
  }, 240_000);
});
