import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { officeSuite } from '../../support/office-suite';
import { DEVICE_REGISTER_TITLE } from '../../../main/forms';
import { docxBlocks, docxPart, paragraphsIn, tableStartingWith } from '../forms/docx-read';
import { docxToPdf, onPaperCheck, pdfPageTexts, pdfToolsMissing, proofPngs } from '../forms/proof';
import { auditRows, careOffice, TINY_PNG } from './care-support';

const PROOF_DIR = fileURLToPath(new URL('../../../test-results/forms', import.meta.url));

// The device register (执法记录仪登记簿) printed from a real archive: status and wearer of every recorder, the
// keeper, and each recorder's history, read back from word/document.xml; printed through LibreOffice where installed.
describe('device register DOCX', () => {
  const o = officeSuite(async () => {
    const office = await careOffice();
    const { t, keeper, chief, officerId, recorders } = office;
    await t.call(chief, 'devices.designateKeeper', { userId: office.keeperUserId });
    await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId, from: '2026-11-18T00:30:00.000Z' });
    await t.call(keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.a, noFault: true, battery: false, storage: true, clock: true, note: '电池鼓包' }] });
    const i = await t.call(keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'lost', occurredAt: '2026-11-19T08:00:00.000Z', description: '执法现场遗失' });
    const scanned = await t.call(keeper, 'devices.attachStatement', { incidentId: i.id, fileName: '说明.png', dataBase64: TINY_PNG.toString('base64') });
    const sha = scanned.statements[0]!.sha256;
    await t.call(chief, 'devices.decideIncident', { incidentId: i.id, decision: 'compensate', note: '折价赔偿' });
    const p = await t.call(keeper, 'devices.sendRepair', { recorderId: recorders.b, fault: '按键失灵', repairer: '县维修站', sentAt: '2026-11-19T01:00:00.000Z' });
    await t.call(keeper, 'devices.returnRepair', { repairId: p.id, result: 'repaired', note: '更换按键' });
    const saved = await t.call(chief, 'devices.registerDocx');
    expect(saved.fileName).toBe('记录仪登记簿-20261120.docx');
    const docx = readFileSync(path.join(t.services.archive.open().paths.forms, saved.fileName));
    const blocks = docxBlocks(docxPart(docx));
    expect(auditRows(t, 'form.device_register')[0]?.details).toMatchObject({ fileName: saved.fileName, sha256: saved.sha256, recorders: 2 });
    return { ...office, docx, blocks, sha };
  }, 120_000);

  it('lists every recorder with its status, wearer and last check, and names the keeper', () => {
    expect(paragraphsIn(o.blocks)[0]).toBe(DEVICE_REGISTER_TITLE);
    const sub = tableStartingWith(o.blocks, `单位：某某镇综合行政执法大队\u3000\u3000保管人：赵保管（2026-11-20 起）`);
    expect(sub[0]?.[1]).toMatch(/^编号：SB-[0-9A-F]{8}$/);
    const register = tableStartingWith(o.blocks, '序号', '记录仪编号');
    expect(register.slice(1)).toEqual([
      ['1', 'DSJ-A01', '执法通 A8', '—', '丢失', '—', '2026-11-20 电量充足：否', ''],
      ['2', 'DSJ-B02', '执法通 A8', '—', '在用', '—', '未检查', ''],
    ]);
  });

  it('prints each recorder’s history: wearer, failed check, loss with wearer and statement hash, decision, repair', () => {
    const history = tableStartingWith(o.blocks, '记录仪编号', '时间', '事项');
    expect(history.slice(1)).toEqual([
      ['DSJ-A01', '2026-11-18 08:30', '领用', '张三（310115）领用', '—'],
      ['DSJ-A01', '2026-11-19 16:00', '领用结束', '张三（310115）', '—'],
      ['DSJ-A01', '2026-11-19 16:00', '丢失', `佩戴人：张三（310115）；经过：执法现场遗失；扫描件 recorder-incident-1-1.png SHA-256 ${o.sha}`, '赵保管'],
      ['DSJ-A01', '2026-11-20 10:00', '检查未通过', '2026-11-20 使用前检查：电量充足：否；电池鼓包', '赵保管'],
      ['DSJ-A01', '2026-11-20 10:00', '赔偿决定', '按规定赔偿：折价赔偿', '李队长'],
      ['DSJ-B02', '2026-11-19 09:00', '送修', '故障：按键失灵；送修至：县维修站', '赵保管'],
      ['DSJ-B02', '2026-11-20 10:00', '维修返回', '已修复：更换按键', '赵保管'],
    ]);
    expect(paragraphsIn(o.blocks).some((p) => p.includes('共登记记录仪 2 台：在用 1 台，维修 0 台，丢失 1 台，报废 0 台'))).toBe(true);
  });

  it.skipIf(pdfToolsMissing() !== null)('prints through LibreOffice with every cell on paper', () => {
    const pdf = docxToPdf({ 'device-register': o.docx }, PROOF_DIR)['device-register']!;
    const pages = pdfPageTexts(pdf);
    expect(onPaperCheck(o.blocks, pages).missing).toEqual([]);
    expect(proofPngs(pdf, PROOF_DIR).length).toBeGreaterThan(0);
  }, 180_000);
});
