// The chain walk with what verification needs of the rows, over several threads for a long chain (issue 14 item 4:
// a million rows in seconds). The seq range is cut in parts; each worker opens the archive read-only and walks its
// part from the row before it, exactly as the one-thread walk would meet it, so every link, also across the cuts,
// is checked once. SQLite makes each row's hashed text (HASHED_TEXT_SQL); a row whose hash that text does not give
// is decided here by the JavaScript check (chain-walk.ts), so old rows and edge cases read exactly as before.
// verifyAuditChain is synchronous (it runs inside API handlers and the CLI), so this thread waits on an Atomics
// flag for the workers; if one fails, this thread walks the chain alone.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Db, Sha256Hex } from '../store';
import { editedAmong, editedRow, GENESIS_HASH, HASHED_TEXT_SQL, nameBrokenLinks, scanAuditChain, seqGap, type BrokenLink, type ChainScan, type LinkProblem } from './chain-walk';

/** What the checks after the walk need of the rows, gathered in the one pass over them. */
export interface ChainFacts {
  /** The hash of each row a seal or an anchor names (absent: no such row). */
  named: Map<number, string>;
  logins: { seq: number; at: string }[];
  /** Rows after the last seal, which the next seals must cover. */
  unsealed: { seq: number; at: string; hash: string }[];
}

export interface ChainWant {
  named: ReadonlySet<number>;
  /** Rows after this seq are gathered as unsealed. */
  afterSeq: number;
}

export interface ChainWalk {
  walk: ChainScan;
  facts: ChainFacts;
  /** How many threads walked it (1: this one alone). */
  threads: number;
}

/** Below this many rows one thread is quicker than starting workers. */
const MIN_ROWS_FOR_THREADS = 100_000;

interface PartResult {
  rows: number;
  last: [seq: number, hash: string] | null;
  /** Rows whose SQL-made text does not give their hash. */
  suspects: number[];
  /** [seq, prev_hash, prevSeq]: a link that does not hold; prev_hash null: the link holds but the numbers jump. */
  links: [number, string | null, number][];
  named: [number, string][];
  logins: [number, string][];
  unsealed: [number, string, string][];
  error?: string;
}

// Each row: its stored hash and its hashed text in one string, plucked in blocks (no row array, one string per
// row: building rows cost more than hashing them). A row passes here only if it needs no report: numbered after
// the row before, both hashes 64 characters (so the string splits exactly: the text starts with prev_hash), the
// text starting with the hash before (hex), and the text's SHA-256 its stored hash. Anything else (and the rows
// after afterSeq, whose times are gathered) goes through visit(), the full check of one row as before.
const WORKER_JS = String.raw`
const { workerData: w } = require('node:worker_threads');
const { hash } = require('node:crypto');
const out = { rows: 0, last: null, suspects: [], links: [], named: [], logins: [], unsealed: [] };
const HEX64 = /^[0-9a-f]{64}$/;
const LOGIN = '{"action":"session.login","actorId":';
try {
  const Database = require(w.sqlite);
  const db = new Database(w.file, { readonly: true, fileMustExist: true });
  const packed = db.prepare(w.packedSql).pluck();
  const rows = db.prepare(w.rowsSql).raw(true);
  const row = db.prepare(w.rowSql).raw(true);
  const atOf = db.prepare('SELECT at FROM audit_log WHERE seq = ?').pluck();
  const named = new Set(w.named);
  let prevSeq = w.start[0];
  let prevHash = w.start[1];
  let prevHex = HEX64.test(prevHash);
  const visit = (seq, at, action, prev, stored, text) => {
    if (typeof text !== 'string' || hash('sha256', text) !== stored) out.suspects.push(seq);
    if (prev !== prevHash) out.links.push([seq, prev, prevSeq]);
    else if (seq !== prevSeq + 1) out.links.push([seq, null, prevSeq]);
    if (named.has(seq)) out.named.push([seq, stored]);
    if (action === 'session.login') out.logins.push([seq, at]);
    if (seq > w.afterSeq) out.unsealed.push([seq, at, stored]);
    prevSeq = seq;
    prevHash = stored;
    prevHex = HEX64.test(stored);
    out.rows++;
  };
  // One read transaction: every block sees the same chain.
  db.exec('BEGIN');
  const fastTo = Math.max(w.from, Math.min(w.to, w.afterSeq));
  for (let a = w.from; a < fastTo; a += w.block) {
    const b = Math.min(fastTo, a + w.block);
    const block = packed.all(a, b);
    // A hole in the numbering: the block row by row.
    if (block.length !== b - a) {
      for (const r of rows.iterate(a, b)) visit(...r);
      continue;
    }
    for (let i = 0; i < block.length; i++) {
      const seq = a + 1 + i;
      const s = block[i];
      let stored;
      if (s === null || seq !== prevSeq + 1 || !prevHex || !s.startsWith(prevHash, 64) || hash('sha256', s.slice(64)) !== (stored = s.slice(0, 64))) {
        visit(...row.get(seq));
        continue;
      }
      if (named.has(seq)) out.named.push([seq, stored]);
      if (s.startsWith(LOGIN, 128)) out.logins.push([seq, atOf.get(seq)]);
      prevSeq = seq;
      prevHash = stored;
      out.rows++;
    }
  }
  for (const r of rows.iterate(fastTo, w.to)) visit(...r);
  db.exec('COMMIT');
  out.last = out.rows ? [prevSeq, prevHash] : null;
  db.close();
} catch (e) {
  out.error = String((e && e.message) || e);
}
w.port.postMessage(out);
Atomics.store(w.flag, 0, 1);
Atomics.notify(w.flag, 0);
`;

