import { dayBounds, registerEntries, type ViewingRowDto } from '../../api';
import { ACCESS_TYPE_LABELS, formatInstant } from '../../common';
import { requireArchive, withArchive } from '../archive';
import { EXIT_OK, UsageError, parseArchiveArgs, STRING, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { esc, text } from '../escape';
import { asUser } from '../session';

export const registerUsage = 'register --archive DIR --from YYYY-MM-DD --to YYYY-MM-DD [--user LOGIN] [--json]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Prints the viewing register (查阅登记, rules art. 14) for a period of office-local days. Without
 * --user it only reads the archive, like `verify`; with --user it goes through the API as that user
 * (who must be a keeper or an approver) and is refused like anyone else.
 */
export async function registerCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { from: STRING, to: STRING, user: STRING });
  const from = requireOption(values, 'from');
  const to = requireOption(values, 'to');
  for (const d of [from, to]) if (!DAY.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`not a date: ${d} (use YYYY-MM-DD)`);
  if (from > to) throw new UsageError('--from is after --to');
  requireArchive(archive);

  let rows: ViewingRowDto[];
  let timeZone: string;
  if (values.user) {
    [timeZone, rows] = await asUser(archive, values.user, env, async (cli) => {
      const zone = (await cli.call('office.get', {})).timeZone;
      const all: ViewingRowDto[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await cli.call('register.list', { from, to, limit: 500, offset });
        all.push(...page.items);
        if (all.length >= page.total || !page.items.length) break;
      }
      return [zone, all] as const;
    });
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
