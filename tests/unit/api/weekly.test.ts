import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../main/common';
import { opensslCmsVerify } from '../../support/cms';
import { officeWithIngestedVolume } from '../../support/ingest';
import { tempDir } from '../../support/services';
import { officeSuite } from '../../support/office-suite';
import { unzipEntry } from '../forms/docx-read';

describe('weekly consolidation (rules art. 11(2))', () => {
  const office = officeSuite(async () => {
    const { t, admin, vol } = await officeWithIngestedVolume();
    const dockDay = localDay(vol.dockedAt, 'Asia/Shanghai');
    return { t, admin, vol, dockDay };
  }, 120_000);

  it('previews the week: the handover day, the recorder, the flagged files', async () => {
    const p = await office.t.call(office.admin, 'weekly.preview', { weekOf: office.dockDay });
    expect(p.days).toHaveLength(7);
    expect(p.days).toContain(office.dockDay);
    const officer = p.officers.find((o) => o.badgeNo === office.vol.badge)!;
    expect(officer.marks[p.days.indexOf(office.dockDay)]).toBe('done');
    expect(p.recorders.find((r) => r.serial === office.vol.serial)?.files).toBeGreaterThan(0);
    const flags = new Set(p.flagged.flatMap((f) => f.flags));
    expect(flags).toEqual(new Set(['no_audio', 'clock_suspect', 'unreadable', 'truncated', 'zero_byte']));
  });

  it('runs: checks integrity, backs the week up with a verified copy, writes a signed report', async () => {
    // The next day: logging in seals the dock day, so the week has a seal file to back up.
    office.t.clock.advance(24 * 3600_000);
    await office.t.call(office.admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    const head = (await office.t.call(office.admin, 'audit.list', { limit: 1 })).entries[0]!;
    const backupRoot = tempDir('ew-backup-');
    const backupSourceId = office.t.services.sources.addFolder(backupRoot).id;
    const r = await office.t.call(office.admin, 'weekly.run', { weekOf: office.dockDay, backupSourceId });
    expect(r.integrity.ok).toBe(true);
    expect(r.backup?.verified).toBe(true);
    expect(r.backup?.filesCopied).toBeGreaterThan(0);

    // The backup's originals are laid out like the archive: each day folder checks with sha256sum alone.
    const daysDir = path.join(backupRoot, 'evidence-backup', 'originals');
    for (const y of readdirSync(daysDir)) for (const m of readdirSync(path.join(daysDir, y))) for (const d of readdirSync(path.join(daysDir, y, m))) {
      execFileSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: path.join(daysDir, y, m, d) });
    }
    expect(existsSync(path.join(r.backup!.folder, 'certs', 'office-ca.pem'))).toBe(true);

    // The day seals go along, and check there with OpenSSL and the backup's own CA copy.
    const sealFile = path.join(r.backup!.folder, 'seals', `${office.dockDay}.json`);
    expect(readFileSync(sealFile)).toEqual(readFileSync(path.join(office.t.root, 'seals', `${office.dockDay}.json`)));
    execFileSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', `${sealFile}.p7s`, '-content', sealFile, '-CAfile', path.join(r.backup!.folder, 'certs', 'office-ca.pem'), '-purpose', 'any', '-attime', String(Math.floor(office.t.clock.now().getTime() / 1000)), '-out', '/dev/null'],
      { stdio: 'pipe' },
    );

    // The report prints the anchors its signed paper copy keeps: the chain head and the latest seal.
    const reportXml = unzipEntry(readFileSync(path.join(office.t.root, 'forms', r.report.fileName)), 'word/document.xml')!.toString('utf8');
    expect(reportXml).toContain(head.hash);
    expect(reportXml).toContain(`${head.seq}:${head.hash}`);
    expect(reportXml).toContain(createHash('sha256').update(readFileSync(sealFile)).digest('hex'));

    const formsDir = path.join(office.t.root, 'forms');
    const cms = opensslCmsVerify({ signature: r.signatureFile, content: r.report.fileName, caFile: path.join(office.t.root, 'certs', 'office-ca.pem'), at: office.t.clock.now(), cwd: formsDir });
    expect(cms.ok, cms.out).toBe(true);

    const again = await office.t.call(office.admin, 'weekly.run', { weekOf: office.dockDay, backupSourceId });
    expect(again.backup).toMatchObject({ filesCopied: 0, verified: true });
    expect(again.backup!.filesAlreadyThere).toBe(r.backup!.filesCopied);

    const p = await office.t.call(office.admin, 'weekly.preview', { weekOf: office.dockDay });
    expect(p.lastConsolidation).toMatchObject({ id: again.consolidationId, backupVerified: true });
    const actions = (await office.t.call(office.admin, 'audit.list', { action: 'weekly.' })).entries.map((e) => e.action);
    expect(actions).toEqual(['weekly.consolidate', 'weekly.consolidate']);
  });
});
