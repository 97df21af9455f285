/**
 * Narrative of the demo bundle (examples/xinxin-2025) through the store and back (issue #19):
 * narrative.yaml → store → bundle unchanged; after one section is saved in the app, the bundle
 * read from the store and the folder written from it hold the saved text, and a folder loaded
 * again gives it back.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, readBundle } from '@assay/store';
import { describe, expect, it } from 'vitest';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { listNarrative, writeNarrativeSection } from './narrative.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const bundle = loaded.bundle;

describe('the demo bundle’s narrative', () => {
  it('round-trips narrative.yaml → store → bundle, also after a section is saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-narrative-bundle-'));
    try {
      const store = await openPgliteStore(join(dir, 'store'));
      await migrate(store, '2026-01-01T00:00:00Z');
      const o = await StoreWorkspace.open(store, bundle, () => '2026-02-01T00:00:00.000Z');
      if (!o.ok) throw new Error(o.reason);
      const back = await readBundle(store);
      if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
      expect(back.bundle.narrative).toEqual(bundle.narrative);
      await saveBundle(bundle, join(dir, 'from-yaml'));
      await saveBundle(back.bundle, join(dir, 'from-store'));
      const yaml = (d: string) => readFile(join(dir, d, 'narrative.yaml'), 'utf8');
      expect(await yaml('from-store')).toBe(await yaml('from-yaml'));

      const l = await listNarrative({ ws: o.workspace });
      expect(l.ok && l.value.sections.find((s) => s.section.id === 'water')?.version).toBe(1);
      const body = {
        en: 'We withdrew {{figure:water.withdrawal|unit}} of water in 2025.',
        'zh-Hant': '2025年取水量為{{figure:water.withdrawal|unit}}。',
      };
      const w = await writeNarrativeSection({
        ws: o.workspace,
        id: 'water',
        body,
        version: 1,
        author: 'test',
      });
      expect(w).toMatchObject({ ok: true, value: { version: 2 } });
      const again = await readBundle(store);
      if (!again.ok) throw new Error('unreadable');
      const water = again.bundle.narrative.find((n) => n.id === 'water');
      expect(water).toEqual({ ...bundle.narrative.find((n) => n.id === 'water'), body });
      await saveBundle(again.bundle, join(dir, 'after'));
      const reread = await loadBundle(join(dir, 'after'));
      expect(reread.ok && reread.bundle.narrative).toEqual(again.bundle.narrative);
      await o.workspace.close();

      // a server opened again on the store reads the saved text at its version
      const store2 = await openPgliteStore(join(dir, 'store'));
      const reopened = await StoreWorkspace.open(store2, bundle, () => '2026-02-02T00:00:00.000Z');
      if (!reopened.ok) throw new Error(reopened.reason);
      const l2 = await listNarrative({ ws: reopened.workspace });
      const row = l2.ok ? l2.value.sections.find((s) => s.section.id === 'water') : undefined;
      expect([row?.version, row?.section.body]).toEqual([2, body]);
      await reopened.workspace.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
