// Issue 16 part 2: an office with footage, a case, an approval, a viewing, a signed record form and a disc is
// backed up, its archive deleted, and restored into a new folder: every hash and the signature are checked first,
// the viewing register, cases, forms and disc register come back identical, people log in with their passwords
// and can sign, the chain continues with the restore entry, and `verify` passes. What the backup does not hold is
// reported, not silently lost.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch, type ApiServices, type Client, type MethodName, type MethodOutput } from '../../../main/api';
import { parseBackupManifest, stagingFor, type RestoreProgress } from '../../../main/backup';
import { silentLogger } from '../../../main/log';
import { writeRandomFile } from '../../fixtures/recorder-volume';
import { archiveFiles, spawnCrashChild } from '../../support/crash-child';
import { ingestAndWait } from '../../support/ingest';
import { TEST_COSTS, TestClock, tempDir, testKeyPairs } from '../../support/services';
import { viewStatus } from '../api/access-fixture';
import { approveCaseFor, BADGE, makeDiscWorld, SERIAL, signedForm, type DiscWorld } from '../api/discs-fixture';
import { runInProcess } from '../cli/run-cli';

const PASSWORDS: Record<string, string> = { custodian: 'custodian-pass-2', officer: 'officer-pass-2', chief: 'chief-pass-1', admin: 'admin-pass-1', leader: 'leader-pass1-2' };
const LOGINS: Record<string, string> = { custodian: 'wangbg', officer: 'zhangsan', chief: 'chief', admin: 'admin', leader: 'xiangzhang' };

const CRASH_CHILD = path.resolve('tests/support/crash-restore.ts');

/** The API on a given archive root with a clock of its own. */
function servicesAt(root: string, clock: TestClock): { services: ApiServices; call: <M extends MethodName>(c: Client, m: M, input?: unknown) => Promise<MethodOutput<M>> } {
  const services = createServices({ archiveRoot: root, host: { kind: 'cli' }, log: silentLogger, clock, keyPairs: testKeyPairs(), costs: TEST_COSTS });
  return {
    services,
    async call(c, m, input = {}) {
      const r = await dispatch(services, c, m, input);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value as never;
    },
  };
}

/** What must come back identical: the viewing register, cases, record forms and the disc register. */
async function snapshotDtos(call: <M extends MethodName>(c: Client, m: M, input?: unknown) => Promise<MethodOutput<M>>, who: Record<string, Client>, caseId: number) {
  const forms = await call(who.officer!, 'forms.recordList', {});
  return {
    register: await call(who.custodian!, 'register.list', { from: '2026-01-01', to: '2026-12-31' }),
    cases: await call(who.officer!, 'cases.list', {}),
    case: await call(who.officer!, 'cases.get', { id: caseId }),
    forms,
    form: await Promise.all(forms.map((f) => call(who.officer!, 'forms.recordGet', { id: f.id }))),
    discs: await call(who.custodian!, 'discs.list', {}),
  };
}

