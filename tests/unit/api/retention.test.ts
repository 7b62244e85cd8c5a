// Retention and disposal through the API (issue 12 item 4, rules art. 11(3)), on a real ingested archive: what may
// not be disposed of is refused when asked, approved and executed; an executed disposal removes the bytes, keeps the
// row and leaves a record OpenSSL verifies; `verify` names the file disposed and still alarms at a hand-deleted one.
import { existsSync } from 'node:fs';
import { chmod, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, type Client } from '../../../main/api';
import { opensslCmsVerify } from '../../support/cms';
import { tempDir } from '../../support/services';
import { BACKUP_MANIFEST } from '../../../main/backup';
import { runInProcess } from '../cli/run-cli';
import { makeMediaArchive, type MediaArchive } from './media-fixture';

const DAY_MS = 24 * 3600 * 1000;

describe('retention and disposal (art. 11(3))', () => {
  let m: MediaArchive;
  let boss: Client;
  let young: number, inCase: number, held: number, secret: number, first: number, second: number, handDeleted: number;

  /** Sessions end when idle; the test moves the clock by months. */
  async function relogin() {
    await m.t.call(m.custodian, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    await m.t.call(m.chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    await m.t.call(boss, 'session.login', { login: 'boss', password: 'boss-pass-12' });
  }
  const storedPath = (id: number) =>
    (m.t.services.archive.open().db.prepare('SELECT stored_path FROM media WHERE id = ?').get(id) as { stored_path: string }).stored_path;
  const nameOf = (id: number) =>
    (m.t.services.archive.open().db.prepare('SELECT original_name FROM media WHERE id = ?').get(id) as { original_name: string }).original_name;
  const abs = (id: number) => path.join(m.t.root, ...storedPath(id).split('/'));
  const code = async (c: Client, method: string, input: unknown) => {
    const r = await m.t.raw(c, method, input);
    return r.ok ? 'ok' : r.error.code;
  };

  beforeAll(async () => {
    m = await makeMediaArchive();
    await m.t.call(m.custodian, 'users.create', { login: 'boss', displayName: '周兼职', badgeNo: null, password: 'initial-pass', roles: ['chief', 'custodian'] });
    boss = m.t.client('boss');
    await m.t.call(boss, 'session.login', { login: 'boss', password: 'initial-pass' });
    await m.t.call(boss, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'boss-pass-12' });
    young = m.mediaIdOf('segment', 0);
    inCase = m.mediaIdOf('no_audio');
    held = m.mediaIdOf('photo');
    secret = m.mediaIdOf('hevc');
    first = m.mediaIdOf('segment', 1);
    second = m.mediaIdOf('audio');
    handDeleted = m.mediaIdOf('chinese_name');
  }, 240_000);
  afterAll(() => m?.t.cleanup());

  it('refuses footage younger than three months, on the day and on the day before its keep-until day', async () => {
    const r = await m.t.raw(m.custodian, 'disposals.request', { mediaIds: [young], reason: '到期' });
    expect(r.ok ? 'ok' : r.error.code).toBe('DISPOSAL_REFUSED');
    expect(r.ok ? '' : r.error.message).toMatch(/未到保存期限（保存至 2024-08-20）/);
    const page = await m.t.call(m.chief, 'retention.list', { view: 'kept' });
    expect(page.today).toBe('2024-05-20');
    expect(page.counts.due).toBe(0);
    expect(page.items.find((i) => i.mediaId === young)).toMatchObject({ keepUntil: '2024-08-20', basis: 'minimum' });
    // The evening before the keep-until day (office time), still refused.
    m.t.clock.current = new Date('2024-08-19T15:59:00Z');
    await relogin();
    expect(await code(m.custodian, 'disposals.request', { mediaIds: [young], reason: '到期' })).toBe('DISPOSAL_REFUSED');
    // From midnight of the keep-until day, office time (16:00 UTC), it is due.
    m.t.clock.current = new Date('2024-08-19T16:00:00Z');
    await relogin();
    const due = await m.t.call(m.chief, 'retention.list', { view: 'due' });
    expect(due.today).toBe('2024-08-20');
    expect(due.items.find((i) => i.mediaId === young)).toMatchObject({ keepUntil: '2024-08-20', refusal: null });
  });

  it('after three months lists the due footage with why, and refuses case-linked, held and classified footage', async () => {
    m.t.clock.current = new Date(m.vol.dockedAt.getTime() + 100 * DAY_MS);
    await relogin();
    const c = await m.t.call(m.custodian, 'cases.create', { number: 'ZF-2024-7', title: '占道经营' });
    await m.t.call(m.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [inCase] });
    const [hold] = await m.t.call(m.chief, 'retention.hold', { mediaIds: [held], kind: 'investigation', reason: '信访调查中' });
    await m.t.call(m.chief, 'media.classify', { id: secret, classification: 'privacy' });

    for (const [id, why] of [
      [inCase, /案件尚在办理中/],
      [held, /保留/],
      [secret, /涉密/],
    ] as const) {
      const r = await m.t.raw(m.custodian, 'disposals.request', { mediaIds: [first, id], reason: '到期' });
      expect(r.ok ? 'ok' : r.error.code).toBe('DISPOSAL_REFUSED');
      expect(r.ok ? '' : r.error.message).toMatch(why);
    }
    const due = await m.t.call(m.custodian, 'retention.list', { view: 'due' });
    expect(due.items.find((i) => i.mediaId === first)).toMatchObject({ keepUntil: '2024-08-20', refusal: null, basis: 'minimum' });
    const heldView = await m.t.call(m.custodian, 'retention.list', { view: 'held' });
    expect(heldView.items.filter((i) => [inCase, held, secret].includes(i.mediaId)).map((i) => [i.mediaId, i.basis, i.keepUntil])).toEqual(
      expect.arrayContaining([
        [inCase, 'case_open', null],
        [held, 'hold', null],
        [secret, 'classified', null],
      ]),
    );
    // Closing the case keeps its footage the office's case retention past the closing day (office time).
    const office = await m.t.call(m.custodian, 'office.update', { caseRetentionMonths: 6 });
    expect(office.caseRetentionMonths).toBe(6);
    await m.t.call(m.custodian, 'cases.update', { id: c.id, status: 'closed' });
    const kept = await m.t.call(m.custodian, 'retention.list', { view: 'kept' });
    expect(kept.items.find((i) => i.mediaId === inCase)).toMatchObject({ basis: 'case_closed', keepUntil: '2025-02-28' });
    expect(await code(m.custodian, 'disposals.request', { mediaIds: [inCase], reason: '到期' })).toBe('DISPOSAL_REFUSED');
    // A hold is released only with a reason, and audited both ways.
    expect(await code(m.chief, 'retention.release', { id: hold!.id, reason: ' ' })).toBe('INVALID_INPUT');
    expect(await code(m.custodian, 'retention.release', { id: hold!.id, reason: '结束' })).toBe('FORBIDDEN');
    const audit = await m.t.call(m.chief, 'audit.list', { action: 'retention.hold' });
    expect(audit.entries[0]?.details).toMatchObject({ kind: 'investigation', reason: '信访调查中', mediaIds: [held] });
  });

  it('an approved disposal carried out by another person removes the bytes, keeps the row and leaves a signed record', async () => {
    const req = await m.t.call(m.custodian, 'disposals.request', { mediaIds: [first, second], reason: '超过保存期限，无案件关联' });
    expect(req.state).toBe('requested');
    expect(req.items.map((i) => i.mediaId).sort()).toEqual([first, second].sort());
    expect(await code(m.custodian, 'disposals.request', { mediaIds: [first], reason: '再次' })).toBe('DISPOSAL_PENDING');
    // Forged or premature steps.
    expect(await code(m.custodian, 'disposals.execute', { id: req.id })).toBe('DISPOSAL_NOT_APPROVED');
    expect(await code(m.custodian, 'disposals.decide', { id: req.id, approve: true, itemsFingerprint: req.itemsSha256 })).toBe('FORBIDDEN');
    expect(await code(m.chief, 'disposals.decide', { id: req.id, approve: true })).toBe('INVALID_INPUT');
    expect(await code(m.chief, 'disposals.decide', { id: req.id, approve: true, itemsFingerprint: 'f'.repeat(64) })).toBe('ITEMS_CHANGED');
    expect(await code(m.chief, 'disposals.decide', { id: req.id, approve: false })).toBe('INVALID_INPUT');
    expect(await code(m.chief, 'disposals.recordDocx', { id: req.id })).toBe('NOT_FOUND');

    // The same person cannot approve and carry out: boss (chief and custodian) approves, then may not execute.
    await m.t.call(boss, 'disposals.decide', { id: req.id, approve: true, itemsFingerprint: req.itemsSha256 });
    expect(await code(boss, 'disposals.execute', { id: req.id })).toBe('SAME_PERSON');
    expect(await code(m.chief, 'disposals.decide', { id: req.id, approve: false, reason: '晚了' })).toBe('DISPOSAL_DECIDED');

    // Re-checked at execution time: a hold set after the approval stops it.
    const [late] = await m.t.call(m.chief, 'retention.hold', { mediaIds: [first], kind: 'chief', reason: '当事人提出异议' });
    expect(await code(m.custodian, 'disposals.execute', { id: req.id })).toBe('DISPOSAL_REFUSED');
    await m.t.call(m.chief, 'retention.release', { id: late!.id, reason: '异议已处理' });

    const paths = [storedPath(first), storedPath(second)];
    expect(paths.every((p) => existsSync(path.join(m.t.root, ...p.split('/'))))).toBe(true);
    const done = await m.t.call(m.custodian, 'disposals.execute', { id: req.id });
    expect(done).toMatchObject({ state: 'executed', executedBy: OFFICE_ADMIN_NAME, decidedBy: '周兼职', recordFile: '销毁记录-0001.docx' });
    for (const p of paths) expect(existsSync(path.join(m.t.root, ...p.split('/')))).toBe(false);
    // Row, hash and metadata stay.
    const detail = await m.t.call(m.chief, 'media.get', { id: first });
    expect(detail.sha256).toBe(req.items.find((i) => i.mediaId === first)!.sha256);
    const disposed = await m.t.call(m.chief, 'retention.list', { view: 'disposed' });
    expect(disposed.items.map((i) => i.mediaId).sort()).toEqual([first, second].sort());

    // The record: a DOCX listing each file with its SHA-256, signed (CMS) so that OpenSSL verifies it.
    const file = await m.t.call(m.chief, 'disposals.recordDocx', { id: req.id });
    const docx = path.join(m.t.root, 'forms', file.fileName);
    expect(file.sha256).toBe(done.recordSha256);
    const v = opensslCmsVerify({ signature: `${docx}.p7s`, content: docx, caFile: path.join(m.t.root, 'certs', 'office-ca.pem'), at: m.t.clock.now() });
    expect(v.out).toMatch(/Verification successful/);
    expect(v.ok).toBe(true);
    const xml = await unzipDocumentXml(docx);
    for (const i of req.items) expect(xml).toContain(i.sha256.slice(0, 32));

    const audit = await m.t.call(m.chief, 'audit.list', { action: 'disposal.execute' });
    expect(audit.entries[0]?.details).toMatchObject({ recordFile: '销毁记录-0001.docx', recordSha256: done.recordSha256 });
    // Executing again only finishes a removal a crash may have left; nothing changes.
    expect((await m.t.call(m.custodian, 'disposals.execute', { id: req.id })).executedAt).toBe(done.executedAt);
  });

  it('the library shows a disposed original as 已销毁 with its record, the media route answers 410 in Chinese, a disc with it is refused', async () => {
    const executedAt = (m.t.services.archive.open().db.prepare("SELECT executed_at FROM disposals WHERE id = 1").get() as { executed_at: string }).executed_at;
    const page = await m.t.call(m.chief, 'library.search', { limit: 200 });
    const row = page.items.find((i) => i.id === first)!;
    expect(row.disposed).toEqual({ disposalId: 1, number: 'XH-0001', at: executedAt });
    // No poster and nothing to play: the bytes are gone.
    expect(row.hasThumb).toBe(false);
    expect(page.items.find((i) => i.id === young)!.disposed).toBeNull();
    expect((await m.t.call(m.chief, 'media.get', { id: second })).disposed).toMatchObject({ number: 'XH-0001' });

    for (const suffix of ['', '/preview', '/thumb']) {
      const r = await handleMediaRequest(m.t.services, new Request(`http://127.0.0.1/media/${first}${suffix}`), m.sessionOf(m.chief));
      expect(r.status).toBe(410);
      expect(await r.text()).toMatch(/^该资料已于 \d{4}-\d{2}-\d{2} 按销毁记录 XH-0001 销毁，原始文件已不存在，无法播放$/);
    }
    // Not a viewing: nothing was shown.
    const viewings = m.t.services.archive.open().db.prepare('SELECT COUNT(*) AS n FROM viewings WHERE media_id = ?').get(first) as { n: number };
    expect(viewings.n).toBe(0);

    // Nor does it join a case (the store refuses it too), named in words rather than an internal error.
    const c = await m.t.call(m.custodian, 'cases.create', { number: 'ZF-2024-9', title: '旧案补刻' });
    const added = await m.t.raw(m.custodian, 'cases.addItems', { caseId: c.id, mediaIds: [young, first] });
    expect(added.ok ? 'ok' : added.error.code).toBe('MEDIA_DISPOSED');
    expect(added.ok ? '' : added.error.message).toBe(`视听资料“${nameOf(first)}”已按销毁记录 XH-0001 销毁，不能加入案件`);
  });

  it('a backup after the disposal leaves the disposed originals out and still checks whole', async () => {
    const target = tempDir('ew-target-');
    const targetSourceId = m.t.services.sources.addFolder(target).id;
    const r = await m.t.call(m.custodian, 'backup.run', { targetSourceId });
    expect(r.verified).toBe(true);
    expect(r.problems).toEqual([]);
    const manifest = await readFile(path.join(r.folder, BACKUP_MANIFEST), 'utf8');
    for (const id of [first, second]) expect(manifest).not.toContain(storedPath(id));
    expect(manifest).toContain(storedPath(young));
  });

  it('the store refuses marking another original disposed by a direct UPDATE, even naming the executed record', () => {
    const db = m.t.services.archive.open().db;
    const d = db.prepare("SELECT id, executed_at FROM disposals WHERE state = 'executed'").get() as { id: number; executed_at: string };
    expect(() => db.prepare('UPDATE media SET disposal_id = ?, disposed_at = ? WHERE id = ?').run(d.id, d.executed_at, handDeleted)).toThrow(/executed disposal record/);
  });

  it('integrity and `verify` report the disposed files as disposed with their record, exit 0; a file deleted by hand is an alarm, exit 1', async () => {
    const report = await m.t.call(m.custodian, 'integrity.check', {});
    expect(report.ok).toBe(true);
    expect(report.missing).toBe(0);
    expect(report.checked).toBe(m.ingest.filesStored - 2);
    expect(report.disposed.map((d) => [d.mediaId, d.recordFile, d.bytesPresent]).sort()).toEqual(
      [[first, '销毁记录-0001.docx', false], [second, '销毁记录-0001.docx', false]].sort(),
    );
    m.t.services.archive.close();
    const ok = await runInProcess(['verify', '--archive', m.t.root], { clock: m.t.clock });
    expect(ok.stdout).toMatch(/0 missing/);
    expect(ok.stdout).toMatch(/2 disposed/);
    expect(ok.stdout).toContain(`DISPOSED ${storedPath(first)}`);
    expect(ok.stdout).toMatch(/record forms\/销毁记录-0001\.docx/);
    expect(ok.code).toBe(0);

    await chmod(abs(handDeleted), 0o644);
    await unlink(abs(handDeleted));
    const bad = await runInProcess(['verify', '--archive', m.t.root], { clock: m.t.clock });
    expect(bad.stdout).toMatch(/1 missing/);
    expect(bad.stdout).toContain(`PROBLEM [missing] ${storedPath(handDeleted)}`);
    expect(bad.code).toBe(1);
  });

  it('bytes a crash left behind after the disposal committed are named, and executing again removes them', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(abs(first)), { recursive: true });
    await writeFile(abs(first), 'left behind');
    const before = await runInProcess(['verify', '--archive', m.t.root], { clock: m.t.clock });
    expect(before.stdout).toContain(`WARNING [disposal] ${storedPath(first)}: disposed but its bytes are still on disk`);
    await relogin();
    const d = await m.t.call(m.chief, 'disposals.list');
    await m.t.call(m.custodian, 'disposals.execute', { id: d[0]!.id });
    expect(existsSync(abs(first))).toBe(false);
    const after = await m.t.call(m.custodian, 'integrity.check', {});
    expect(after.disposed.every((x) => !x.bytesPresent)).toBe(true);
    const audit = await m.t.call(m.chief, 'audit.list', { action: 'disposal.bytes_removed' });
    expect(audit.entries[0]?.details).toMatchObject({ removed: 1, resumed: true });
    m.t.services.archive.close();
  });

  it('a disposal record changed on disk is an alarm too', async () => {
    const docx = path.join(m.t.root, 'forms', '销毁记录-0001.docx');
    const bytes = await readFile(docx);
    await chmod(docx, 0o644);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(docx, Buffer.concat([bytes, Buffer.from('x')]));
    const r = await runInProcess(['verify', '--archive', m.t.root, '--json'], { clock: m.t.clock });
    const originals = (JSON.parse(r.stdout) as { originals: { problems: { kind: string; path: string }[] } }).originals;
    expect(originals.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'disposal_record', path: 'forms/销毁记录-0001.docx' })]));
    expect(r.code).toBe(1);
  });

  it('a closed case whose footage was disposed of after the case retention cannot be put on a disc: the file is named', async () => {
    // ZF-2024-7 was closed with six months of case retention: its file is kept until 2025-02-28, then disposed of.
    m.t.clock.current = new Date('2025-03-01T02:00:00Z');
    await relogin();
    const req = await m.t.call(m.custodian, 'disposals.request', { mediaIds: [inCase], reason: '结案后保存期满' });
    await m.t.call(boss, 'disposals.decide', { id: req.id, approve: true, itemsFingerprint: req.itemsSha256 });
    const done = await m.t.call(m.custodian, 'disposals.execute', { id: req.id });
    const number = `XH-${String(done.id).padStart(4, '0')}`;
    const caseId = (m.t.services.archive.open().db.prepare("SELECT id FROM cases WHERE number = 'ZF-2024-7'").get() as { id: number }).id;
    for (const mediaType of ['DVD-R', 'BD-R'] as const) {
      const plan = await m.t.raw(m.custodian, 'discs.plan', { caseId, mediaType });
      expect(plan.ok ? 'ok' : plan.error.code).toBe('MEDIA_DISPOSED');
      expect(plan.ok ? '' : plan.error.message).toBe(`视听资料“${nameOf(inCase)}”已按销毁记录 ${number} 销毁，原始文件已不存在，不能刻盘`);
    }
  });
});

const OFFICE_ADMIN_NAME = '王管理';

/** word/document.xml of a .docx, by bsdtar (installed with the tools the tests use). */
async function unzipDocumentXml(docx: string): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('bsdtar', ['-xOf', docx, 'word/document.xml'], { encoding: 'utf8' });
}
