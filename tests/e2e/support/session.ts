import { expect, test, type Locator, type Page } from '@playwright/test';

export interface Person {
  login: string;
  name: string;
  password: string;
}

/** Fills the login page's form and sends it (the page must show it). */
export async function fillLogin(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
}

/** Opens the app (the URL with the token) and logs `who` in, up to the greeting on the start page. */
export async function loginAs(page: Page, openUrl: string, who: Person): Promise<void> {
  await page.goto(openUrl);
  await fillLogin(page, who.login, who.password);
  await expect(page.getByTestId('greeting')).toContainText(who.name);
}

/** The main navigation of the app frame. */
export const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

/** Collects the errors and warnings `page` logs (React and antd report misuse there), except those `allow` admits. */
export function collectConsole(page: Page, allow: () => RegExp | null = () => null): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    if (allow()?.test(m.text())) return;
    problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/**
 * Every test of the calling spec ends with a clean browser console. `allow` (read at each message) lets expected
 * messages through, such as a refused media request a test provokes. Call at the top level of a spec.
 */
export function expectQuietConsole(allow: () => RegExp | null = () => null): void {
  let problems: string[] = [];
  test.beforeEach(({ page }) => {
    problems = collectConsole(page, allow);
  });
  test.afterEach(() => {
    expect(problems, 'no errors or warnings on the browser console').toEqual([]);
  });
}

/** Each page of the calling spec starts with the browser's clock at `at`, the day the host's services see. */
export function pinPageClock(at: Date): void {
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: at });
  });
}

/**
 * Clicks `button` until `done` passes: on a busy machine a click on a dialog that is still opening can be lost (found
 * in CI: no request left). A click that took disables or removes the button, so the action is never sent twice.
 */
export async function clickUntil(button: Locator, done: () => Promise<void>): Promise<void> {
  await expect(async () => {
    if ((await button.isVisible()) && (await button.isEnabled())) await button.click({ timeout: 5_000 });
    await done();
  }).toPass({ timeout: 45_000 });
}

/** Logs out through the user menu, back to the login page. */
export async function logout(page: Page): Promise<void> {
  const loginHeading = page.getByRole('heading', { name: '用户登录' });
  // On a busy machine a click on the menu while it is still opening can be lost: open and click again until out.
  await expect(async () => {
    if (!(await page.getByRole('menuitem', { name: '退出登录' }).isVisible())) await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click({ timeout: 5_000 });
    await expect(loginHeading).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}
