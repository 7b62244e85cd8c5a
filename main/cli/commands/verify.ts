import { parseArgs } from 'node:util';
import { verifyDetached, type Pem } from '../../crypto';
import { archiveHasDatabase, openStore, readOffice, verifyAuditChain } from '../../store';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, requireOption } from '../args';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const verifyUsage = 'verify --archive DIR [--user LOGIN] [--json]';

/**
 * Checks the audit chain and its day seals. With --user the check runs through the API as that
 * user and is itself audited; without it, it only reads.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { archive: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const archive = requireOption(values, 'archive');
  if (!archiveHasDatabase(archive)) throw new UsageError(`no archive at ${archive} (evidence.db not found)`);

  let report;
  if (values.user) {
    const cli = new CliSession(archive);
    try {
      await cli.call('session.login', { login: values.user, password: await readPassword(`password for ${values.user}: `) });
      report = await cli.call('audit.verify', {});
      await cli.call('session.logout', {});
    } finally {
      cli.close();
    }
  } else {
    const store = openStore(archive);
    try {
      const office = readOffice(store.db);
      if (!office) throw new UsageError(`archive at ${archive} is not set up`);
      report = verifyAuditChain(store.db, (content, signatureDer) => verifyDetached({ content, signatureDer, caCertPem: office.caCertPem as Pem }));
    } finally {
      store.close();
    }
  }

  if (values.json) {
    console.log(JSON.stringify({ auditChain: report }, null, 2));
  } else {
    console.log(`audit chain: ${report.entries} entries, head ${report.headSeq}, ${report.sealedDays} sealed day(s)`);
    if (report.ok) console.log('OK: no problems found');
    for (const p of report.problems) console.log(`PROBLEM [${p.kind}] row ${p.seq}: ${p.message}`);
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEMS;
}
