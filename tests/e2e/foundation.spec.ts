import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from './support/host';
import { callFromPage } from './support/page-api';
import { ADMIN, CHIEF } from './support/api';
import { screen } from './support/screens';
import { expectQuietConsole, fillLogin, loginAs, logout, nav } from './support/session';

/**
 * The foundation workflow on a fresh archive: first-run setup, the admin creates an officer, the
 * officer changes the initial password and sees only what the role allows, and the audit log
 * records it all with a chain that verifies.
 */
const OFFICER = { login: 'zhangsan', name: '张三', badge: '320101', initial: 'Initial-pass-1', password: 'Officer-pass-2024' };

test.describe.configure({ mode: 'serial' });

let host: TestHost;

test.beforeAll(async () => {
  host = await startTestHost();
});

test.afterAll(async () => {
  await host?.close();
});

// React and antd report misuse (deprecated props, key warnings, failed renders) on the console.
expectQuietConsole();

async function open(page: Page): Promise<void> {
  await page.goto(host.openUrl);
}

const login = fillLogin;



test('first-run setup creates the office and logs the admin in', async ({ page }) => {
  await open(page);
  await expect(page.getByText('首次使用 · 初始化向导')).toBeVisible();
  await page.getByTestId('setup-mode-new').click(); // 新建, not 从备份恢复
  await expect(page.getByLabel('单位全称')).toBeFocused();
  await page.getByLabel('单位全称').fill('青山乡综合行政执法大队');
  await page.getByLabel('印章单位名称').fill('青山乡人民政府');
  await screen(page, 'setup-1-office');
  // Enter moves on, like the 下一步 button.
  await page.getByLabel('印章单位名称').press('Enter');

  // The folder's name, never its full path (nobody has logged in yet).
  await expect(page.getByTestId('archive-root')).toHaveText(path.basename(host.archiveRoot));
  await expect(page.getByRole('button', { name: '更改' })).toHaveCount(0); // the browser host cannot pick folders
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('此账户同时担任保管员')).toBeVisible();
  await expect(page.getByLabel('登录名')).toBeFocused();
  await page.getByLabel('登录名').fill(ADMIN.login);
  await page.getByLabel('姓名').fill(ADMIN.name);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill('mismatch-123');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await screen(page, 'setup-3-admin');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('大队负责人与管理员须为不同的账户')).toBeVisible();
  await page.getByLabel('登录名').fill(CHIEF.login);
  await page.getByLabel('姓名').fill(CHIEF.name);
  await page.getByLabel('密码', { exact: true }).fill(CHIEF.password);
  await page.getByLabel('确认密码').fill(CHIEF.password);
  await page.getByLabel('确认密码').press('Enter');

  await expect(page.getByText('请核对以下信息')).toBeVisible();
  await expect(page.getByText('青山乡综合行政执法大队').first()).toBeVisible();
  await expect(page.getByText(`${ADMIN.name}（登录名：${ADMIN.login}）`)).toBeVisible();
  await screen(page, 'setup-5-confirm');
  await page.getByRole('button', { name: '完成初始化' }).click();
  // With the test keys setup may finish before the progress screen is seen: either is the next state, never an error.
  await expect(page.getByText('正在生成单位根证书和账户密钥…').or(page.getByTestId('greeting'))).toBeVisible();
  await screen(page, 'setup-6-progress');

  await expect(page.getByTestId('greeting')).toContainText(ADMIN.name, { timeout: 60_000 });
  await expect(page.getByTestId('office-name')).toHaveText('青山乡综合行政执法大队');
  for (const label of ['工作台', '采集导入', '资料库', '设备', '查阅审批', '审计日志', '系统设置']) {
    await expect(nav(page).getByRole('menuitem', { name: label })).toBeVisible();
  }
  await expect(page.getByTestId('user-menu')).toContainText('管理员');
  await expect(page.getByTestId('user-menu')).toContainText('保管员');
  await screen(page, 'dashboard-admin');
});

