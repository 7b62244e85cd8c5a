// The copies' register and their hand-outs (migration 0014): rows are written once and never change.
import type { CopyOperations } from '../common';
import type { Db } from '../store';
import { approvalNumber, copyNumber } from './operations';
import type { HandOutDto, PublicCopyDto } from './types';

export interface NewCopy {
  id: number;
  mediaId: number;
  requestId: number;
  fileName: string;
  sha256: string;
  bytes: number;
  sourceSha256: string;
  operations: CopyOperations;
  label: string;
  ffmpegVersion: string;
  command: string[];
  provenanceFile: string;
  provenanceSha256: string;
  docxFile: string;
  madeBy: number;
  madeAt: Date;
}

/** The id the next copy gets; renders run one at a time, so nothing else takes it meanwhile. */
export function nextCopyId(db: Db): number {
  return ((db.prepare('SELECT MAX(id) AS id FROM public_copies').get() as { id: number | null }).id ?? 0) + 1;
}

export function insertCopy(db: Db, c: NewCopy): void {
  db.prepare(
    `INSERT INTO public_copies (id, media_id, request_id, file_name, sha256, bytes, source_sha256, operations, label, ffmpeg_version, command,
       provenance_file, provenance_sha256, docx_file, made_by, made_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.mediaId, c.requestId, c.fileName, c.sha256, c.bytes, c.sourceSha256, JSON.stringify(c.operations), c.label, c.ffmpegVersion,
    JSON.stringify(c.command), c.provenanceFile, c.provenanceSha256, c.docxFile, c.madeBy, c.madeAt.toISOString());
}

interface CopyRow {
  id: number;
  mediaId: number;
  originalName: string;
  requestId: number;
  fileName: string;
  sha256: string;
  bytes: number;
  sourceSha256: string;
  operations: string;
  label: string;
  provenanceFile: string;
  provenanceSha256: string;
  docxFile: string;
  madeById: number;
  madeBy: string;
  madeAt: string;
}

const SELECT = `SELECT pc.id, pc.media_id AS mediaId, m.original_name AS originalName, pc.request_id AS requestId, pc.file_name AS fileName,
    pc.sha256, pc.bytes, pc.source_sha256 AS sourceSha256, pc.operations, pc.label, pc.provenance_file AS provenanceFile,
    pc.provenance_sha256 AS provenanceSha256, pc.docx_file AS docxFile, pc.made_by AS madeById, u.display_name AS madeBy, pc.made_at AS madeAt
  FROM public_copies pc JOIN media m ON m.id = pc.media_id JOIN users u ON u.id = pc.made_by`;

function handOuts(db: Db, copyId: number): HandOutDto[] {
  return db
    .prepare(
      `SELECT h.id, h.medium, h.recipient, h.reason, h.destination, h.volume_id AS volumeId, h.read_back AS readBack, u.display_name AS by, h.handed_at AS at
       FROM public_copy_handouts h JOIN users u ON u.id = h.handed_by WHERE h.copy_id = ? ORDER BY h.id`,
    )
    .all(copyId) as HandOutDto[];
}

function toDto(db: Db, { operations, madeById: _m, ...r }: CopyRow): PublicCopyDto {
  return { ...r, number: copyNumber(r.id), approvalNumber: approvalNumber(r.requestId), operations: JSON.parse(operations) as CopyOperations, handOuts: handOuts(db, r.id) };
}

/** Every copy, newest first; `madeBy` narrows it to one maker's. */
export function listCopies(db: Db, madeBy?: number): PublicCopyDto[] {
  const rows = (madeBy === undefined ? db.prepare(`${SELECT} ORDER BY pc.id DESC`).all() : db.prepare(`${SELECT} WHERE pc.made_by = ? ORDER BY pc.id DESC`).all(madeBy)) as CopyRow[];
  return rows.map((r) => toDto(db, r));
}

export function findCopy(db: Db, id: number): (PublicCopyDto & { madeById: number }) | null {
  const r = db.prepare(`${SELECT} WHERE pc.id = ?`).get(id) as CopyRow | undefined;
  return r ? { ...toDto(db, r), madeById: r.madeById } : null;
}

/** What a disc hand-out adds: the volume it was burned under, the image's hash, whether the disc was read back. */
export interface DiscHandOut {
  volumeId: string;
  imageSha256: string;
  readBack: 'ok' | 'unavailable';
}

export function insertHandOut(db: Db, h: { copyId: number; recipient: string; reason: string; destination: string; sha256: string; by: number; at: Date; disc?: DiscHandOut }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO public_copy_handouts (copy_id, medium, recipient, reason, destination, sha256, handed_by, handed_at, volume_id, image_sha256, read_back)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(h.copyId, h.disc ? 'disc' : 'folder', h.recipient, h.reason, h.destination, h.sha256, h.by, h.at.toISOString(), h.disc?.volumeId ?? null, h.disc?.imageSha256 ?? null, h.disc?.readBack ?? null)
      .lastInsertRowid,
  );
}

/** How many times a copy was handed out on a disc: numbers each disc's staging folder. */
export function discHandOutCount(db: Db, copyId: number): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM public_copy_handouts WHERE copy_id = ? AND medium = 'disc'").get(copyId) as { n: number }).n;
}

/** The frame size ingest probed, or null when it did not. */
export function frameOf(db: Db, mediaId: number): { width: number; height: number } | null {
  const r = db.prepare('SELECT width, height FROM media WHERE id = ?').get(mediaId) as { width: number | null; height: number | null } | undefined;
  return r?.width && r.height ? { width: r.width, height: r.height } : null;
}

/** Whom a request's approval names for its copies: its requester and the users it names. */
export function approvalPeople(db: Db, requestId: number): number[] {
  const r = db.prepare('SELECT requested_by AS id FROM access_requests WHERE id = ?').get(requestId) as { id: number } | undefined;
  const named = db.prepare('SELECT user_id AS id FROM access_request_users WHERE request_id = ?').all(requestId) as { id: number }[];
  return [...(r ? [r.id] : []), ...named.map((n) => n.id)];
}

/** The approval as the provenance records it. */
export function approvalFacts(db: Db, requestId: number): { reason: string; requestedBy: string; decidedBy: string; decidedAt: string; validFrom: string; validUntil: string } {
  return db
    .prepare(
      `SELECT r.reason, ru.display_name AS requestedBy, du.display_name AS decidedBy, r.decided_at AS decidedAt, r.valid_from AS validFrom, r.valid_until AS validUntil
       FROM access_requests r JOIN users ru ON ru.id = r.requested_by JOIN users du ON du.id = r.decided_by WHERE r.id = ?`,
    )
    .get(requestId) as ReturnType<typeof approvalFacts>;
}
