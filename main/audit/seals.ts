import { createHash } from 'node:crypto';
import { localDay } from '../common';
import { GENESIS_HASH } from './audit';
import type { Db } from '../store';
import { readSealFile, writeSealFileOnce } from './seal-files';
import type { Sha256Hex, UserId } from '../store';

/**
 * Day seals of the audit chain. At the first login after a day ends, that day's rows are sealed:
 * the user's key signs a small JSON document naming the rows it covers, the hash of the last one,
 * and the hash of the previous seal, so the seals form a chain of their own. The signed bytes are
 * kept in the database and written to `seals/<day>.json` (+ `.p7s`), never over an existing file.
 */

export const SEAL_FORMAT = 'evidence-audit-seal/2';

export interface SealBody {
  format: typeof SEAL_FORMAT;
  day: string;
  /** The office time zone `day` was computed in. */
  timeZone: string;
  /** Rows first_seq..head_seq: everything after the previous seal up to the day's last row. */
  firstSeq: number;
  headSeq: number;
  headHash: string;
  /** SHA-256 of the previous seal's signed bytes; zeros for the first seal. */
  prevSealHash: string;
  sealedAt: string;
  /** Made later than the day after `day` (nobody logged in sooner, or the seals were remade). */
  late: boolean;
  signer: { id: number; login: string };
}

export type SealVerifier = (content: Buffer, signature: Buffer) => { ok: boolean; reason?: string };

