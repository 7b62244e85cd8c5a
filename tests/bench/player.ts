/**
 * Player benchmark (issue 4): in Chromium against the browser host, the time from opening a fixture
 * recording in the player (the click on its library row) to its first frame, and seek time
 * (currentTime set → `seeked`) on the element in play; median and p95 against the 300 ms target.
 * Needs the renderer built (`npx vite build`). Run: `npx tsx tests/bench/player.ts` or `npm run bench -- player`.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PEOPLE, startLibraryHost } from '../e2e/support/library';
import { withProjectFonts } from '../support/fonts';
import type { BenchRow } from './row';

const OPENS = 10;
const SEEKS = 30;
const TARGET_MS = 300;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))] ?? NaN;
}

export async function benchPlayer(): Promise<BenchRow[]> {
  const host = await startLibraryHost({ secondsEach: 10 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: withProjectFonts(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(host.openUrl);
    await page.getByLabel('登录名').fill(PEOPLE.admin.login);
    await page.getByLabel('密码').fill(PEOPLE.admin.password);
    await page.getByLabel('密码').press('Enter');
    await page.getByTestId('greeting').waitFor();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '资料库' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: host.segments[0]!.name });
    await row.waitFor();

    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      // t0 at the click itself (capture phase); t1 at the first frame presented by the element in play.
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      await page.evaluate(`(() => {
        window.__t1 = new Promise((resolve) => {
          document.addEventListener('click', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
          const look = () => {
            const v = document.querySelector('video[data-active="true"][src]');
            if (v) v.requestVideoFrameCallback(() => resolve(performance.now()));
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
      })()`);
      await row.click();
      const ms = await page.evaluate<number>('window.__t1.then((t1) => t1 - (window.__t0 ?? t1))');
      opens.push(ms);
      if (i < OPENS - 1) {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog', { name: '播放' }).waitFor({ state: 'hidden' });
      }
    }

    // Seeks inside the playing segment (10 s) at spread positions, paused, as a user scrubbing.
    await page.keyboard.press('Space');
    const seeks = await page.evaluate<number[]>(`(async () => {
      const v = document.querySelector('video[data-active="true"]');
      v.pause();
      const out = [];
      for (let i = 0; i < ${SEEKS}; i++) {
        const target = (((i * 7919) % 97) / 97) * Math.max(0.5, v.duration - 0.5);
        const t0 = performance.now();
        await new Promise((resolve) => {
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = target;
        });
        out.push(performance.now() - t0);
      }
      return out;
    })()`);

    const row_ = (name: string, xs: number[], q: number, label: string): BenchRow => {
      const ours = quantile(xs, q);
      return { name, ours, peer: TARGET_MS, unit: 'ms', ratio: ours / TARGET_MS, note: `${label} of ${xs.length}; target ${TARGET_MS} ms` };
    };
    const rows = [
      row_('open recording → first frame (median)', opens, 0.5, 'median'),
      row_('open recording → first frame (p95)', opens, 0.95, 'p95'),
      row_('seek → seeked (median)', seeks, 0.5, 'median'),
      row_('seek → seeked (p95)', seeks, 0.95, 'p95'),
    ];
    console.log(`opens (ms): ${opens.map((x) => x.toFixed(0)).join(' ')}`);
    for (const r of rows) console.log(`${r.name.padEnd(42)} ${r.ours.toFixed(1).padStart(8)} ms`);
    return rows;
  } finally {
    await browser.close();
    await host.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchPlayer();
}
