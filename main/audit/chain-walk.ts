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
interface BrokenLink {
  seq: number;
  prevHash: string;
  gap: number;
  prevSeq: number;
}

type RawRow = [seq: number, at: string, actorId: number | null, actorLogin: string | null, action: string, target: string | null, details: string, prevHash: string, hash: string];

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
  const stmt = db.prepare('SELECT seq, at, actor_id, actor_login, action, target, details, prev_hash, hash FROM audit_log ORDER BY seq').raw(true);
  for (const raw of stmt.iterate()) {
    const r = raw as RawRow;
    const seq = r[0];
    const stored = r[8];
    const f: HashedFields = { at: r[1], actorId: r[2], actorLogin: r[3], action: r[4], target: r[5] };
    const selfConsistent = entryHash(r[7], f, r[6]) === stored || entryHash(r[7], f, canonicalText(parseDetails(r[6]))) === stored;
    if (!selfConsistent) {
      problems.push({ seq, kind: 'edited', message: `row ${seq} was edited: its content no longer matches its hash` });
    } else if (r[7] !== prevHash) {
      broken.push({ seq, prevHash: r[7], gap: seq - prevSeq - 1, prevSeq });
    } else if (seq !== prevSeq + 1) {
      // The links hold but the numbers jump: rows were renumbered (or deleted and the chain rebuilt).
      const from = prevSeq + 1;
      const missing = from === seq - 1 ? `row ${from} is` : `rows ${from}..${seq - 1} are`;
      problems.push({ seq, kind: 'seq_gap', message: `the numbering jumps from ${from - 1} to ${seq}: ${missing} missing although the links hold` });
    }
    visit?.(seq, r[1], r[4], stored);
    prevSeq = seq;
    prevHash = stored;
    rows++;
  }
  if (broken.length) nameBrokenLinks(db, broken, problems);
  return { rows, head: rows ? { seq: prevSeq, hash: prevHash as Sha256Hex } : null, problems };
}

/** Only when links broke: which row (the last of that hash; `hash` is UNIQUE, so an indexed look-up) each points to. */
function nameBrokenLinks(db: Db, broken: BrokenLink[], problems: LinkProblem[]): void {
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
