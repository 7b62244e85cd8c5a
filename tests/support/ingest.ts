import type { Client } from '../../main/api';
import type { TestApi } from './services';

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
