/**
 * Vitest global set-up: build the web app (packages/web/dist) once, before any test file runs,
 * when it is missing or older than its sources. Browser tests in several files serve the build;
 * on a clean clone none exists, and a test that ran before the one that used to build it failed
 * ("the web app is not built"). Vite runs with NODE_ENV=production (vitest sets "test", which
 * would ship development React: slow, effects twice).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = join(import.meta.dirname, '..', '..', 'packages', 'web');
const BUILT = join(WEB, 'dist', 'index.html');

/** The newest modification time (ms) of the web app's sources. */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['src', 'index.html', 'vite.config.ts', 'package.json']) {
    const full = join(WEB, p);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

export default async function buildWeb(): Promise<void> {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource()) return;
  const { build } = await import('vite');
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = env;
  }
}
