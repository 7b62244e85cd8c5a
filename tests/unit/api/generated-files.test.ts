import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../main/api';
import type { Role } from '../../../main/common';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { makeOfficeApi, tempDir, type TestApi } from '../../support/services';
import { rawRequest } from '../host/raw-http';

/**
 * Generated documents (issue 10 items 9 and 10): served by the browser host and opened by the desktop program only
 * to the roles of the method that made them, each one audited; nothing else in forms/ leaves by this door.
 */
const TOKEN = 'generated-files-token';
const ROLES: Role[] = ['officer', 'custodian', 'chief', 'township_leader', 'admin'];

/** Each kind of generated document, a file of that kind, and the roles of the method that makes it. */
const KINDS: [kind: string, fileName: string, roles: Role[]][] = [
  ['handover sheet (ingest.handoverSheet)', '交接登记表-20261127-001.docx', ['custodian', 'chief', 'admin']],
  ['weekly report (weekly.run)', 'weekly-2026-11-16.docx', ['custodian']],
  ['weekly report signature (weekly.run)', 'weekly-2026-11-16.docx.p7s', ['custodian']],
  ['viewing register (register.docx)', '查阅登记表-20261101-20261120.docx', ['custodian', 'chief', 'township_leader']],
  ['record form (forms.recordDocx)', '记录表-2026-001.docx', ['officer', 'custodian', 'chief']],
];

