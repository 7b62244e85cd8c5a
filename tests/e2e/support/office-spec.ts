import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { ADMIN, CHIEF, setUpOfficeVia } from './api';
import { startTestHost, type TestHost, type TestHostOptions } from './host';
import { expectQuietConsole, loginAs } from './session';

/** What a spec lays out in its temporary folder before the host starts: the host's clock and folders, the office's zone. */
export interface OfficeLayout {
  host: TestHostOptions & { startAt: Date };
  timeZone: string;
  /** Folders registered as sources (a recorder volume, a backup drive). */
  sources?: string[];
}

export interface OfficeSpec {
  host: TestHost;
  /** The spec's temporary folder, removed after its tests. */
  work: string;
}

/**
 * The frame of a serial spec on a freshly set-up office (through the API: the foundation spec covers the wizard; the
 * admin is also custodian): before all tests a temporary folder `lay` fills, then the host; after them both gone. Each
 * test's page has its clock at the host's start and the admin logged in, and ends with a quiet console but for `allow`.
 * The object returned is filled in before the tests run.
 */
export function officeSpec(prefix: string, lay: (work: string) => Promise<OfficeLayout>, allow?: () => RegExp | null): OfficeSpec {
  const spec = {} as OfficeSpec;
  let startAt: Date;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    spec.work = await mkdtemp(path.join(tmpdir(), `ew-e2e-${prefix}-`));
    const layout = await lay(spec.work);
    startAt = layout.host.startAt;
    spec.host = await startTestHost(layout.host);
    for (const folder of layout.sources ?? []) spec.host.services.sources.addFolder(folder);
    await setUpOfficeVia(spec.host.services, { id: 'e2e-setup', sessionId: null }, { admin: ADMIN, chief: CHIEF }, { timeZone: layout.timeZone });
  });
  test.afterAll(async () => {
    await spec.host?.close();
    if (spec.work) await rm(spec.work, { recursive: true, force: true });
  });
  expectQuietConsole(allow);
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: startAt });
    await loginAs(page, spec.host.openUrl, ADMIN);
  });
  return spec;
}
