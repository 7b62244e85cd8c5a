// The daily check of one office day (rules art. 15): the findings of every source with the chief's marks, the
// corrections he ordered, and his signature; and the canonical content that signature covers.
import { createHash } from 'node:crypto';
import { addDays, localDay, RULE_ARTICLES, type Verdict } from '../common';
import type { Db } from '../store';
import { loadDayRows } from './day-rows';
import { dayCorrections, dayMarks, daySignature, openCorrections } from './records';
import { FINDING_SOURCES } from './sources';
import type { Correction, DayRows, Finding, FindingSource, Mark } from './types';

/** The day a check opens on: yesterday in the office's zone. */
export function defaultCheckDay(now: Date, timeZone: string): string {
  return addDays(localDay(now, timeZone), -1);
}

/** Pure: every source's findings for the rows, sorted by article (in RULE_ARTICLES order), problems first. */
export function findingsOf(rows: DayRows, sources: readonly FindingSource[] = FINDING_SOURCES): Finding[] {
  const all = sources.flatMap((s) => s(rows));
  const order = (f: Finding) => RULE_ARTICLES.indexOf(f.article);
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || Number(b.f.problem) - Number(a.f.problem) || a.i - b.i)
    .map(({ f }) => f);
}

export interface CheckedFinding extends Finding {
  mark: Mark | null;
  corrections: Correction[];
}

export interface DailyCheck {
  day: string;
  timeZone: string;
  findings: CheckedFinding[];
  /** Every open correction of any day (the chief sees what is still outstanding). */
  openCorrections: Correction[];
  signature: { signer: string; signerLogin: string; signedAt: string; contentSha256: string } | null;
  /** Why the chief cannot sign yet (Chinese), or null. */
  signRefusal: string | null;
}

export function dailyCheck(db: Db, args: { day: string; timeZone: string; now: Date }): DailyCheck {
  const findings = findingsOf(loadDayRows(db, args));
  const marks = new Map(dayMarks(db, args.day).map((m) => [m.findingKey, m]));
  const corrections = dayCorrections(db, args.day);
  const checked = findings.map((f) => ({ ...f, mark: marks.get(f.key) ?? null, corrections: corrections.filter((c) => c.findingKey === f.key) }));
  const sig = daySignature(db, args.day);
  return {
    day: args.day,
    timeZone: args.timeZone,
    findings: checked,
    openCorrections: openCorrections(db),
    signature: sig ? { signer: sig.signer, signerLogin: sig.signerLogin, signedAt: sig.signedAt, contentSha256: sig.contentSha256 } : null,
    signRefusal: signRefusal(checked, sig !== null, args),
  };
}

function signRefusal(findings: CheckedFinding[], signed: boolean, args: { day: string; timeZone: string; now: Date }): string | null {
  if (signed) return '本日检查已签名';
  if (args.day >= localDay(args.now, args.timeZone)) return '当日尚未结束，次日再签名';
  const unmarked = findings.filter((f) => !f.mark).length;
  if (unmarked) return `还有 ${unmarked} 项未标记（正常 / 需纠正）`;
  const uncorrected = findings.filter((f) => f.mark?.verdict === 'needs_correction' && f.corrections.length === 0).length;
  if (uncorrected) return `还有 ${uncorrected} 项标为需纠正但未布置纠正措施`;
  return null;
}

/** What the chief's signature covers: the day's findings as checked, his marks and the corrections ordered. */
export interface DailyCheckRecord {
  form: 'daily-check';
  version: 1;
  unitName: string;
  day: string;
  timeZone: string;
  findings: { key: string; kind: Finding['kind']; article: Finding['article']; problem: boolean; title: string; detail: string; refs: string[]; verdict: Verdict; note: string }[];
  corrections: { id: number; findingKey: string; assignee: string; action: string; dueDay: string; closedAt: string | null; outcome: string | null }[];
  signer: { login: string; name: string };
  signedAt: string;
}

/** Pure: the record of a fully marked check, to be signed. */
export function checkRecord(check: DailyCheck, a: { unitName: string; signer: { login: string; name: string }; at: Date }): DailyCheckRecord {
  return {
    form: 'daily-check',
    version: 1,
    unitName: a.unitName,
    day: check.day,
    timeZone: check.timeZone,
    findings: check.findings.map((f) => ({
      key: f.key,
      kind: f.kind,
      article: f.article,
      problem: f.problem,
      title: f.title,
      detail: f.detail,
      refs: f.refs.map((r) => `${r.kind}:${r.id} ${r.label}`),
      verdict: f.mark?.verdict ?? 'normal',
      note: f.mark?.note ?? '',
    })),
    corrections: check.findings.flatMap((f) =>
      f.corrections.map((c) => ({ id: c.id, findingKey: c.findingKey, assignee: c.assignee, action: c.action, dueDay: c.dueDay, closedAt: c.closedAt, outcome: c.outcome })),
    ),
    signer: a.signer,
    signedAt: a.at.toISOString(),
  };
}

/** The bytes that are signed and kept: JSON with a trailing newline, so `openssl cms -verify -content` reads the same file. */
export function recordContent(record: DailyCheckRecord): Buffer {
  return Buffer.from(`${JSON.stringify(record, null, 1)}\n`, 'utf8');
}

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Files of a signed day in forms/: the content and its detached CMS signature. */
export const checkContentFileName = (day: string): string => `daily-check-${day}.json`;
export const checkSignatureFileName = (day: string): string => `daily-check-${day}.json.p7s`;
/** The printable record as people file it: 日常检查记录-<YYYYMMDD>.docx. */
export const checkDocxFileName = (day: string): string => `日常检查记录-${day.replaceAll('-', '')}.docx`;
