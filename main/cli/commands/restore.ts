import { parseArgs } from 'node:util';
import { EXIT_OK, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const restoreUsage = 'restore --from DIR --archive DIR --user LOGIN [--generation G] [--json]';

/**
 * Restores an archive onto a new machine from a backup (its newest generation, or --generation), through the API:
 * every hash and the signature are checked first; the custodian or admin of the backed-up office logs in with his
 * own password. Prints what the backup does not hold.
 */
export async function restoreCommand(argv: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      archive: { type: 'string' },
      user: { type: 'string' },
      generation: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const from = requireOption(values, 'from');
  const archive = requireOption(values, 'archive');
  const user = requireOption(values, 'user');
  const password = await readPassword(`password for ${user}: `, env);
  const cli = new CliSession(archive, env);
  try {
    const sourceId = cli.services.sources.addFolder(from).id;
    const r = await cli.call('backup.restore', { sourceId, login: user, password, ...(values.generation ? { generation: values.generation } : {}) });
    await cli.call('session.logout', {});
    const rep = r.report;
    if (values.json) println(env.stdout, JSON.stringify({ archive: cli.services.archive.root, ...rep }));
    else {
      println(
        env.stdout,
        text`restored generation ${rep.generation} (taken ${rep.takenAt}, manifest sha256 ${rep.manifestSha256}, signed by ${rep.signedBy ?? '?'}) into ${cli.services.archive.root}\noriginals: ${String(rep.originals)}, other files: ${String(rep.files)}\nnot in this backup: everything ingested or done after ${rep.takenAt}`,
      );
      if (rep.notHeld.newerGenerations.length) println(env.stdout, text`newer generations not restored: ${rep.notHeld.newerGenerations.join(', ')}`);
      for (const f of rep.notHeld.originalsNotInGeneration) println(env.stdout, text`original on the backup drive not registered in this generation: ${f}`);
    }
    return EXIT_OK;
  } finally {
    cli.close();
  }
}