const ROW_SQL = `SELECT seq, at, action, prev_hash, hash, ${HASHED_TEXT_SQL} FROM audit_log`;
/** The stored hash and the hashed text in one string, only when both hashes have the 64 characters a split needs. */
const PACKED_SQL = `SELECT CASE WHEN length(hash) = 64 AND length(prev_hash) = 64 THEN hash || ${HASHED_TEXT_SQL} END FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`;
/** Rows per block: big enough that a call per block costs nothing, small enough to hold (about 1 MB). */
const BLOCK_ROWS = 2048;

/** The one-thread walk, gathering the facts as it goes. */
function walkHere(db: Db, want: ChainWant): ChainWalk {
  const facts: ChainFacts = { named: new Map(), logins: [], unsealed: [] };
  const walk = scanAuditChain(db, (seq, at, action, hash) => {
    if (want.named.has(seq)) facts.named.set(seq, hash);
    if (action === 'session.login') facts.logins.push({ seq, at });
    if (seq > want.afterSeq) facts.unsealed.push({ seq, at, hash });
  });
  return { walk, facts, threads: 1 };
}

interface Part {
  from: number;
  to: number;
  port: MessagePort;
  flag: Int32Array;
  worker: Worker;
}

function startPart(db: Db, want: ChainWant, from: number, to: number): Part {
  const before = db.prepare('SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq DESC LIMIT 1').raw(true).get(from) as [number, string] | undefined;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const workerData = {
    sqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
    file: db.name,
    packedSql: PACKED_SQL,
    rowsSql: `${ROW_SQL} WHERE seq > ? AND seq <= ? ORDER BY seq`,
    rowSql: `${ROW_SQL} WHERE seq = ?`,
    block: BLOCK_ROWS,
    from,
    to,
    start: before ?? [0, GENESIS_HASH],
    named: [...want.named].filter((s) => s > from && s <= to),
    afterSeq: want.afterSeq,
    port: port2,
    flag,
  };
  const worker = new Worker(WORKER_JS, { eval: true, workerData, transferList: [port2] });
  worker.unref();
  return { from, to, port: port1, flag, worker };
}

/** A part's result once its worker is done; null if it failed. */
function finishPart(p: Part): PartResult | null {
  // Generous: a worker that never starts must not hang verification; its part is then walked here.
  const waited = Atomics.wait(p.flag, 0, 0, 600_000);
  const message = waited === 'timed-out' ? undefined : (receiveMessageOnPort(p.port)?.message as PartResult | undefined);
  p.port.close();
  void p.worker.terminate();
  return message && !message.error ? message : null;
}

/** The parts' results as the one-thread walk would have reported them. */
function merge(db: Db, results: PartResult[]): ChainWalk {
  const facts: ChainFacts = { named: new Map(), logins: [], unsealed: [] };
  const problems: LinkProblem[] = [];
  const broken: BrokenLink[] = [];
  let rows = 0;
  let last: [number, string] | null = null;
  for (const r of results) {
    const edited = editedAmong(db, r.suspects);
    for (const seq of edited) problems.push(editedRow(seq));
    // An edited row is reported as edited only, as the one-thread walk does.
    for (const [seq, prevHash, prevSeq] of r.links) {
      if (edited.has(seq)) continue;
      if (prevHash === null) problems.push(seqGap(seq, prevSeq));
      else broken.push({ seq, prevHash, gap: seq - prevSeq - 1, prevSeq });
    }
    for (const [seq, hash] of r.named) facts.named.set(seq, hash);
    for (const [seq, at] of r.logins) facts.logins.push({ seq, at });
    for (const [seq, at, hash] of r.unsealed) facts.unsealed.push({ seq, at, hash });
    rows += r.rows;
    last = r.last ?? last;
  }
  if (broken.length) nameBrokenLinks(db, broken, problems);
  else problems.sort((a, b) => a.seq - b.seq);
  return { walk: { rows, head: last ? { seq: last[0], hash: last[1] as Sha256Hex } : null, problems }, facts, threads: results.length };
}

/**
 * Walks the whole chain (scanAuditChain's checks) and gathers `want`. `threads`: how many workers; by default
 * one per core (at most four) for a chain of MIN_ROWS_FOR_THREADS rows or more, else none.
 */
export function walkWithFacts(db: Db, want: ChainWant, threads?: number): ChainWalk {
  const span = db.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM audit_log').get() as { lo: number | null; hi: number | null };
  if (span.lo === null || span.hi === null || db.memory) return walkHere(db, want);
  const n = threads ?? (span.hi - span.lo + 1 >= MIN_ROWS_FOR_THREADS ? Math.min(availableParallelism(), 4) : 1);
  if (n <= 1) return walkHere(db, want);
  // Parts by seq: rows are numbered densely, so equal spans are about equal work.
  const cuts = Array.from({ length: n + 1 }, (_, i) => (i === 0 ? span.lo! - 1 : i === n ? span.hi! : span.lo! - 1 + Math.floor(((span.hi! - span.lo! + 1) * i) / n)));
  const parts = cuts.slice(1).map((to, i) => startPart(db, want, cuts[i]!, to));
  const results = parts.map(finishPart);
  // A worker that failed (no native module in its thread, say): the whole walk on this thread instead.
  if (results.some((r) => r === null)) return walkHere(db, want);
  return merge(db, results as PartResult[]);
}
