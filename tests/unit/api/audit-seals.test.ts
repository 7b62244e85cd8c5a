// Issue 10 item 2: an insider with write access to evidence.db rewrites the audit chain. Every attack
// below runs on its own copy of one archive that three days of work have sealed, and must be caught
// by `verify` before anyone logs in again and still after the next login has sealed what it found.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch, type ApiServices, type Client, type MethodName, type MethodOutput } from '../../../main/api';
import { officeVerifier } from '../../../main/api/signing';
import { silentLogger } from '../../../main/log';
import { type Db } from '../../../main/store';
import { auditHead, verifyAuditChain, type AuditRow, type ChainReport } from '../../../main/audit';
import { makeTestApi, setUpOffice, tempDir, TestClock } from '../../support/services';

const DAY = 24 * 3600_000;
const START = new Date('2026-11-20T02:00:00Z'); // 10:00 in Asia/Shanghai, the office's zone
const at = (days: number) => new Date(START.getTime() + days * DAY);

interface Office {
  root: string;
  services: ApiServices;
  clock: TestClock;
  db: Db;
  call<M extends MethodName>(client: Client, method: M, input?: unknown): Promise<MethodOutput<M>>;
}

function openOffice(root: string, now: Date): Office {
  const clock = new TestClock(now);
  const services = createServices({ archiveRoot: root, host: { kind: 'cli' }, log: silentLogger, clock });
  return {
    root,
    services,
    clock,
    db: services.archive.open().db,
    async call(client, method, input = {}) {
      const r = await dispatch(services, client, method, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
  };
}

/** What `evidence verify --archive DIR` (no login) reports, at the office's current time. */
function verifyOffline(o: Office, anchors: { anchors?: { seq: number; hash: string }[]; sealAnchors?: string[] } = {}): ChainReport {
  const store = o.services.archive.open();
  const office = o.services.archive.office();
  return verifyAuditChain(store.db, { timeZone: office.timeZone, now: o.clock.now(), sealsDir: store.paths.seals, verifySeal: officeVerifier(o.services), ...anchors });
}

async function login(o: Office, who: 'chief' | 'admin'): Promise<Client> {
  const c: Client = { id: `${who}-${o.clock.now().getTime()}`, sessionId: null };
  await o.call(c, 'session.login', { login: who, password: who === 'chief' ? 'chief-pass-1' : 'admin-pass-1' });
  return c;
}

const kinds = (r: ChainReport) => r.problems.map((p) => p.kind);
const warningKinds = (r: ChainReport) => (r.warnings ?? []).map((p) => p.kind);
const sealsDir = (o: Office) => path.join(o.root, 'seals');

/** The insider first drops whatever triggers guard the audit tables: he owns the file. */
function dropAuditTriggers(db: Db): void {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_seals')").all() as { name: string }[];
  for (const { name } of names) db.exec(`DROP TRIGGER "${name}"`);
}

/**
 * The attack of the issue: keep only the rows he likes, delete every seal, renumber from 1 and
 * recompute every hash exactly as the program does (the source is public).
 */
function rewriteChain(db: Db, keep: (r: AuditRow) => boolean): void {
  dropAuditTriggers(db);
  const rows = (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]).filter(keep);
  db.transaction(() => {
    db.prepare('DELETE FROM audit_seals').run();
    db.prepare('DELETE FROM audit_log').run();
    let prev = '0'.repeat(64);
    const insert = db.prepare('INSERT INTO audit_log (seq, at, actor_id, actor_login, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    rows.forEach((r, i) => {
      const body = canonicalize({ at: r.at, actorId: r.actor_id, actorLogin: r.actor_login, action: r.action, target: r.target, details: JSON.parse(r.details) as unknown });
      const hash = createHash('sha256').update(prev + (body ?? '')).digest('hex');
      insert.run(i + 1, r.at, r.actor_id, r.actor_login, r.action, r.target, r.details, prev, hash);
      prev = hash;
    });
  })();
}

