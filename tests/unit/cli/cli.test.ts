import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store';
import { TestClock, tempDir } from '../../support/services';
import { runInProcess, runProcess } from './run-cli';

describe('evidence CLI: init and verify', () => {
  it('sets up an archive, verifies it (0), finds tampering (1), and reports usage errors (2)', async () => {
    const clock = new TestClock();
    const cli = (args: string[], vars: Record<string, string> = {}) => runInProcess(args, { clock, vars });
    const archive = path.join(tempDir(), 'archive');
    const init = await cli(['init', '--archive', archive, '--office', '某某镇综合行政执法大队', '--admin', 'admin', '--json'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ admin: 'admin', roles: ['admin', 'custodian'] });
    const db0 = openDatabase(path.join(archive, 'evidence.db'));
    expect(db0.prepare('SELECT created_at FROM office').get(), 'the office is set up at the clock the CLI was given').toEqual({ created_at: clock.now().toISOString() });
    db0.close();

    const ok = await cli(['verify', '--archive', archive, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).auditChain).toMatchObject({ ok: true });

    const asUser = await cli(['verify', '--archive', archive, '--user', 'admin'], { EVIDENCE_PASSWORD: 'cli-pass-123' });
    expect(asUser.code).toBe(0);
    const wrong = await cli(['verify', '--archive', archive, '--user', 'admin'], { EVIDENCE_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('AUTH_FAILED');

    const db = openDatabase(path.join(archive, 'evidence.db'));
    // An insider with the file drops the append-only trigger first; the hash chain still catches the edit.
    db.exec('DROP TRIGGER audit_log_never_changed');
    db.prepare("UPDATE audit_log SET action = 'office.nothing' WHERE seq = 1").run();
    db.close();
    const bad = await cli(['verify', '--archive', archive]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/PROBLEM \[edited\] row 1/);

    expect((await cli(['verify'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['verify', '--archive', path.join(archive, 'nope')])).code).toBe(2);
    expect((await cli(['init', '--archive', archive, '--office', 'x', '--admin', 'again'], { EVIDENCE_PASSWORD: 'cli-pass-123' })).code).toBe(2);

    // The process itself is the subject here: main/cli/index.ts hands the command's status to the shell.
    const real = await runProcess(['verify', '--archive', archive]);
    expect(real.code).toBe(1);
    expect(real.stdout).toMatch(/PROBLEM \[edited\] row 1/);
    const usage = await runProcess(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run evidence/);
  }, 120_000);
});