test('the admin creates an officer account', async ({ page }) => {
  // Each test has its own browser context, so its own client and session.
  await loginAs(page, host.openUrl, ADMIN);
  await nav(page).getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page.getByRole('tab', { name: '用户管理' })).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.login })).toBeVisible();
  await expect(page.getByRole('cell', { name: CHIEF.login })).toBeVisible();

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog.getByText('用户首次登录时必须修改初始密码')).toBeVisible();
  await expect(dialog.getByLabel('登录名')).toBeFocused();
  await dialog.getByLabel('登录名').fill(OFFICER.login);
  await dialog.getByLabel('姓名').fill(OFFICER.name);
  await dialog.getByLabel('警号（执法证号）').fill(OFFICER.badge);
  await dialog.getByLabel('初始密码', { exact: true }).fill(OFFICER.initial);
  await dialog.getByLabel('确认初始密码').fill(OFFICER.initial);
  await expect(dialog.getByRole('checkbox', { name: /执法人员/ })).toBeChecked();
  await dialog.getByLabel('确认初始密码').press('Enter');
  // Creating an account makes its key pair: seconds on a busy machine.
  await expect(dialog).toBeHidden({ timeout: 60_000 });

  const row = page.getByRole('row', { name: new RegExp(OFFICER.login) });
  await expect(row).toContainText(OFFICER.name);
  await expect(row).toContainText(OFFICER.badge);
  await expect(row).toContainText('执法人员');
  await expect(page.getByText(`已创建用户 ${OFFICER.name}（${OFFICER.login}）`)).toBeVisible();
  await expect(row).toContainText('正常');
  await expect(row).toContainText('待修改初始密码');
  await screen(page, 'settings-users');

  // Edit: the form opens filled in, focused on the name; Enter saves.
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `修改用户：${OFFICER.login}` });
  await expect(edit.getByLabel('姓名')).toHaveValue(OFFICER.name);
  await expect(edit.getByLabel('姓名')).toBeFocused();
  await expect(edit.getByRole('switch')).not.toBeChecked();
  await edit.getByLabel('警号（执法证号）').fill('320102');
  await edit.getByLabel('警号（执法证号）').press('Enter');
  await expect(edit).toBeHidden();
  await expect(row).toContainText('320102');

  // Reset password (to the same initial one the officer is told).
  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: /重置密码/ });
  await expect(reset.getByText('重置后将为该用户签发新的签名密钥和证书')).toBeVisible();
  await reset.getByLabel('新的初始密码').fill(OFFICER.initial);
  await reset.getByLabel('确认密码').fill(OFFICER.initial);
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset).toBeHidden();
  await expect(page.getByText(`已重置 ${OFFICER.name} 的密码`)).toBeVisible();

  await page.getByRole('tab', { name: '单位设置' }).click();
  await expect(page.getByText('单位根证书指纹')).toBeVisible();
  // What the office publishes for courts to compare with a disc's CA: 'AB:CD:…' as openssl prints it.
  await expect(page.getByTestId('ca-fingerprint')).toHaveText(/^SHA-256 [0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  await expect(page.getByText(host.archiveRoot)).toBeVisible();
  // Number fields say their limits and refuse what is outside them; a typed 0 is not silently turned into 1.
  const idle = page.getByLabel('无操作自动退出');
  await expect(page.getByText('允许 1–480 分钟')).toBeVisible();
  await idle.fill('0');
  await idle.blur();
  await expect(idle).toHaveValue('0');
  await expect(page.getByText('超出允许范围：须在 1–480 分钟之间')).toBeVisible();
  await screen(page, 'settings-number-limits');
  await idle.fill('30');
  await expect(page.getByText('超出允许范围：须在 1–480 分钟之间')).toHaveCount(0);
  await screen(page, 'settings-office');

  await logout(page);
  await screen(page, 'login');
});

test('a wrong password is refused with the message on the login page', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await expect(page.getByText('青山乡综合行政执法大队')).toBeVisible();
  await expect(page.getByLabel('登录名')).toBeFocused();
  await login(page, OFFICER.login, 'not-the-password');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page.getByLabel('密码')).toHaveValue('');
  await screen(page, 'login-error');
});

