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

/** A register row as SELECT reads it: the summary's names, with the read-back flag and the label as stored. */
type SummaryRow = Omit<DiscSummaryDto, 'readbackOk' | 'labelText'> & { readbackOk: number | null; label: string };

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

const SELECT = `SELECT d.id, d.case_id AS caseId, c.number AS caseNumber, c.title AS caseTitle, d.record_form_id AS recordFormId,
    d.disc_index AS discIndex, d.disc_count AS discCount, d.media_type AS mediaType, d.image_bytes AS imageBytes, ub.display_name AS builtBy,
    d.built_at AS builtAt, uu.display_name AS burnedBy, d.burned_at AS burnedAt, d.drive, d.readback_ok AS readbackOk, d.readback_at AS readbackAt, d.label
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

function summary({ readbackOk, label, ...facts }: SummaryRow): DiscSummaryDto {
  return { ...facts, readbackOk: readbackOk === null ? null : readbackOk === 1, labelText: labelText(JSON.parse(label) as StoredLabel) };
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
  ) as SummaryRow[];
  return rows.map(summary);
}

export function loadDisc(db: Db, id: string): DiscDto {
  const r = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as SummaryRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '光盘不存在');
  const d = findDisc(db, id);
  return {
    ...summary(r),
    files: JSON.parse(d.contents) as DiscFileDto[],
    manifestSha256: d.manifest_sha256,
    readback: d.readback ? (JSON.parse(d.readback) as DiscReadbackDto) : null,
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
