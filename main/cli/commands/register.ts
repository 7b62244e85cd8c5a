import { parseArgs } from 'node:util';
import { dayBounds, registerEntries, type ViewingRowDto } from '../../api';
import { ACCESS_TYPE_LABELS, formatInstant } from '../../common';
import { archiveHasDatabase } from '../../store';
import { withArchive } from '../archive';
import { EXIT_OK, UsageError, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { esc, text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const registerUsage = 'register --archive DIR --from YYYY-MM-DD --to YYYY-MM-DD [--user LOGIN] [--json]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Prints the viewing register (查阅登记, rules art. 14) for a period of office-local days. Without
 * --user it only reads the archive, like `verify`; with --user it goes through the API as that user
 * (who must be a keeper or an approver) and is refused like anyone else.
 */
export async function registerCommand(argv: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { archive: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const archive = requireOption(values, 'archive');
  const from = requireOption(values, 'from');
  const to = requireOption(values, 'to');
  for (const d of [from, to]) if (!DAY.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`not a date: ${d} (use YYYY-MM-DD)`);
  if (from > to) throw new UsageError('--from is after --to');
  if (!archiveHasDatabase(archive)) throw new UsageError(`no archive at ${archive} (evidence.db not found)`);

  let rows: ViewingRowDto[];
  let timeZone: string;
  if (values.user) {
    const cli = new CliSession(archive, env);
    try {
      await cli.call('session.login', { login: values.user, password: await readPassword(`password for ${values.user}: `, env) });
      timeZone = (await cli.call('office.get', {})).timeZone;
      rows = [];
      for (let offset = 0; ; offset += 500) {
        const page = await cli.call('register.list', { from, to, limit: 500, offset });
        rows.push(...page.items);
        if (rows.length >= page.total || !page.items.length) break;
      }
      await cli.call('session.logout', {});
    } finally {
      cli.close();
    }
  } else {
    [timeZone, rows] = await withArchive(archive, env, (store, office) => [office.timeZone, registerEntries(store.db, dayBounds(from, to, office.timeZone))] as const);
  }

  if (values.json) {
    println(env.stdout, JSON.stringify({ from, to, timeZone, total: rows.length, rows }, null, 2));
    return EXIT_OK;
  }
  const time = (iso: string) => formatInstant(new Date(iso), timeZone, 'YYYY-MM-DD HH:mm');
  println(env.stdout, text`viewing register ${from} .. ${to} (${timeZone}): ${rows.length} viewing(s)`);
  for (const r of rows) {
    const type = r.requestType ? ACCESS_TYPE_LABELS[r.requestType] : r.basis;
    const approver = r.approver ? `${r.approver.displayName} (${r.approver.login})` : '-';
    println(env.stdout,
      [time(r.startedAt), time(r.lastAt), `${r.viewer.displayName} (${r.viewer.login})`, `media #${r.mediaId} ${r.mediaName}`, type, r.requestId ? `request #${r.requestId}` : '-', `approver ${approver}`, r.reason ?? '-']
        .map(esc)
        .join('\t'),
    );
  }
  return EXIT_OK;
}
