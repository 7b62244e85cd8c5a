// Issue 16: the setup wizard's 从备份恢复 before any office exists — the backup folder picker and the list of
// generations answer only while nothing is set up, only under the allowed roots, and name what is wrong with a
// forged backup; the restore then refuses that one in plain Chinese.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch, type ApiResult, type ApiServices, type Client, type MethodName, type MethodOutput } from '../../../main/api';
import { BACKUP_MANIFEST } from '../../../main/backup';
import { SourceRegistry } from '../../../main/devices';
import { silentLogger } from '../../../main/log';
import { makeTestApi, OFFICE_SETUP, setUpOffice, TEST_COSTS, TestClock, tempDir, testKeyPairs, type TestApi } from '../../support/services';

describe('restoring from a backup before setup', () => {
  let office: TestApi;
  let admin: Client;
  /** The allowed root of the new machine's picker: the backup drive holds `good` and `forged`. */
  let drive: string;
  let good: string;
  let forged: string;
  let generation: string;

  /** A new machine: nothing set up, the picker limited to `drive`. */
  function newMachine(): { services: ApiServices; call: <M extends MethodName>(m: M, input: unknown) => Promise<ApiResult<MethodOutput<M>>> } {
    const root = path.join(tempDir('ew-new-machine-'), 'archive');
    const services = createServices({
      archiveRoot: root,
      host: { kind: 'browser-host' },
      log: silentLogger,
      clock: new TestClock(office.clock.now()),
      sources: new SourceRegistry([], () => [], () => [drive]),
      keyPairs: testKeyPairs(),
      costs: TEST_COSTS,
    });
    const client: Client = { id: 'wizard', sessionId: null };
    return { services, call: async <M extends MethodName>(m: M, input: unknown) => (await dispatch(services, client, m, input)) as ApiResult<MethodOutput<M>> };
  }

  beforeAll(async () => {
    office = makeTestApi();
    office.clock.current = new Date('2026-03-10T02:00:00Z');
    admin = await setUpOffice(office);
    drive = tempDir('ew-drive-');
    good = path.join(drive, 'good');
    mkdirSync(good);
    const r = await office.call(admin, 'backup.run', { targetSourceId: office.services.sources.addFolder(good).id });
    generation = r.generation;
    // A forged copy: one line of the signed manifest changed, the signature left as it was.
    forged = path.join(drive, 'forged');
    cpSync(good, forged, { recursive: true });
    const manifest = path.join(forged, 'evidence-backup', 'generations', generation, BACKUP_MANIFEST);
    writeFileSync(manifest, `${createHash('sha256').update('x').digest('hex')}  extra.txt\n`, { flag: 'a' });
    writeFileSync(path.join(forged, 'evidence-backup', 'generations', generation, 'extra.txt'), 'x');
  }, 120_000);
  afterAll(() => office.cleanup());

  it('lists the allowed roots and their folders, and the generations of a backup with their check state', async () => {
    const m = newMachine();
    const roots = await m.call('backup.browse', { path: null });
    expect(roots.ok && roots.value).toMatchObject({ path: null, roots: [{ path: drive }] });
    const inDrive = await m.call('backup.browse', { path: drive });
    expect(inDrive.ok && inDrive.value.folders.map((f) => f.name)).toEqual(['forged', 'good']);

    const listed = await m.call('backup.generations', { path: good });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.generations).toEqual([
      { generation, takenAt: office.clock.now().toISOString(), unitName: OFFICE_SETUP.unitName, originals: 0, signedBy: OFFICE_SETUP.admin.displayName, ok: true, problems: [] },
    ]);
    expect(m.services.sources.get(listed.value.sourceId)?.path).toBe(good);

    // The forged copy is listed as what it is, and the restore refuses it in plain words, restoring nothing.
    const bad = await m.call('backup.generations', { path: forged });
    if (!bad.ok) throw new Error(bad.error.message);
    expect(bad.value.generations[0]).toMatchObject({ generation, ok: false, problems: ['backup-manifest-sha256.txt.p7s（签名无效）'] });
    const refused = await m.call('backup.restore', { sourceId: bad.value.sourceId, login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('BACKUP_UNTRUSTED');
      expect(refused.error.message).toBe('备份校验未通过，未恢复任何内容：backup-manifest-sha256.txt.p7s（签名无效）');
    }
    expect(m.services.archive.isSetUp()).toBe(false);
    m.services.archive.close();
  });

  it('refuses forged input: a path outside the allowed roots, one that climbs out of them, other fields, other types', async () => {
    const m = newMachine();
    const refusals: [MethodName, unknown, string][] = [
      ['backup.browse', { path: '/etc' }, 'FOLDER_NOT_ALLOWED'],
      ['backup.generations', { path: '/etc' }, 'FOLDER_NOT_ALLOWED'],
      ['backup.generations', { path: `${good}/../../..` }, 'FOLDER_NOT_ALLOWED'],
      ['backup.generations', { path: path.join(drive, 'no-such-folder') }, 'FOLDER_NOT_ALLOWED'],
      ['backup.generations', { path: drive }, 'BACKUP_NOT_FOUND'],
      ['backup.generations', { path: good, sourceId: '0123456789abcdef' }, 'INVALID_INPUT'],
      ['backup.generations', { path: 42 }, 'INVALID_INPUT'],
      ['backup.generations', {}, 'INVALID_INPUT'],
      ['backup.browse', { path: '' }, 'INVALID_INPUT'],
    ];
    for (const [method, input, code] of refusals) {
      const r = await m.call(method, input);
      expect(r.ok ? 'ok' : r.error.code, `${method} ${JSON.stringify(input)}`).toBe(code);
    }
    // A refused folder was not made a source.
    expect(m.services.sources.list().map((s) => s.path)).toEqual([]);
    m.services.archive.close();
  });

  it('refuses both once an office is set up: after the restore, and on a machine set up from scratch', async () => {
    const m = newMachine();
    const listed = await m.call('backup.generations', { path: good });
    if (!listed.ok) throw new Error(listed.error.message);
    const restored = await m.call('backup.restore', { sourceId: listed.value.sourceId, login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    expect(restored.ok).toBe(true);
    for (const [method, input] of [['backup.browse', { path: null }], ['backup.generations', { path: good }], ['backup.restore', { sourceId: listed.value.sourceId, login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password }]] as const) {
      const r = await m.call(method, input);
      expect(r.ok ? 'ok' : r.error.code, method).toBe('ALREADY_SET_UP');
    }
    m.services.archive.close();
    for (const [method, input] of [['backup.browse', { path: null }], ['backup.generations', { path: good }]] as const) {
      const r = await office.raw(office.client('stranger'), method, input);
      expect(r.ok ? 'ok' : r.error.code, method).toBe('ALREADY_SET_UP');
    }
  }, 60_000);
});
