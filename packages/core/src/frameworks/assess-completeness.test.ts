import { describe, expect, it } from 'vitest';
import { calcError } from '../errors.js';
import { type BundleOptions, bundle, explanation, fig, section } from '../testing/bundle-builder.js';
import { assessCompleteness } from './assess-completeness.js';
import { buildContentIndex, explanationRegister } from './content-index.js';

const scope12 = [fig('ghg.scope1', '1200 tCO2e'), fig('ghg.scope2.location', '800 tCO2e')];
const assess = (o: BundleOptions, figures = scope12) =>
  assessCompleteness({ bundle: bundle(o), figures, framework: 'hkex' });
const explained = (subject: string, text: string) => ({ explanations: [explanation(subject, text)] });
const row = (r: ReturnType<typeof assess>, code: string) => {
  const a = r.provisions.find((p) => p.provision.code === code);
  if (!a) throw new Error(`no ${code}`);
  return a;
};
const errors = (r: ReturnType<typeof assess>) =>
  r.findings.filter((f) => f.severity === 'error' && f.code !== 'no-edition');

describe('HKEX completeness', () => {
  it('a comply-or-explain KPI with a figure is disclosed, and says where', () => {
    const r = assess({}, [...scope12, fig('packaging.used', '12 t')]);
    expect(row(r, 'A2.5')).toMatchObject({ status: 'disclosed', where: ['packaging.used@group/2025'] });
  });
  it('a comply-or-explain provision with an explanation is explained', () => {
    const r = assess({ registers: explained('hkex:D.MT.GHG.e', 'Scope 3 not yet measured.') });
    const e = row(r, 'D.MT.GHG.e');
    expect(e.status).toBe('explained');
    expect(e.explanation?.text.en).toBe('Scope 3 not yet measured.');
    expect(errors(r).map((f) => f.provision)).not.toContain('hkex:D.MT.GHG.e');
  });
  it('without figure or explanation a comply-or-explain provision is missing, but not an error', () => {
    const r = assess({});
    expect(row(r, 'A2.5').status).toBe('missing');
    expect(errors(r).map((f) => f.provision)).not.toContain('hkex:A2.5');
  });
  it('an explained mandatory provision is an error and stays missing', () => {
    const r = assess({ registers: explained('hkex:D.MT.GHG.d', 'We did not compute it.') }, []);
    expect(row(r, 'D.MT.GHG.d').status).toBe('missing');
    expect(errors(r)).toContainEqual(
      expect.objectContaining({ code: 'mandatory-explained', provision: 'hkex:D.MT.GHG.d' }),
    );
    expect(explanationRegister(r, 'en')).toContainEqual(
      expect.objectContaining({ code: 'D.MT.GHG.d', isAccepted: false }),
    );
  });
  it('Scope 1 missing is an error for every issuer; Scope 3 alone leaves GHG (a) partly disclosed', () => {
    for (const issuerType of ['main-board', 'largecap', 'gem'] as const) {
      const r = assess({ issuerType }, [fig('ghg.scope2.location', '800 tCO2e')]);
      expect(errors(r)).toContainEqual(
        expect.objectContaining({ code: 'mandatory-missing', provision: 'hkex:D.MT.GHG.a' }),
      );
    }
    const a = row(assess({}), 'D.MT.GHG.a');
    expect(a.status).toBe('partly-disclosed');
    expect(a.missing).toEqual([
      { requirement: 'scope3', obligation: 'comply-or-explain', anyOf: ['figure:ghg.scope3'] },
    ]);
  });
  it('a LargeCap issuer in FY2026 cannot explain away Part D; in FY2025 it can', () => {
    const registers = explained('hkex:D.MT.CAP.b', 'No internal carbon price.');
    const y26 = assess({ issuerType: 'largecap', reporting: { current: '2026', prior: [] }, registers }, [
      fig('ghg.scope1', '1 tCO2e', {}, '2026'),
      fig('ghg.scope2.location', '1 tCO2e', {}, '2026'),
    ]);
    expect(row(y26, 'D.MT.CAP.b')).toMatchObject({ obligation: 'mandatory', status: 'missing' });
    expect(errors(y26)).toContainEqual(
      expect.objectContaining({ code: 'mandatory-explained', provision: 'hkex:D.MT.CAP.b' }),
    );
    const y25 = assess({ issuerType: 'largecap', registers });
    expect(row(y25, 'D.MT.CAP.b')).toMatchObject({ obligation: 'comply-or-explain', status: 'explained' });
  });
  it('GEM issuers see the rest of Part D as voluntary', () => {
    expect(row(assess({ issuerType: 'gem' }), 'D.GOV.a.i').obligation).toBe('voluntary');
  });
  it('counts only group figures for the year whose value is a quantity', () => {
    const bad = { ...fig('packaging.used', '12 t'), value: calcError('missing-input', 'no data', 'test') };
    const other = {
      ...fig('packaging.used', '12 t'),
      id: 'packaging.used@smelter/2025',
      entityId: 'smelter',
    };
    const r = assess({}, [...scope12, bad, other, fig('packaging.used', '9 t', {}, '2024')]);
    expect(row(r, 'A2.5').status).toBe('missing');
  });
  it('disaggregated requirements need the axis, and say what is missing', () => {
    const r = assess({ narrative: [section('employment')] }, [
      ...scope12,
      fig('employees.headcount', '10 person', { gender: 'male' }),
    ]);
    const b11 = row(r, 'B1.1');
    expect(b11.status).toBe('partly-disclosed');
    expect(b11.missing.map((m) => m.requirement)).toEqual([
      'employees.headcount[employment-type]',
      'employees.headcount[age-band]',
      'employees.headcount[region]',
    ]);
  });
  it('withdrawn provisions are not assessed; citing them warns', () => {
    const r = assess({
      registers: {
        ...explained('hkex:KPI A1.2', 'Now in Part D.'),
        materialTopics: [
          {
            id: 'climate',
            name: { 'zh-Hant': '氣候', en: 'Climate' },
            category: 'environmental',
            stakeholderScore: 4,
            businessScore: 4,
            isPlaceholder: true,
            hkex: ['A4.1'],
          },
        ],
      },
    });
    expect(r.provisions.map((p) => p.provision.code)).not.toContain('A1.2');
    expect(
      r.findings
        .filter((f) => f.code === 'deprecated-provision')
        .map((f) => [f.severity, 'citation' in f ? f.citation : '']),
    ).toEqual([
      ['warning', 'hkex:KPI A1.2'],
      ['warning', 'hkex:A4.1'],
    ]);
  });
  it('builds the content index in both languages with section and figure references', () => {
    const r = assess({ narrative: [section('board-statement')] });
    const zh = buildContentIndex(r, 'zh-Hant').rows.find((x) => x.code === 'MDR.GOV');
    const en = buildContentIndex(r, 'en').rows.find((x) => x.code === 'D.MT.GHG.d');
    expect(zh).toMatchObject({ status: 'disclosed', sections: ['board-statement'], figures: [] });
    expect(zh?.text).toContain('董事會');
    expect(en).toMatchObject({ status: 'disclosed', figures: ['ghg.scope2.location@group/2025'] });
    expect(en?.page).toBeUndefined();
  });
});
