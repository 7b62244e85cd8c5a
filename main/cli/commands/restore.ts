import { parseArgs } from 'node:util';
import { NEVER_IN_FILES_TEXT } from '../../backup';
import { EXIT_OK, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const restoreUsage =
  'restore --from DIR --archive DIR --user LOGIN [--generation G] [--json]\n  restore --rebuild --from DIR --archive DIR --user NEW_ADMIN_LOGIN --name NEW_ADMIN_NAME [--json]';

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
      rebuild: { type: 'boolean', default: false },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.rebuild) return rebuildCommand(values, env);
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

/**
 * `restore --rebuild`: no generation's snapshot is usable, so the archive is rebuilt from the backup's originals,
 * signed day manifests and seal files (every signature checked first), with a new admin account (the old accounts
 * lived only in the database). Prints every original re-registered and everything not recovered.
 */
async function rebuildCommand(values: Record<string, string | boolean | undefined>, env: CliEnv): Promise<number> {
  const from = requireOption(values, 'from');
  const archive = requireOption(values, 'archive');
  const login = requireOption(values, 'user');
  const displayName = requireOption(values, 'name');
  const password = await readPassword(`new password for ${login}: `, env);
  const cli = new CliSession(archive, env);
  try {
    const sourceId = cli.services.sources.addFolder(from).id;
    const r = await cli.call('backup.rebuild', { sourceId, admin: { login, displayName, password } });
    await cli.call('session.logout', {});
    const rep = r.report;
    if (values.json) {
      println(env.stdout, JSON.stringify({ archive: cli.services.archive.root, ...rep }));
      return EXIT_OK;
    }
    println(env.stdout, text`rebuilt ${cli.services.archive.root} from ${from}: the office CA (sha256 fingerprint ${rep.caFingerprintSha256}) as generation ${rep.trustedGeneration} vouches for it`);
    for (const d of rep.days) println(env.stdout, text`day ${d.day}: manifest sha256 ${d.manifestSha256}, signed by ${d.signedBy} at ${d.signedAt}, ${String(d.files)} original(s) recovered`);
    for (const o of rep.originals) println(env.stdout, text`original ${o.storedPath} sha256 ${o.sha256} recorder ${o.recorderSerial} day ${o.day} ingested by ${o.ingestedBy}, at the latest ${o.ingestedAt}`);
    println(env.stdout, rep.latestSeal ? text`old audit chain: last sealed day ${rep.latestSeal.day}, head ${String(rep.latestSeal.headSeq)} ${rep.latestSeal.headHash}, seal ${rep.latestSeal.hash}` : 'old audit chain: no seal file that verifies');
    for (const u of rep.unrecovered) println(env.stdout, text`NOT RECOVERED [${u.kind}] ${u.path}`);
    for (const n of rep.neverInFiles) println(env.stdout, `NOT RECOVERED (only the database held it): ${NEVER_IN_FILES_TEXT[n]}`);
    return EXIT_OK;
  } finally {
    cli.close();
  }
}
