/**
 * Web benchmark: the demo overview (examples/xinxin-2025) rendered with its data in Debian
 * Chromium (headless, via playwright-core) against the server in this process. The figure is
 * the time from navigation start to the app's `assay:overview-ready` performance mark. Per
 * language: one load in a new browser context ("cold": nothing cached), then three in that
 * context (hashed assets cached, as for a returning user); the median of those three is the
 * figure, target under 1 s. Moved here from the browser journeys, which check behaviour only.
 * Run: `BENCH_ONLY=web npm run bench`. Needs chromium (scripts/ensure-system-packages.sh) and the
 * web app built (`npm run build -w @assay/web`; built here if missing).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { launchBrowser } from '@assay/render';
import { createApp, listen, WEB_ROOT } from '@assay/server';
import type { BenchResult } from './calc-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function benchWeb(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    const { build } = await import('vite');
    const webDir = join(ROOT, 'packages', 'web');
    await build({
      root: webDir,
      configFile: join(webDir, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  }
  const loaded = await loadBundle(join(ROOT, 'examples/xinxin-2025'));
  if (!loaded.ok) throw new Error('examples/xinxin-2025 does not load');
  const server = await listen(
    createApp({ workspace: new MemoryWorkspace(loaded.bundle), webRoot: WEB_ROOT }),
    0,
  );
  const browser = await launchBrowser();
  const results: BenchResult[] = [];
  try {
    for (const lang of ['zh-Hant', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((l) => {
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('assay.lang', l);
      }, lang);
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const page = await context.newPage();
        await page.goto(`${server.url}#/overview`);
        await page.locator('[data-ready="overview"]').waitFor();
        times.push(
          await page.evaluate(() => performance.getEntriesByName('assay:overview-ready')[0]?.startTime ?? -1),
        );
        await page.close();
      }
      await context.close();
      const [cold = -1, ...warm] = times;
      const median = [...warm].sort((a, b) => a - b)[1] ?? -1;
      results.push({
        name: `web: overview (${lang}), cached, median of 3`,
        value: Math.round(median),
        unit: 'ms',
        target: '< 1000 ms',
        note: `cold ${Math.round(cold)} ms; cached ${warm.map(Math.round).join(', ')} ms`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchWeb()) console.log(`${r.name}: ${r.value} ${r.unit} — ${r.note}`);
}
