import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store';
import { tempDir } from '../../support/services';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(TSX, ['main/cli/index.ts', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('evidence CLI: init and verify', () => {
  it('sets up an archive, verifies it (0), finds tampering (1), and reports usage errors (2)', async () => {
    const archive = path.join(tempDir(), 'archive');
    const init = await cli(['init', '--archive', archive, '--office', '某某镇综合行政执法大队', '--admin', 'admin', '--json'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ admin: 'admin', roles: ['admin', 'custodian'] });

    const ok = await cli(['verify', '--archive', archive, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).auditChain).toMatchObject({ ok: true });

    const asUser = await cli(['verify', '--archive', archive, '--user', 'admin'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
    expect(asUser.code).toBe(0);
    const wrong = await cli(['verify', '--archive', archive, '--user', 'admin'], { EVIDENCE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('AUTH_FAILED');

    const db = openDatabase(path.join(archive, 'evidence.db'));
    db.prepare("UPDATE audit_log SET action = 'office.nothing' WHERE seq = 1").run();
    db.close();
    const bad = await cli(['verify', '--archive', archive]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/PROBLEM \[edited\] row 1/);

    expect((await cli(['verify'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['verify', '--archive', path.join(archive, 'nope')])).code).toBe(2);
    expect((await cli(['init', '--archive', archive, '--office', 'x', '--admin', 'again'], { EVIDENCE_PASSWORD: 'cli-pass-123' })).code).toBe(2);
  }, 120_000);
});
