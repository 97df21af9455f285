import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../test/store-contract.js';
import { openPgliteStore, StoreLockedError } from './pglite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-pglite-'));

storeContract('PGlite', async () => {
  const store = await openPgliteStore(dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('PGlite data folder lock', () => {
  it('refuses a second opener of the same folder with a clear error', async () => {
    // The contract suite above holds `dir` open while its tests run; this file's tests run in order,
    // so use a fresh folder held by a first store.
    const other = mkdtempSync(join(tmpdir(), 'assay-lock-'));
    const lockfile = (await import('proper-lockfile')).default;
    const release = await lockfile.lock(other, { lockfilePath: join(other, 'store.lock'), realpath: false });
    try {
      const err = await openPgliteStore(other).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreLockedError);
      expect(String(err)).toMatch(/in use by another assay process/);
    } finally {
      await release();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
