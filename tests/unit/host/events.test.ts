import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { makeTestApi, OFFICE_SETUP, setUpOffice, tempDir, type TestApi } from '../../support/services';

/** Pushed events in the browser host (issue 10 item 14): what is meant for everyone reaches only logged-in pages. */
const TOKEN = 'events-token-123';

describe('browser host events', () => {
  let t: TestApi;
  let host: BrowserHost;
  const headers = (client: string) => ({ Authorization: `Bearer ${TOKEN}`, 'X-Evidence-Client': client });

  beforeAll(async () => {
    t = makeTestApi();
    await setUpOffice(t);
    host = await startBrowserHost({ services: t.services, staticDir: tempDir(), token: TOKEN });
    const login = await fetch(`${host.url}/api/session.login`, {
      method: 'POST',
      headers: { ...headers('client-in'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password }),
    });
    expect(await login.json()).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await host.close();
    t.cleanup();
  });

  /** Opens the client's event stream; `until(marker)` reads it up to the event carrying that marker. */
  async function stream(client: string): Promise<{ until(marker: string): Promise<string> }> {
    const res = await fetch(`${host.url}/events`, { headers: headers(client) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    return {
      async until(marker) {
        while (!text.includes(marker)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${marker}`);
          text += decoder.decode(value, { stream: true });
        }
        await reader.cancel();
        return text;
      },
    };
  }

  it('sends events for everyone to logged-in clients only; a client holding just the token hears none of them', async () => {
    const loggedIn = await stream('client-in');
    const anonymous = await stream('client-out');
    const emit = t.services.host.emit!;
    emit('all', 'ingest.finished', { sessionId: 41, status: 'completed', message: 'for-everyone' });
    emit('all', 'media.previewProgress', { mediaId: 7, fraction: 0.5, done: false, error: 'preview-for-everyone' });
    // Then an event addressed to each client: everything sent before it has arrived when it does.
    for (const id of ['client-in', 'client-out']) emit({ id, sessionId: null }, 'session.ended', { reason: 'idle' });

    const seenIn = await loggedIn.until('"session.ended"');
    expect(seenIn).toContain('for-everyone');
    expect(seenIn).toContain('preview-for-everyone');
    const seenOut = await anonymous.until('"session.ended"');
    expect(seenOut).not.toContain('for-everyone');
  });
});