/** The signed bytes: fixed key order, indented for a person reading the file, newline at the end. */
export function sealBytes(b: SealBody): Buffer {
  const ordered: SealBody = {
    format: b.format,
    day: b.day,
    timeZone: b.timeZone,
    firstSeq: b.firstSeq,
    headSeq: b.headSeq,
    headHash: b.headHash,
    prevSealHash: b.prevSealHash,
    sealedAt: b.sealedAt,
    late: b.late,
    signer: { id: b.signer.id, login: b.signer.login },
  };
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8');
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isSeq = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** Reads signed seal bytes back; null when they are not a seal of this format. */
export function parseSealBody(content: Buffer): SealBody | null {
  let v: unknown;
  try {
    v = JSON.parse(content.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const b = v as Record<string, unknown>;
  const signer = b.signer as Record<string, unknown> | null | undefined;
  const ok =
    b.format === SEAL_FORMAT &&
    typeof b.day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(b.day) &&
    typeof b.timeZone === 'string' &&
    isSeq(b.firstSeq) &&
    isSeq(b.headSeq) &&
    isHash(b.headHash) &&
    isHash(b.prevSealHash) &&
    typeof b.sealedAt === 'string' &&
    !Number.isNaN(Date.parse(b.sealedAt)) &&
    typeof b.late === 'boolean' &&
    typeof signer === 'object' &&
    signer !== null &&
    isSeq(signer.id) &&
    typeof signer.login === 'string';
  return ok ? (v as SealBody) : null;
}

/** What a seal made before version 7 signed: no chain, no time. */
export function legacySealContent(day: string, headSeq: number, headHash: string): Buffer {
  return Buffer.from(`evidence-audit-seal\nday=${day}\nhead_seq=${headSeq}\nhead_hash=${headHash}\n`, 'utf8');
}

export function sealHash(content: Buffer): Sha256Hex {
  return createHash('sha256').update(content).digest('hex') as Sha256Hex;
}

/** The calendar day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A seal is late when it was made after the day following its day (office time zone). */
export function isLateSeal(day: string, sealedAt: Date, timeZone: string): boolean {
  return localDay(sealedAt, timeZone) > nextDay(day);
}

export interface StoredSeal {
  day: string;
  /** Null for a legacy seal. */
  firstSeq: number | null;
  headSeq: number;
  headHash: string;
  prevSealHash: string | null;
  late: boolean;
  legacy: boolean;
  /** The signed bytes (re-created for a legacy seal). */
  content: Buffer;
  signature: Buffer;
  signerId: number;
  sealedAt: string;
}

interface SealRow {
  day: string;
  first_seq: number | null;
  head_seq: number;
  head_hash: string;
  prev_seal_hash: string | null;
  late: number;
  legacy: number;
  content: string | null;
  signature: Buffer;
  signer_id: number;
  sealed_at: string;
}

/** Every seal in chain order. */
export function listSeals(db: Db): StoredSeal[] {
  return (db.prepare('SELECT * FROM audit_seals ORDER BY head_seq').all() as SealRow[]).map((r) => ({
    day: r.day,
    firstSeq: r.first_seq,
    headSeq: r.head_seq,
    headHash: r.head_hash,
    prevSealHash: r.prev_seal_hash,
    late: r.late === 1,
    legacy: r.legacy === 1,
    content: r.content === null ? legacySealContent(r.day, r.head_seq, r.head_hash) : Buffer.from(r.content, 'utf8'),
    signature: r.signature,
    signerId: r.signer_id,
    sealedAt: r.sealed_at,
  }));
}

/** The newest seal and the hash of its signed bytes, for the weekly report's paper anchor. */
export function latestSeal(db: Db): { day: string; hash: Sha256Hex } | null {
  const last = listSeals(db).at(-1);
  return last ? { day: last.day, hash: sealHash(last.content) } : null;
}

/** A run of rows after the last seal that one seal will cover. */
export interface UnsealedRun {
  day: string;
  firstSeq: number;
  headSeq: number;
  headHash: string;
  rows: number;
}

/**
 * Rows after the last seal grouped into the seals they are due for, one run per day. A row never
 * falls on a day before the row ahead of it or on an already sealed day (a clock set back puts it
 * on the next open day), so each seal covers one unbroken run and days only go forward. Sealing and
 * `verify` both use this, so they agree on which day a row belongs to.
 */
export function unsealedRuns(rows: readonly { seq: number; at: string; hash: string }[], timeZone: string, last: { day: string; headSeq: number } | undefined): UnsealedRun[] {
  const runs: UnsealedRun[] = [];
  let day = last ? nextDay(last.day) : '';
  let prevHead = last?.headSeq ?? 0;
  let current = null as UnsealedRun | null;
  for (const r of rows) {
    if (r.seq <= prevHead) continue;
    const own = localDay(new Date(r.at), timeZone);
    if (own > day) day = own;
    if (current?.day !== day) {
      current = { day, firstSeq: prevHead + 1, headSeq: r.seq, headHash: r.hash, rows: 0 };
      runs.push(current);
    }
    current.headSeq = r.seq;
    current.headHash = r.hash;
    current.rows++;
    prevHead = r.seq;
  }
  return runs;
}

/** The seals due now: the runs of days before today (office time zone). */
function planSeals(db: Db, timeZone: string, now: Date, last: StoredSeal | undefined): UnsealedRun[] {
  const today = localDay(now, timeZone);
  const rows = db.prepare('SELECT seq, at, hash FROM audit_log WHERE seq > ? ORDER BY seq').all(last?.headSeq ?? 0) as { seq: number; at: string; hash: string }[];
  return unsealedRuns(rows, timeZone, last).filter((r) => r.day < today);
}

function insertSeal(db: Db, b: SealBody, content: Buffer, signature: Buffer): void {
  db.prepare(
    `INSERT INTO audit_seals (day, first_seq, head_seq, head_hash, prev_seal_hash, late, legacy, content, signer_id, signature, sealed_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  ).run(b.day, b.firstSeq, b.headSeq, b.headHash, b.prevSealHash, b.late ? 1 : 0, content.toString('utf8'), b.signer.id, signature, b.sealedAt);
}

/**
 * A seal file already there for a day about to be sealed is taken as the seal when it is exactly
 * the seal due (same rows, same head, same previous seal) and its signature holds: a crash between
 * writing it and committing, or a seal row deleted from the database with nothing else changed.
 */
function restorable(db: Db, file: { content: Buffer | null; signature: Buffer | null }, due: SealBody, verify: SealVerifier): SealBody | null {
  if (!file.content || !file.signature) return null;
  const b = parseSealBody(file.content);
  if (!b || b.day !== due.day || b.firstSeq !== due.firstSeq || b.headSeq !== due.headSeq || b.headHash !== due.headHash || b.prevSealHash !== due.prevSealHash) return null;
  if (!verify(file.content, file.signature).ok) return null;
  return db.prepare('SELECT 1 FROM users WHERE id = ?').get(b.signer.id) ? b : null;
}

export interface SealSigner {
  id: UserId;
  login: string;
  sign(content: Buffer): Buffer;
}

export interface SealMade {
  day: string;
  late: boolean;
  /** Taken from the seal file found in `seals/`, not signed anew. */
  restored: boolean;
  /** False when a different seal file for the day was found and left in place (verify reports it). */
  fileWritten: boolean;
}

/**
 * Seals every past day not yet sealed, in order, chaining each seal to the one before. Runs inside
 * the login transaction: the files are written before the rows, so a rollback leaves at most a
 * seal file that the next login finds and restores.
 */
export function sealPastDays(
  db: Db,
  dirs: { seals: string; tmp: string },
  opts: { timeZone: string; now: Date; signer: SealSigner; verify: SealVerifier },
): SealMade[] {
  const last = listSeals(db).at(-1);
  let prevSealHash: string = last ? sealHash(last.content) : GENESIS_HASH;
  const made: SealMade[] = [];
  for (const p of planSeals(db, opts.timeZone, opts.now, last)) {
    const due: SealBody = {
      format: SEAL_FORMAT,
      day: p.day,
      firstSeq: p.firstSeq,
      headSeq: p.headSeq,
      headHash: p.headHash,
      timeZone: opts.timeZone,
      prevSealHash,
      sealedAt: opts.now.toISOString(),
      late: isLateSeal(p.day, opts.now, opts.timeZone),
      signer: { id: opts.signer.id, login: opts.signer.login },
    };
    const file = readSealFile(dirs.seals, p.day);
    const restored = file ? restorable(db, file, due, opts.verify) : null;
    if (restored && file?.content && file.signature) {
      insertSeal(db, restored, file.content, file.signature);
      made.push({ day: p.day, late: restored.late, restored: true, fileWritten: false });
      prevSealHash = sealHash(file.content);
      continue;
    }
    const content = sealBytes(due);
    const signature = opts.signer.sign(content);
    const fileWritten = file?.content ? false : writeSealFileOnce(dirs.seals, dirs.tmp, p.day, content, signature);
    insertSeal(db, due, content, signature);
    made.push({ day: p.day, late: due.late, restored: false, fileWritten });
    prevSealHash = sealHash(content);
  }
  return made;
}
