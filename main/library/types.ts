// What the library returns (the API hands these to the renderer as they are).
import type { Category, Classification, MediaFlag, MediaKind, StartRule } from '../common';
import type { LibraryCursor } from './search';

export interface OfficerRefDto {
  id: number;
  name: string;
  badgeNo: string;
}

/** One row of the library: metadata only, never bytes. Media come from `evidence://media/<id>` or `/media/<id>`. */
export interface LibraryItemDto {
  id: number;
  kind: MediaKind;
  originalName: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  size: number;
  officer: OfficerRefDto | null;
  recorderSerial: string | null;
  flags: MediaFlag[];
  category: Category | null;
  keyMark: boolean;
  classification: Classification;
  recordingId: number | null;
  /** A poster is available at `/media/<id>/thumb` (made on first request, then cached). */
  hasThumb: boolean;
  /** Set by library.search: the caller has leave to view it now (authorizeView); posters show only then. */
  canView?: boolean;
  /** The player must use `/media/<id>/preview` (an H.264/AAC 预览副本), not the original. */
  needsProxy: boolean;
  /** Disposed of after its retention (art. 11(3)): its bytes are gone, its row stays; the signed record's number and when. */
  disposed: { disposalId: number; number: string; at: string } | null;
}

export interface LibraryPageDto {
  /** Matches in all; null on a page asked for with `after` (the first page's count stands), and on a free text's page until its count is kept (`library.count` takes it). */
  total: number | null;
  items: LibraryItemDto[];
  /** Pass as `after` for the page that follows; null on the last page. */
  next: LibraryCursor | null;
}

/** 按录制分组: one recording (all its segments) or one lone file. */
export interface RecordingGroupDto {
  /** 'r<recordingId>' or 'm<mediaId>'. */
  key: string;
  recordingId: number | null;
  /** The first segment in play order (the lone file itself): poster, officer, recorder, category, canView. */
  first: LibraryItemDto;
  /** All the recording's segments in play order, whichever of them matched the query. */
  segmentIds: number[];
  startAt: string;
  durationSec: number;
  size: number;
  /** Any segment's flags. */
  flags: MediaFlag[];
}

export interface RecordingGroupPageDto {
  /** The number of groups. */
  total: number;
  groups: RecordingGroupDto[];
}

export interface RecordingSegmentDto {
  mediaId: number;
  originalName: string;
  startAt: string;
  endAt: string | null;
  durationSec: number | null;
  size: number;
  videoCodec: string | null;
  audioCodec: string | null;
  needsProxy: boolean;
  flags: MediaFlag[];
}

export interface RecordingDto {
  id: number;
  recorderSerial: string | null;
  officer: OfficerRefDto | null;
  startAt: string;
  endAt: string;
  /** Segments in play order (by start time). */
  segments: RecordingSegmentDto[];
  /** Interruptions inside the recording (rules art. 6). */
  gaps: { afterMediaId: number; seconds: number }[];
  /** Segments that start before the previous one ends (the recorder's clock, not footage missing). */
  overlaps: { afterMediaId: number; seconds: number }[];
  totalDurationSec: number;
  totalSize: number;
}

export interface BookmarkDto {
  id: number;
  mediaId: number;
  offsetSec: number;
  label: string;
  createdBy: string;
  createdAt: string;
}

export interface MediaDetailDto extends LibraryItemDto {
  sha256: string;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  startSource: string;
  /** Which reading gave the start time; null for files ingested before it was recorded. */
  startRule: StartRule | null;
  /** The media's own retention date (at least 3 months, art. 11(3)). */
  retentionUntil: string;
  /** In an open case: kept with the case, whatever its own date says. */
  heldByCase: boolean;
  /** The date that applies today: null while held by an open case. */
  effectiveRetentionUntil: string | null;
  notes: { text: string; updatedBy: string; updatedAt: string } | null;
  bookmarks: BookmarkDto[];
  cases: { id: number; number: string; title: string }[];
}
