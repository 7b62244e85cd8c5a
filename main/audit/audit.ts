import type { Db } from '../store';
import type { AuditSeq, Sha256Hex, UserId } from '../store';
import { canonicalText, entryHash, GENESIS_HASH, parseDetails, scanAuditChain, type LinkProblem } from './chain-walk';

export { GENESIS_HASH };

export type AuditDetails = Record<string, unknown>;

export interface AuditInput {
  actorId: UserId | null;
  actorLogin: string | null;
  /** dotted verb, e.g. 'user.create', 'session.login_failed' */
  action: string;
  /** what was acted on, e.g. 'user:3' */
  target: string | null;
  details?: AuditDetails;
  at: Date;
}

export interface AuditEntry {
  seq: AuditSeq;
  at: string;
  actorId: UserId | null;
  actorLogin: string | null;
  action: string;
  target: string | null;
  details: AuditDetails;
  prevHash: Sha256Hex;
  hash: Sha256Hex;
}

/** A row of audit_log as SQLite returns it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_login: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function toEntry(r: AuditRow): AuditEntry {
  const details: AuditDetails = parseDetails(r.details);
  return {
    seq: r.seq as AuditSeq,
    at: r.at,
    actorId: r.actor_id as UserId | null,
    actorLogin: r.actor_login,
    action: r.action,
    target: r.target,
    details,
    prevHash: r.prev_hash as Sha256Hex,
    hash: r.hash as Sha256Hex,
  };
}

/** Appends one entry. Call inside the same transaction as the change it records. */
export function appendAudit(db: Db, input: AuditInput): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const prevHash = (last?.hash ?? GENESIS_HASH) as Sha256Hex;
  const body = {
    at: input.at.toISOString(),
    actorId: input.actorId,
    actorLogin: input.actorLogin,
    action: input.action,
    target: input.target,
    details: input.details ?? {},
  };
  // Stored as hashed (canonical JSON), so that verify can check the row without parsing it.
  const details = canonicalText(body.details);
  const hash = entryHash(prevHash, body, details);
  const seq = (last?.seq ?? 0) + 1;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, body.at, body.actorId, body.actorLogin, body.action, body.target, details, prevHash, hash);
  return { ...body, seq: seq as AuditSeq, prevHash, hash };
}

/** The newest row of the chain: what the weekly report prints as its anchor. */
export function auditHead(db: Db): { seq: number; hash: Sha256Hex } | null {
  const r = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return r ? { seq: r.seq, hash: r.hash as Sha256Hex } : null;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  text?: string;
  limit: number;
  offset: number;
}

export function queryAudit(db: Db, q: AuditQuery): { total: number; entries: AuditEntry[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (q.from) add('at >= ?', q.from);
  if (q.to) add('at < ?', q.to);
  if (q.action) add('action LIKE ?', `${q.action}%`);
  if (q.actor) add('actor_login = ?', q.actor);
  if (q.text) add('(target LIKE ? OR details LIKE ?)', `%${q.text}%`, `%${q.text}%`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${clause}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset) as AuditRow[];
  return { total, entries: rows.map(toEntry) };
}

export interface ChainWalk {
  /** Every row as stored, in seq order. */
  entries: AuditEntry[];
  problems: LinkProblem[];
}

/** Walks the whole chain; every broken link and every hole in the numbering is named with the row where it shows. */
export function walkAuditChain(db: Db): ChainWalk {
  const entries = (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).map(toEntry);
  return { entries, problems: scanAuditChain(db).problems };
}

/** Who did it: the logged-in user (a session fits), or null for the program itself and anonymous callers. */
export interface AuditActor {
  userId: number;
  login: string;
}

export function auditAs(db: Db, actor: AuditActor | null, now: Date, action: string, target: string | null, details?: AuditDetails): void {
  appendAudit(db, {
    actorId: (actor?.userId ?? null) as UserId | null,
    actorLogin: actor?.login ?? null,
    action,
    target,
    details: details ?? {},
    at: now,
  });
}
