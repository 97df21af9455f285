import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue/catalogue.js';
import { crosswalkCitations } from './citations.js';
import { FRAMEWORK_IDS, SECTION_IDS } from './framework.js';
import { FRAMEWORK_EDITIONS, FRAMEWORKS } from './registry.js';

// Derived indicator ids planned by the calculation work (/tmp/figure-ids.md, issue brief).
const DERIVED =
  `ghg.scope1 ghg.scope2.location ghg.scope2.market ghg.scope3 ghg.intensity.revenue ghg.intensity.product
  energy.total energy.total.tce energy.total.gj energy.by-carrier energy.renewable.share energy.intensity.revenue
  energy.intensity.revenue.tce energy.intensity.product water.total water.intensity.ore water.intensity.revenue
  waste.hazardous.total waste.non-hazardous.total employees.total employees.turnover-rate employees.hires.total
  training.coverage training.average-hours safety.ltifr safety.fatality-rate anticorruption.coverage`.split(
    /\s+/,
  );
// Climate figures no catalogue holds yet: a bundle adds them in indicators.yaml (docs/frameworks.md).
const EXTENSION = `climate.financial-effect climate.assets-transition-risk climate.assets-physical-risk
  climate.assets-opportunity climate.capex climate.internal-carbon-price climate.remuneration-share`.split(
  /\s+/,
);

describe('framework data', () => {
  const known = new Set([...standardCatalogue().map((i) => i.id), ...DERIVED, ...EXTENSION]);
  for (const fw of FRAMEWORK_IDS.flatMap((id) => FRAMEWORK_EDITIONS[id])) {
    const id = `${fw.id} ${fw.version}`;
    it(`${id}: codes unique, schedules defined, evidence refers to known indicators and sections`, () => {
      const codes = fw.provisions.map((p) => p.code);
      expect(new Set(codes).size).toBe(codes.length);
      const problems: string[] = [];
      for (const p of fw.provisions) {
        for (const s of [p.schedule, ...p.requirements.map((r) => r.schedule ?? p.schedule)])
          if (!fw.schedules[s]) problems.push(`${p.code}: schedule ${s}`);
        for (const e of p.requirements.flatMap((r) => r.anyOf)) {
          if (e.kind === 'figure' && !known.has(e.indicatorId)) problems.push(`${p.code}: ${e.indicatorId}`);
          if (e.kind === 'section' && !(SECTION_IDS as readonly string[]).includes(e.sectionId))
            problems.push(`${p.code}: section ${e.sectionId}`);
        }
      }
      expect(problems).toEqual([]);
      expect(crosswalkCitations(fw)).toEqual([]);
    });
  }
  it('editions of one framework do not overlap, and FRAMEWORKS holds the newest', () => {
    for (const id of FRAMEWORK_IDS) {
      const eds = FRAMEWORK_EDITIONS[id];
      expect(eds.at(-1)).toBe(FRAMEWORKS[id]);
      for (let i = 1; i < eds.length; i++) {
        const until = eds[i - 1]?.years?.until;
        const from = eds[i]?.years?.from;
        expect(
          until !== undefined && from !== undefined && until < from,
          `${id} editions ${i - 1}/${i}`,
        ).toBe(true);
      }
    }
  });
  it('the HKEX 2019 Guide reuses the 2025 crosswalk for every item the Code kept', () => {
    const [guide, code] = FRAMEWORK_EDITIONS.hkex;
    for (const p of guide?.provisions ?? []) {
      const kept = code?.provisions.find((q) => q.code === p.code && !q.deprecated);
      if (kept) expect(p.requirements, p.code).toEqual(kept.requirements);
    }
  });
  it('HKEX holds the 100 items of the reference file, three of them withdrawn', () => {
    const hkex = FRAMEWORKS.hkex.provisions;
    expect(hkex).toHaveLength(100);
    expect(hkex.filter((p) => p.deprecated).map((p) => p.code)).toEqual(['A1.2', 'A4.GD', 'A4.1']);
  });
  it('one indicator serves several frameworks: ghg.scope1', () => {
    const users = FRAMEWORK_IDS.flatMap((id) =>
      FRAMEWORKS[id].provisions
        .filter((p) =>
          p.requirements.some((r) =>
            r.anyOf.some((e) => e.kind === 'figure' && e.indicatorId === 'ghg.scope1'),
          ),
        )
        .map((p) => `${id}:${p.code}`),
    );
    expect(users).toEqual(
      expect.arrayContaining([
        'hkex:D.MT.GHG.a',
        'ifrs-s2:29(a)(i)',
        'gri:305-1',
        'sasb:EM-MM-110a.1',
        'sasac:E.3.1',
      ]),
    );
  });
  it('a crosswalk citing a withdrawn HKEX code warns', () => {
    const fw = {
      ...FRAMEWORKS.gri,
      provisions: [{ ...FRAMEWORKS.gri.provisions[0]!, related: ['hkex:A1.2'] }],
    };
    expect(crosswalkCitations(fw)).toMatchObject([{ code: 'deprecated-provision', citation: 'hkex:A1.2' }]);
  });
});
