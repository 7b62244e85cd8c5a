// Issue 10 item 14 (certificates): a password reset or a disabled account revokes the person's
// certificates. Whoever still holds the old key (and the old password that unlocks it) can go on making
// signatures that chain to the office CA; every check the program makes must refuse those made after the
// revocation and keep those made before it. Each attack below signs with the old key at a later clock.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeVerifier } from '../../../main/api/signing';
import { certificateInfo, decryptPrivateKey, signDetached, type Pem } from '../../../main/crypto';
import { dayRelDir, MANIFEST_NAME, SIGNATURE_NAME } from '../../../main/ingest';
import { runInProcess } from '../cli/run-cli';
import { makeDiscWorld, signedForm, type DiscWorld } from './discs-fixture';

const HOUR = 3600_000;

interface OldKey {
  certPem: Pem;
  privateKeyPem: Pem;
  serial: string;
}

describe('a revoked signer', () => {
  let w: DiscWorld;
  let formId: number;
  let officerKey: OldKey;
  let custodianKey: OldKey;
  let resetAt: Date;
  let disabledAt: Date;
  const ids: Record<string, number> = {};

  const db = () => w.t.services.archive.open().db;
  const userRow = (login: string) => db().prepare('SELECT id, private_key_enc, cert_pem FROM users WHERE login = ?').get(login) as { id: number; private_key_enc: string; cert_pem: string };
  const keyOf = (login: string, password: string): OldKey => {
    const r = userRow(login);
    return { certPem: r.cert_pem as Pem, privateKeyPem: decryptPrivateKey(r.private_key_enc as Pem, password), serial: certificateInfo(r.cert_pem as Pem).serialHex };
  };
  const caPem = () => w.t.services.archive.office().caCertPem as Pem;
  const signAs = (key: OldKey, content: Buffer, at: Date) => signDetached({ content, signer: key, chain: [caPem()], signingTime: at });

  beforeAll(async () => {
    w = await makeDiscWorld();
    formId = await signedForm(w);
    officerKey = keyOf('zhangsan', 'officer-pass-2');
    ids.officer = userRow('zhangsan').id;
    // The custodian seals the ingest day at his login the next morning; the others log in again too.
    w.t.clock.advance(24 * HOUR);
    await w.t.call(w.custodian, 'session.login', { login: 'wangbg', password: 'custodian-pass-2' });
    await w.t.call(w.admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    custodianKey = keyOf('wangbg', 'custodian-pass-2');
    ids.custodian = userRow('wangbg').id;

    // Steps shorter than the idle logout (30 minutes), so the sessions above stay open.
    const STEP = 20 * 60_000;
    w.t.clock.advance(STEP);
    resetAt = w.t.clock.now();
    await w.t.call(w.admin, 'users.resetPassword', { id: ids.officer, newPassword: 'officer-new-1' });
    w.t.clock.advance(STEP);
    disabledAt = w.t.clock.now();
    await w.t.call(w.admin, 'users.update', { id: ids.custodian, disabled: true });
    w.t.clock.advance(STEP);
    await w.t.call(w.chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
  }, 240_000);
  afterAll(() => w.t.cleanup());

  it('the reset and the disabling are recorded as revocations, each audited with the serials', async () => {
    const rows = db().prepare('SELECT serial_hex, user_id, revoked_at, reason, revoked_by FROM cert_revocations ORDER BY revoked_at').all();
    const adminId = userRow('admin').id;
    expect(rows).toEqual([
      { serial_hex: officerKey.serial, user_id: ids.officer, revoked_at: resetAt.toISOString(), reason: 'password_reset', revoked_by: adminId },
      { serial_hex: custodianKey.serial, user_id: ids.custodian, revoked_at: disabledAt.toISOString(), reason: 'account_disabled', revoked_by: adminId },
    ]);
    const audit = (await w.t.call(w.admin, 'audit.list', { limit: 500 })).entries;
    expect(audit.find((e) => e.action === 'user.reset_password')?.details).toMatchObject({ revokedCertSerials: [officerKey.serial] });
    expect(audit.find((e) => e.action === 'user.update' && e.target === `user:${ids.custodian}`)?.details).toMatchObject({ revokedCertSerials: [custodianKey.serial] });
  });

  describe('signatures by the old key, at times around the revocation', () => {
    const content = Buffer.from('任何内容', 'utf8');
    const cases: [string, number, boolean][] = [
      ['an hour before', -HOUR, true],
      ['a second before', -1000, true],
      ['in the same second', 0, false],
      ['a second after', 1000, false],
      ['an hour after', HOUR, false],
      ['a year after', 365 * 24 * HOUR, false],
    ];
    for (const [when, offset, good] of cases) {
      it(`password reset, ${when}: ${good ? 'valid' : 'refused'}`, () => {
        const check = officeVerifier(w.t.services)(content, signAs(officerKey, content, new Date(resetAt.getTime() + offset)));
        expect(check.ok).toBe(good);
        if (!good) expect(check.reason).toMatch(new RegExp(`^signer certificate ${officerKey.serial} was revoked at ${resetAt.toISOString()} \\(password reset, new key issued\\); this signature was made at .*, not before that$`));
      });
      it(`account disabled, ${when}: ${good ? 'valid' : 'refused'}`, () => {
        const check = officeVerifier(w.t.services)(content, signAs(custodianKey, content, new Date(disabledAt.getTime() + offset)));
        expect(check.ok).toBe(good);
        if (!good) expect(check.reason).toContain('(account disabled)');
      });
    }
  });

  it('record form: the officer signature made before the reset still verifies; one forged after it does not', async () => {
    expect((await w.t.call(w.chief, 'forms.recordGet', { id: formId })).signatures.map((s) => [s.role, s.verified])).toEqual([
      ['officer', true],
      ['chief', true],
    ]);
    // The insider re-signs the same content with the old key and puts it in place of the real signature.
    const sig = db().prepare("SELECT id, form_id FROM record_form_signatures WHERE form_id = ? AND role = 'officer'").get(formId) as { id: number };
    const form = await w.t.call(w.chief, 'forms.recordGet', { id: formId });
    const content = readFileSync(path.join(w.t.root, 'forms', form.contentFile));
    db().exec('DROP TRIGGER record_form_signatures_fixed');
    db().prepare('UPDATE record_form_signatures SET signature = ? WHERE id = ?').run(signAs(officerKey, content, w.t.clock.now()), sig.id);
    const after = await w.t.call(w.chief, 'forms.recordGet', { id: formId });
    expect(after.signatures.map((s) => [s.role, s.verified])).toEqual([
      ['officer', false],
      ['chief', true],
    ]);
  });

  it('day manifest: signed at ingest it stays valid; re-signed with the old key after the disabling it is a problem', async () => {
    expect(await w.t.call(w.chief, 'integrity.check', {})).toMatchObject({ ok: true, manifestProblems: 0 });
    const dir = path.join(w.t.root, dayRelDir('2026-11-26'));
    const manifest = readFileSync(path.join(dir, MANIFEST_NAME));
    writeFileSync(path.join(dir, SIGNATURE_NAME), signAs(custodianKey, manifest, w.t.clock.now()));
    const report = await w.t.call(w.chief, 'integrity.check', {});
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'manifest', message: expect.stringMatching(/日清单签名无效：signer certificate .* was revoked at .* \(account disabled\)/) }),
    ]);
  });

  it('day seal: sealed before the disabling it verifies; re-signed with the old key after it, audit.verify says so', async () => {
    const seal = db().prepare('SELECT day, content, signer_id FROM audit_seals WHERE signer_id = ?').get(ids.custodian) as { day: string; content: string } | undefined;
    expect(seal, 'the custodian sealed a day at his login').toBeDefined();
    expect((await w.t.call(w.chief, 'audit.verify')).problems).toEqual([]);
    const forged = signAs(custodianKey, Buffer.from(seal!.content, 'utf8'), w.t.clock.now());
    db().exec('DROP TRIGGER audit_seals_never_changed');
    db().prepare('UPDATE audit_seals SET signature = ? WHERE day = ?').run(forged, seal!.day);
    writeFileSync(path.join(w.t.root, 'seals', `${seal!.day}.json.p7s`), forged);
    const report = await w.t.call(w.chief, 'audit.verify');
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'seal_invalid', message: expect.stringMatching(/was revoked at .* \(account disabled\)/) }));
    // `evidence verify --archive DIR`, with no login, checks the same way.
    const cli = await runInProcess(['verify', '--archive', w.t.root], { clock: w.t.clock });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`PROBLEM \\[seal_invalid\\] .*the seal of ${seal!.day} does not verify: signer certificate ${custodianKey.serial} was revoked at`));
  });

  it('a disabled account comes back only through a password reset: a new key and certificate, the old ones stay revoked', async () => {
    expect(await w.t.raw(w.admin, 'users.update', { id: ids.custodian, disabled: false })).toMatchObject({ ok: false, error: { code: 'REENABLE_NEEDS_RESET' } });
    const back = await w.t.call(w.admin, 'users.resetPassword', { id: ids.custodian, newPassword: 'custodian-new-1' });
    expect(back.disabled).toBe(false);
    const fresh = await w.t.call(w.custodian, 'session.login', { login: 'wangbg', password: 'custodian-new-1' });
    expect(fresh.mustChangePassword).toBe(true);
    const now = keyOf('wangbg', 'custodian-new-1');
    expect(now.serial).not.toBe(custodianKey.serial);
    const content = Buffer.from('重新启用后', 'utf8');
    expect(officeVerifier(w.t.services)(content, signAs(now, content, w.t.clock.now())).ok).toBe(true);
    expect(officeVerifier(w.t.services)(content, signAs(custodianKey, content, w.t.clock.now())).ok).toBe(false);
    const revocations = db().prepare('SELECT serial_hex, reason FROM cert_revocations WHERE user_id = ?').all(ids.custodian);
    expect(revocations).toEqual([{ serial_hex: custodianKey.serial, reason: 'account_disabled' }]);
    const reset = (await w.t.call(w.admin, 'audit.list', { limit: 500 })).entries.find((e) => e.action === 'user.reset_password' && e.target === `user:${ids.custodian}`);
    expect(reset?.details).toMatchObject({ reenabled: true, revokedCertSerials: [] });
  });
});
