import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../../main/common';
import { OFFICE_SETUP } from '../../support/services';
import { grant, viewStatus } from '../api/access-fixture';
import { makeMediaArchive, type MediaArchive } from '../api/media-fixture';
import { runInProcess } from './run-cli';

describe('evidence CLI: register', () => {
  let a: MediaArchive;
  let day: string;
  let requestId: number;
  const cli = (args: string[], vars: Record<string, string> = {}) => runInProcess(args, { clock: a.t.clock, vars });
  beforeAll(async () => {
    a = await makeMediaArchive();
    const seg = a.mediaIdOf('segment', 0);
    requestId = (await grant(a.t, a.chief, a.chief, 'work', { kind: 'media', id: seg })).id;
    expect(await viewStatus(a.t, a.chief, seg)).toBe(206);
    // The office's day of the viewing, not the UTC one.
    day = localDay(a.t.clock.now(), OFFICE_SETUP.timeZone);
    a.t.services.archive.close();
  }, 180_000);
  afterAll(() => a.t.cleanup());

  it('prints the register read-only (text and --json), or as a user through the API; 2 on usage', async () => {
    const json = await cli(['register', '--archive', a.t.root, '--from', day, '--to', day, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { total: number; rows: { viewer: { login: string }; requestType: string; requestId: number; reason: string }[] };
    expect(doc.total).toBe(1);
    expect(doc.rows[0]).toMatchObject({ viewer: { login: 'chief' }, requestType: 'work', requestId });

    const text = await cli(['register', '--archive', a.t.root, '--from', day, '--to', day]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/1 viewing\(s\)/);
    expect(text.stdout).toContain('工作查阅');
    expect(text.stdout).toContain(`request #${requestId}`);

    const asChief = await cli(['register', '--archive', a.t.root, '--from', day, '--to', day, '--user', 'chief', '--json'], { EVIDENCE_PASSWORD: 'chief-pass-1' });
    expect(asChief.code, asChief.stderr).toBe(0);
    expect(JSON.parse(asChief.stdout).total).toBe(1);
    const asOfficer = await cli(['register', '--archive', a.t.root, '--from', day, '--to', day, '--user', 'officer1'], { EVIDENCE_PASSWORD: 'changed-pass' });
    expect(asOfficer.code).toBe(2);
    expect(asOfficer.stderr).toContain('FORBIDDEN');

    expect((await cli(['register', '--archive', a.t.root, '--from', day])).code).toBe(2);
    expect((await cli(['register', '--archive', a.t.root, '--from', '20-1-1', '--to', day])).code).toBe(2);
    expect((await cli(['register', '--archive', a.t.root, '--from', day, '--to', '2000-01-01'])).code).toBe(2);
    expect((await cli(['register', '--archive', path.join(a.t.root, 'nope'), '--from', day, '--to', day])).code).toBe(2);
  }, 120_000);
});
