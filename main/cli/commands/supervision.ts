import { dailyCheck, type DailyCheckDto } from '../../api';
import { FINDING_KIND_LABELS, RULE_ARTICLE_LABELS, VERDICT_LABELS } from '../../common';
import { withArchive } from '../archive';
import { EXIT_OK, UsageError, parseArchiveArgs, STRING, requireOption } from '../args';
import { println, type CliEnv } from '../env';
import { esc, text } from '../escape';
import { asUser } from '../session';

export const supervisionUsage = 'supervision --archive DIR --date YYYY-MM-DD [--user LOGIN] [--json]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Prints the daily check (日常检查, rules art. 15) of one office day: each finding under its article, with the
 * chief's mark and the corrections ordered. Without --user it only reads the archive, like `register`; with --user
 * it goes through the API as that user (the chief or the township leader) and is refused like anyone else.
 */
export async function supervisionCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { date: STRING, user: STRING });
  const day = requireOption(values, 'date');
  if (!DAY.test(day) || Number.isNaN(Date.parse(day))) throw new UsageError(`not a date: ${day} (use YYYY-MM-DD)`);

  let check: DailyCheckDto;
  if (values.user) {
    check = await asUser(archive, values.user, env, (cli) => cli.call('supervision.day', { day }));
  } else {
    check = await withArchive(archive, env, (store, office) => dailyCheck(store.db, { day, timeZone: office.timeZone, now: env.clock.now() }));
  }

  if (values.json) {
    println(env.stdout, JSON.stringify(check, null, 2));
    return EXIT_OK;
  }
  const problems = check.findings.filter((f) => f.problem).length;
  println(env.stdout, text`daily check ${day} (${check.timeZone}): ${check.findings.length} finding(s), ${problems} problem(s)`);
  let article = '';
  for (const f of check.findings) {
    if (f.article !== article) {
      article = f.article;
      println(env.stdout, text`art. ${f.article} ${RULE_ARTICLE_LABELS[f.article]}`);
    }
    const mark = f.mark ? VERDICT_LABELS[f.mark.verdict] : '未标记';
    println(env.stdout, ['', f.problem ? 'PROBLEM' : 'ok', FINDING_KIND_LABELS[f.kind], f.title, f.detail, mark, f.refs.map((r) => `${r.kind}:${r.id}`).join(' ')].map(esc).join('\t'));
    for (const c of f.corrections) {
      println(env.stdout, ['', '', `correction #${c.id}`, c.assignee, c.action, `due ${c.dueDay}`, c.closedAt ? `closed: ${c.outcome ?? ''}` : 'open'].map(esc).join('\t'));
    }
  }
  println(env.stdout, check.signature ? text`signed by ${check.signature.signer} (${check.signature.signerLogin}) at ${check.signature.signedAt}` : 'not signed');
  return EXIT_OK;
}
