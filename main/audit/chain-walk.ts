// The audit chain's links, checked row by row as SQLite hands them over: nothing of the chain is held but the
// link before, so a million rows cost one pass and no memory.
import { hash as sha256Hex } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db, Sha256Hex } from '../store';

export const GENESIS_HASH = '0'.repeat(64) as Sha256Hex;

/** The fields an entry's hash covers besides its details. */
export interface HashedFields {
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  target: string | null;
}

const json = (v: string | number | null): string => JSON.stringify(v ?? null);

/**
 * The hashed text of an entry: the previous hash, then the canonical JSON (RFC 8785, keys sorted) of its fields
 * with `details` given as its canonical text. The sequence number is left out on purpose: order is carried by
 * prev_hash alone, so a renumbered row shows up as out of order rather than as an edit.
 */
function hashedText(prevHash: string, f: HashedFields, canonicalDetails: string): string {
  return `${prevHash}{"action":${json(f.action)},"actorId":${json(f.actorId)},"actorLogin":${json(f.actorLogin)},"at":${json(f.at)},"details":${canonicalDetails},"target":${json(f.target)}}`;
}

/** An entry's hash, from its details' canonical text (what `appendAudit` stores). */
export function entryHash(prevHash: string, f: HashedFields, canonicalDetails: string): Sha256Hex {
  return sha256Hex('sha256', hashedText(prevHash, f, canonicalDetails)) as Sha256Hex;
}

/** The details as the hash covers them: stored text that is not JSON counts as `{ unparsable: text }`. */
export function parseDetails(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparsable: text };
  }
}

export const canonicalText = (v: unknown): string => canonicalize(v) ?? 'null';

export type LinkProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'seq_gap';

export interface LinkProblem {
  seq: number;
  kind: LinkProblemKind;
  message: string;
}

/** Called for every row in seq order with the row's own strings (nothing is allocated for the call). */
export type RowVisitor = (seq: number, at: string, action: string, hash: string) => void;

export interface ChainScan {
  rows: number;
  head: { seq: number; hash: Sha256Hex } | null;
  problems: LinkProblem[];
}

/** A link that does not hold, named once the whole chain is known (was its prev_hash some other row's hash?). */
export interface BrokenLink {
  seq: number;
  prevHash: string;
  gap: number;
  prevSeq: number;
}

type RawRow = [seq: number, at: string, actorId: number | null, actorLogin: string | null, action: string, target: string | null, details: string, prevHash: string, hash: string];
const ROW_COLUMNS = 'seq, at, actor_id, actor_login, action, target, details, prev_hash, hash';

/** Does the row's hash cover exactly what the program would have hashed for it (canonical details, or older JSON)? */
function selfConsistent(r: RawRow): boolean {
  const f: HashedFields = { at: r[1], actorId: r[2], actorLogin: r[3], action: r[4], target: r[5] };
  return entryHash(r[7], f, r[6]) === r[8] || entryHash(r[7], f, canonicalText(parseDetails(r[6]))) === r[8];
}

/** The rows whose text SQL could not vouch for (chain-parallel.ts): which of them are edited, by the check above. */
export function editedAmong(db: Db, seqs: readonly number[]): Set<number> {
  const row = db.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq = ?`).raw(true);
  return new Set(seqs.filter((seq) => !selfConsistent(row.get(seq) as RawRow)));
}

/**
 * The text `hashedText` makes, made by SQLite for a row stored canonically (json_quote writes strings as
 * JSON.stringify does); a row where it does not give the stored hash is decided by `editedAmong`.
 */
export const HASHED_TEXT_SQL = `prev_hash || '{"action":' || json_quote(action) || ',"actorId":' || json_quote(actor_id) || ',"actorLogin":' || json_quote(actor_login) || ',"at":' || json_quote(at) || ',"details":' || details || ',"target":' || json_quote(target) || '}'`;

/**
 * Walks the chain once in seq order; every broken link and every hole in the numbering is named with the row
 * where it shows. A row written since details are stored canonically is checked from its stored text without
 * parsing it; an older row (details as JSON.stringify wrote them) is parsed and canonicalized, as before. Either
 * way a row passes only if its hash covers exactly what the program would have hashed for it.
 */
export function scanAuditChain(db: Db, visit?: RowVisitor): ChainScan {
  const problems: LinkProblem[] = [];
  const broken: BrokenLink[] = [];
  let prevSeq = 0;
  let prevHash: string = GENESIS_HASH;
  let rows = 0;
  const stmt = db.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq`).raw(true);
  for (const raw of stmt.iterate()) {
    const r = raw as RawRow;
    const seq = r[0];
    const stored = r[8];
    if (!selfConsistent(r)) {
      problems.push(editedRow(seq));
    } else if (r[7] !== prevHash) {
      broken.push({ seq, prevHash: r[7], gap: seq - prevSeq - 1, prevSeq });
    } else if (seq !== prevSeq + 1) {
      problems.push(seqGap(seq, prevSeq));
    }
    visit?.(seq, r[1], r[4], stored);
    prevSeq = seq;
    prevHash = stored;
    rows++;
  }
  if (broken.length) nameBrokenLinks(db, broken, problems);
  return { rows, head: rows ? { seq: prevSeq, hash: prevHash as Sha256Hex } : null, problems };
}

export const editedRow = (seq: number): LinkProblem => ({ seq, kind: 'edited', message: `row ${seq} was edited: its content no longer matches its hash` });

/** The links hold but the numbers jump: rows were renumbered (or deleted and the chain rebuilt). */
export function seqGap(seq: number, prevSeq: number): LinkProblem {
  const from = prevSeq + 1;
  const missing = from === seq - 1 ? `row ${from} is` : `rows ${from}..${seq - 1} are`;
  return { seq, kind: 'seq_gap', message: `the numbering jumps from ${from - 1} to ${seq}: ${missing} missing although the links hold` };
}

/** Only when links broke: which row (the last of that hash; `hash` is UNIQUE, so an indexed look-up) each points to. */
export function nameBrokenLinks(db: Db, broken: BrokenLink[], problems: LinkProblem[]): void {
  const rowOf = db.prepare('SELECT MAX(seq) AS seq FROM audit_log WHERE hash = ?');
  for (const b of broken) {
    const linkedTo = (rowOf.get(b.prevHash) as { seq: number | null }).seq;
    if (linkedTo !== null) {
      problems.push({ seq: b.seq, kind: 'reordered', message: `row ${b.seq} is out of order: it follows row ${linkedTo} in the chain` });
    } else if (b.gap > 0) {
      problems.push({ seq: b.seq, kind: 'deleted', message: `${b.gap} row(s) before row ${b.seq} were deleted` });
    } else {
      problems.push({ seq: b.seq, kind: 'inserted', message: `row ${b.seq} does not link to row ${b.prevSeq}: a row was inserted or replaced` });
    }
  }
  problems.sort((a, b) => a.seq - b.seq);
}
