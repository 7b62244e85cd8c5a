/** The disc register (光盘登记): what each disc holds, who built and burned it, and the read-back outcome. */
import { AppError } from '../../common';
import { localDay } from '../../common';
import type { Db } from '../../store';
import type { DiscDto, DiscFileDto, DiscReadbackDto, DiscSummaryDto } from './types';
import type { DiscMediaType } from '../../common';

export interface DiscRow {
  id: string;
  case_id: number;
  record_form_id: number;
  disc_index: number;
  disc_count: number;
  media_type: DiscMediaType;
  label: string;
  contents: string;
  image_file: string;
  image_bytes: number;
  manifest_sha256: string;
  built_by: number;
  built_at: string;
  burned_by: number | null;
  burned_at: string | null;
  drive: string | null;
  readback_ok: number | null;
  readback_at: string | null;
  readback_by: number | null;
  readback: string | null;
}

interface JoinedRow extends DiscRow {
  case_number: string;
  case_title: string;
  built_name: string;
  burned_name: string | null;
}

export interface StoredLabel {
  organization: string;
  unit: string | null;
  caseNumber: string;
  caseTitle: string;
  discId: string;
  discIndex: number;
  discCount: number;
  /** Local day of the build, YYYY-MM-DD. */
  day: string;
}

const SELECT = `SELECT d.*, c.number AS case_number, c.title AS case_title, ub.display_name AS built_name, uu.display_name AS burned_name
  FROM discs d JOIN cases c ON c.id = d.case_id JOIN users ub ON ub.id = d.built_by LEFT JOIN users uu ON uu.id = d.burned_by`;

/** What goes on the disc face: office, case, disc i of N, date. */
export function labelText(l: StoredLabel): string {
  return [
    l.unit && l.unit !== l.organization ? `${l.organization} ${l.unit}` : l.organization,
    `案件：${l.caseNumber} ${l.caseTitle}`,
    `光盘编号：${l.discId}（第 ${l.discIndex} 张 / 共 ${l.discCount} 张）`,
    `刻录日期：${l.day}`,
    '执法记录仪视听资料证据光盘',
  ].join('\n');
}

export function makeLabel(args: Omit<StoredLabel, 'day'> & { at: Date; timeZone: string }): StoredLabel {
  const { at, timeZone, ...rest } = args;
  return { ...rest, day: localDay(at, timeZone) };
}

function summary(r: JoinedRow): DiscSummaryDto {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    caseTitle: r.case_title,
    recordFormId: r.record_form_id,
    discIndex: r.disc_index,
    discCount: r.disc_count,
    mediaType: r.media_type,
    imageBytes: r.image_bytes,
    builtBy: r.built_name,
    builtAt: r.built_at,
    burnedBy: r.burned_name,
    burnedAt: r.burned_at,
    drive: r.drive,
    readbackOk: r.readback_ok === null ? null : r.readback_ok === 1,
    readbackAt: r.readback_at,
    labelText: labelText(JSON.parse(r.label) as StoredLabel),
  };
}

export function findDisc(db: Db, id: string): DiscRow {
  const r = db.prepare('SELECT * FROM discs WHERE id = ?').get(id) as DiscRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '光盘不存在');
  return r;
}

export function listDiscs(db: Db, caseId?: number): DiscSummaryDto[] {
  const rows = (
    caseId === undefined
      ? db.prepare(`${SELECT} ORDER BY d.built_at DESC, d.id DESC LIMIT 500`).all()
      : db.prepare(`${SELECT} WHERE d.case_id = ? ORDER BY d.disc_index`).all(caseId)
  ) as JoinedRow[];
  return rows.map(summary);
}

export function loadDisc(db: Db, id: string): DiscDto {
  const r = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as JoinedRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '光盘不存在');
  return {
    ...summary(r),
    files: JSON.parse(r.contents) as DiscFileDto[],
    manifestSha256: r.manifest_sha256,
    readback: r.readback ? (JSON.parse(r.readback) as DiscReadbackDto) : null,
  };
}

export function discExists(db: Db, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM discs WHERE id = ?').get(id);
}

/** A built disc enters the register with its fixed contents; burn and read-back are filled in later. */
export function insertDisc(
  db: Db,
  d: {
    id: string;
    caseId: number;
    recordFormId: number;
    label: StoredLabel;
    mediaType: DiscMediaType;
    files: readonly DiscFileDto[];
    imageFile: string;
    imageBytes: number;
    manifestSha256: string;
    userId: number;
    now: Date;
  },
): void {
  db.prepare(
    `INSERT INTO discs (id, case_id, record_form_id, disc_index, disc_count, media_type, label, contents, image_file, image_bytes, manifest_sha256, built_by, built_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.caseId,
    d.recordFormId,
    d.label.discIndex,
    d.label.discCount,
    d.mediaType,
    JSON.stringify(d.label),
    JSON.stringify(d.files),
    d.imageFile,
    d.imageBytes,
    d.manifestSha256,
    d.userId,
    d.now.toISOString(),
  );
}

/** A (re)burn clears the last read-back: it was of another disc. */
export function recordBurn(db: Db, id: string, userId: number, at: string, drive: string): void {
  db.prepare('UPDATE discs SET burned_by = ?, burned_at = ?, drive = ?, readback_ok = NULL, readback_at = NULL, readback_by = NULL, readback = NULL WHERE id = ?').run(
    userId,
    at,
    drive,
    id,
  );
}

export function recordReadback(db: Db, id: string, userId: number, result: DiscReadbackDto): void {
  db.prepare('UPDATE discs SET readback_ok = ?, readback_at = ?, readback_by = ?, readback = ? WHERE id = ?').run(result.ok ? 1 : 0, result.at, userId, JSON.stringify(result), id);
}