const isLisiCreated = (r: AuditRow) => r.action === 'user.create' && r.details.includes('"lisi"');

describe('audit seals survive an edited database (issue 10, item 2)', () => {
  let baseline: string;
  const copies: string[] = [];

  /** A copy of the sealed baseline, opened on the morning of day 4, before anyone logged in. */
  function copy(): Office {
    const root = path.join(tempDir('ew-seal-attack-'), 'archive');
    cpSync(baseline, root, { recursive: true });
    copies.push(path.dirname(root));
    return openOffice(root, at(3));
  }

  /** A copy and the anchors its last paper report printed: the chain head and the latest seal. */
  function copyWithAnchors(): { o: Office; head: NonNullable<ReturnType<typeof auditHead>>; sealHash: string } {
    const o = copy();
    return { o, head: auditHead(o.db)!, sealHash: verifyOffline(o).latestSeal!.hash };
  }

  beforeAll(async () => {
    // Day 1 (2026-11-20): setup and two accounts. Days 2 and 3: the chief and the admin log in and work.
    const t = makeTestApi();
    const admin = await setUpOffice(t);
    await t.call(admin, 'users.create', { login: 'zhangsan', displayName: '张三', badgeNo: '0123', password: 'initial-pass', roles: ['officer'] });
    await t.call(admin, 'users.create', { login: 'lisi', displayName: '李四', badgeNo: '0124', password: 'initial-pass', roles: ['officer'] });
    for (const day of [1, 2]) {
      t.clock.current = at(day);
      const chief = t.client(`chief-${day}`);
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      const a = t.client(`admin-${day}`);
      await t.call(a, 'session.login', { login: 'admin', password: 'admin-pass-1' });
      await t.call(a, 'officers.create', { name: `队员${day}`, badgeNo: `09${day}` });
    }
    t.services.archive.close();
    baseline = t.root;
  }, 120_000);
  afterAll(() => {
    for (const d of [baseline, ...copies]) rmSync(d, { recursive: true, force: true });
  });

  it('the untouched archive verifies: two sealed days, each also a signed file OpenSSL accepts', () => {
    const o = copy();
    const r = verifyOffline(o);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.sealedDays).toBe(2);
    // Day 3 has rows and nobody has logged in since: not sealed yet, said so, not a problem.
    expect(warningKinds(r)).toEqual(['seal_pending']);
    for (const day of ['2026-11-20', '2026-11-21']) {
      // Certificates are checked at the test's time, not the machine's.
      execFileSync(
        'openssl',
        ['cms', '-verify', '-binary', '-inform', 'DER', '-in', `${day}.json.p7s`, '-content', `${day}.json`, '-CAfile', path.join(o.root, 'certs', 'office-ca.pem'), '-purpose', 'any', '-attime', String(at(3).getTime() / 1000), '-out', '/dev/null'],
        { cwd: sealsDir(o), stdio: 'pipe' },
      );
      const seal = JSON.parse(readFileSync(path.join(sealsDir(o), `${day}.json`), 'utf8')) as { day: string; prevSealHash: string; late: boolean };
      expect(seal).toMatchObject({ day, late: false });
    }
    // The seals chain: day 2's seal names the hash of day 1's seal file.
    const first = readFileSync(path.join(sealsDir(o), '2026-11-20.json'));
    const second = JSON.parse(readFileSync(path.join(sealsDir(o), '2026-11-21.json'), 'utf8')) as { prevSealHash: string };
    expect(second.prevSealHash).toBe(createHash('sha256').update(first).digest('hex'));
    expect(r.latestSeal?.hash).toBe(createHash('sha256').update(readFileSync(path.join(sealsDir(o), '2026-11-21.json'))).digest('hex'));
  });

  /** afterLogin null: the login restores the deleted seal row from its signed file (nothing else changed), and says so. */
  type Attack = { name: string; attack(o: Office): void; before: string[]; afterLogin: string[] | null };
  const attacks: Attack[] = [
    {
      name: 'rows deleted, seals deleted, seq renumbered, hashes recomputed',
      attack: (o) => rewriteChain(o.db, (r) => !isLisiCreated(r)),
      before: ['seal_missing', 'seal_file_orphan'],
      // The login seals what it finds, but the seal files outside the database disagree.
      afterLogin: ['seal_missing', 'seal_file_mismatch'],
    },
    {
      name: 'the same, and the seal files deleted too',
      attack: (o) => {
        rewriteChain(o.db, (r) => !isLisiCreated(r));
        for (const f of readdirSync(sealsDir(o))) rmSync(path.join(sealsDir(o), f));
      },
      // Logins on later days prove those days were sealed once.
      before: ['seal_missing'],
      afterLogin: ['seal_missing'],
    },
    {
      name: 'one seal row deleted',
      attack: (o) => {
        dropAuditTriggers(o.db);
        o.db.prepare("DELETE FROM audit_seals WHERE day = '2026-11-20'").run();
      },
      before: ['seal_chain_broken', 'seal_file_orphan'],
      afterLogin: ['seal_chain_broken', 'seal_file_orphan'],
    },
    {
      name: 'the last seal row deleted',
      attack: (o) => {
        dropAuditTriggers(o.db);
        o.db.prepare("DELETE FROM audit_seals WHERE day = '2026-11-21'").run();
      },
      before: ['seal_missing', 'seal_file_orphan'],
      afterLogin: null,
    },
    {
      name: 'one seal file deleted',
      attack: (o) => {
        rmSync(path.join(sealsDir(o), '2026-11-21.json'));
        rmSync(path.join(sealsDir(o), '2026-11-21.json.p7s'));
      },
      before: ['seal_file_missing'],
      afterLogin: ['seal_file_missing'],
    },
    {
      name: 'one seal file edited',
      attack: (o) => {
        const f = path.join(sealsDir(o), '2026-11-20.json');
        writeFileSync(f, readFileSync(f, 'utf8').replace(/"headSeq": \d+/, '"headSeq": 3'));
      },
      before: ['seal_file_invalid'],
      afterLogin: ['seal_file_invalid'],
    },
    {
      name: 'two seal files swapped',
      attack: (o) => {
        const d = sealsDir(o);
        for (const ext of ['.json', '.json.p7s']) {
          renameSync(path.join(d, `2026-11-20${ext}`), path.join(d, `x${ext}`));
          renameSync(path.join(d, `2026-11-21${ext}`), path.join(d, `2026-11-20${ext}`));
          renameSync(path.join(d, `x${ext}`), path.join(d, `2026-11-21${ext}`));
        }
      },
      before: ['seal_file_mismatch'],
      afterLogin: ['seal_file_mismatch'],
    },
    {
      name: 'a gap in seq (rows after 5 renumbered up by one)',
      attack: (o) => {
        dropAuditTriggers(o.db);
        o.db.transaction(() => {
          o.db.prepare('UPDATE audit_log SET seq = -seq WHERE seq > 5').run();
          o.db.prepare('UPDATE audit_log SET seq = 1 - seq WHERE seq < 0').run();
        })();
      },
      before: ['seq_gap'],
      afterLogin: ['seq_gap'],
    },
  ];

  it.each(attacks)('$name: caught before the next login and after it', async ({ attack, before, afterLogin }) => {
    const o = copy();
    attack(o);
    const r = verifyOffline(o);
    expect(r.ok).toBe(false);
    expect(kinds(r)).toEqual(expect.arrayContaining(before));

    // The next login seals what it finds; verify must still fail, through the API as well.
    const chief = await login(o, 'chief');
    const api = await o.call(chief, 'audit.verify');
    if (afterLogin) {
      expect(api.ok).toBe(false);
      expect(api.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(afterLogin));
    } else {
      expect(api.problems).toEqual([]);
      const restored = await o.call(chief, 'audit.list', { action: 'audit.seal_restored' });
      expect(restored.entries.map((e) => e.target)).toEqual(['seal:2026-11-21']);
    }
    o.services.archive.close();
  }, 60_000);

  it('the next login writes no seal file over one it finds: the forged seal stays beside the true one', async () => {
    const o = copy();
    const trueSeal = readFileSync(path.join(sealsDir(o), '2026-11-20.json'));
    rewriteChain(o.db, (r) => !isLisiCreated(r));
    await login(o, 'chief');
    expect(readFileSync(path.join(sealsDir(o), '2026-11-20.json'))).toEqual(trueSeal);
    const r = verifyOffline(o);
    const mismatch = r.problems.find((p) => p.kind === 'seal_file_mismatch' && p.message.includes('2026-11-20'));
    expect(mismatch?.message).toMatch(/signature verifies/);
    o.services.archive.close();
  }, 60_000);

  it('an insider who also deletes the later logins and the seal files is left with late seals, and the paper anchor catches him', async () => {
    const { o, head, sealHash } = copyWithAnchors();
    rewriteChain(o.db, (r) => !isLisiCreated(r) && r.action !== 'session.login');
    for (const f of readdirSync(sealsDir(o))) rmSync(path.join(sealsDir(o), f));
    // With no login left in the log, unsealed days look like days nobody logged in since: warnings only.
    const beforeLogin = verifyOffline(o);
    expect(beforeLogin.problems).toEqual([]);
    expect(warningKinds(beforeLogin)).toEqual(['seal_pending', 'seal_pending', 'seal_pending']);
    await login(o, 'chief');

    const r = verifyOffline(o);
    expect(r.problems).toEqual([]);
    // Sealed on day 4: days 1 and 2 are marked late, not trusted silently.
    expect(r.warnings.filter((w) => w.kind === 'seal_late').map((w) => w.message)).toEqual([
      expect.stringContaining('2026-11-20'),
      expect.stringContaining('2026-11-21'),
    ]);
    // The values printed on last week's signed paper report no longer match.
    const anchored = verifyOffline(o, { anchors: [{ seq: head.seq, hash: head.hash }], sealAnchors: [sealHash] });
    expect(anchored.ok).toBe(false);
    expect(kinds(anchored)).toEqual(['anchor_mismatch', 'anchor_mismatch']);
    o.services.archive.close();
  }, 60_000);

  it('anchors from the paper report verify on the untouched archive, through the API too', async () => {
    const { o, head, sealHash } = copyWithAnchors();
    expect(verifyOffline(o, { anchors: [head], sealAnchors: [sealHash] }).ok).toBe(true);
    const chief = await login(o, 'chief');
    expect((await o.call(chief, 'audit.verify', { anchors: [head], sealAnchors: [sealHash] })).ok).toBe(true);
    const wrong = await o.call(chief, 'audit.verify', { anchors: [{ seq: head.seq, hash: 'f'.repeat(64) }] });
    expect(wrong.problems.map((p) => p.kind)).toEqual(['anchor_mismatch']);
    o.services.archive.close();
  }, 60_000);

  it('a day first sealed three days after it is reported as a late seal, a warning the API passes on', async () => {
    const o = copy();
    // Nobody logs in on days 4 and 5; the chief does on day 6, three days after day 3.
    o.clock.current = at(5);
    const chief = await login(o, 'chief');
    const r = await o.call(chief, 'audit.verify');
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ kind: 'seal_late', message: expect.stringContaining('2026-11-22') })]);
    const seal = JSON.parse(readFileSync(path.join(sealsDir(o), '2026-11-22.json'), 'utf8')) as { late: boolean };
    expect(seal.late).toBe(true);
    expect(existsSync(path.join(sealsDir(o), '2026-11-22.json.p7s'))).toBe(true);
    o.services.archive.close();
  }, 60_000);
});