describe('restore onto a new machine', () => {
  let w: DiscWorld;
  let target: string;
  let gen1: { generation: string; manifestSha256: string; takenAt: Date };
  let gen2: string;
  let before: Awaited<ReturnType<typeof snapshotDtos>>;
  let extraStored: string;

  const relogin = async (t: DiscWorld['t']) => {
    for (const [k, c] of Object.entries({ custodian: w.custodian, officer: w.officer, chief: w.chief, admin: w.admin, leader: w.leader })) {
      await t.call(c, 'session.login', { login: LOGINS[k], password: PASSWORDS[k] });
    }
  };

  beforeAll(async () => {
    w = await makeDiscWorld();
    await approveCaseFor(w);
    expect(await viewStatus(w.t, w.custodian, w.mediaIds[0]!)).toBe(206);
    const formId = await signedForm(w);
    await w.t.call(w.custodian, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId });

    target = tempDir('ew-restore-target-');
    const targetSourceId = w.t.services.sources.addFolder(target).id;
    const r1 = await w.t.call(w.custodian, 'backup.run', { targetSourceId });
    expect(r1.verified).toBe(true);
    gen1 = { generation: r1.generation, manifestSha256: r1.manifestSha256, takenAt: w.t.clock.now() };
    before = await snapshotDtos(w.t.call, { officer: w.officer, custodian: w.custodian }, w.caseId);
    expect(before.register.total).toBeGreaterThan(0);
    expect(before.discs).toHaveLength(1);

    // After the first generation: another file comes in, and a second generation a week later holds it.
    w.t.clock.advance(8 * 24 * 3600_000);
    await relogin(w.t);
    const dir = tempDir('ew-restore-extra-');
    mkdirSync(path.join(dir, 'DCIM'));
    await writeRandomFile(path.join(dir, 'DCIM', 'LATER.DAT'), 50_000);
    utimesSync(path.join(dir, 'DCIM', 'LATER.DAT'), w.t.clock.now(), w.t.clock.now());
    const session = await ingestAndWait(w.t, w.custodian, { sourceId: w.t.services.sources.addFolder(dir).id, recorderSerial: SERIAL, officerBadge: BADGE, keepOther: ['DCIM/LATER.DAT'] });
    const extra = session.items.find((i) => i.outcome === 'stored')!;
    extraStored = extra.storedPath!;
    gen2 = (await w.t.call(w.custodian, 'backup.run', { targetSourceId })).generation;

    // The computer dies.
    w.t.services.archive.close();
    rmSync(w.t.root, { recursive: true, force: true });
  }, 300_000);
  afterAll(() => w.t.cleanup());

  it('restores a chosen generation: same DTOs, people log in and sign, the restore is audited, verify passes, and what it lacks is named', async () => {
    const root = path.join(tempDir('ew-restored-'), 'archive');
    // Restored an hour after the first generation was taken.
    const clock = new TestClock(new Date(gen1.takenAt.getTime() + 3600_000));
    const api = servicesAt(root, clock);
    const custodian: Client = { id: 'custodian', sessionId: null };
    const sourceId = api.services.sources.addFolder(target).id;

    // A wrong password restores nothing.
    const refused = await dispatch(api.services, custodian, 'backup.restore', { sourceId, generation: gen1.generation, login: 'wangbg', password: 'wrong-password' });
    expect(refused.ok).toBe(false);
    expect(api.services.archive.isSetUp()).toBe(false);

    // The wizard's progress bar hears the restore's own progress, told to the restoring client only.
    const heard: { to: string; progress: RestoreProgress }[] = [];
    api.services.host.emit = (to, event, payload) => {
      if (event === 'backup.restoreProgress') heard.push({ to: to === 'all' ? 'all' : to.id, progress: payload as RestoreProgress });
    };
    const r = await api.call(custodian, 'backup.restore', { sourceId, generation: gen1.generation, login: 'wangbg', password: PASSWORDS.custodian });
    expect(r.session.login).toBe('wangbg');
    const genFolder = path.join(target, 'evidence-backup', 'generations', gen1.generation);
    const lines = parseBackupManifest(readFileSync(path.join(genFolder, 'backup-manifest-sha256.txt'), 'utf8'))!;
    const sizeOf = (ls: typeof lines) => ls.reduce((n, l) => n + statSync(path.resolve(genFolder, l.relPath)).size, 0);
    const originals = lines.filter((l) => l.relPath.startsWith('../../originals/'));
    expect(originals.length).toBeGreaterThan(0);
    expect(heard.every((h) => h.to === 'custodian')).toBe(true);
    const check = heard.filter((h) => h.progress.phase === 'check').map((h) => h.progress);
    const copy = heard.filter((h) => h.progress.phase === 'copy').map((h) => h.progress);
    // Every file of the generation checked, one by one, then every original copied: counts and bytes as on disk.
    expect(check.map((p) => p.done)).toEqual(lines.map((_l, i) => i + 1));
    expect(check.at(-1)).toEqual({ phase: 'check', done: lines.length, total: lines.length, bytes: sizeOf(lines) });
    expect(copy.map((p) => p.done)).toEqual(originals.map((_l, i) => i + 1));
    expect(copy.at(-1)).toEqual({ phase: 'copy', done: originals.length, total: originals.length, bytes: sizeOf(originals) });
    expect(heard.findIndex((h) => h.progress.phase === 'copy')).toBe(check.length);
    expect(r.report).toMatchObject({ generation: gen1.generation, manifestSha256: gen1.manifestSha256, signedBy: '王保管' });
    expect(r.report.notHeld.newerGenerations).toEqual([gen2]);
    expect(r.report.notHeld.originalsNotInGeneration).toEqual([extraStored]);

    const who: Record<string, Client> = { custodian };
    for (const k of ['officer', 'chief', 'admin', 'leader']) {
      who[k] = { id: k, sessionId: null };
      await api.call(who[k]!, 'session.login', { login: LOGINS[k], password: PASSWORDS[k] });
    }
    const after = await snapshotDtos(api.call, who, w.caseId);
    expect(after).toEqual(before);

    // Keys still work: the officer drafts and signs a new record form.
    const draft = await api.call(who.officer!, 'forms.recordDraft', { caseId: w.caseId });
    await api.call(who.officer!, 'forms.recordUpdate', { id: draft.id, place: '某某镇人民路 12 号门前' });
    const signed = await api.call(who.officer!, 'forms.recordSign', { id: draft.id });
    expect(signed.officerSignedBy).toBe('张三');
    expect(signed.signatures.every((x) => x.verified)).toBe(true);

    const entry = (await api.call(who.admin!, 'audit.list', { action: 'backup.restore' })).entries[0]!;
    expect(entry.actorLogin).toBe('wangbg');
    expect(entry.details).toMatchObject({ generation: gen1.generation, manifestSha256: gen1.manifestSha256 });
    api.services.archive.close();

    const verify = await runInProcess(['verify', '--archive', root], { clock });
    expect(verify.code, `${verify.stdout}${verify.stderr}`).toBe(0);
  });

  it('restores the newest generation from the command line; a flipped byte in the backup refuses it and names the file', async () => {
    const root = path.join(tempDir('ew-restored-cli-'), 'archive');
    const clock = new TestClock(new Date(gen1.takenAt.getTime() + 9 * 24 * 3600_000));
    const vars = { EVIDENCE_PASSWORD: PASSWORDS.custodian! };
    const ok = await runInProcess(['restore', '--from', target, '--archive', root, '--user', 'wangbg', '--json'], { clock, vars });
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as { generation: string; notHeld: { newerGenerations: string[] } };
    expect(report.generation).toBe(gen2);
    expect(report.notHeld.newerGenerations).toEqual([]);
    const verify = await runInProcess(['verify', '--archive', root], { clock });
    expect(verify.code, `${verify.stdout}${verify.stderr}`).toBe(0);

    // One flipped byte in an original of the backup: nothing is restored, and the file is named.
    const original = path.join(target, 'evidence-backup', extraStored);
    const bytes = readFileSync(original);
    bytes[100]! ^= 0x01;
    chmodSync(original, 0o644);
    writeFileSync(original, bytes);
    const root2 = path.join(tempDir('ew-restored-bad-'), 'archive');
    const bad = await runInProcess(['restore', '--from', target, '--archive', root2, '--user', 'wangbg'], { clock, vars });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('BACKUP_UNTRUSTED');
    expect(bad.stderr).toContain(path.basename(extraStored));
    expect(existsSync(path.join(root2, 'evidence.db'))).toBe(false);
    bytes[100]! ^= 0x01;
    writeFileSync(original, bytes);
  });

  it('a SIGKILL during a restore leaves no half archive; the leftover staging folder is rebuilt and the rerun succeeds', async () => {
    const root = path.join(tempDir('ew-restore-crash-'), 'archive');
    const clock = new TestClock(new Date(gen1.takenAt.getTime() + 10 * 24 * 3600_000));
    for (const step of ['original', 'staged', 'audited']) {
      const child = await spawnCrashChild(CRASH_CHILD, { archive: root, other: target, step, at: clock.now(), login: 'wangbg', password: PASSWORDS.custodian! });
      expect(child.signal, `child did not crash: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
      expect(child.stdout).toContain(`CRASH at ${step}`);
      // Nothing of the restore is in the archive folder; what was built stays beside it, never placed.
      expect(archiveFiles(root)).toEqual([]);
      expect(existsSync(path.join(stagingFor(root), 'evidence.db'))).toBe(true);
      const fresh = servicesAt(root, clock);
      expect(fresh.services.archive.isSetUp()).toBe(false);
      fresh.services.archive.close();
    }

    // The rerun throws the leftover away, rebuilds from the checked backup and places it.
    const api = servicesAt(root, clock);
    const custodian: Client = { id: 'custodian', sessionId: null };
    const r = await api.call(custodian, 'backup.restore', { sourceId: api.services.sources.addFolder(target).id, login: 'wangbg', password: PASSWORDS.custodian });
    expect(r.report.generation).toBe(gen2);
    expect(existsSync(stagingFor(root))).toBe(false);
    const admin: Client = { id: 'admin', sessionId: null };
    await api.call(admin, 'session.login', { login: LOGINS.admin, password: PASSWORDS.admin });
    // One restore entry: the one the killed run wrote in its staging folder went with it.
    const entries = (await api.call(admin, 'audit.list', { action: 'backup.restore' })).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ generation: gen2 });
    api.services.archive.close();
    const verify = await runInProcess(['verify', '--archive', root], { clock });
    expect(verify.code, `${verify.stdout}${verify.stderr}`).toBe(0);
  }, 120_000);
});
