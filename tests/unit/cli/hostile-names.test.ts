// A file name with a newline must not print a line of its own in the CLI's text output (issue 10 item 13): a
// name like "x\nOK: no problems found" once printed a fake all-clear under a real problem.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBagFixture } from '../disc/bag-fixture';
import { tool } from '../disc/helpers';
import { tempDir } from '../../support/services';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const PASSWORD = { EVIDENCE_PASSWORD: 'cli-pass-123' };

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(TSX, ['main/cli/index.ts', ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const lines = (s: string) => s.split('\n');
/** Lines a reader (or a script grepping the output) would take for a verdict. */
const verdicts = (s: string) => lines(s).filter((l) => /^\s*(OK|PROBLEM|FAILED)\b/.test(l));

const FORGED_INGEST = 'clip\nOK: every file is in the archive\n.MP4';
const FORGED_VERIFY = 'smuggled\nOK: no problems found';

describe('CLI text output with hostile file names', () => {
  let work: string;
  let archive: string;

  beforeAll(async () => {
    work = tempDir('ew-cli-names-');
    archive = path.join(work, 'archive');
    const init = await cli(['init', '--archive', archive, '--office', '某某镇综合行政执法大队', '--admin', 'admin', '--json'], PASSWORD);
    expect(init.code, init.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ingest prints a name with newlines and a bidi override on its own line, escaped', async () => {
    const src = path.join(work, 'volume');
    mkdirSync(src);
    writeFileSync(path.join(src, FORGED_INGEST), 'not a video 1');
    writeFileSync(path.join(src, 'clip\u202Egnp.MP4'), 'not a video 2');
    const r = await cli(['ingest', '--archive', archive, '--source', src, '--user', 'admin', '--recorder', 'CLI0001', '--new-recorder', '--officer', '900100'], PASSWORD);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('clip\\nOK: every file is in the archive\\n.MP4 -> originals/');
    expect(r.stdout).toContain('clip\\u202egnp.MP4 -> originals/');
    expect(r.stdout).not.toContain('\u202E');
    expect(verdicts(r.stdout)).toEqual(['OK: every file is in the archive']);
    expect(lines(r.stderr).filter((l) => /^\s*OK/.test(l))).toEqual([]);
  }, 60_000);

  it('verify names a planted file whose name holds "\\nOK: …" as a problem and prints no OK line', async () => {
    const dayDir = (dir: string): string => {
      const sub = readdirSync(dir, { withFileTypes: true }).find((d) => d.isDirectory());
      return sub ? dayDir(path.join(dir, sub.name)) : dir;
    };
    writeFileSync(path.join(dayDir(path.join(archive, 'originals')), FORGED_VERIFY), 'planted');
    const r = await cli(['verify', '--archive', archive]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^PROBLEM \[extra\] originals\/.*smuggled\\nOK: no problems found: /m);
    expect(verdicts(r.stdout).every((l) => l.startsWith('PROBLEM'))).toBe(true);
  }, 60_000);

  it('disc-verify names a file planted on a disc the same way', async () => {
    const f = await makeBagFixture(path.join(work, 'disc'));
    const disc = path.join(work, 'disc', 'mounted');
    mkdirSync(disc);
    expect(tool('bsdtar', ['-xf', f.imagePath, '-C', disc]).status).toBe(0);
    writeFileSync(path.join(disc, 'data', FORGED_VERIFY), 'planted');
    const r = await cli(['disc-verify', disc]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^PROBLEM \[extra\] data\/smuggled\\nOK: no problems found: /m);
    expect(verdicts(r.stdout).every((l) => l.startsWith('PROBLEM'))).toBe(true);
  }, 60_000);
});
