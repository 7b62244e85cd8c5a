import { needsProxy } from '../media';
import { disposalNumber, type Category, type Classification, type MediaKind } from '../common';
import type { LibraryItemDto, OfficerRefDto } from './types';
import { parseFlags } from './media-facts';
import { thumbPossible } from './previews';

/** The columns of one library row; every query that lists media selects exactly these. */
export const ITEM_COLUMNS = `m.id, m.kind, m.original_name, m.start_at, m.end_at, m.duration_sec, m.size, m.flags, m.category,
  m.key_mark, m.classification, m.recording_id, m.container, m.video_codec, m.audio_codec,
  o.id AS officer_id, o.name AS officer_name, o.badge_no AS officer_badge, r.serial AS recorder_serial, m.disposal_id, m.disposed_at`;
export const ITEM_JOINS = 'LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN recorders r ON r.id = m.recorder_id';

export interface ItemRow {
  id: number;
  kind: MediaKind;
  original_name: string;
  start_at: string;
  end_at: string | null;
  duration_sec: number | null;
  size: number;
  flags: string;
  category: Category | null;
  key_mark: number;
  classification: Classification;
  recording_id: number | null;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  officer_id: number | null;
  officer_name: string | null;
  officer_badge: string | null;
  recorder_serial: string | null;
  disposal_id: number | null;
  disposed_at: string | null;
}

export function officerRef(id: number | null, name: string | null, badge: string | null): OfficerRefDto | null {
  return id === null ? null : { id, name: name ?? '', badgeNo: badge ?? '' };
}

export function toItem(r: ItemRow): LibraryItemDto {
  const flags = parseFlags(r.flags);
  const facts = { kind: r.kind, container: r.container, videoCodec: r.video_codec, audioCodec: r.audio_codec, flags };
  return {
    id: r.id,
    kind: r.kind,
    originalName: r.original_name,
    startAt: r.start_at,
    endAt: r.end_at,
    durationSec: r.duration_sec,
    size: r.size,
    officer: officerRef(r.officer_id, r.officer_name, r.officer_badge),
    recorderSerial: r.recorder_serial,
    flags,
    category: r.category,
    keyMark: r.key_mark === 1,
    classification: r.classification,
    recordingId: r.recording_id,
    // A disposed original has no bytes left: no poster, nothing to play.
    hasThumb: r.disposal_id === null && thumbPossible(facts),
    needsProxy: needsProxy(facts),
    disposed: r.disposal_id !== null && r.disposed_at !== null ? { disposalId: r.disposal_id, number: disposalNumber(r.disposal_id), at: r.disposed_at } : null,
  };
}
