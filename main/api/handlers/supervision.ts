import path from 'node:path';
import { addDays, AppError, FINDING_KIND_LABELS, RULE_ARTICLE_LABELS, VERDICT_LABELS, formatInstant, localDay, type RuleArticle } from '../../common';
import { certificateInfo, type Pem } from '../../crypto';
import { dailyCheckForm, inspectionReportForm, type DailyCheckData, type DailyCheckFinding } from '../../forms';
import { writeFileAtomic } from '../../ingest';
import {
  checkContentFileName,
  checkDocxFileName,
  checkRecord,
  checkSignatureFileName,
  closeCorrection,
  dailyCheck,
  daySignature,
  defaultCheckDay,
  findCorrection,
  insertCorrection,
  insertDaySignature,
  inspectionReport,
  REPORT_MAX_DAYS,
  openCorrections,
  recordContent,
  setMark,
  sha256Hex,
  type DailyCheck,
  type DailyCheckRecord,
} from '../../supervision';
import type { ApiServices } from '../context';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';

type SupervisionMethods =
  | 'supervision.day'
  | 'supervision.mark'
  | 'supervision.openCorrection'
  | 'supervision.closeCorrection'
  | 'supervision.openCorrections'
  | 'supervision.sign'
  | 'supervision.docx'
  | 'supervision.report'
  | 'supervision.reportDocx';

function reportOf(services: ApiServices, from: string, to: string, now: Date) {
  if (from > to) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期');
  if (addDays(from, REPORT_MAX_DAYS - 1) < to) throw new AppError('INVALID_INPUT', `检查期间最长 ${REPORT_MAX_DAYS} 天`);
  const office = services.archive.office();
  return inspectionReport(services.archive.open().db, { from, to, timeZone: office.timeZone, now, since: localDay(new Date(office.createdAt), office.timeZone) });
}

function checkOf(services: ApiServices, day: string, now: Date): DailyCheck {
  return dailyCheck(services.archive.open().db, { day, timeZone: services.archive.office().timeZone, now });
}

/** The finding as computed now; marks and corrections name only findings the chief was shown. */
function findingOf(check: DailyCheck, key: string) {
  const f = check.findings.find((x) => x.key === key);
  if (!f) throw new AppError('NOT_FOUND', '该检查事项已不存在，请刷新');
  if (check.signature) throw new AppError('SUPERVISION_SIGNED', '本日检查已签名，不能再修改标记');
  return f;
}

/** A finding as the printed record lists it, from a signed record's copy or from the check as it stands. */
function findingRow(
  f: { kind: keyof typeof FINDING_KIND_LABELS; problem: boolean; title: string; detail: string },
  article: RuleArticle,
  refs: string[],
  verdict: string,
  note: string,
): DailyCheckFinding {
  return { article: RULE_ARTICLE_LABELS[article], kind: FINDING_KIND_LABELS[f.kind], problem: f.problem, title: f.title, detail: f.detail, refs, verdict, note };
}

/** The printable record: a signed day prints exactly what was signed; an unsigned one prints the check as it stands. */
function formData(services: ApiServices, check: DailyCheck, chiefName: string | null, now: Date): DailyCheckData {
  const office = services.archive.office();
  const sig = daySignature(services.archive.open().db, check.day);
  const stateOf = (c: { closedAt: string | null; outcome: string | null }) =>
    c.closedAt ? `${c.outcome ?? ''}（${formatInstant(new Date(c.closedAt), office.timeZone)} 完成）` : '未完成';
  if (sig) {
    const rec = JSON.parse(sig.content) as DailyCheckRecord;
    const titleOf = new Map(rec.findings.map((f) => [f.key, f.title]));
    return {
      unitName: rec.unitName,
      timeZone: rec.timeZone,
      generatedAt: now,
      day: rec.day,
      findings: rec.findings.map((f) => findingRow(f, f.article, f.refs.map((r) => r.replace(/^\S+ /, '')), VERDICT_LABELS[f.verdict], f.note)),
      corrections: rec.corrections.map((c) => ({ id: c.id, finding: titleOf.get(c.findingKey) ?? c.findingKey, assignee: c.assignee, action: c.action, dueDay: c.dueDay, state: stateOf(c) })),
      signature: { signer: sig.signer, signedAt: new Date(sig.signedAt), contentSha256: sig.contentSha256, fileName: checkContentFileName(check.day) },
      chiefName: sig.signer,
    };
  }
  return {
    unitName: office.unitName,
    timeZone: office.timeZone,
    generatedAt: now,
    day: check.day,
    findings: check.findings.map((f) =>
      findingRow(f, f.article as RuleArticle, f.refs.map((r) => r.label), f.mark ? VERDICT_LABELS[f.mark.verdict] : '未标记', f.mark?.note ?? ''),
    ),
    corrections: check.findings.flatMap((f) =>
      f.corrections.map((c) => ({ id: c.id, finding: f.title, assignee: c.assignee, action: c.action, dueDay: c.dueDay, state: stateOf(c) })),
    ),
    signature: null,
    chiefName,
  };
}

