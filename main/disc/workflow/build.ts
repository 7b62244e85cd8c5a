/**
 * Builds one evidence disc image of a case: the signed record form, the chain of custody and the originals,
 * staged as a BagIt bag with a manifest the custodian signs, then written to discs/<disc-id>/image.iso.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Session } from '../../accounts';
import { AppError, disposalNumber, SIGNATURE_ROLES } from '../../common';
import { stageBag, type BagItem } from '../bag';
import { buildDiscImage } from '../build-image';
import { MEDIA, planDiscs, type DiscPlan, type MediaType, type PlanItem } from '../plan';
import type { Pem } from '../../crypto';
import type { ArchivePaths, Db, OfficeRow } from '../../store';
import type { DiscFileDto, DiscPlanDto } from './types';
import { revocationAwareVerifier } from '../../accounts';
import { recordFormDocx } from './record-form-docx';
import { canonicalContent, caseItems, sha256 } from './record-form-fields';
import { findForm, parseFields, storedContent, validSignatures, type FormRow } from './record-forms';
import { makeLabel, type StoredLabel } from './register';

export interface DiscItem extends PlanItem {
  mediaId: number;
  sha256: string;
  storedPath: string;
}

export function planItems(db: Db, caseId: number): DiscItem[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.size, m.sha256, m.stored_path, m.recording_id, m.original_name, m.disposal_id FROM case_items ci JOIN media m ON m.id = ci.media_id
       WHERE ci.case_id = ? ORDER BY m.start_at, m.id`,
    )
    .all(caseId) as { id: number; size: number; sha256: string; stored_path: string; recording_id: number | null; original_name: string; disposal_id: number | null }[];
  // A disposed original has no bytes left (art. 11(3)): a disc would miss it, so it is named before anything is staged.
  const disposed = rows.find((r): r is typeof r & { disposal_id: number } => r.disposal_id !== null);
  if (disposed) {
    throw new AppError(
      'MEDIA_DISPOSED',
      `视听资料“${disposed.original_name}”已按销毁记录 ${disposalNumber(disposed.disposal_id)} 销毁，原始文件已不存在，不能刻盘`,
      `case ${caseId}: media ${disposed.id} disposed by disposal ${disposed.disposal_id}`,
    );
  }
  return rows.map((r) => ({
    id: String(r.id),
    mediaId: r.id,
    size: r.size,
    sha256: r.sha256,
    storedPath: r.stored_path,
    ...(r.recording_id !== null ? { recordingId: String(r.recording_id) } : {}),
  }));
}

export function planDto(plan: DiscPlan<DiscItem>): DiscPlanDto {
  return {
    mediaType: plan.media.type,
    mediaLabel: plan.media.label,
    capacityBytes: plan.media.bytes,
    usableBytes: plan.usableBytes,
    totalPayloadBytes: plan.totalPayloadBytes,
    discs: plan.discs.map((d) => ({
      index: d.index,
      count: d.count,
      mediaIds: d.items.map((i) => i.mediaId),
      payloadBytes: d.payloadBytes,
      estimatedBytes: d.estimatedBytes,
      fillPercent: d.fillPercent,
    })),
  };
}

export function discIdFor(discNo: string, index: number, count: number): string {
  return count === 1 ? discNo : `${discNo}-${index}`;
}

/** The form must be signed by both, both signatures must check, and it must list exactly the case's items now. */
export function assertFormReady(db: Db, office: OfficeRow, caseId: number, formId: number): FormRow {
  const form = findForm(db, formId);
  if (form.case_id !== caseId) throw new AppError('FORM_OTHER_CASE', '所选记录表不属于此案件');
  if (form.state !== 'chief_signed' && form.state !== 'locked') throw new AppError('FORM_NOT_SIGNED', '记录表须经执法人员和大队负责人签名后才能刻盘');
  const content = storedContent(form);
  const verify = revocationAwareVerifier(db, office.caCertPem as Pem);
  const sigs = validSignatures(db, formId);
  for (const role of SIGNATURE_ROLES) {
    const s = sigs.find((x) => x.role === role);
    if (!s || !verify(content, s.signature).ok) {
      throw new AppError('FORM_SIGNATURE_INVALID', '记录表签名无法验证，请重新签名', `record form ${formId}: ${role} signature missing or invalid`);
    }
  }
  const onForm = parseFields(form).files.map((f) => f.sha256).sort();
  const inCase = caseItems(db, caseId).map((r) => r.sha256).sort();
  if (onForm.join() !== inCase.join()) {
    throw new AppError('FORM_OUT_OF_DATE', '案件中的视听资料在记录表填写后有变动，请重新填写记录表并签名');
  }
  return form;
}

