/**
 * Arranging for the library and player specs and the player benchmark: a browser host on a fresh
 * archive (its own, so this file depends on nothing another spec changes) with a set-up office,
 * a registered recorder and officer, and ingested footage — a three-segment H.264/AAC recording
 * and an HEVC clip that needs a 预览副本.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dispatch, type ApiServices, type Client, type MethodName } from '../../../main/api';
import { formatCompactLocal, locateTools, utcToZoned, zonedToUtc } from '../../../main/media';
import { FIXTURE_BADGE, FIXTURE_SERIAL, FIXTURE_TZ, makeSegments, type MadeSegment } from '../../fixtures/recorder-volume';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './api';
import { startTestHost } from './host';

const run = promisify(execFile);

export const PEOPLE = {
  admin: ADMIN,
  chief: CHIEF,
  officerUser: { login: 'zhaoliu', name: '赵六', badge: '320199', password: 'Officer-pass-2024' },
  officer: { name: '张三', badge: FIXTURE_BADGE },
};

export interface LibraryHost {
  openUrl: string;
  url: string;
  services: ApiServices;
  /** The three segments of the recording, in order. */
  segments: MadeSegment[];
  recordingStart: Date;
  hevcStart: Date;
  officerId: number;
  close(): Promise<void>;
}

/** creation_time as a recorder writes it: local wall clock labelled as UTC. */
function localAsUtcTag(at: Date, timeZone: string): string {
  const t = utcToZoned(at, timeZone);
  return new Date(Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mm, t.ss)).toISOString().replace('.000Z', 'Z');
}

async function makeHevc(dir: string, start: Date, seconds: number): Promise<string> {
  const ffmpeg = locateTools().ffmpeg;
  if (!ffmpeg) throw new Error('ffmpeg not found');
  const name = `${FIXTURE_SERIAL}_${FIXTURE_BADGE}_${formatCompactLocal(utcToZoned(start, FIXTURE_TZ))}_0001.MP4`;
  const out = path.join(dir, name);
  await run(ffmpeg, [
    '-hide_banner', '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=15:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=16000:duration=${seconds}`,
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1',
    '-pix_fmt', 'yuv420p', '-g', '15', '-c:a', 'aac', '-b:a', '32k',
    '-metadata', `creation_time=${localAsUtcTag(start, FIXTURE_TZ)}`, out,
  ]);
  const end = new Date(start.getTime() + seconds * 1000);
  await utimes(out, end, end);
  return out;
}

export const call = callApi;

export interface LibraryHostOptions {
  /** Seconds per segment (3 in the spec). */
  secondsEach?: number;
  /** Also create an officer account (role officer, password already changed) for the no-leave test. */
  officerAccount?: boolean;
}

export async function startLibraryHost(opts: LibraryHostOptions = {}): Promise<LibraryHost> {
  const work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-lib-'));
  const volume = path.join(work, 'DSJ-A8');
  await mkdir(path.join(volume, 'DCIM'), { recursive: true });
  const local = (y: number, m: number, d: number, hh: number, mm: number, ss: number): Date => zonedToUtc({ y, m, d, hh, mm, ss }, FIXTURE_TZ);
  const recordingStart = local(2024, 5, 20, 9, 30, 0);
  const hevcStart = local(2024, 5, 20, 10, 0, 0);
  const dockedAt = local(2024, 5, 20, 18, 0, 0);
  const [segments] = await Promise.all([
    makeSegments(path.join(volume, 'DCIM'), 3, opts.secondsEach ?? 3, recordingStart),
    makeHevc(path.join(volume, 'DCIM'), hevcStart, 2),
  ]);

  // The services' clock: the evening the recorder was docked, then real time.
  const host = await startTestHost({ startAt: dockedAt });
  const { services } = host;

  const admin: Client = { id: 'e2e-lib-admin', sessionId: null };
  await setUpOfficeVia(services, admin, PEOPLE, { timeZone: FIXTURE_TZ });
  // Where the access work is in (grants, strict mode by default), let the custodian and chief view by
  // role as this policy says; without it the call is unknown and the role policy applies anyway.
  const setPolicy: string = 'access.setPolicy';
  await dispatch(services, admin, setPolicy as MethodName, { strict: false });
  const recorder = await call(services, admin, 'recorders.create', { serial: FIXTURE_SERIAL, brand: '海康威视', model: 'DSJ-A8' });
  const officer = await call(services, admin, 'officers.create', { name: PEOPLE.officer.name, badgeNo: PEOPLE.officer.badge });
  await call(services, admin, 'recorders.assign', { recorderId: recorder.id, officerId: officer.id, from: local(2024, 5, 1, 8, 0, 0).toISOString() });
  const source = services.sources.addFolder(volume);
  const { sessionId } = await call(services, admin, 'ingest.start', { sourceId: source.id, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE, confirmNewRecorder: true });
  await services.jobs.get(`ingest:${sessionId}`)?.done;
  const session = await call(services, admin, 'ingest.session', { id: sessionId });
  if (session.status !== 'completed' || session.filesStored !== 4) throw new Error(`ingest: ${session.status}, ${session.filesStored} stored`);

  if (opts.officerAccount) {
    await addUser(services, admin, PEOPLE.officerUser, ['officer']);
  }
  await call(services, admin, 'session.logout');

  return {
    openUrl: host.openUrl,
    url: host.url,
    services,
    segments,
    recordingStart,
    hevcStart,
    officerId: officer.id,
    close: async () => {
      await host.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