describe('generated documents', () => {
  let t: TestApi;
  let host: BrowserHost;
  let forms: string;
  let admin: Client;
  const clientOf = (role: Role) => `client-${role}`;
  const headers = (client: string): Record<string, string> => ({ Authorization: `Bearer ${TOKEN}`, 'X-Evidence-Client': client });

  async function hostCall(client: string, method: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
    const r = await fetch(`${host.url}/api/${method}`, { method: 'POST', headers: { ...headers(client), 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    return (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  }
  // Non-ASCII is sent percent-encoded, as a browser sends it; everything else in the tables below is the raw path.
  const download = (client: string, name: string) => rawRequest(host.url, `/forms/${name.replace(/[^\x20-\x7e]+/g, encodeURIComponent)}`, headers(client));
  const auditRows = (action: string) =>
    t.services.archive.open().db.prepare('SELECT actor_login, target, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
      actor_login: string;
      target: string;
      details: string;
    }[];

  beforeAll(async () => {
    ({ t, admin } = await makeOfficeApi());
    host = await startBrowserHost({ services: t.services, staticDir: tempDir(), token: TOKEN });
    // One account per role, logged in through the host, initial password changed.
    for (const role of ROLES) {
      await t.call(admin, 'users.create', { login: `u-${role}`, displayName: role, badgeNo: null, password: 'initial-pass', roles: [role] });
      expect(await hostCall(clientOf(role), 'session.login', { login: `u-${role}`, password: 'initial-pass' })).toMatchObject({ ok: true });
      expect(await hostCall(clientOf(role), 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' })).toMatchObject({ ok: true });
    }
    forms = t.services.archive.open().paths.forms;
    for (const [, name] of KINDS) writeFileSync(path.join(forms, name), `document ${name}`);
    // What else lives in forms/: a record form's signed content, a signature, a scan. Not for download.
    for (const name of ['record-form-1-0123456789abcdef.json', 'record-form-1-s1-officer.p7s', 'record-form-1-scan.pdf']) writeFileSync(path.join(forms, name), 'x');
  }, 120_000);
  afterAll(async () => {
    await host.close();
    t.cleanup();
  });

  describe.each(KINDS)('%s', (_kind, fileName, allowed) => {
    it.each(ROLES)('as %s: served only to the roles of the method that made it, and audited', async (role) => {
      const ok = auditRows('form.download').length;
      const denied = auditRows('form.download_denied').length;
      const r = await download(clientOf(role), fileName);
      if (allowed.includes(role)) {
        expect(r.status).toBe(200);
        expect(r.body.toString()).toBe(`document ${fileName}`);
        expect(r.headers['content-disposition']).toBe(`attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['cache-control']).toBe('no-store');
        const rows = auditRows('form.download');
        expect(rows).toHaveLength(ok + 1);
        expect(rows.at(-1)).toMatchObject({ actor_login: `u-${role}`, target: `form:${fileName}` });
        expect(JSON.parse(rows.at(-1)!.details)).toMatchObject({ sha256: createHash('sha256').update(`document ${fileName}`).digest('hex') });
      } else {
        expect(r.status).toBe(403);
        expect(auditRows('form.download')).toHaveLength(ok);
        const rows = auditRows('form.download_denied');
        expect(rows).toHaveLength(denied + 1);
        expect(rows.at(-1)).toMatchObject({ actor_login: `u-${role}`, target: `form:${fileName}` });
      }
    });

  });

  // forms.open takes .docx names only (contract), so the weekly signature is not in this table.
  describe.each(KINDS.filter(([, name]) => name.endsWith('.docx')))('%s', (_kind, fileName, allowed) => {
    it.each(ROLES)('as %s: the desktop "打开" (forms.open) applies the same check', async (role) => {
      const openPath = vi.fn(async () => undefined);
      t.services.host.openPath = openPath;
      try {
        const r = await hostCall(clientOf(role), 'forms.open', { fileName });
        if (allowed.includes(role)) {
          expect(r).toMatchObject({ ok: true });
          expect(openPath.mock.calls).toEqual([[path.join(forms, fileName)]]);
          expect(auditRows('form.open').at(-1)).toMatchObject({ actor_login: `u-${role}`, target: `form:${fileName}` });
        } else {
          expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          expect(openPath).not.toHaveBeenCalled();
        }
      } finally {
        delete t.services.host.openPath;
      }
    });
  });

  it('serves a document a generator really made, with the hash the generator reported', async () => {
    const made = (await hostCall(clientOf('chief'), 'register.docx', { from: '2026-11-01', to: '2026-11-19' })) as { ok: true; value: { fileName: string; sha256: string } };
    expect(made.ok).toBe(true);
    const r = await download(clientOf('chief'), made.value.fileName);
    expect(r.status).toBe(200);
    expect(createHash('sha256').update(r.body).digest('hex')).toBe(made.value.sha256);
    expect((await download(clientOf('officer'), made.value.fileName)).status).toBe(403);
  });

  it.each([
    ['a guessed name of an allowed kind', '交接登记表-20261127-999.docx', 404],
    ['a day of the wrong length', '交接登记表-2026112-001.docx', 404],
    ['upper case', '交接登记表-20261127-001.DOCX', 404],
    ['a trailing slash', '交接登记表-20261127-001.docx/', 404],
    ['the database', 'evidence.db', 404],
    ['../ traversal', '../evidence.db', 404],
    ['encoded ../', '..%2Fevidence.db', 404],
    ['encoded ../ twice', '..%2F..%2Fcerts%2Foffice-ca.pem', 404],
    ['encoded dots', '%2e%2e%2fevidence.db', 404],
    ['double-encoded ../', '..%252Fevidence.db', 404],
    ['a backslash', '..%5Cevidence.db', 404],
    ['a record form content file (another kind)', 'record-form-1-0123456789abcdef.json', 404],
    ['a record form signature (another kind)', 'record-form-1-s1-officer.p7s', 404],
    ['a record form scan (another kind)', 'record-form-1-scan.pdf', 404],
    ['a NUL byte', '交接登记表-20261127-001.docx%00', 400],
    ['a NUL byte before an extension', '交接登记表-20261127-001.docx%00.pdf', 400],
    ['a malformed escape', '交接登记表-%E4.docx', 400],
    ['an overlong UTF-8 dot', '%C0%AE%C0%AEevidence.db', 400],
  ])('%s: %s → %d', async (_n, name, status) => {
    const r = await download(clientOf('custodian'), name);
    expect(r.status).toBe(status);
    expect(r.body.toString()).not.toContain('document');
  });

  it('a download link works by the page’s link ticket, with the same role check', async () => {
    const ticketOf = async (role: Role) => {
      const r = await fetch(`${host.url}/api/session.current`, { method: 'POST', headers: { ...headers(clientOf(role)), 'Content-Type': 'application/json' }, body: '{}' });
      return r.headers.get('x-evidence-link-ticket')!;
    };
    const custodian = await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}?ticket=${await ticketOf('custodian')}`, { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'same-origin' });
    expect(custodian.status).toBe(200);
    expect(custodian.body.toString()).toBe('document 交接登记表-20261127-001.docx');
    expect((await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}?ticket=${await ticketOf('officer')}`)).status).toBe(403);
    expect((await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}?ticket=guess`)).status).toBe(401);
    // Not from a page on another port of 127.0.0.1.
    expect((await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}?ticket=${await ticketOf('custodian')}`, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  });

  it('refuses without a session, and before the initial password is changed', async () => {
    expect((await download('client-nobody', '交接登记表-20261127-001.docx')).status).toBe(401);
    await t.call(admin, 'users.create', { login: 'u-new', displayName: 'new', badgeNo: null, password: 'initial-pass', roles: ['custodian'] });
    expect(await hostCall('client-new', 'session.login', { login: 'u-new', password: 'initial-pass' })).toMatchObject({ ok: true });
    expect((await download('client-new', '交接登记表-20261127-001.docx')).status).toBe(403);
  });

  it('answers only GET and HEAD; HEAD moves nothing and is not a download', async () => {
    const before = auditRows('form.download').length;
    const head = await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}`, headers(clientOf('custodian')), 'HEAD');
    expect(head.status).toBe(200);
    expect(auditRows('form.download')).toHaveLength(before);
    expect((await rawRequest(host.url, `/forms/${encodeURIComponent('交接登记表-20261127-001.docx')}`, headers(clientOf('custodian')), 'DELETE')).status).toBe(405);
  });
});
