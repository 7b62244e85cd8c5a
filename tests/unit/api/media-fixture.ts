// Shared set-up for the media handler tests: a real archive with the fixture recorder volume ingested.
import type { Session } from '../../../main/accounts';
import type { Client, IngestSessionDetailDto } from '../../../main/api';
import type { FixtureVolume } from '../../fixtures/recorder-volume';
import { officeWithIngestedVolume } from '../../support/ingest';
import type { TestApi } from '../../support/services';

export interface MediaArchive {
  t: TestApi;
  vol: FixtureVolume;
  ingest: IngestSessionDetailDto;
  /** admin + custodian (may view), chief (may view), officer (may not). */
  custodian: Client;
  chief: Client;
  officer: Client;
  mediaIdOf(role: FixtureVolume['files'][number]['role'], index?: number): number;
  sessionOf(c: Client): Session;
}

export async function makeMediaArchive(): Promise<MediaArchive> {
  const { t, admin: custodian, vol, session: ingest } = await officeWithIngestedVolume();
  const chief = t.client('chief');
  await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
  await t.call(custodian, 'users.create', { login: 'officer1', displayName: '赵警员', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
  const officer = t.client('officer');
  await t.call(officer, 'session.login', { login: 'officer1', password: 'initial-pass' });
  await t.call(officer, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
  return {
    t,
    vol,
    ingest,
    custodian,
    chief,
    officer,
    mediaIdOf(role, index = 0) {
      const f = [...vol.segments, ...vol.files].filter((x) => x.role === role)[index];
      const id = ingest.items.find((i) => i.relPath === f?.relPath)?.mediaId;
      if (!id) throw new Error(`no ingested media for ${role}`);
      return id;
    },
    sessionOf(c) {
      const l = t.services.sessions.touch(c.sessionId);
      if (l.state !== 'active') throw new Error(`client ${c.id} not logged in`);
      return l.session;
    },
  };
}
