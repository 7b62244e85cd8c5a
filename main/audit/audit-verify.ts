import { localDay } from '../common';
import { walkWithFacts } from './chain-parallel';
import { GENESIS_HASH } from './chain-walk';
import type { Db } from '../store';
import { readSealFile, sealFileDays } from './seal-files';
import { isLateSeal, listSeals, parseSealBody, sealHash, unsealedRuns, type SealVerifier, type StoredSeal } from './seals';
import type { Sha256Hex } from '../store';

export type ChainProblemKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'seq_gap'
  | 'seal_invalid'
  | 'seal_missing_row'
  | 'seal_missing'
  | 'seal_chain_broken'
  | 'seal_file_missing'
  | 'seal_file_orphan'
  | 'seal_file_mismatch'
  | 'seal_file_invalid'
  | 'anchor_mismatch';

/** Not proof of tampering, but never passed over in silence. */
export type ChainWarningKind = 'seal_late' | 'seal_pending' | 'seal_legacy';

export interface ChainProblem {
  /** The row where it shows; 0 when it concerns no one row. */
  seq: number;
  kind: ChainProblemKind;
  /** English, for logs and the CLI; the UI maps kind to Chinese. */
  message: string;
}

export interface ChainWarning {
  seq: number;
  kind: ChainWarningKind;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: Sha256Hex;
  sealedDays: number;
  latestSeal: { day: string; hash: Sha256Hex } | null;
  problems: ChainProblem[];
  warnings: ChainWarning[];
}

export interface ChainAnchors {
  /** Rows as printed on a signed paper weekly report: row `seq` must still have `hash`. */
  anchors?: readonly { seq: number; hash: string }[];
  /** Seal hashes as printed there: each must still be a seal of the chain. */
  sealAnchors?: readonly string[];
}

export interface VerifyChainOptions extends ChainAnchors {
  /** The office time zone and the current time: which days are past. */
  timeZone: string;
  now: Date;
  /** The archive's `seals/` folder. */
  sealsDir: string;
  verifySeal: SealVerifier;
  /** Worker threads for the walk; by default one per core for a long chain (chain-parallel.ts), 1 for none. */
  threads?: number;
}

/** Successful logins in time order with their day: each one sealed every earlier day. */
class Logins {
  private readonly list: { seq: number; at: Date; day: string }[];
  /** The latest day of any login up to each index: it only grows, so it can be searched by halves. */
  private readonly reach: string[];
  constructor(logins: readonly { seq: number; at: string }[], timeZone: string) {
    this.list = logins
      .map((e) => ({ seq: e.seq, at: new Date(e.at), day: localDay(new Date(e.at), timeZone) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    let max = '';
    this.reach = this.list.map((l) => (max = l.day > max ? l.day : max));
  }

  /** The first login on a day after `day`, which had to seal it. */
  firstAfter(day: string): { seq: number; at: Date; day: string } | undefined {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.reach[mid] ?? '') > day) hi = mid;
      else lo = mid + 1;
    }
    return this.list[lo];
  }
}

const short = (h: string) => `${h.slice(0, 16)}…`;

/**
 * Checks the audit log against itself, its seals against the log and each other, the seal files
 * against the seals, and the paper anchors against all of it. Every past day with rows must be
 * sealed once a later login could seal it; a day nobody could seal yet is a warning.
 */
