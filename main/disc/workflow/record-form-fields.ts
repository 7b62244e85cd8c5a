/**
 * What a record form says, gathered from the store, and the canonical bytes its signatures cover.
 * Only place, camera operator, officers and remarks are a person's to fill in (rules art. 11(4)); everything
 * else comes from the originals' records and cannot be typed over.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../common';
import type { Db } from '../../store';
import type { RecordFormFieldsDto, RecordFormFileDto } from './types';

interface ItemRow {
  id: number;
  original_name: string;
  start_at: string;
  end_at: string | null;
  duration_sec: number | null;
  size: number;
  sha256: string;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  officer_name: string | null;
  brand: string | null;
  model: string | null;
}

const NONE = '—';

function uniq(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v && v.trim() !== ''))];
}

const CODEC_NAMES: Record<string, string> = { h264: 'H.264', hevc: 'H.265', h265: 'H.265', aac: 'AAC', mp3: 'MP3', pcm_s16le: 'PCM', mjpeg: 'JPEG' };
const codecName = (c: string): string => CODEC_NAMES[c.toLowerCase()] ?? c.toUpperCase();

/** 'MP4（H.264 视频 / AAC 音频）' from the probed facts; the file type as the recorder named it (ffprobe says 'mov,mp4,…'). */
function formatText(rows: ItemRow[]): string {
  const parts = uniq(
    rows.map((r) => {
      const ext = /\.([A-Za-z0-9]{1,5})$/.exec(r.original_name)?.[1]?.toUpperCase();
      const container = ext ?? (r.container ?? '').split(',')[0]?.trim().toUpperCase() ?? '';
      const codecs = [r.video_codec ? `${codecName(r.video_codec)} 视频` : null, r.audio_codec ? `${codecName(r.audio_codec)} 音频` : null].filter(Boolean);
      return codecs.length ? `${container}（${codecs.join(' / ')}）` : container;
    }),
  );
  return parts.join('；') || NONE;
}

/** The case's items, in recording order, with what the form needs. */
export function caseItems(db: Db, caseId: number): ItemRow[] {
  return db
    .prepare(
      `SELECT m.id, m.original_name, m.start_at, m.end_at, m.duration_sec, m.size, m.sha256, m.container, m.video_codec, m.audio_codec,
              o.name AS officer_name, r.brand, r.model
       FROM case_items ci JOIN media m ON m.id = ci.media_id
       LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN recorders r ON r.id = m.recorder_id
       WHERE ci.case_id = ? ORDER BY m.start_at, m.id`,
    )
    .all(caseId) as ItemRow[];
}

export interface EditableFields {
  place?: string;
  cameraOperator?: string;
  officers?: string[];
  remarks?: string;
}

/** Auto-fills a form for the case as the store has it now. */
export function autoFields(db: Db, caseId: number, discNo: string): RecordFormFieldsDto {
  const c = db
    .prepare(`SELECT c.number, c.title, o.name AS handler FROM cases c LEFT JOIN officers o ON o.id = c.handler_officer_id WHERE c.id = ?`)
    .get(caseId) as { number: string; title: string; handler: string | null } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '案件不存在');
  const rows = caseItems(db, caseId);
  if (!rows.length) throw new AppError('CASE_EMPTY', '案件中没有视听资料，不能填写记录表');
  const starts = rows.map((r) => r.start_at).sort();
  const ends = rows.map((r) => r.end_at ?? new Date(Date.parse(r.start_at) + (r.duration_sec ?? 0) * 1000).toISOString()).sort();
  const wearers = uniq(rows.map((r) => r.officer_name));
  const files: RecordFormFileDto[] = rows.map((r) => ({
    mediaId: r.id,
    name: r.original_name,
    startAt: r.start_at,
    durationSec: r.duration_sec,
    size: r.size,
    sha256: r.sha256,
  }));
  return {
    caseNumber: c.number,
    caseTitle: c.title,
    discNo,
    officers: uniq([c.handler, ...wearers]),
    cameraOperator: wearers.join('、'),
    recordingStart: starts[0]!,
    recordingEnd: ends[ends.length - 1]!,
    place: '',
    recorderBrand: uniq(rows.map((r) => r.brand)).join('、') || NONE,
    recorderModel: uniq(rows.map((r) => r.model)).join('、') || NONE,
    format: formatText(rows),
    totalDurationSec: rows.reduce((s, r) => s + (r.duration_sec ?? 0), 0),
    totalBytes: rows.reduce((s, r) => s + r.size, 0),
    files,
    remarks: '',
  };
}

export function applyEdits(fields: RecordFormFieldsDto, edits: EditableFields): RecordFormFieldsDto {
  return {
    ...fields,
    ...(edits.place !== undefined ? { place: edits.place } : {}),
    ...(edits.cameraOperator !== undefined ? { cameraOperator: edits.cameraOperator } : {}),
    ...(edits.officers !== undefined ? { officers: edits.officers } : {}),
    ...(edits.remarks !== undefined ? { remarks: edits.remarks } : {}),
  };
}

/** The exact bytes a signature covers: RFC 8785 canonical JSON of the case and every field. */
export function canonicalContent(caseId: number, fields: RecordFormFieldsDto): Buffer {
  const text = canonicalize({ type: 'evidence-record-form/1', caseId, fields });
  if (text === undefined) throw new Error('record form content cannot be canonicalized');
  return Buffer.from(text, 'utf8');
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Fields a person must fill in before anyone may sign. */
export function missingFields(f: RecordFormFieldsDto): string[] {
  const missing: string[] = [];
  if (!f.place.trim()) missing.push('录制地点');
  if (!f.cameraOperator.trim()) missing.push('摄录人');
  if (!f.officers.length) missing.push('执法人员');
  return missing;
}
