/**
 * Arranging for the 多机位同步 spec: a browser host whose office has four recorders that filmed one scene (a flash and
 * a beep at 09:30:05 true time, tests/support/multicam-clips.ts), each docked and ingested on its own. Recorder C's
 * clock runs 7 s ahead, and its docking measures that; recorder D's recording is classified 个人隐私 by the chief, so
 * the custodian (who views by role) has no leave for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch, type ApiServices, type Client, type MethodName } from '../../../main/api';
import { zonedToUtc } from '../../../main/media';
import { dockVolume, makeScene, type MadeSceneClip, type SceneCamera } from '../../support/multicam-clips';
import { ADMIN, callApi, CHIEF, setUpOfficeVia } from './api';
import { startTestHost } from './host';

const TZ = 'Asia/Shanghai';
const local = (hh: number, mm: number, ss: number) => zonedToUtc({ y: 2024, m: 5, d: 20, hh, mm, ss }, TZ);

export const SCENE_EVENT = local(9, 30, 5);
/** Recorder C's clock is this many seconds ahead. */
export const KNOWN_DRIFT_SEC = 7;

const CAMERAS: SceneCamera[] = [
  { serial: 'MCA0000001', badge: '310201', officer: '张三', trueStart: local(9, 30, 0), driftSec: 0, seconds: 10 },
  { serial: 'MCB0000002', badge: '310202', officer: '李四', trueStart: local(9, 30, 2), driftSec: 0, seconds: 10 },
  { serial: 'MCC0000003', badge: '310203', officer: '王五', trueStart: local(9, 29, 59), driftSec: KNOWN_DRIFT_SEC, seconds: 10 },
  { serial: 'MCD0000004', badge: '310204', officer: '孙七', trueStart: local(9, 30, 1), driftSec: 0, seconds: 10 },
];

export interface SceneRecording {
  clip: MadeSceneClip;
  recordingId: number;
  mediaId: number;
}

export interface MulticamHost {
  openUrl: string;
  services: ApiServices;
  /** A, B, C (drift), D (classified), in that order. */
  recordings: SceneRecording[];
  close(): Promise<void>;
}

/**
 * Waits until the services' clock is half way through a second and returns the next whole second. A DEVICE.TXT showing
 * that instant (whole seconds, as recorders write) is measured right (rounded to whole seconds) by a docking that starts
 * up to about a second later: on a loaded machine the docking has been seen to start more than 0.4 s after the file.
 */
async function nextWholeSecond(services: ApiServices): Promise<Date> {
  for (;;) {
    const now = services.clock.now().getTime();
    const into = now % 1000;
    if (into >= 500 && into < 600) return new Date(now - into + 1000);
    await new Promise((r) => setTimeout(r, (1500 - into) % 1000 + 5));
  }
}

export async function startMulticamHost(): Promise<MulticamHost> {
  const work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-mc-'));
  const clips = await makeScene(work, CAMERAS, SCENE_EVENT, TZ);
  const host = await startTestHost({ startAt: local(18, 0, 0) });
  const { services } = host;
  const admin: Client = { id: 'e2e-mc-admin', sessionId: null };
  await setUpOfficeVia(services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: TZ });
  // The custodian and the chief view 普通 footage by role; leave for classified footage is by a named approval only.
  await dispatch(services, admin, 'access.setPolicy' as MethodName, { strict: false });

  const recordings: SceneRecording[] = [];
  for (const clip of clips) {
    const sourceId = services.sources.addFolder(clip.volume).id;
    const at = await nextWholeSecond(services);
    await dockVolume(clip, at, TZ);
    const { sessionId } = await callApi(services, admin, 'ingest.start', {
      sourceId,
      recorderSerial: clip.camera.serial,
      officerBadge: clip.camera.badge,
      officerName: clip.camera.officer,
      confirmNewRecorder: true,
    });
    await services.jobs.get(`ingest:${sessionId}`)?.done;
    const session = await callApi(services, admin, 'ingest.session', { id: sessionId });
    if (session.status !== 'completed' || session.filesStored !== 1) throw new Error(`ingest ${clip.camera.serial}: ${session.status}, ${session.filesStored} stored`);
    if (session.clockDriftSec !== clip.camera.driftSec) throw new Error(`docking of ${clip.camera.serial} measured ${session.clockDriftSec} s, not ${clip.camera.driftSec} s`);
    const mediaId = session.items.find((i) => i.mediaId)!.mediaId!;
    const detail = await callApi(services, admin, 'media.get', { id: mediaId });
    recordings.push({ clip, recordingId: detail.recordingId!, mediaId });
  }

  const chief: Client = { id: 'e2e-mc-chief', sessionId: null };
  await callApi(services, chief, 'session.login', { login: CHIEF.login, password: CHIEF.password });
  await callApi(services, chief, 'media.classifyRecording', { recordingId: recordings[3]!.recordingId, classification: 'privacy' });
  await callApi(services, chief, 'session.logout');
  await callApi(services, admin, 'session.logout');

  return {
    openUrl: host.openUrl,
    services,
    recordings,
    close: async () => {
      await host.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * One scene host for a whole serial spec file: started before its tests (it films and ingests four clips), closed
 * after. The returned function gives the host to each test.
 */
export function multicamHostForFile(test: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void; setTimeout(ms: number): void }): () => MulticamHost {
  let host: MulticamHost | undefined;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    host = await startMulticamHost();
  });
  test.afterAll(async () => {
    await host?.close();
  });
  return () => host!;
}
