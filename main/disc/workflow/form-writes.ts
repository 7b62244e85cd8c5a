// Writing record forms: a new draft, new content (which voids the signatures), a signature, a scan.
import type { Db } from '../../store';
import type { SignatureRole } from '../../common';
import type { RecordFormFieldsDto } from './types';
import { sha256 } from './record-form-fields';

export function discNoTaken(db: Db, discNo: string): boolean {
  return !!db.prepare('SELECT 1 FROM record_forms WHERE disc_no = ?').get(discNo);
}

export function insertForm(db: Db, f: { caseId: number; discNo: string; fields: RecordFormFieldsDto; content: Buffer; userId: number; now: Date }): number {
  const at = f.now.toISOString();
  return db
    .prepare(`INSERT INTO record_forms (case_id, disc_no, fields, content, content_sha256, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(f.caseId, f.discNo, JSON.stringify(f.fields), f.content.toString('utf8'), sha256(f.content), f.userId, at, at).lastInsertRowid as number;
}

export function voidSignatures(db: Db, formId: number, reason: string, now: Date): void {
  db.prepare(`UPDATE record_form_signatures SET void_at = ?, void_reason = ? WHERE form_id = ? AND void_at IS NULL`).run(now.toISOString(), reason, formId);
}

/** New fields and content; the form goes back to draft. */
export function updateFormContent(db: Db, formId: number, fields: RecordFormFieldsDto, content: Buffer, now: Date): void {
  db.prepare(`UPDATE record_forms SET fields = ?, content = ?, content_sha256 = ?, state = 'draft', updated_at = ? WHERE id = ?`).run(
    JSON.stringify(fields),
    content.toString('utf8'),
    sha256(content),
    now.toISOString(),
    formId,
  );
}

/** Stores a signature and moves the form to the state it gives; returns the signature's id. */
export function insertSignature(
  db: Db,
  s: { formId: number; role: SignatureRole; userId: number; contentSha256: string; signature: Buffer; certSerial: string; now: Date },
): number {
  const at = s.now.toISOString();
  const id = db
    .prepare(`INSERT INTO record_form_signatures (form_id, role, user_id, content_sha256, signature, cert_serial, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(s.formId, s.role, s.userId, s.contentSha256, s.signature, s.certSerial, at).lastInsertRowid as number;
  db.prepare('UPDATE record_forms SET state = ?, updated_at = ? WHERE id = ?').run(s.role === 'officer' ? 'officer_signed' : 'chief_signed', at, s.formId);
  return id;
}

export function setFormScan(db: Db, formId: number, fileName: string, scanSha256: string, now: Date): void {
  db.prepare('UPDATE record_forms SET scan_file = ?, scan_sha256 = ?, updated_at = ? WHERE id = ?').run(fileName, scanSha256, now.toISOString(), formId);
}

/** Building a disc locks its form; false when it was locked already. */
export function lockForm(db: Db, formId: number, now: Date): boolean {
  return db.prepare("UPDATE record_forms SET state = 'locked', updated_at = ? WHERE id = ? AND state <> 'locked'").run(now.toISOString(), formId).changes > 0;
}
