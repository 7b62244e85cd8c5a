/**
 * Record forms in the store: rows, signatures and the files beside them in forms/.
 * Every signature is paired with a content file named by the content's hash, so the pair still checks with
 * `openssl cms -verify` after the form has moved on (a voided signature keeps verifying against what it signed).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Session } from '../../accounts';
import { AppError } from '../../common';
import { localDay } from '../../common';
import { writeFileAtomic } from '../../ingest';
import type { ArchivePaths, Db, OfficeRow } from '../../store';
import type { RecordFormDto, RecordFormFieldsDto, RecordFormSignatureDto, RecordFormSummaryDto } from './types';
import type { RecordFormState, SignatureRole } from '../../common';
import { revocationAwareVerifier } from '../../accounts';
import type { Pem } from '../../crypto';
import { canonicalContent, missingFields, sha256 } from './record-form-fields';

export interface FormRow {
  id: number;
  case_id: number;
  disc_no: string;
  fields: string;
  content: string;
  content_sha256: string;
  state: RecordFormState;
  scan_file: string | null;
  scan_sha256: string | null;
  created_at: string;
  updated_at: string;
}

interface SignatureRow {
  id: number;
  role: SignatureRole;
  user_id: number;
  login: string;
  display_name: string;
  content_sha256: string;
  signature: Buffer;
  cert_serial: string;
  signed_at: string;
  void_at: string | null;
  void_reason: string | null;
}

export const contentFileName = (formId: number, contentSha256: string): string => `record-form-${formId}-${contentSha256.slice(0, 16)}.json`;
export const signatureFileName = (formId: number, sigId: number, role: SignatureRole): string => `record-form-${formId}-s${sigId}-${role}.p7s`;
/** The printable form as people file it: 记录表-<disc no>.docx (the disc number is the form's own, e.g. 2026-001). */
export const docxFileName = (discNo: string): string => `记录表-${discNo}.docx`;

export function findForm(db: Db, id: number): FormRow {
  const r = db.prepare('SELECT * FROM record_forms WHERE id = ?').get(id) as FormRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '记录表不存在');
  return r;
}

export function parseFields(r: FormRow): RecordFormFieldsDto {
  return JSON.parse(r.fields) as RecordFormFieldsDto;
}

export function validSignatures(db: Db, formId: number): SignatureRow[] {
  return signatureRows(db, formId).filter((s) => s.void_at === null);
}

function signatureRows(db: Db, formId: number): SignatureRow[] {
  return db
    .prepare(
      `SELECT s.id, s.role, s.user_id, u.login, u.display_name, s.content_sha256, s.signature, s.cert_serial, s.signed_at, s.void_at, s.void_reason
       FROM record_form_signatures s JOIN users u ON u.id = s.user_id WHERE s.form_id = ? ORDER BY s.id`,
    )
    .all(formId) as SignatureRow[];
}

/** Disc numbers run per year in the office's time zone: 2026-001, 2026-002 … shared by forms and discs. */
export function nextDiscNo(db: Db, now: Date, timeZone: string): string {
  const year = localDay(now, timeZone).slice(0, 4);
  const rows = db.prepare("SELECT disc_no FROM record_forms WHERE disc_no LIKE ? || '-%'").all(year) as { disc_no: string }[];
  const max = rows.reduce((m, r) => Math.max(m, Number(/^\d{4}-(\d+)/.exec(r.disc_no)?.[1] ?? 0)), 0);
  return `${year}-${String(max + 1).padStart(3, '0')}`;
}

/** Writes the canonical content next to the signatures (idempotent: the name carries the hash). */
export async function writeContentFile(paths: ArchivePaths, formId: number, content: Buffer): Promise<string> {
  const name = contentFileName(formId, sha256(content));
  const file = path.join(paths.forms, name);
  if (!existsSync(file)) await writeFileAtomic(file, content);
  return name;
}

/** Officers linked to this user who handle the case or wore a recorder for it. */
export function isCaseOfficer(db: Db, caseId: number, userId: number): boolean {
  return !!db
    .prepare(
      `SELECT 1 FROM officers o WHERE o.user_id = ? AND (
         o.id = (SELECT handler_officer_id FROM cases WHERE id = ?)
         OR o.id IN (SELECT m.officer_id FROM case_items ci JOIN media m ON m.id = ci.media_id WHERE ci.case_id = ?))`,
    )
    .get(userId, caseId, caseId);
}

