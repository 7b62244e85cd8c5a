import type { Client } from '../../main/api';
import { makeRecorderVolume, type FixtureVolume } from '../fixtures/recorder-volume';
import { makeOfficeApi, tempDir, type TestApi } from './services';

/** Starts an ingest through the API and waits for its background job to finish. */
export async function ingestAndWait(
  t: TestApi,
  client: Client,
  input: { sourceId: string; recorderSerial: string | null; officerBadge: string | null; officerName?: string; clearSource?: boolean; keepOther?: string[]; confirmNewRecorder?: boolean },
) {
  // Tests name the recorder they mean: registering a new one is confirmed unless the test says otherwise.
  const { sessionId } = await t.call(client, 'ingest.start', { confirmNewRecorder: true, ...input });
  await t.services.jobs.get(`ingest:${sessionId}`)?.done;
  return t.call(client, 'ingest.session', { id: sessionId });
}

/**
 * A fresh fixture recorder volume and an office whose clock stands at its docking, with the volume added as a source
 * and ingested by the admin for officer 张三 (the recorder and badge the volume names).
 */
export async function officeWithIngestedVolume() {
  const vol: FixtureVolume = await makeRecorderVolume(tempDir('ew-vol-'));
  const { t, admin } = await makeOfficeApi(vol.dockedAt);
  const sourceId = t.services.sources.addFolder(vol.root).id;
  const session = await ingestAndWait(t, admin, { sourceId, recorderSerial: vol.serial, officerBadge: vol.badge, officerName: '张三' });
  return { t, admin, vol, sourceId, session };
}
