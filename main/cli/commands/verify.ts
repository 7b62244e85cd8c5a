import { parseArgs } from 'node:util';
import { verifyDetached, type Pem } from '../../crypto';
import { checkIntegrity } from '../../ingest';
import { archiveHasDatabase, verifyAuditChain } from '../../store';
import { withArchive } from '../archive';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const verifyUsage = 'verify --archive DIR [--user LOGIN] [--json]';

interface OriginalsReport {
  checked: number;
  bytes: number;
  missing: number;
  changed: number;
  extra: number;
  manifestProblems: number;
  ok: boolean;
  problems: { kind: 'missing' | 'changed' | 'extra' | 'manifest'; path: string; message: string }[];
}

/**
 * Checks the audit chain and its day seals, and re-hashes every original against the store (missing,
 * changed and unregistered files, day manifests and their signatures). With --user both checks run
 * through the API as that user and the integrity check is itself audited; without it, it only reads.
 */
export async function verifyCommand(argv: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { archive: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const archive = requireOption(values, 'archive');
  if (!archiveHasDatabase(archive)) throw new UsageError(`no archive at ${archive} (evidence.db not found)`);

  let report;
  let originals: OriginalsReport;
  if (values.user) {
    const cli = new CliSession(archive, env);
    try {
      await cli.call('session.login', { login: values.user, password: await readPassword(`password for ${values.user}: `, env) });
      originals = await cli.call('integrity.check', {});
      report = await cli.call('audit.verify', {});
      await cli.call('session.logout', {});
    } finally {
      cli.close();
    }
  } else {
    [report, originals] = await withArchive(archive, env, async (store, office) => {
      const verifier = (content: Buffer, signatureDer: Buffer) => verifyDetached({ content, signatureDer, caCertPem: office.caCertPem as Pem });
      return [verifyAuditChain(store.db, verifier), await checkIntegrity(store.paths.root, store.db, {}, { verifySignature: verifier })] as const;
    });
  }

  if (values.json) {
    println(env.stdout, JSON.stringify({ auditChain: report, originals }, null, 2));
  } else {
    println(env.stdout, `audit chain: ${report.entries} entries, head ${report.headSeq}, ${report.sealedDays} sealed day(s)`);
    for (const p of report.problems) println(env.stdout, text`PROBLEM [${p.kind}] row ${p.seq}: ${p.message}`);
    println(env.stdout,
      `originals: ${originals.checked} checked (${(originals.bytes / 1e6).toFixed(1)} MB), ${originals.missing} missing, ${originals.changed} changed, ${originals.extra} extra, ${originals.manifestProblems} manifest problem(s)`,
    );
    for (const p of originals.problems) println(env.stdout, text`PROBLEM [${p.kind}] ${p.path}: ${p.message}`);
    if (report.ok && originals.ok) println(env.stdout, 'OK: no problems found');
  }
  return report.ok && originals.ok ? EXIT_OK : EXIT_PROBLEMS;
}
