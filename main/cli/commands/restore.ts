import { NEVER_IN_FILES_TEXT } from '../../backup';
import { EXIT_OK, FLAG, parseArchiveArgs, requireOption, STRING } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { asUser } from '../session';

export const restoreUsage =
  'restore --from DIR --archive DIR --user LOGIN [--generation G] [--json]\n  restore --rebuild --from DIR --archive DIR --user NEW_ADMIN_LOGIN --name NEW_ADMIN_NAME [--json]';

/**
 * Restores an archive onto a new machine from a backup (its newest generation, or --generation), through the API:
 * every hash and the signature are checked first; the custodian or admin of the backed-up office logs in with his
 * own password. Prints what the backup does not hold.
 */
export async function restoreCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { from: STRING, user: STRING, generation: STRING, rebuild: FLAG, name: STRING });
  const from = requireOption(values, 'from');
  const user = requireOption(values, 'user');
  if (values.rebuild) return rebuildCommand({ archive, from, login: user, displayName: requireOption(values, 'name'), json: values.json }, env);
  const { root, report: rep } = await asUser(
    archive,
    user,
    env,
    async (cli, password) => {
      const sourceId = cli.services.sources.addFolder(from).id;
      const r = await cli.call('backup.restore', { sourceId, login: user, password, ...(values.generation ? { generation: values.generation } : {}) });
      return { root: cli.services.archive.root, report: r.report };
    },
    { byFn: true },
  );
  if (values.json) println(env.stdout, JSON.stringify({ archive: root, ...rep }));
  else {
    println(
      env.stdout,
      text`restored generation ${rep.generation} (taken ${rep.takenAt}, manifest sha256 ${rep.manifestSha256}, signed by ${rep.signedBy ?? '?'}) into ${root}\noriginals: ${String(rep.originals)}, other files: ${String(rep.files)}\nnot in this backup: everything ingested or done after ${rep.takenAt}`,
    );
    if (rep.notHeld.newerGenerations.length) println(env.stdout, text`newer generations not restored: ${rep.notHeld.newerGenerations.join(', ')}`);
    for (const f of rep.notHeld.originalsNotInGeneration) println(env.stdout, text`original on the backup drive not registered in this generation: ${f}`);
  }
  return EXIT_OK;
}

/**
 * `restore --rebuild`: no generation's snapshot is usable, so the archive is rebuilt from the backup's originals,
 * signed day manifests and seal files (every signature checked first), with a new admin account (the old accounts
 * lived only in the database). Prints every original re-registered and everything not recovered.
 */
async function rebuildCommand(a: { archive: string; from: string; login: string; displayName: string; json: boolean }, env: CliEnv): Promise<number> {
  const { root, report: rep } = await asUser(
    a.archive,
    a.login,
    env,
    async (cli, password) => {
      const sourceId = cli.services.sources.addFolder(a.from).id;
      const r = await cli.call('backup.rebuild', { sourceId, admin: { login: a.login, displayName: a.displayName, password } });
      return { root: cli.services.archive.root, report: r.report };
    },
    { byFn: true, prompt: `new password for ${a.login}: ` },
  );
  if (a.json) {
    println(env.stdout, JSON.stringify({ archive: root, ...rep }));
    return EXIT_OK;
  }
  println(env.stdout, text`rebuilt ${root} from ${a.from}: the office CA (sha256 fingerprint ${rep.caFingerprintSha256}) as generation ${rep.trustedGeneration} vouches for it`);
  for (const d of rep.days) println(env.stdout, text`day ${d.day}: manifest sha256 ${d.manifestSha256}, signed by ${d.signedBy} at ${d.signedAt}, ${String(d.files)} original(s) recovered`);
  for (const o of rep.originals) println(env.stdout, text`original ${o.storedPath} sha256 ${o.sha256} recorder ${o.recorderSerial} day ${o.day} ingested by ${o.ingestedBy}, at the latest ${o.ingestedAt}`);
  println(env.stdout, rep.latestSeal ? text`old audit chain: last sealed day ${rep.latestSeal.day}, head ${String(rep.latestSeal.headSeq)} ${rep.latestSeal.headHash}, seal ${rep.latestSeal.hash}` : 'old audit chain: no seal file that verifies');
  for (const u of rep.unrecovered) println(env.stdout, text`NOT RECOVERED [${u.kind}] ${u.path}`);
  for (const n of rep.neverInFiles) println(env.stdout, `NOT RECOVERED (only the database held it): ${NEVER_IN_FILES_TEXT[n]}`);
  return EXIT_OK;
}
