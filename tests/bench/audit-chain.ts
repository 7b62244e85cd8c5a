// A real audit chain for the bench (issue 14 item 4): an office set up through the API, then `days` office days,
// each opened by a login (which seals the days before it with the user's real key, as the program does) and
// followed by that day's share of `rows` entries appended by appendAudit (real links, real hashes).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, dispatch, type ApiServices, type Client } from '../../main/api';
import type { AuditInput } from '../../main/audit';
import { canonicalText, entryHash } from '../../main/audit/chain-walk';
import type { Db } from '../../main/store';
import type { UserId } from '../../main/store';
import { silentLogger } from '../../main/log';
import { TEST_COSTS, testKeyPairs, TestClock } from '../support/services';

const DAY_MS = 86_400_000;
/** 2024-01-01 09:00 in Asia/Shanghai. */
const FIRST_MORNING = Date.UTC(2024, 0, 1, 1);
const SETUP = {
  officeName: '某某镇综合行政执法大队',
  unitName: '某某镇综合行政执法大队',
  timeZone: 'Asia/Shanghai',
  admin: { login: 'admin', displayName: '王管理', password: 'admin-pass-1' },
  chief: { login: 'chief', displayName: '李队长', password: 'chief-pass-1' },
};

export interface AuditChainArchive {
  root: string;
  /** The morning after the last day, before anyone logged in: every day but the last is sealed. */
  now: Date;
  rows: number;
  days: number;
}

/** The n-th entry of a day: mostly ingests, with views and handovers between, shaped like the program's. */
function entry(day: number, n: number, at: Date): AuditInput {
  const id = day * 10_000 + n;
  const actor = { actorId: 2 as UserId, actorLogin: 'chief' };
  if (n % 10 === 3) return { ...actor, action: 'media.viewed', target: `media:${id - 7}`, details: { variant: 'original', grant: day, reason: '办案查阅' }, at };
  if (n % 50 === 49) return { ...actor, action: 'ingest.finished', target: `ingest:${day}`, details: { files: 48, bytes: 48 * 512e6, failed: 0, recorder: `DSJ-${day % 20}` }, at };
  return {
    ...actor,
    action: 'media.ingest',
    target: `media:${id}`,
    details: {
      session: day,
      sha256: (id * 2654435761).toString(16).padStart(64, '0').slice(-64),
      size: 512_000_000 + n,
      storedPath: `originals/${at.toISOString().slice(0, 10).replace(/-/g, '/')}/DSJ-${day % 20}/VID_${String(n).padStart(5, '0')}.MP4`,
      source: `DCIM/100MEDIA/VID_${String(n).padStart(5, '0')}.MP4`,
      start: at.toISOString(),
      startSource: 'container',
      startRule: 'creation_time',
      flags: n % 17 === 0 ? ['clock_suspect'] : [],
      officer: `33${String(day % 20).padStart(2, '0')}`,
    },
    at,
  };
}

/** appendAudit's row for each input, with one prepared insert (appendAudit prepares two statements per row). */
function appendRows(db: Db, inputs: Iterable<AuditInput>): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const insert = db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let { seq, hash } = last;
  for (const e of inputs) {
    const fields = { at: e.at.toISOString(), actorId: e.actorId, actorLogin: e.actorLogin, action: e.action, target: e.target };
    const details = canonicalText(e.details ?? {});
    const next = entryHash(hash, fields, details);
    insert.run(++seq, fields.at, fields.actorId, fields.actorLogin, fields.action, fields.target, details, hash, next);
    hash = next;
  }
}

async function call(services: ApiServices, client: Client, method: 'setup.initialize' | 'session.login', input: unknown): Promise<void> {
  const r = await dispatch(services, client, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
}

/**
 * Builds the archive under `dir` (or reuses it when a run left it there whole: generating 1 M rows takes minutes
 * on a loaded machine). `log` hears progress.
 */
export async function auditChainArchive(opts: { rows: number; days: number; dir?: string; log?: (s: string) => void }): Promise<AuditChainArchive> {
  const root = path.join(opts.dir ?? tmpdir(), `ew-bench-audit-v2-${opts.rows}-${opts.days}`);
  const done = { root, now: new Date(FIRST_MORNING + opts.days * DAY_MS), rows: opts.rows, days: opts.days };
  if (existsSync(root)) return done;
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  const clock = new TestClock(new Date(FIRST_MORNING));
  const services = createServices({ archiveRoot: building, host: { kind: 'cli' }, log: silentLogger, clock, keyPairs: testKeyPairs(), costs: TEST_COSTS });
  await call(services, { id: 'setup', sessionId: null }, 'setup.initialize', SETUP);
  const db = services.archive.open().db;
  const perDay = Math.ceil(opts.rows / opts.days);
  const t0 = performance.now();
  for (let d = 0; d < opts.days; d++) {
    clock.current = new Date(FIRST_MORNING + d * DAY_MS);
    // The day's first login seals every day before it.
    if (d > 0) await call(services, { id: `chief-${d}`, sessionId: null }, 'session.login', { login: 'chief', password: SETUP.chief.password });
    const have = (db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n;
    const want = Math.min(perDay, opts.rows - have);
    const morning = clock.current.getTime();
    function* day(): Generator<AuditInput> {
      // Spread over eight office hours.
      for (let n = 0; n < want; n++) yield entry(d, n, new Date(morning + Math.floor((n * 8 * 3600_000) / perDay)));
    }
    db.transaction(() => appendRows(db, day()))();
    if (d % 100 === 99) opts.log?.(`audit chain: day ${d + 1}/${opts.days}, ${have + want} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  services.archive.close();
  renameSync(building, root);
  return done;
}
