// A fixture week for the daily check, generated at test time with real ffmpeg clips (rules art. 2 needs real sound):
// two recorders worn from Monday 2026-11-16 (Asia/Shanghai); A docked the same evening with a recording interrupted
// between segments, a clip without sound and its clock ten minutes fast; B not docked on Monday and handed over on
// Tuesday morning (late); on Tuesday a viewing on an approval and a refused attempt by another officer.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '../../../main/api';
import { zonedToUtc } from '../../../main/media';
import { deviceInfoFile, recorderClip } from '../../fixtures/recorder-clips';
import { makeSegments } from '../../fixtures/recorder-volume';
import { approve } from '../api/access-fixture';
import { ingestAndWait } from '../../support/ingest';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir, type OfficeWithLeaders, type TestApi } from '../../support/services';

export const TZ = 'Asia/Shanghai';
export const MONDAY = '2026-11-16';
export const TUESDAY = '2026-11-17';
export const FRIDAY = '2026-11-20';
export const local = (d: number, hh: number, mm = 0, ss = 0): Date => zonedToUtc({ y: 2026, m: 11, d, hh, mm, ss }, TZ);
export const SERIAL_A = 'A8C0012345';
export const SERIAL_B = 'B8C0099999';
export const BADGE_A = '310115';
export const BADGE_B = '310116';

export interface Week extends OfficeWithLeaders {
  keeper: Client;
  zhang: Client;
  li: Client;
  noSoundName: string;
  viewedMediaId: number;
  /** Sets the clock and logs everyone in again (sessions end after the idle time). */
  moveTo(at: Date): Promise<void>;
}

async function login(t: TestApi, admin: Client, loginName: string, displayName: string, roles: ('officer' | 'custodian' | 'township_leader')[], badgeNo: string | null): Promise<Client> {
  await t.call(admin, 'users.create', { login: loginName, displayName, badgeNo, password: 'initial-pass', roles, ...(badgeNo ? { newOfficer: true } : {}) });
  const c = t.client(loginName);
  await t.call(c, 'session.login', { login: loginName, password: 'initial-pass' });
  await t.call(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
  return c;
}

export async function makeWeek(): Promise<Week> {
  const t = makeTestApi();
  t.clock.current = local(16, 8, 0);
  const admin = await setUpOffice(t);
  const keeper = await login(t, admin, 'keeper', '周保管', ['custodian'], null);
  const leader = await login(t, admin, 'leader', '孙乡长', ['township_leader'], null);
  const zhang = await login(t, admin, 'zhang', '张三', ['officer'], BADGE_A);
  const li = await login(t, admin, 'li', '李四', ['officer'], BADGE_B);
  const chief = t.client('chief');
  const passwords: [Client, string, string][] = [
    [admin, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password],
    [chief, OFFICE_SETUP.chief.login, OFFICE_SETUP.chief.password],
    [keeper, 'keeper', 'changed-pass'],
    [leader, 'leader', 'changed-pass'],
    [zhang, 'zhang', 'changed-pass'],
    [li, 'li', 'changed-pass'],
  ];
  const moveTo = async (at: Date): Promise<void> => {
    t.clock.current = at;
    for (const [c, loginName, password] of passwords) await t.call(c, 'session.login', { login: loginName, password });
  };
  await t.call(chief, 'session.login', { login: OFFICE_SETUP.chief.login, password: OFFICE_SETUP.chief.password });

  const officers = await t.call(admin, 'officers.list', {});
  const officerId = (badge: string) => officers.find((o) => o.badgeNo === badge)!.id;
  for (const [serial, badge] of [[SERIAL_A, BADGE_A], [SERIAL_B, BADGE_B]] as const) {
    const r = await t.call(admin, 'recorders.create', { serial, brand: '测试', model: 'DSJ-A8' });
    await t.call(admin, 'recorders.assign', { recorderId: r.id, officerId: officerId(badge), from: local(16, 7, 30).toISOString() });
  }

  // Recorder A, Monday: a recording of three segments with a 3-second break before the third, a clip without sound.
  const volA = tempDir('ew-vol-a-');
  const mediaA = path.join(volA, 'DCIM', '100MEDIA');
  await mkdir(mediaA, { recursive: true });
  await makeSegments(mediaA, 2, 3, local(16, 9, 30), { serial: SERIAL_A, badge: BADGE_A, timeZone: TZ });
  await makeSegments(mediaA, 1, 3, local(16, 9, 30, 9), { serial: SERIAL_A, badge: BADGE_A, timeZone: TZ });
  const noSoundName = await recorderClip(mediaA, { serial: SERIAL_A, badge: BADGE_A, start: local(16, 10, 15), seconds: 2, audio: false, timeZone: TZ });
  // Docked at 18:00; the recorder's own clock says 18:10 (ten minutes fast, art. 4).
  await deviceInfoFile(volA, { serial: SERIAL_A, badge: BADGE_A, clockNow: local(16, 18, 10), timeZone: TZ });
  await moveTo(local(16, 18, 0));
  await ingestAndWait(t, keeper, { sourceId: t.services.sources.addFolder(volA).id, recorderSerial: SERIAL_A, officerBadge: BADGE_A });

  // Recorder B: worn on Monday, handed over only on Tuesday at 09:30 (late; Monday: not docked).
  const volB = tempDir('ew-vol-b-');
  const mediaB = path.join(volB, 'DCIM', '100MEDIA');
  await mkdir(mediaB, { recursive: true });
  await recorderClip(mediaB, { serial: SERIAL_B, badge: BADGE_B, start: local(16, 14, 0), seconds: 2, audio: true, timeZone: TZ });
  await deviceInfoFile(volB, { serial: SERIAL_B, badge: BADGE_B, clockNow: null, timeZone: TZ });
  await moveTo(local(17, 9, 30));
  await ingestAndWait(t, keeper, { sourceId: t.services.sources.addFolder(volB).id, recorderSerial: SERIAL_B, officerBadge: BADGE_B });

  // Tuesday 10:00: 张三 views his clip on the chief's approval; 李四 tries the same clip without leave.
  await moveTo(local(17, 10, 0));
  const viewedMediaId = mediaIdByName(t, noSoundName);
  const req = await t.call(zhang, 'access.request', { type: 'work', scope: { kind: 'media', id: viewedMediaId }, reason: '核对现场情况' });
  await approve(t, chief, req.id);
  await t.call(zhang, 'media.viewed', { mediaId: viewedMediaId, variant: 'original' });
  await t.call(li, 'media.viewed', { mediaId: viewedMediaId, variant: 'original' }).catch(() => null);
  return { t, admin, keeper, chief, leader, zhang, li, noSoundName, viewedMediaId, moveTo };
}

function mediaIdByName(t: TestApi, name: string): number {
  // The test reads the archive's own row, not a listing that would need leave to view.
  const row = t.services.archive.open().db.prepare('SELECT id FROM media WHERE original_name = ?').get(name) as { id: number } | undefined;
  if (!row) throw new Error(`no media named ${name}`);
  return row.id;
}
