import { describe, expect, it } from 'vitest';
import { HKEX_C2_2025 } from './data/hkex.js';
import { provisionObligation } from './obligation.js';
import { findProvision } from './registry.js';

const hkex = (code: string, issuer: 'main-board' | 'largecap' | 'gem', year: number) => {
  const p = findProvision(HKEX_C2_2025, code);
  if (!p) throw new Error(code);
  return provisionObligation(HKEX_C2_2025, p, issuer, year);
};

describe('HKEX obligations by issuer type and year', () => {
  it('Part B is mandatory and Part C comply-or-explain for everyone', () => {
    for (const issuer of ['main-board', 'largecap', 'gem'] as const) {
      expect(hkex('MDR.GOV', issuer, 2025)).toBe('mandatory');
      expect(hkex('KPI A2.1', issuer, 2026)).toBe('comply-or-explain');
    }
  });
  it('Scope 1 and Scope 2 are mandatory for every issuer from FY2025', () => {
    for (const issuer of ['main-board', 'largecap', 'gem'] as const) {
      expect(hkex('D.MT.GHG.a', issuer, 2025)).toBe('mandatory');
      expect(hkex('D.MT.GHG.d', issuer, 2025)).toBe('mandatory');
    }
  });
  it('the rest of Part D: Main Board comply-or-explain, LargeCap mandatory from FY2026, GEM voluntary', () => {
    expect(hkex('D.MT.GHG.e', 'main-board', 2025)).toBe('comply-or-explain');
    expect(hkex('D.MT.GHG.e', 'main-board', 2026)).toBe('comply-or-explain');
    expect(hkex('D.MT.GHG.e', 'largecap', 2025)).toBe('comply-or-explain');
    expect(hkex('D.MT.GHG.e', 'largecap', 2026)).toBe('mandatory');
    expect(hkex('D.GOV.a.i', 'largecap', 2026)).toBe('mandatory');
    expect(hkex('D.MT.GHG.e', 'gem', 2026)).toBe('voluntary');
  });
  it('industry metrics are encouraged; withdrawn codes carry no obligation; the Code starts in FY2025', () => {
    expect(hkex('D.MT.CAP.d', 'largecap', 2026)).toBe('encouraged');
    expect(hkex('KPI A1.2', 'main-board', 2025)).toBe('withdrawn');
    expect(hkex('A4.GD', 'main-board', 2025)).toBe('withdrawn');
    expect(hkex('MDR.GOV', 'main-board', 2024)).toBe('not-effective');
  });
});
