/** The printed record form: the stored fields, plus one line per valid electronic signature. */
import { ROLE_LABELS } from '../../common';
import { asPem, certificateFingerprint } from '../../crypto';
import { formatDateTime, recordForm } from '../../forms';
import type { Db, OfficeRow } from '../../store';
import { parseFields, validSignatures, type FormRow } from './record-forms';

export function signatureLines(db: Db, form: FormRow, timeZone: string): string[] {
  return validSignatures(db, form.id).map(
    (s) => `${ROLE_LABELS[s.role]} ${s.display_name} 已签（${formatDateTime(new Date(s.signed_at), timeZone)}，证书序列号 ${s.cert_serial}）`,
  );
}

export async function recordFormDocx(office: OfficeRow, db: Db, form: FormRow, now: Date): Promise<Buffer> {
  const f = parseFields(form);
  return recordForm({
    unitName: office.unitName,
    timeZone: office.timeZone,
    generatedAt: now,
    // The number stays the same however often the form is printed: it names the form, not the printout.
    documentId: `JL-${f.discNo}`,
    caseName: f.caseTitle,
    caseNo: f.caseNumber,
    officers: f.officers,
    cameraOperator: f.cameraOperator || '—',
    recordingStart: new Date(f.recordingStart),
    recordingEnd: new Date(f.recordingEnd),
    place: f.place || '（待填写）',
    recorderBrand: f.recorderBrand,
    recorderModel: f.recorderModel,
    format: f.format,
    totalDurationSec: f.totalDurationSec,
    totalBytes: f.totalBytes,
    discLabel: f.discNo,
    files: f.files.map((x) => ({ name: x.name, startedAt: x.startAt ? new Date(x.startAt) : null, durationSec: x.durationSec, bytes: x.size, sha256: x.sha256 })),
    electronicSignatures: signatureLines(db, form, office.timeZone),
    caFingerprint: certificateFingerprint(asPem(office.caCertPem)),
    ...(f.remarks ? { remarks: f.remarks } : {}),
  });
}