export function verifyAuditChain(db: Db, opts: VerifyChainOptions): ChainReport {
  const seals = listSeals(db);
  const lastSealed = seals.at(-1)?.headSeq ?? 0;
  const named = new Set([...seals.map((s) => s.headSeq), ...(opts.anchors ?? []).map((a) => a.seq)]);
  const { walk, facts } = walkWithFacts(db, { named, afterSeq: lastSealed }, opts.threads);
  const problems: ChainProblem[] = [...walk.problems];
  const warnings: ChainWarning[] = [];
  const logins = new Logins(facts.logins, opts.timeZone);

  checkSeals(seals, facts.named, logins, opts, problems, warnings);
  checkUnsealed(facts.unsealed, seals.at(-1), logins, opts, problems, warnings);
  checkSealFiles(seals, opts, problems);

  for (const a of opts.anchors ?? []) {
    const hash = facts.named.get(a.seq);
    if (hash !== a.hash.toLowerCase()) {
      problems.push({
        seq: a.seq,
        kind: 'anchor_mismatch',
        message: hash ? `row ${a.seq} has hash ${short(hash)}, not ${short(a.hash)} as the anchor says` : `row ${a.seq} named by the anchor is missing`,
      });
    }
  }
  const sealHashes = new Set(seals.map((s) => sealHash(s.content) as string));
  for (const h of opts.sealAnchors ?? []) {
    if (!sealHashes.has(h.toLowerCase())) problems.push({ seq: 0, kind: 'anchor_mismatch', message: `no seal has the anchored hash ${short(h)}` });
  }

  const last = seals.at(-1);
  return {
    ok: problems.length === 0,
    entries: walk.rows,
    headSeq: walk.head?.seq ?? 0,
    headHash: walk.head?.hash ?? GENESIS_HASH,
    sealedDays: seals.length,
    latestSeal: last ? { day: last.day, hash: sealHash(last.content) } : null,
    problems,
    warnings,
  };
}

/** Each seal: its head row, its signature, its columns against its signed bytes, its link to the one before, its timing. */
function checkSeals(
  seals: StoredSeal[],
  named: Map<number, string>,
  logins: Logins,
  opts: VerifyChainOptions,
  problems: ChainProblem[],
  warnings: ChainWarning[],
): void {
  let expectedPrev: string = GENESIS_HASH;
  let prevHead = 0;
  let prevDay = '';
  let chained = false;
  let legacy = 0;
  for (const s of seals) {
    const seq = s.headSeq;
    if (named.get(s.headSeq) !== s.headHash) {
      problems.push({ seq, kind: 'seal_missing_row', message: `the sealed head of ${s.day} (row ${s.headSeq}) is missing or changed` });
    }
    const check = opts.verifySeal(s.content, s.signature);
    if (!check.ok) problems.push({ seq, kind: 'seal_invalid', message: `the seal of ${s.day} does not verify: ${check.reason ?? 'bad signature'}` });

    let timeZone = opts.timeZone;
    if (s.legacy) {
      legacy++;
      if (chained) problems.push({ seq, kind: 'seal_chain_broken', message: `the legacy seal of ${s.day} comes after chained seals` });
    } else {
      chained = true;
      const b = parseSealBody(s.content);
      if (b) timeZone = b.timeZone;
      const agrees =
        b &&
        b.day === s.day &&
        b.firstSeq === s.firstSeq &&
        b.headSeq === s.headSeq &&
        b.headHash === s.headHash &&
        b.prevSealHash === s.prevSealHash &&
        b.late === s.late &&
        b.sealedAt === s.sealedAt;
      if (!agrees) problems.push({ seq, kind: 'seal_invalid', message: `the seal row of ${s.day} does not match the content its signature covers` });
      if (s.prevSealHash !== expectedPrev) {
        problems.push({ seq, kind: 'seal_chain_broken', message: `the seal of ${s.day} does not name the seal before it: a seal was removed or replaced` });
      }
      if (s.firstSeq !== prevHead + 1) {
        problems.push({ seq, kind: 'seal_chain_broken', message: `the seal of ${s.day} starts at row ${s.firstSeq ?? '?'}, but the seal before it ends at row ${prevHead}` });
      }
    }
    if (s.day <= prevDay) problems.push({ seq, kind: 'seal_chain_broken', message: `the seal of ${s.day} follows the seal of ${prevDay}` });

    const sealedAt = new Date(s.sealedAt);
    const due = logins.firstAfter(s.day);
    if (due && due.at < sealedAt) {
      problems.push({
        seq,
        kind: 'seal_missing',
        message: `${s.day} should have been sealed at the login of row ${due.seq} on ${due.day}, but its seal was made on ${localDay(sealedAt, timeZone)}: the seals were made again`,
      });
    }
    if (isLateSeal(s.day, sealedAt, timeZone)) {
      warnings.push({ seq, kind: 'seal_late', message: `${s.day} was sealed late, on ${localDay(sealedAt, timeZone)}: its rows could have been changed before` });
    }

    expectedPrev = sealHash(s.content);
    prevHead = s.headSeq;
    prevDay = s.day;
  }
  if (legacy > 0) {
    warnings.push({ seq: 0, kind: 'seal_legacy', message: `${legacy} seal(s) made before seals were chained have no file outside the database` });
  }
}

