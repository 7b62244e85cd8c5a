import type { Page } from '@playwright/test';

export interface PageCall {
  result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  /** The link ticket the host hands a logged-in page (for `<video src>` and download links), or null. */
  ticket: string | null;
}

/**
 * Calls the API from inside the page with the page's own credentials, as its transport does: the token and the
 * client id the page keeps in its sessionStorage, sent as headers (the host sets no cookie).
 */
export function callFromPage(page: Page, method: string, input: unknown = {}): Promise<PageCall> {
  return page.evaluate(
    async ({ m, body }) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('evidence.hostToken') ?? ''}`,
          'X-Evidence-Client': sessionStorage.getItem('evidence.client') ?? '',
        },
        body: JSON.stringify(body),
      });
      return { result: (await res.json()) as PageCall['result'], ticket: res.headers.get('X-Evidence-Link-Ticket') };
    },
    { m: method, body: input },
  );
}
