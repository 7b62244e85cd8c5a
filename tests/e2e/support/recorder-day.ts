import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { Client, MethodOutput } from '../../../main/api';
import type { Role } from '../../../main/common';
import { FIXTURE_BADGE, FIXTURE_SERIAL, FIXTURE_TZ, makeSegments } from '../../fixtures/recorder-volume';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './api';
import { startTestHost, type TestHost } from './host';
import { expectQuietConsole, pinPageClock, type Person } from './session';

const anHourAfter = (start: Date): Date => new Date(start.getTime() + 3_600_000);

/**
 * A test host an hour after `start` with the office set up and `accounts` made, and one recorder's day ingested by the
 * admin for `officer`: two recordings of three segments from `start`, on a volume in a temporary folder. close() stops
 * the host and removes the folder.
 */
export async function hostWithRecorderDay(start: Date, officer: Person, accounts: [Person, Role[]][]) {
  const work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-day-'));
  const volume = path.join(work, 'DSJ-A8');
  await makeSegments(path.join(volume, 'DCIM', '100MEDIA'), 2, 3, start, { serial: FIXTURE_SERIAL, badge: FIXTURE_BADGE, timeZone: FIXTURE_TZ });
  const host: TestHost = await startTestHost({ startAt: anHourAfter(start) });
  const admin: Client = { id: 'e2e-admin', sessionId: null };
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: FIXTURE_TZ });
  for (const [who, roles] of accounts) await addUser(host.services, admin, who, roles);
  const sourceId = host.services.sources.addFolder(volume).id;
  const ingest = { sourceId, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE, officerName: officer.name, confirmNewRecorder: true };
  const { sessionId } = await callApi(host.services, admin, 'ingest.start', ingest);
  await host.services.jobs.get(`ingest:${sessionId}`)?.done;
  const session = await callApi(host.services, admin, 'ingest.session', { id: sessionId });
  const mediaIds = session.items.filter((i) => i.mediaId).map((i) => i.mediaId!);
  const close = async () => {
    await host.close();
    await rm(work, { recursive: true, force: true });
  };
  return { host, admin, mediaIds, close };
}

export interface RecorderDaySpec {
  host: TestHost;
  admin: Client;
  mediaIds: number[];
  /** The first stored segment, as the admin reads it. */
  first: MethodOutput<'media.get'>;
}

/**
 * The frame of a serial spec on one recorder's day: hostWithRecorderDay before all tests and closed after them, each
 * page's clock at the host's, and a quiet console but for the refused media loads (403) the player logs. The object
 * returned is filled in before the spec's own beforeAll and tests run.
 */
export function recorderDaySpec(start: Date, officer: Person, accounts: [Person, Role[]][]): RecorderDaySpec {
  const day = {} as RecorderDaySpec;
  let close: (() => Promise<void>) | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const d = await hostWithRecorderDay(start, officer, accounts);
    close = d.close;
    Object.assign(day, { host: d.host, admin: d.admin, mediaIds: d.mediaIds, first: await callApi(d.host.services, d.admin, 'media.get', { id: d.mediaIds[0]! }) });
  });
  test.afterAll(() => close?.());
  expectQuietConsole(() => /Failed to load resource.*403/);
  pinPageClock(anHourAfter(start));
  return day;
}
