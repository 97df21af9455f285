/**
 * The Scope 3 factors the library ships (data/scope3-uk-desnz-2025.json, issue #21): each cites its
 * document, vintage, geography and unit; none is VERIFIED unless its source was read (these were
 * read on a third-party page quoting the UK 2025 conversion factors, so UNVERIFIED). Golden
 * arithmetic through category 3 derived from the Scope 1 lines.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { bundle, line, sub } from '../testing/bundle-builder.js';
import { factorLibrary } from './library.js';

const scope3 = factorLibrary().filter((f) => f.kind.startsWith('scope3-'));

describe('Scope 3 factors in the library', () => {
  it('are few, cited, with vintage, geography and unit, and UNVERIFIED with a note saying why', () => {
    expect(scope3.map((f) => `${f.id} ${f.value} ${f.unit}`)).toEqual([
      'uk-desnz-2025/wtt/diesel 0.62665 kgCO2e/L',
      'uk-desnz-2025/wtt/natural-gas 0.337 kgCO2e/m³',
    ]);
    for (const f of scope3) {
      expect(f).toMatchObject({ status: 'UNVERIFIED', vintage: 2025, geography: 'UK' });
      expect(f.document).toMatch(/^UK Government GHG Conversion Factors for Company Reporting 2025/);
      expect(f.note).toMatch(/^Not read in the DESNZ workbook itself/);
    }
  });

  it('derive category 3 when assay.yaml chooses the set: litres and cubic metres × well-to-tank', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [
        line('s', 'fuel', 'diesel', '24000 L', { attributes: { density: '0.84 kg/L' } }),
        line('s', 'fuel', 'natural-gas', '50 10⁴ m³'),
      ],
      methods: { scope3: { factorSets: { 'cat-3': 'uk-desnz-2025' } } },
    });
    const v = evaluateBundle(b).graph.value('ghg.scope3[category=cat-3]@s/2025');
    // diesel 24,000 L × 0.62665 kgCO2e/L = 15,039.6 kg = 15.0396 t
    // natural gas 50 × 10⁴ m³ = 500,000 m³ × 0.337 kgCO2e/m³ = 168,500 kg = 168.5 t
    // 15.0396 + 168.5 = 183.5396 tCO2e
    expect(v?.kind === 'quantity' && `${v.value.toString()} ${v.unit.symbol}`).toBe('183.5396 tCO2e');
  });
});
