import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatBytes } from '../../common';
import { asPem } from '../../crypto';
import { verifyDisc } from '../../disc';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';

export const discVerifyUsage = 'disc-verify PATH [--ca OFFICE_CA_PEM] [--json]';

/**
 * Checks an evidence disc, a mounted disc folder or an ISO image against its own signed manifest. It needs
 * no archive and no login: anyone holding the disc may check it. With --ca the disc's CA must be that one.
 */
export async function discVerifyCommand(argv: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ca: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one PATH (disc folder or ISO image)');
  let ca;
  if (values.ca) {
    try {
      ca = asPem(readFileSync(values.ca, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read the CA certificate ${values.ca}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const report = await verifyDisc(positionals[0]!, ca);
  if (values.json) {
    println(env.stdout, JSON.stringify(report, null, 2));
  } else {
    const s = report.signature;
    println(env.stdout, text`disc ${report.bagInfo['External-Identifier'] ?? '?'} (${report.kind}): ${report.filesChecked} file(s) checked, ${formatBytes(report.bytesChecked)}`);
    println(env.stdout, text`signature: ${s.ok ? `valid, signed by ${s.signer ?? '?'} at ${s.signingTime ?? '?'}` : `INVALID (${s.reason ?? 'unknown'})`}`);
    if (report.caFingerprintSha256) {
      println(env.stdout, text`disc CA SHA-256 fingerprint: ${report.caFingerprintSha256}${report.caMatchesArchive === undefined ? '' : report.caMatchesArchive ? ' (matches --ca)' : ' (DIFFERS from --ca)'}`);
      if (report.caMatchesArchive === undefined) {
        println(env.stdout, 'note: the signature was checked with the CA on the disc itself; compare its fingerprint with the one the office publishes, or give --ca');
      }
    }
    for (const p of report.problems) println(env.stdout, text`PROBLEM [${p.kind}] ${p.path}: ${p.message}`);
    if (report.ok) println(env.stdout, 'OK: no problems found');
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEMS;
}
