import { chromium, type Browser, type Page } from 'playwright-core';
import { withProjectFonts } from '../support/fonts';

/** The benches' Chromium: Debian's, with the project's fonts, no sandbox (root), no GPU. */
export function launchBenchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: withProjectFonts(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...extraArgs],
  });
}

/** A 1440×900 page in the office's locale and zone, as the e2e tests use. */
export function newBenchPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Logs `who` in at the host's address and opens 资料库, as a user would. */
export async function openLibraryAs(page: Page, openUrl: string, who: { login: string; password: string }): Promise<void> {
  await page.goto(openUrl);
  await page.getByLabel('登录名').fill(who.login);
  await page.getByLabel('密码').fill(who.password);
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('greeting').waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '资料库' }).click();
}
