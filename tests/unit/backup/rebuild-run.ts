// `restore --rebuild` run in process as the rebuild tests run it: a new admin `rebuilder` (赵重建) with one password.
import type { Clock } from '../../../main/common';
import { testKeyPairs } from '../../support/services';
import { runInProcess, type CliResult } from '../cli/run-cli';

export const REBUILD_PASSWORD = 'rebuild-pass-1';

export function runRebuild(from: string, archive: string, clock: Clock, opts: { json?: boolean } = { json: true }): Promise<CliResult> {
  const args = ['restore', '--rebuild', '--from', from, '--archive', archive, '--user', 'rebuilder', '--name', '赵重建', ...(opts.json ? ['--json'] : [])];
  return runInProcess(args, { clock, vars: { EVIDENCE_PASSWORD: REBUILD_PASSWORD }, services: { keyPairs: testKeyPairs() } });
}
