import { EXIT_OK, parseArchiveArgs, STRING, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const initUsage = 'init --archive DIR --office NAME --admin LOGIN [--unit NAME] [--name DISPLAY_NAME] [--tz Asia/Shanghai] [--json]';

/** Sets an archive up without a window; the first account is admin and custodian. */
export async function initCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { office: STRING, unit: STRING, admin: STRING, name: STRING, tz: { type: 'string', default: 'Asia/Shanghai' } });
  const office = requireOption(values, 'office');
  const admin = requireOption(values, 'admin');
  const password = await readPassword(`password for ${admin}: `, env);
  const cli = new CliSession(archive, env);
  try {
    const info = await cli.call('setup.initialize', {
      officeName: office,
      unitName: values.unit ?? office,
      timeZone: values.tz,
      admin: { login: admin, displayName: values.name ?? admin, password },
    });
    await cli.call('session.logout', {});
    const result = { archive: cli.services.archive.root, office, admin: info.login, roles: info.roles };
    println(env.stdout, values.json ? JSON.stringify(result) : text`archive set up at ${result.archive}\noffice: ${office}\nadmin: ${info.login} (roles: ${info.roles.join(', ')})`);
    return EXIT_OK;
  } finally {
    cli.close();
  }
}
