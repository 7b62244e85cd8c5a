import { test, expect } from '@playwright/test';
import { startTestHost } from './support/host';
test('probe', async ({ page }) => {
  const h = await startTestHost();
  await page.goto(h.openUrl);
  await expect(page.locator('#root')).toContainText('初始化');
  await h.close();
});
