import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CliServiceOptions } from '../../../main/cli/env';
import { runCli } from '../../../main/cli/run';
import type { Clock } from '../../../main/common';
import { TEST_COSTS } from '../../support/services';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command in this process, as `npm run evidence -- …` would, with the given clock and
 * environment variables only (never this machine's EVIDENCE_* settings), and captures its output.
 */
export async function runInProcess(args: string[], opts: { clock: Clock; vars?: Record<string, string>; services?: CliServiceOptions }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    clock: opts.clock,
    vars: opts.vars ?? {},
    services: { costs: TEST_COSTS, ...opts.services },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * Runs the real `main/cli/index.ts` in a child process. Only for what needs the process itself: its exit
 * status, or running it under `setpriv`. It reads the real clock.
 */
export async function runProcess(args: string[], vars: Record<string, string> = {}, wrap: string[] = []): Promise<CliResult> {
  const [cmd, ...pre] = [...wrap, TSX];
  try {
    const r = await run(cmd!, [...pre, 'main/cli/index.ts', ...args], { env: { ...process.env, ...vars }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