/** Audit entries of the items, the case, the form and the approvals: ingest, viewings, case changes, approval, signatures. */
export function chainOfCustody(db: Db, caseId: number, formId: number, items: readonly DiscItem[], approvalIds: readonly number[] = []): unknown {
  const targets = [`case:${caseId}`, `record_form:${formId}`, ...items.map((i) => `media:${i.mediaId}`), ...approvalIds.map((a) => `access:${a}`)];
  const entries = db
    .prepare(
      `SELECT seq, at, actor_login AS actor, action, target, details, hash FROM audit_log
       WHERE target IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(JSON.stringify(targets)) as { seq: number; at: string; actor: string | null; action: string; target: string; details: string; hash: string }[];
  return {
    description: '本光盘所含视听资料的保管链：入库、查阅、加入案件、记录表签名等审计记录（摘自工作站审计日志，hash 为审计链哈希）',
    caseId,
    recordFormId: formId,
    items: items.map((i) => ({ mediaId: i.mediaId, sha256: i.sha256, size: i.size, storedPath: i.storedPath })),
    entries: entries.map((e) => ({ ...e, details: JSON.parse(e.details) as unknown })),
  };
}

export interface BuiltDisc {
  discId: string;
  label: StoredLabel;
  imageFile: string;
  imageBytes: number;
  manifestSha256: string;
  files: DiscFileDto[];
  mediaIds: number[];
}

export async function buildOneDisc(args: {
  office: OfficeRow;
  paths: ArchivePaths;
  db: Db;
  session: Session;
  form: FormRow;
  plan: DiscPlan<DiscItem>;
  discIndex: number;
  now: Date;
  /** Media id → the approval that lets it onto a disc; their audit entries join the chain of custody. */
  approvals: ReadonlyMap<number, number>;
  onProgress: (percent: number, current: string | null, step: 'stage' | 'image') => void;
}): Promise<BuiltDisc> {
  const { office, paths, db, session, form, plan, now } = args;
  const disc = plan.discs[args.discIndex - 1];
  if (!disc) throw new AppError('NOT_FOUND', `此方案中没有第 ${args.discIndex} 张光盘`);
  const fields = parseFields(form);
  const discId = discIdFor(form.disc_no, disc.index, disc.count);
  const dir = path.join(paths.discs, discId);
  if (existsSync(path.join(dir, 'image.iso'))) throw new AppError('DISC_EXISTS', `光盘 ${discId} 已制作过，可直接刻录`);

  const label = makeLabel({
    organization: office.name,
    unit: office.unitName !== office.name ? office.unitName : null,
    caseNumber: fields.caseNumber,
    caseTitle: fields.caseTitle,
    discId,
    discIndex: disc.index,
    discCount: disc.count,
    at: now,
    timeZone: office.timeZone,
  });

  args.onProgress(0, null, 'stage');
  const content = storedContent(form);
  const attachments = [{ name: 'record-form.content.json', content }];
  for (const s of validSignatures(db, form.id)) attachments.push({ name: `record-form.${s.role}.p7s`, content: s.signature });
  if (form.scan_file) {
    const scan = path.join(paths.forms, form.scan_file);
    if (existsSync(scan)) attachments.push({ name: `record-form.scan${path.extname(form.scan_file)}`, content: readFileSync(scan) });
  }
  // The content on the disc must be the canonical form of the fields, byte for byte, or the signatures mean nothing.
  if (!content.equals(canonicalContent(form.case_id, fields))) throw new AppError('FORM_CORRUPT', '记录表内容不一致，请联系管理员');

  const targetOf = (stored: string) => stored.replace(/^originals\//, '');
  const items: BagItem[] = disc.items.map((i) => ({ diskPath: path.join(paths.root, ...i.storedPath.split('/')), sha256: i.sha256, size: i.size, target: targetOf(i.storedPath) }));
  const mediaByImagePath = new Map(disc.items.map((i) => [`data/originals/${targetOf(i.storedPath)}`, i.mediaId]));

  const stagingDir = path.join(dir, 'staging');
  const imageFile = path.join(dir, 'image.iso');
  try {
    const bag = await stageBag({
      stagingDir,
      items,
      recordForm: { docx: await recordFormDocx(office, db, form, now), attachments },
      chainOfCustody: chainOfCustody(db, form.case_id, form.id, disc.items, [...new Set(disc.items.map((i) => args.approvals.get(i.mediaId)).filter((a): a is number => a !== undefined))]),
      label: {
        discId,
        caseNumber: label.caseNumber,
        caseTitle: label.caseTitle,
        discIndex: label.discIndex,
        discCount: label.discCount,
        organization: label.organization,
        ...(label.unit ? { unit: label.unit } : {}),
      },
      signer: { certPem: session.certPem as Pem, privateKeyPem: session.privateKeyPem as Pem },
      caCertPem: office.caCertPem as Pem,
      createdAt: now,
      timeZone: office.timeZone,
    });
    const image = await buildDiscImage(bag, imageFile, {
      capacityBytes: MEDIA[plan.media.type].bytes,
      onProgress: (p) => args.onProgress(p.totalBytes ? Math.floor((p.bytesWritten / p.totalBytes) * 100) : 0, p.currentFile ?? null, 'image'),
    });
    const manifestSha256 = sha256(bag.manifest);
    return {
      discId,
      label,
      imageFile: path.relative(paths.root, imageFile).split(path.sep).join('/'),
      imageBytes: image.totalBytes,
      manifestSha256,
      files: bag.payload.map((p) => ({ path: p.discPath, sha256: p.sha256, size: p.size, origin: p.origin, mediaId: mediaByImagePath.get(p.imagePath) ?? null })),
      mediaIds: disc.items.map((i) => i.mediaId),
    };
  } catch (e) {
    await rm(imageFile, { force: true });
    throw e;
  }
}

export function planCase(db: Db, caseId: number, mediaType: MediaType): DiscPlan<DiscItem> {
  const items = planItems(db, caseId);
  if (!items.length) throw new AppError('CASE_EMPTY', '案件中没有视听资料');
  return planDiscs(items, mediaType);
}
