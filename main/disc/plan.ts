/**
 * Disc capacity planning (pure): how many discs of a media type a case needs and what goes on each.
 * Capacities are the recordable user data of the smaller of the ± variants, so a plan fits either.
 */
import { DISC_MEDIA_LABELS, formatBytes, type DiscMediaType, discError } from '../common';

export const SECTOR_BYTES = 2048;

export type MediaType = DiscMediaType;

export interface MediaInfo {
  type: MediaType;
  /** Chinese name for the UI. */
  label: string;
  sectors: number;
  bytes: number;
}

const media = (type: MediaType, sectors: number): MediaInfo => ({ type, label: DISC_MEDIA_LABELS[type], sectors, bytes: sectors * SECTOR_BYTES });

/**
 * CD-R 80 min: 359 844 sectors. DVD+R 2 295 104 (DVD-R has 2 298 496). DVD-R DL 4 171 712 (DVD+R DL has
 * 4 173 824 = 8 547 991 552 bytes, so "±" must use the DVD-R DL figure). BD-R 12 219 392 and BD-R DL 24 438 784
 * sectors unformatted (no spare area; a drive that formats with spares gives less, caught by the burner's check).
 */
export const MEDIA: Readonly<Record<MediaType, MediaInfo>> = {
  'CD-R': media('CD-R', 359_844),
  'DVD-R': media('DVD-R', 2_295_104),
  'DVD-R-DL': media('DVD-R-DL', 4_171_712),
  'BD-R': media('BD-R', 12_219_392),
  'BD-R-DL': media('BD-R-DL', 24_438_784),
};

/**
 * Kept free on every disc for the bag's own files (manifests, README, certificate, verifier page, record form,
 * chain of custody) and the file system (volume descriptors, path tables, both directory trees).
 */
export const DISC_RESERVE_BYTES = 16 * 1024 * 1024;
/** Directory records of one file in the ISO 9660 and Joliet trees, rounded up generously. */
export const PER_FILE_OVERHEAD_BYTES = SECTOR_BYTES;

export interface PlanItem {
  id: string;
  size: number;
  /** Segments of one recording share this and stay on one disc when the recording fits. */
  recordingId?: string;
}

export interface PlannedDisc<T extends PlanItem = PlanItem> {
  /** 1-based. */
  index: number;
  count: number;
  /** In the order the items were given. */
  items: T[];
  payloadBytes: number;
  /** Payload rounded to sectors plus per-file overhead plus the reserve. */
  estimatedBytes: number;
  /** estimatedBytes / capacity × 100, one decimal. */
  fillPercent: number;
}

export interface DiscPlan<T extends PlanItem = PlanItem> {
  media: MediaInfo;
  /** Capacity minus the reserve: what items may take. */
  usableBytes: number;
  totalPayloadBytes: number;
  discs: PlannedDisc<T>[];
}

/** Space an item takes on a disc: its sectors plus its directory records. */
export function footprint(size: number): number {
  return Math.ceil(size / SECTOR_BYTES) * SECTOR_BYTES + PER_FILE_OVERHEAD_BYTES;
}

export function fillPercent(bytes: number, capacity: number): number {
  return Math.round((bytes / capacity) * 1000) / 10;
}

interface Bin<T> {
  free: number;
  members: { item: T; order: number }[];
}

/**
 * Splits items over as few discs as first-fit decreasing finds, recording by recording: a recording that fits
 * on one disc is never split; one larger than a disc is spread segment by segment in order. An item larger than
 * a disc is an error naming it.
 */
export function planDiscs<T extends PlanItem>(items: readonly T[], mediaType: MediaType): DiscPlan<T> {
  const info = MEDIA[mediaType];
  if (!info) throw discError('DISC_BAD_INPUT', `unknown media type ${String(mediaType)}`);
  const usable = info.bytes - DISC_RESERVE_BYTES;
  const ids = new Set<string>();
  for (const it of items) {
    if (!Number.isSafeInteger(it.size) || it.size < 0) throw discError('DISC_BAD_INPUT', `bad size for item ${it.id}`);
    if (ids.has(it.id)) throw discError('DISC_BAD_INPUT', `item ${it.id} given twice`);
    ids.add(it.id);
    if (footprint(it.size) > usable) {
      throw discError('DISC_ITEM_TOO_LARGE', `item ${it.id} (${it.size} bytes) is larger than a ${mediaType} (${usable} usable bytes)`, {
        userMessage: `文件 ${it.id}（${formatBytes(it.size)}）大于一张${info.label}可用的容量（${formatBytes(usable)}），请选择容量更大的光盘类型`,
      });
    }
  }

  // Groups keep the first item's position so ties in size keep the case's order.
  const groups = new Map<string, { members: { item: T; order: number }[]; bytes: number }>();
  items.forEach((item, order) => {
    const key = item.recordingId !== undefined ? `r:${item.recordingId}` : `i:${item.id}`;
    const g = groups.get(key) ?? { members: [], bytes: 0 };
    g.members.push({ item, order });
    g.bytes += footprint(item.size);
    groups.set(key, g);
  });
  const sorted = [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.members[0]!.order - b.members[0]!.order);

  const bins: Bin<T>[] = [];
  const place = (members: { item: T; order: number }[], bytes: number): void => {
    let bin = bins.find((b) => b.free >= bytes);
    if (!bin) {
      bin = { free: usable, members: [] };
      bins.push(bin);
    }
    bin.free -= bytes;
    bin.members.push(...members);
  };
  for (const g of sorted) {
    if (g.bytes <= usable) place(g.members, g.bytes);
    else for (const m of g.members) place([m], footprint(m.item.size));
  }

  const count = Math.max(bins.length, items.length === 0 ? 0 : 1);
  const discs = bins.map((bin, i): PlannedDisc<T> => {
    const members = [...bin.members].sort((a, b) => a.order - b.order).map((m) => m.item);
    const payloadBytes = members.reduce((s, it) => s + it.size, 0);
    const estimatedBytes = usable - bin.free + DISC_RESERVE_BYTES;
    return { index: i + 1, count, items: members, payloadBytes, estimatedBytes, fillPercent: fillPercent(estimatedBytes, info.bytes) };
  });
  return { media: info, usableBytes: usable, totalPayloadBytes: items.reduce((s, it) => s + it.size, 0), discs };
}
