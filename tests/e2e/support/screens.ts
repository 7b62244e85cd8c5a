import type { Page } from '@playwright/test';

/** Full-page screenshots kept for people to look at: test-results/screens/<name>.png. */
export async function screen(page: Page, name: string): Promise<void> {
  // A settled screen: no toast on top, no enter animation half way.
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6_000 })
    .catch(() => undefined);
  // From the top, so the sticky header sits where it belongs in a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true, animations: 'disabled' });
}
