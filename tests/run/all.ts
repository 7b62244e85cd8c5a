// `npm test`: every step runs even when an earlier one failed (so one red unit test does not hide the
// e2e verdict), and the run fails at the end if any step did. The unit suite runs twice: as this
// machine sees it, and as a machine in another zone 200 days later would (libfaketime), because a suite
// that passes only on the day and in the zone it was written is worth nothing.
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Why the step cannot run here; undefined when it can. */
  unavailable?: () => string | undefined;
}

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const STEPS: Step[] = [
  { name: 'typecheck', cmd: npx, args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: npx, args: ['eslint', '.'] },
  { name: 'unit', cmd: npx, args: ['vitest', 'run'] },
  {
    name: 'unit (TZ=America/Los_Angeles, +200 days)',
    cmd: 'faketime',
    args: ['+200 days', npx, 'vitest', 'run'],
    env: { TZ: 'America/Los_Angeles' },
    unavailable: () => (has('faketime') ? undefined : 'faketime is not installed (Debian package faketime)'),
  },
  { name: 'e2e', cmd: npx, args: ['vite', 'build'] },
  { name: 'e2e', cmd: npx, args: ['playwright', 'test'] },
];

const results: { name: string; outcome: 'passed' | 'failed' | 'skipped'; seconds: number; note?: string }[] = [];
const started = performance.now();
let e2eBuildFailed = false;
for (const step of STEPS) {
  const reason = step.unavailable?.();
  if (reason) {
    // CI must prove the second run; elsewhere a missing tool is said plainly, not hidden.
    const outcome = process.env.CI ? 'failed' : 'skipped';
    console.log(`\n== ${step.name}: ${outcome}, ${reason}`);
    results.push({ name: step.name, outcome, seconds: 0, note: reason });
    continue;
  }
  if (step.name === 'e2e' && e2eBuildFailed) continue;
  console.log(`\n== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = Math.round((performance.now() - t0) / 1000);
  const ok = r.status === 0;
  if (!ok && step.args[0] === 'vite') e2eBuildFailed = true;
  const prior = results.find((x) => x.name === step.name);
  if (prior) {
    prior.seconds += seconds;
    if (!ok) prior.outcome = 'failed';
  } else results.push({ name: step.name, outcome: ok ? 'passed' : 'failed', seconds });
}

const total = Math.round((performance.now() - started) / 1000);
console.log('\n== summary');
for (const r of results) console.log(`  ${r.outcome.padEnd(7)} ${r.name} (${r.seconds} s)${r.note ? ` — ${r.note}` : ''}`);
console.log(`  total ${total} s`);
process.exitCode = results.some((r) => r.outcome === 'failed') ? 1 : 0;