test('the officer changes the initial password and sees only the officer sections', async ({ page }) => {
  await open(page);
  await login(page, OFFICER.login, OFFICER.initial);
  await expect(page.getByRole('heading', { name: '请修改初始密码' })).toBeVisible();
  // Nothing else is reachable before the change, at the API too.
  const early = await callApi(page, 'office.get');
  expect(early.error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  await screen(page, 'officer-change-password');
  await page.getByLabel('初始密码').fill(OFFICER.initial);
  await page.getByLabel('新密码', { exact: true }).fill(OFFICER.password);
  await page.getByLabel('确认新密码').fill(OFFICER.password);
  await page.getByLabel('确认新密码').press('Enter');

  await expect(page.getByTestId('greeting')).toContainText(OFFICER.name);
  await expect(page.getByTestId('user-menu')).toContainText('执法人员');
  for (const label of ['工作台', '资料库', '案件', '刻盘', '记录表', '查阅审批']) {
    await expect(nav(page).getByRole('menuitem', { name: label })).toBeVisible();
  }
  for (const label of ['系统设置', '审计日志', '采集导入', '设备', '监督']) {
    await expect(nav(page).getByRole('menuitem', { name: label })).toHaveCount(0);
  }
  await screen(page, 'officer-frame');

  await page.goto(`${host.url}/#/settings`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByRole('tab', { name: '用户管理' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新建用户' })).toHaveCount(0);
  await page.goto(`${host.url}/#/audit`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByRole('button', { name: '校验审计链' })).toHaveCount(0);
  await screen(page, 'officer-forbidden');

  const users = await callApi(page, 'users.list');
  expect(users.ok).toBe(false);
  expect(users.error?.code).toBe('FORBIDDEN');
  const audit = await callApi(page, 'audit.list');
  expect(audit.error?.code).toBe('FORBIDDEN');

  await page.getByRole('button', { name: '返回工作台' }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  // A section the officer may use opens as a working page (the case handler prepares discs).
  await page.getByRole('menuitem', { name: '刻盘' }).click();
  await expect(page.getByRole('heading', { name: '刻盘' })).toBeVisible();
  await expect(page.getByText('无权访问')).toHaveCount(0);
  await screen(page, 'officer-discs');
  await logout(page);
});

test('the admin reads the audit log and the chain verifies', async ({ page }) => {
  await loginAs(page, host.openUrl, ADMIN);
  await nav(page).getByRole('menuitem', { name: '审计日志' }).click();
  const table = page.locator('.ant-table');
  for (const action of ['初始化', '新建用户', '登录失败', '修改密码', '越权访问被拒绝']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('chain-report')).toContainText('审计链校验通过');
  await expect(table.getByText('校验审计链', { exact: true }).first()).toBeVisible();
  await screen(page, 'audit-verified');

  // Filter by actor: only the officer's entries remain.
  await page.getByLabel('操作人').fill(OFFICER.login);
  await page.getByLabel('操作人').press('Enter');
  await expect(table.locator('tbody tr').first()).toContainText(OFFICER.name);
  await expect(table.getByText(ADMIN.name, { exact: true })).toHaveCount(0);
  // Issue 11 item 10: people and objects by name, every detail in Chinese: no raw targets or keys.
  await page.getByLabel('操作人').fill('');
  await page.getByLabel('操作人').press('Enter');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table).not.toContainText(/user:\d|media:\d|record_form:|"\w+":/);
  await expect(table.getByText(OFFICER.name).first()).toBeVisible();
  await screen(page, 'audit-chinese');
});

test('the chief sees the last chain check; after the idle time the next call returns to login', async ({ page }) => {
  await loginAs(page, host.openUrl, CHIEF);
  await expect(nav(page).getByRole('menuitem', { name: '监督' })).toBeVisible();
  await expect(nav(page).getByRole('menuitem', { name: '审计日志' })).toBeVisible();
  await expect(nav(page).getByRole('menuitem', { name: '系统设置' })).toHaveCount(0);
  await expect(page.getByText('通过：')).toBeVisible();
  await screen(page, 'dashboard-chief');

  host.advanceClock(31 * 60_000); // default idle logout: 30 minutes
  await nav(page).getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await expect(page.getByTestId('login-notice')).toContainText('长时间未操作，已自动退出');
  await screen(page, 'login-idle');

  // Logging in again returns to the page the chief was going to.
  await login(page, CHIEF.login, CHIEF.password);
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await expect(page.locator('.ant-table').getByText('超时退出', { exact: true }).first()).toBeVisible();
});

async function callApi(page: Page, method: string): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return (await callFromPage(page, method)).result;
}
