import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/accounts';
import { authorizeView, authorizeViewEach, type ViewDecision } from '../../../main/access';
import type { Client } from '../../../main/api';
import type { Db } from '../../../main/store';
import { generateLibrary, type GeneratedLibrary } from '../../support/library-rows';
import { makeOfficeApi, type TestApi } from '../../support/services';
import { grant, userWith } from '../api/access-fixture';

/** What a decision says, without the grant row it names (compared by its id in `basis`). */
const outcome = (d: ViewDecision | undefined) => (d === undefined ? 'missing' : d.allowed ? `${d.rule} ${d.basis}` : d.code);

/**
 * A library page decides leave for all its rows at once (authorizeViewEach): every row must get exactly
 * the decision the per-request check (authorizeView, which the media route asks) gives it.
 */
describe('leave to view decided for a page at once = decided row by row', () => {
  let t: TestApi;
  let admin: Client;
  let db: Db;
  let lib: GeneratedLibrary;
  let ids: number[];
  const users = new Map<string, Client>();
  const at = new Date('2026-11-28T01:00:00.000Z'); // an hour after the generated media were taken in

  const sessionOf = (c: Client): Session => {
    const l = t.services.sessions.touch(c.sessionId);
    if (l.state !== 'active') throw new Error(`client ${c.id} not logged in`);
    return l.session;
  };

  beforeAll(async () => {
    ({ t, admin } = await makeOfficeApi(at));
    db = t.services.archive.open().db;
    lib = generateLibrary(db, 1200);
    ids = (db.prepare('SELECT id FROM media ORDER BY id').pluck().all() as number[]).filter((id) => id % 3 === 0);
    const chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    const leader = (await userWith(t, admin, 'leader', ['township_leader'])).client;
    const own = await userWith(t, admin, 'own', ['officer']);
    const named = await userWith(t, admin, 'named', ['officer']);
    await t.call(admin, 'users.create', { login: 'fresh', displayName: 'fresh', badgeNo: null, password: 'initial-pass', roles: ['custodian'] });
    const fresh = t.client('fresh');
    await t.call(fresh, 'session.login', { login: 'fresh', password: 'initial-pass' });
    users.set('admin', admin).set('chief', chief).set('leader', leader).set('own', own.client).set('named', named.client).set('fresh', fresh);

    // 'own' is the account of the officer who wore recorder 3; the office lets officers see their own footage for two hours.
    await t.call(admin, 'officers.update', { id: lib.officers[3]!.id, userId: own.id });
    await t.call(admin, 'access.setPolicy', { ownFootageHours: 2 });
    // Work leave for 'own' over two recordings, one case's leave naming 'named' (so its classified items too), and
    // unnamed case leave for 'own' over a case classified after the approval. Unnamed leave covers only 普通 media.
    const allNormal = (mediaIds: number[]) => (db.prepare(`SELECT count(*) FROM media WHERE id IN (SELECT value FROM json_each(?)) AND classification <> 'normal'`).pluck().get(JSON.stringify(mediaIds)) as number) === 0;
    const recordings = db
      .prepare(`SELECT recording_id FROM media WHERE recording_id IS NOT NULL GROUP BY recording_id HAVING max(classification <> 'normal') = 0 ORDER BY recording_id LIMIT 2`)
      .pluck()
      .all() as number[];
    for (const id of recordings) await grant(t, own.client, chief, 'work', { kind: 'recording', id });
    const first = lib.cases.find((c) => !allNormal(c.mediaIds))!;
    const second = lib.cases.find((c) => c !== first && allNormal(c.mediaIds))!;
    await grant(t, named.client, leader, 'case', { kind: 'case', id: first.id }, { namedUserIds: [named.id] });
    await grant(t, own.client, leader, 'case', { kind: 'case', id: second.id });
    await t.call(chief, 'cases.update', { id: second.id, classification: 'privacy' });
  }, 120_000);
  afterAll(() => t.cleanup());

  function compare(): Set<string> {
    const seen = new Set<string>();
    const media = (db.prepare(`SELECT id, officer_id AS officerId FROM media WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as { id: number; officerId: number | null }[]);
    for (const [name, c] of users) {
      const session = sessionOf(c);
      const each = authorizeViewEach(db, session, media, t.clock.now());
      expect(each.size, name).toBe(media.length);
      for (const m of media) {
        const one = authorizeView(db, session, m, t.clock.now());
        expect(outcome(each.get(m.id)), `${name} media ${m.id}`).toBe(outcome(one));
        seen.add(outcome(one).split(' ')[0]!);
      }
    }
    return seen;
  }

  it('strict mode: grants (named or not, by recording and by case), own footage, classified refusals and a first password', () => {
    expect(compare()).toEqual(new Set(['grant', 'own-footage', 'VIEW_NOT_GRANTED', 'VIEW_NOT_NAMED', 'PASSWORD_CHANGE_REQUIRED']));
  });

  it('strict mode off: the custodian and chief view 普通 items by role, classified ones still need a naming grant', async () => {
    await t.call(admin, 'access.setPolicy', { strict: false });
    expect(compare()).toEqual(new Set(['grant', 'own-footage', 'role', 'VIEW_NOT_GRANTED', 'VIEW_NOT_NAMED', 'PASSWORD_CHANGE_REQUIRED']));
    await t.call(admin, 'access.setPolicy', { strict: true });
  });

  it('library.search marks each row canView exactly as the media route would decide it', async () => {
    // 'fresh' is refused the library itself until the password is changed.
    for (const [name, c] of [...users].filter(([n]) => n !== 'fresh')) {
      const page = await t.call(c, 'library.search', { limit: 200, sort: 'startAt', order: 'asc' });
      const session = sessionOf(c);
      const allowed = page.items.map((i) => authorizeView(db, session, { id: i.id, officerId: i.officer?.id ?? null }, t.clock.now()).allowed);
      expect(page.items.map((i) => i.canView), name).toEqual(allowed);
    }
  });
});
