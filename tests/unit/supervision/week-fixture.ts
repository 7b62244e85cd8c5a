// A fixture week for the daily check, generated at test time with real ffmpeg clips (rules art. 2 needs real sound):
// two recorders worn from Monday 2026-11-16 (Asia/Shanghai); A docked the same evening with a recording interrupted
// between segments, a clip without sound and its clock ten minutes fast; B not docked on Monday and handed over on
// Tuesday morning (late); on Tuesday a viewing on an approval and a refused attempt by another officer.
import { execFile } from 'node:child_process';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '../../../main/api';
import { formatCompactLocal, locateTools, utcToZoned, zonedToUtc } from '../../../main/media';
import { makeSegments } from '../../fixtures/recorder-volume';
import { approve } from '../api/access-fixture';
import { ingestAndWait } from '../../support/ingest';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir, type TestApi } from '../../support/services';

const run = promisify(execFile);
export const TZ = 'Asia/Shanghai';
export const MONDAY = '2026-11-16';
export const TUESDAY = '2026-11-17';
export const FRIDAY = '2026-11-20';
export const local = (d: number, hh: number, mm = 0, ss = 0): Date => zonedToUtc({ y: 2026, m: 11, d, hh, mm, ss }, TZ);
export const SERIAL_A = 'A8C0012345';
export const SERIAL_B = 'B8C0099999';
export const BADGE_A = '310115';
export const BADGE_B = '310116';

/** A clip named and stamped as a recorder writes it; without sound when audio is false. */
async function clip(dir: string, serial: string, badge: string, start: Date, seconds: number, audio: boolean): Promise<string> {
  const ffmpeg = locateTools().ffmpeg;
  if (!ffmpeg) throw new Error('ffmpeg not found');
  const t = utcToZoned(start, TZ);
  const name = `${serial}_${badge}_${formatCompactLocal(t)}_0001.MP4`;
  const tag = new Date(Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mm, t.ss)).toISOString().replace('.000Z', 'Z');
  const args = ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=160x120:rate=10:duration=${seconds}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=500:sample_rate=16000:duration=${seconds}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', ...(audio ? ['-c:a', 'aac', '-b:a', '32k'] : []), '-metadata', `creation_time=${tag}`);
  const out = path.join(dir, name);
  await run(ffmpeg, [...args, out]);
  const end = new Date(start.getTime() + seconds * 1000);
  await utimes(out, end, end);
  return name;
}

async function deviceFile(root: string, serial: string, badge: string, clockNow: Date | null): Promise<void> {
  const t = clockNow ? utcToZoned(clockNow, TZ) : null;
  const time = t ? `TIME=${t.y}-${String(t.m).padStart(2, '0')}-${String(t.d).padStart(2, '0')} ${String(t.hh).padStart(2, '0')}:${String(t.mm).padStart(2, '0')}:${String(t.ss).padStart(2, '0')}\r\n` : '';
  await writeFile(path.join(root, 'DEVICE.TXT'), `[DEVICE]\r\nMODEL=DSJ-A8\r\nSN=${serial}\r\nID=${badge}\r\n${time}`);
}

export interface Week {
  t: TestApi;
  admin: Client;
  keeper: Client;
  chief: Client;
  leader: Client;
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
  const noSoundName = await clip(mediaA, SERIAL_A, BADGE_A, local(16, 10, 15), 2, false);
  // Docked at 18:00; the recorder's own clock says 18:10 (ten minutes fast, art. 4).
  await deviceFile(volA, SERIAL_A, BADGE_A, local(16, 18, 10));
  await moveTo(local(16, 18, 0));
  await ingestAndWait(t, keeper, { sourceId: t.services.sources.addFolder(volA).id, recorderSerial: SERIAL_A, officerBadge: BADGE_A });

  // Recorder B: worn on Monday, handed over only on Tuesday at 09:30 (late; Monday: not docked).
  const volB = tempDir('ew-vol-b-');
  const mediaB = path.join(volB, 'DCIM', '100MEDIA');
  await mkdir(mediaB, { recursive: true });
  await clip(mediaB, SERIAL_B, BADGE_B, local(16, 14, 0), 2, true);
  await deviceFile(volB, SERIAL_B, BADGE_B, null);
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