/** Which signature this user may give now, or why not (a Chinese reason). */
export function signingRight(db: Db, form: FormRow, session: Session): { role: SignatureRole } | { refused: string } {
  const fields = parseFields(form);
  if (form.state === 'draft') {
    if (!session.roles.includes('officer')) return { refused: '执法人员签名须由本案执法人员完成' };
    if (!db.prepare('SELECT 1 FROM officers WHERE user_id = ?').get(session.userId)) {
      return { refused: '您的账户未关联执法人员（设备 → 人员），不能以执法人员身份签名；请管理员在账户中填写警号，或由保管员在“人员”中关联' };
    }
    if (!isCaseOfficer(db, form.case_id, session.userId)) return { refused: '仅本案承办人或摄录本案录像的执法人员可签名' };
    const missing = missingFields(fields);
    if (missing.length) return { refused: `请先填写：${missing.join('、')}` };
    return { role: 'officer' };
  }
  if (form.state === 'officer_signed') {
    if (!session.roles.includes('chief')) return { refused: '等待大队负责人签名' };
    if (validSignatures(db, form.id).some((s) => s.role === 'officer' && s.user_id === session.userId)) {
      return { refused: '负责人签名须由另一人完成，不能与执法人员签名为同一人' };
    }
    return { role: 'chief' };
  }
  return { refused: form.state === 'locked' ? '记录表已锁定' : '记录表已签名完毕' };
}

function summaryOf(db: Db, r: FormRow): RecordFormSummaryDto {
  const fields = parseFields(r);
  const sigs = validSignatures(db, r.id);
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: fields.caseNumber,
    caseTitle: fields.caseTitle,
    discNo: r.disc_no,
    state: r.state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    officerSignedBy: sigs.find((s) => s.role === 'officer')?.display_name ?? null,
    chiefSignedBy: sigs.find((s) => s.role === 'chief')?.display_name ?? null,
  };
}

export function listForms(db: Db, caseId?: number): RecordFormSummaryDto[] {
  const rows = (
    caseId === undefined
      ? db.prepare('SELECT * FROM record_forms ORDER BY created_at DESC, id DESC LIMIT 500').all()
      : db.prepare('SELECT * FROM record_forms WHERE case_id = ? ORDER BY created_at DESC, id DESC').all(caseId)
  ) as FormRow[];
  return rows.map((r) => summaryOf(db, r));
}

export function loadForm(db: Db, office: OfficeRow, paths: ArchivePaths, id: number, session: Session): RecordFormDto {
  const r = findForm(db, id);
  const verify = revocationAwareVerifier(db, office.caCertPem as Pem);
  const dir = paths.forms;
  const signatures: RecordFormSignatureDto[] = signatureRows(db, id).map((s) => {
    const contentFile = contentFileName(id, s.content_sha256);
    const file = path.join(dir, contentFile);
    const covered = existsSync(file) ? readFileSync(file) : null;
    const verified = covered !== null && sha256(covered) === s.content_sha256 && verify(covered, s.signature).ok;
    return {
      id: s.id,
      role: s.role,
      signer: { id: s.user_id, login: s.login, displayName: s.display_name },
      signedAt: s.signed_at,
      certSerial: s.cert_serial,
      contentSha256: s.content_sha256,
      verified,
      voidAt: s.void_at,
      voidReason: s.void_reason,
      signatureFile: signatureFileName(id, s.id, s.role),
      contentFile,
    };
  });
  const right = signingRight(db, r, session);
  const discIds = (db.prepare('SELECT id FROM discs WHERE record_form_id = ? ORDER BY disc_index').all(id) as { id: string }[]).map((d) => d.id);
  return {
    ...summaryOf(db, r),
    fields: parseFields(r),
    contentSha256: r.content_sha256,
    contentFile: contentFileName(id, r.content_sha256),
    signatures,
    scan: r.scan_file && r.scan_sha256 ? { fileName: r.scan_file, sha256: r.scan_sha256 } : null,
    canSign: 'role' in right ? right.role : null,
    signRefusal: 'refused' in right ? right.refused : null,
    discIds,
  };
}

/** The content as stored, checked against its hash and against the fields it was made from. */
export function storedContent(r: FormRow): Buffer {
  const content = Buffer.from(r.content, 'utf8');
  if (sha256(content) !== r.content_sha256 || !content.equals(canonicalContent(r.case_id, parseFields(r)))) {
    throw new AppError('FORM_CORRUPT', '记录表内容与其校验值不一致，请联系管理员', `record form ${r.id} content does not match its hash or fields`);
  }
  return content;
}
