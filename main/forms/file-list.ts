// The list of stored files on the handover sheet and the record form: 序号, 文件名, 开始时间, 时长, 大小, SHA-256.
import type { Paragraph } from 'docx';
import { formatBytes, formatDurationClock } from '../common';
import { centered, hashCell, heading, SIZE, type CellContent, type Column } from './docx-kit';
import { formatDateTimeCompact } from './format';

export interface ListedFile {
  name: string;
  /** Recording start as decided at ingest; null when unknown. */
  startedAt: Date | null;
  durationSec: number | null;
  bytes: number;
  /** Null when the file could not be hashed (read failure). */
  sha256: string | null;
}

/** The six columns; each form weighs the name, start and hash columns against its own further columns. */
export function fileListColumns(weights: { name: number; start: number; hash: number }): Column[] {
  return [
    centered('序号', 4),
    { header: '文件名', weight: weights.name },
    centered('开始时间', weights.start),
    centered('时长', 8),
    { header: '大小', weight: 9, align: 'right' },
    { header: 'SHA-256', weight: weights.hash },
  ];
}

/** One file's cells (`index` from 0): name and start at 7.5pt, a start time never broken as '2026-11-/26'. */
export function fileListCells(f: ListedFile, index: number, timeZone: string): CellContent[] {
  return [
    String(index + 1),
    { text: f.name, size: SIZE.liu },
    f.startedAt ? { text: formatDateTimeCompact(f.startedAt, timeZone), size: SIZE.liu } : '—',
    f.durationSec === null ? '—' : formatDurationClock(f.durationSec),
    formatBytes(f.bytes),
    hashCell(f.sha256),
  ];
}

export function fileListHeading(count: number): Paragraph {
  return heading(`视听资料文件清单（共 ${count} 个）`);
}
