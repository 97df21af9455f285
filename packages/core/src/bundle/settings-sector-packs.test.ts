/** assay.yaml methods.sectorPacks (issue #24): loaded, written back unchanged, unknown entities refused. */
import { describe, expect, it } from 'vitest';
import { issuesOf, rawSettings } from '../testing/raw-bundle.js';
import { validateBundle } from '../validate/validate-bundle.js';
import { serializeBundle } from './serialize-bundle.js';

const withPacks = (packs: unknown) => {
  const s = rawSettings() as ReturnType<typeof rawSettings> & Record<string, unknown>;
  s.methods = { sectorPacks: packs };
  return { settings: { file: 'assay.yaml', data: s } };
};

describe('sector packs in assay.yaml', () => {
  it('loads a pack per entity and writes it back unchanged', () => {
    const r = validateBundle(withPacks({ smelter: 'iron-steel' }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.bundle.methods.sectorPacks).toEqual({ smelter: 'iron-steel' });
    const again = validateBundle(serializeBundle(r.bundle));
    expect(again.ok && again.bundle.methods.sectorPacks).toEqual({ smelter: 'iron-steel' });
    // without the key, nothing is added (bundles written before packs existed stay as they were)
    const plain = validateBundle({ settings: { file: 'assay.yaml', data: rawSettings() } });
    expect(plain.ok && 'sectorPacks' in plain.bundle.methods).toBe(false);
  });

  it('refuses an unknown entity and an unknown pack, naming the field', () => {
    expect(issuesOf(withPacks({ 'iron-works': 'iron-steel' }))).toEqual([
      {
        file: 'assay.yaml',
        column: 'methods.sectorPacks.iron-works',
        reason: '"iron-works" is not an entity of organisation.entities',
      },
    ]);
    const bad = issuesOf(withPacks({ smelter: 'steel' }));
    expect(bad).toHaveLength(1);
    expect(bad[0]?.column).toBe('methods.sectorPacks.smelter');
  });
});
