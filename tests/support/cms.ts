// `openssl cms -verify` of a detached signature, the command README.txt gives an outside checker, run at a
// given time: the test certificates have fixed dates (the test clock's), so the check must not depend on
// the day the suite runs.
import { spawnSync } from 'node:child_process';

/** openssl's `-attime`: check certificate validity at this time instead of now. */
export function atTime(at: Date): string[] {
  return ['-attime', String(Math.floor(at.getTime() / 1000))];
}

export interface CmsVerifyResult {
  ok: boolean;
  /** openssl's stdout and stderr, for the failure message. */
  out: string;
}

export function opensslCmsVerify(a: { signature: string; content: string; caFile: string; at: Date; cwd?: string }): CmsVerifyResult {
  const r = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', a.signature, '-content', a.content, '-CAfile', a.caFile, ...atTime(a.at), '-out', '/dev/null'],
    { encoding: 'utf8', ...(a.cwd ? { cwd: a.cwd } : {}) },
  );
  if (r.error) throw r.error;
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}