/** Rows after the last seal: a past day among them must have been sealed by any later login. */
function checkUnsealed(
  unsealed: { seq: number; at: string; hash: string }[],
  last: StoredSeal | undefined,
  logins: Logins,
  opts: VerifyChainOptions,
  problems: ChainProblem[],
  warnings: ChainWarning[],
): void {
  const today = localDay(opts.now, opts.timeZone);
  for (const run of unsealedRuns(unsealed, opts.timeZone, last).filter((r) => r.day < today)) {
    const due = logins.firstAfter(run.day);
    const rows = `${run.rows} row(s) (${run.firstSeq}..${run.headSeq})`;
    if (due) {
      problems.push({ seq: run.firstSeq, kind: 'seal_missing', message: `${run.day} has ${rows} and no seal, although the login of row ${due.seq} on ${due.day} sealed every earlier day` });
    } else {
      warnings.push({ seq: run.firstSeq, kind: 'seal_pending', message: `${run.day} is not sealed yet (${rows}): the log shows no login since, and each login seals every earlier day` });
    }
  }
}

function describeFile(content: Buffer | null, signatureOk: boolean): string {
  const b = content ? parseSealBody(content) : null;
  const what = b ? `it seals rows ${b.firstSeq}..${b.headSeq} of ${b.day}, head ${short(b.headHash)}` : 'it is not a readable seal';
  return `${what}; its signature ${signatureOk ? 'verifies' : 'does not verify'}`;
}

/** Every chained seal has its pair of files, byte for byte; every seal file has its seal. */
function checkSealFiles(seals: StoredSeal[], opts: VerifyChainOptions, problems: ChainProblem[]): void {
  const sealed = new Set<string>();
  for (const s of seals) {
    sealed.add(s.day);
    const f = readSealFile(opts.sealsDir, s.day);
    if (!f) {
      if (!s.legacy) problems.push({ seq: s.headSeq, kind: 'seal_file_missing', message: `the seal of ${s.day} has no file seals/${s.day}.json (+ .p7s)` });
      continue;
    }
    if (f.content?.equals(s.content) && f.signature?.equals(s.signature)) continue;
    const check = f.content && f.signature ? opts.verifySeal(f.content, f.signature) : { ok: false, reason: 'half of the pair is missing' };
    if (!check.ok) {
      problems.push({ seq: s.headSeq, kind: 'seal_file_invalid', message: `the seal file of ${s.day} does not verify (${check.reason ?? 'bad signature'}); ${describeFile(f.content, false)}` });
    } else {
      problems.push({ seq: s.headSeq, kind: 'seal_file_mismatch', message: `the seal file of ${s.day} differs from the database's seal: ${describeFile(f.content, true)}` });
    }
  }
  for (const day of sealFileDays(opts.sealsDir)) {
    if (sealed.has(day)) continue;
    const f = readSealFile(opts.sealsDir, day);
    const ok = Boolean(f?.content && f.signature && opts.verifySeal(f.content, f.signature).ok);
    problems.push({ seq: 0, kind: 'seal_file_orphan', message: `seals/${day}.json has no seal in the database: ${describeFile(f?.content ?? null, ok)}` });
  }
}
