import path from 'node:path';
import { AppError } from '../../common';
import { certificateInfo, type Pem } from '../../crypto';
import { writeFileAtomic } from '../../ingest';
import {
  applyEdits,
  autoFields,
  canonicalContent,
  docxFileName,
  findForm,
  listForms,
  loadForm,
  nextDiscNo,
  parseFields,
  recordFormDocx,
  sha256,
  signatureFileName,
  signingRight,
  storedContent,
  validSignatures,
  writeContentFile,
  discNoTaken,
  insertForm,
  voidSignatures,
  updateFormContent,
  insertSignature,
  setFormScan,
} from '../../disc';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';
import { decodeScan } from './scan-upload';

type FormMethods =
  | 'forms.recordList'
  | 'forms.recordGet'
  | 'forms.recordDraft'
  | 'forms.recordUpdate'
  | 'forms.recordSign'
  | 'forms.recordDocx'
  | 'forms.recordAttachScan';

const EDITABLE = ['place', 'cameraOperator', 'officers', 'remarks'] as const;

/**
 * 记录表 workflow. Choice: editing a signed form is allowed and resets it to draft, voiding every signature
 * (kept, marked void with the reason, audited), so the signers must sign the new content again. A locked form
 * (filed with a built disc) is refused outright.
 */
export const recordFormHandlers: Pick<HandlerTable, FormMethods> = {
  'forms.recordList': ({ input, db }) => listForms(db(), input.caseId),
  'forms.recordGet': ({ input, db, services, session }) => loadForm(db(), services.archive.office(), services.archive.open().paths, input.id, session),

  'forms.recordDraft': async ({ input, db, tx, audit, session, services, now }) => {
    const office = services.archive.office();
    const { id, content } = tx(() => {
      const discNo = input.discNo ?? nextDiscNo(db(), now, office.timeZone);
      if (discNoTaken(db(), discNo)) throw new AppError('DISC_NO_TAKEN', `光盘编号 ${discNo} 已被使用`);
      const fields = autoFields(db(), input.caseId, discNo);
      const content = canonicalContent(input.caseId, fields);
      const id = insertForm(db(), { caseId: input.caseId, discNo, fields, content, userId: session.userId, now });
      audit('record_form.create', `record_form:${id}`, { caseId: input.caseId, discNo, files: fields.files.length, contentSha256: sha256(content) });
      return { id, content };
    });
    await writeContentFile(services.archive.open().paths, id, content);
    return loadForm(db(), services.archive.office(), services.archive.open().paths, id, session);
  },

  'forms.recordUpdate': async ({ input, db, tx, audit, session, services, now }) => {
    const before = findForm(db(), input.id);
    if (before.state === 'locked') throw new AppError('FORM_LOCKED', '记录表已随光盘归档并锁定，不能再修改');
    const oldFields = parseFields(before);
    const fields = applyEdits(oldFields, input);
    const content = canonicalContent(before.case_id, fields);
    if (sha256(content) === before.content_sha256) return loadForm(db(), services.archive.office(), services.archive.open().paths, input.id, session);
    await writeContentFile(services.archive.open().paths, input.id, content);
    tx(() => {
      const cur = findForm(db(), input.id);
      if (cur.content_sha256 !== before.content_sha256 || cur.state !== before.state) throw new AppError('FORM_CHANGED', '记录表刚被他人修改或签名，请刷新后重试');
      const voided = validSignatures(db(), input.id).map((s) => s.id);
      if (voided.length) voidSignatures(db(), input.id, '签名后记录表内容被修改，签名失效', now);
      updateFormContent(db(), input.id, fields, content, now);
      const pick = (f: typeof fields) => Object.fromEntries(EDITABLE.map((k) => [k, f[k]]));
      audit('record_form.update', `record_form:${input.id}`, {
        before: pick(oldFields),
        after: pick(fields),
        stateBefore: before.state,
        voidedSignatures: voided,
        contentSha256: sha256(content),
      });
    });
    return loadForm(db(), services.archive.office(), services.archive.open().paths, input.id, session);
  },

  'forms.recordSign': async ({ input, db, tx, audit, session, services, now }) => {
    const form = findForm(db(), input.id);
    const right = signingRight(db(), form, session);
    if ('refused' in right) throw new AppError('SIGN_REFUSED', right.refused);
    const content = storedContent(form);
    const signature = signerFor(services, session)(content);
    // Never store a signature that would not verify for an outside checker.
    const check = officeVerifier(services)(content, signature);
    if (!check.ok) throw new AppError('SIGN_FAILED', '签名失败：证书无法通过单位根证书验证，请联系管理员', `record form signature does not verify: ${check.reason ?? ''}`);
    const certSerial = certificateInfo(session.certPem as Pem).serialHex;
    const contentFile = await writeContentFile(services.archive.open().paths, form.id, content);
    const sigId = tx(() => {
      const cur = findForm(db(), input.id);
      if (cur.content_sha256 !== form.content_sha256 || cur.state !== form.state) throw new AppError('FORM_CHANGED', '记录表刚被他人修改或签名，请刷新后重试');
      const id = insertSignature(db(), { formId: form.id, role: right.role, userId: session.userId, contentSha256: form.content_sha256, signature, certSerial, now });
      audit('record_form.sign', `record_form:${form.id}`, {
        role: right.role,
        signatureId: id,
        contentSha256: form.content_sha256,
        signatureSha256: sha256(signature),
        certSerial,
        contentFile,
      });
      return id;
    });
    await writeFileAtomic(path.join(services.archive.open().paths.forms, signatureFileName(form.id, sigId, right.role)), signature);
    return loadForm(db(), services.archive.office(), services.archive.open().paths, form.id, session);
  },

  'forms.recordDocx': async ({ input, db, tx, audit, services, now }) => {
    const form = findForm(db(), input.id);
    const saved = await saveForm(services, docxFileName(form.disc_no), await recordFormDocx(services.archive.office(), db(), form, now));
    tx(() => audit('form.record_form', `record_form:${form.id}`, { fileName: saved.fileName, sha256: saved.sha256, state: form.state }));
    return saved;
  },

  'forms.recordAttachScan': async ({ input, db, tx, audit, session, services, now }) => {
    const form = findForm(db(), input.id);
    if (form.state === 'locked') throw new AppError('FORM_LOCKED', '记录表已随光盘归档并锁定，不能再附加扫描件');
    const { bytes, type } = decodeScan(input.dataBase64);
    const fileName = `record-form-${form.id}-scan.${type}`;
    await writeFileAtomic(path.join(services.archive.open().paths.forms, fileName), bytes);
    tx(() => {
      setFormScan(db(), form.id, fileName, sha256(bytes), now);
      audit('record_form.attach_scan', `record_form:${form.id}`, {
        fileName,
        sha256: sha256(bytes),
        size: bytes.length,
        type,
        uploadedName: input.fileName,
        replaced: form.scan_sha256,
      });
    });
    return loadForm(db(), services.archive.office(), services.archive.open().paths, form.id, session);
  },
};