/**
 * 日常检查 (art. 15). The findings are computed from the records on every call; what is stored is the chief's: a mark
 * per finding, corrections (who does what by when, closed with what was done) and one signature per day, after
 * which the day's marks are fixed (the store's triggers refuse changes). Corrections stay open across days until
 * closed, and are closed even after the day is signed.
 */
export const supervisionHandlers: Pick<HandlerTable, SupervisionMethods> = {
  'supervision.day': ({ input, services, now }) => checkOf(services, input.day ?? defaultCheckDay(now, services.archive.office().timeZone), now),

  'supervision.mark': ({ input, services, db, tx, audit, session, now }) =>
    tx(() => {
      const check = checkOf(services, input.day, now);
      const f = findingOf(check, input.findingKey);
      const before = setMark(db(), { day: input.day, findingKey: f.key, verdict: input.verdict, note: input.note ?? '', userId: session.userId, now });
      audit('supervision.mark', `supervision:${input.day}`, { findingKey: f.key, article: f.article, verdict: input.verdict, before, note: input.note ?? '' });
      return checkOf(services, input.day, now);
    }),

  'supervision.openCorrection': ({ input, services, db, tx, audit, session, now }) =>
    tx(() => {
      if (input.dueDay < input.day) throw new AppError('INVALID_INPUT', '纠正期限不能早于检查日期');
      const check = checkOf(services, input.day, now);
      const f = findingOf(check, input.findingKey);
      const id = insertCorrection(db(), {
        day: input.day,
        findingKey: f.key,
        article: f.article,
        finding: f.title,
        assignee: input.assignee,
        action: input.action,
        dueDay: input.dueDay,
        userId: session.userId,
        now,
      });
      if (f.mark?.verdict !== 'needs_correction') {
        const note = f.mark?.note ?? '';
        const before = setMark(db(), { day: input.day, findingKey: f.key, verdict: 'needs_correction', note, userId: session.userId, now });
        audit('supervision.mark', `supervision:${input.day}`, { findingKey: f.key, article: f.article, verdict: 'needs_correction', before, note, byCorrection: id });
      }
      audit('supervision.correction_open', `correction:${id}`, { day: input.day, findingKey: f.key, article: f.article, assignee: input.assignee, action: input.action, dueDay: input.dueDay });
      return checkOf(services, input.day, now);
    }),

  'supervision.closeCorrection': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const before = findCorrection(db(), input.id);
      closeCorrection(db(), { id: input.id, outcome: input.outcome, userId: session.userId, now });
      audit('supervision.correction_close', `correction:${input.id}`, { day: before.day, findingKey: before.findingKey, outcome: input.outcome, dueDay: before.dueDay });
      return findCorrection(db(), input.id);
    }),

  'supervision.openCorrections': ({ db }) => openCorrections(db()),

  'supervision.sign': async ({ input, services, db, tx, audit, session, now }) => {
    const office = services.archive.office();
    const check = checkOf(services, input.day, now);
    if (check.signRefusal) throw new AppError('SIGN_REFUSED', check.signRefusal);
    const content = recordContent(checkRecord(check, { unitName: office.unitName, signer: { login: session.login, name: session.displayName }, at: now }));
    const contentSha256 = sha256Hex(content);
    const signature = signerFor(services, session)(content);
    // Never store a signature that would not verify for an outside checker.
    const verified = officeVerifier(services)(content, signature);
    if (!verified.ok) throw new AppError('SIGN_FAILED', '签名失败：证书无法通过单位根证书验证，请联系管理员', `daily check signature does not verify: ${verified.reason ?? ''}`);
    const certSerial = certificateInfo(session.certPem as Pem).serialHex;
    const forms = services.archive.open().paths.forms;
    await writeFileAtomic(path.join(forms, checkContentFileName(input.day)), content);
    await writeFileAtomic(path.join(forms, checkSignatureFileName(input.day)), signature);
    tx(() => {
      const again = checkOf(services, input.day, now);
      if (again.signature) throw new AppError('SIGN_REFUSED', '本日检查已签名');
      if (sha256Hex(recordContent(checkRecord(again, { unitName: office.unitName, signer: { login: session.login, name: session.displayName }, at: now }))) !== contentSha256) {
        throw new AppError('CHECK_CHANGED', '检查内容刚有变化，请刷新后再签名');
      }
      const id = insertDaySignature(db(), { day: input.day, content, contentSha256, signature, certSerial, userId: session.userId, now });
      audit('supervision.sign', `supervision:${input.day}`, {
        signatureId: id,
        findings: check.findings.length,
        problems: check.findings.filter((f) => f.problem).length,
        corrections: check.findings.reduce((n, f) => n + f.corrections.length, 0),
        contentSha256,
        signatureSha256: sha256Hex(signature),
        certSerial,
        contentFile: checkContentFileName(input.day),
      });
    });
    return { day: input.day, contentFile: checkContentFileName(input.day), signatureFile: checkSignatureFileName(input.day), contentSha256, verified: true };
  },

  'supervision.docx': async ({ input, services, tx, audit, session, now }) => {
    const check = checkOf(services, input.day, now);
    const data = formData(services, check, session.roles.includes('chief') ? session.displayName : null, now);
    const saved = await saveForm(services, checkDocxFileName(input.day), await dailyCheckForm(data));
    tx(() => audit('form.daily_check', `supervision:${input.day}`, { fileName: saved.fileName, sha256: saved.sha256, signed: check.signature !== null }));
    return saved;
  },

  'supervision.report': ({ input, services, now }) => reportOf(services, input.from, input.to, now),

  'supervision.reportDocx': async ({ input, services, tx, audit, session, now }) => {
    const r = reportOf(services, input.from, input.to, now);
    const office = services.archive.office();
    const docx = await inspectionReportForm({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      from: r.from,
      to: r.to,
      officers: r.officers.map((o) => ({ ...o, sameDay: o.sameDayRate === null ? '—' : `${o.daysHandedOverSameDay}/${o.daysRecorded} 天` })),
      recorders: r.recorders,
      viewers: r.viewers,
      discs: r.discs,
      corrections: r.corrections,
      articles: r.articles.map((a) => ({ article: RULE_ARTICLE_LABELS[a.article], followed: a.followed, checked: a.checked, problems: a.problems.map((p) => `${p.day} ${p.title}`) })),
      preparedBy: session.displayName,
    });
    const fileName = `检查报告-${r.from.replaceAll('-', '')}-${r.to.replaceAll('-', '')}.docx`;
    const saved = await saveForm(services, fileName, docx);
    const signature = signerFor(services, session)(docx);
    const signatureFile = `${fileName}.p7s`;
    await writeFileAtomic(path.join(services.archive.open().paths.forms, signatureFile), signature);
    tx(() =>
      audit('form.inspection_report', `supervision:${r.from}..${r.to}`, {
        fileName,
        sha256: saved.sha256,
        signatureSha256: sha256Hex(signature),
        followed: r.articles.filter((a) => a.followed).map((a) => a.article),
        notFollowed: r.articles.filter((a) => !a.followed).map((a) => a.article),
      }),
    );
    return { ...saved, signatureFile };
  },
};
