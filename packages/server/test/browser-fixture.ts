/**
 * What the browser tests over a real store share (accounts-browser, totp-browser,
 * two-tabs-browser): a PGlite store in a temp folder holding examples/minimal with its workspace,
 * administrators added through the app, and a screenshot that first checks the page's layout.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import type { Bundle } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SHOTS = join(ROOT, 'artifacts', 'screenshots');

export type MinimalStore = { dir: string; store: Store; ws: StoreWorkspace; dispose(): Promise<void> };

/**
 * A migrated PGlite store in a new temp folder (`prefix`…) holding examples/minimal, and its
 * workspace; `adjust` changes the bundle before it is stored (another reporting year, more lines).
 */
export async function minimalStoreWorkspace(
  prefix: string,
  adjust: (b: Bundle) => Bundle = (b) => b,
): Promise<MinimalStore> {
  const loaded = await loadBundle(join(ROOT, 'examples/minimal'));
  if (!loaded.ok) throw new Error('examples/minimal should load');
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, adjust(loaded.bundle));
  if (!opened.ok) throw new Error(opened.reason);
  await mkdir(SHOTS, { recursive: true });
  const ws = opened.workspace;
  return {
    dir,
    store,
    ws,
    async dispose() {
      await ws.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Add an account and grant it administrator on the group; its id. */
export async function addAdministrator(
  store: Store,
  who: { email: string; name: string; password: string },
): Promise<string> {
  const added = await addUser(store, who, new Date());
  if (!added.ok) throw new Error(added.message);
  const granted = await grantRole(
    store,
    { userId: added.id, role: 'administrator', entityId: 'group', grantedBy: 'test set-up' },
    new Date(),
  );
  if (!granted.ok) throw new Error(granted.message);
  return added.id;
}

/**
 * Save the page as artifacts/screenshots/<name>.png after checking its layout: nothing wider than
 * the viewport (1280 px) and every nav label on one line (its text makes one line box).
 */
export async function checkedShot(page: Page, name: string): Promise<void> {
  type El = { textContent: string };
  type Doc = {
    documentElement: { scrollWidth: number };
    createRange(): { selectNodeContents(n: El): void; getClientRects(): { length: number } };
  };
  const width = await page.evaluate(
    () => (globalThis as unknown as { document: Doc }).document.documentElement.scrollWidth,
  );
  expect(width, `${name}: page width in px`).toBeLessThanOrEqual(1280);
  const broken = await page.locator('nav a').evaluateAll((links) =>
    links
      .filter((a) => {
        const range = (globalThis as unknown as { document: Doc }).document.createRange();
        range.selectNodeContents(a as unknown as El);
        return range.getClientRects().length > 1;
      })
      .map((a) => a.textContent),
  );
  expect(broken, `${name}: nav labels broken over lines`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
