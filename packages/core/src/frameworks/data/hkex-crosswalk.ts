/**
 * Crosswalk for HKEX Appendix C2 (2025): provision code → requirements (see ../evidence.ts for
 * the notation). Each string is one element of the provision; "a|b" means either satisfies it.
 * Intensities marked "where appropriate" in the Code are not required. Withdrawn provisions
 * (A1.2, A4) have no entry: they are not assessed.
 */
import type { RequirementSpec } from '../evidence.js';

const climateGov = ['section:climate-governance'];
const climateStrategy = ['section:climate-strategy'];
const climateRisk = ['section:climate-risk-management'];
const climateTargets = ['register:targets', 'section:climate-metrics-targets'];
const ghgMethod = ['section:climate-metrics-targets|section:emissions'];
const environment = ['section:emissions|section:water|section:waste|section:energy'];

export const HKEX_CROSSWALK: Readonly<Record<string, readonly RequirementSpec[]>> = {
  'MDR.GOV': ['section:board-statement'],
  'MDR.RP': ['section:about-report'],
  'MDR.RP.MAT': [
    'section:materiality',
    'register:materialTopics',
    'register:stakeholders|section:stakeholder-engagement',
  ],
  'MDR.RP.QUANT': ['section:about-report'],
  'MDR.RP.CONS': ['section:about-report'],
  'MDR.RB': ['section:about-report'],
  'A1.GD': ['section:emissions'],
  'A1.1': ['figure:air.emissions'],
  'A1.3': ['figure:waste.hazardous.total|figure:waste.hazardous'],
  'A1.4': ['figure:waste.non-hazardous.total|figure:waste.non-hazardous'],
  'A1.5': ['section:emissions', 'register:targets'],
  'A1.6': ['section:waste', 'register:targets'],
  'A2.GD': ['section:energy|section:water'],
  'A2.1': [
    'figure:energy.total|figure:energy.total.tce',
    'figure:energy.by-carrier',
    'figure:energy.intensity.revenue|figure:energy.intensity.revenue.tce|figure:energy.intensity.product',
  ],
  'A2.2': [
    'figure:water.total|figure:water.withdrawal',
    'figure:water.intensity.revenue|figure:water.intensity.ore',
  ],
  'A2.3': ['section:energy', 'register:targets'],
  'A2.4': ['section:water'],
  'A2.5': ['figure:packaging.used'],
  'A3.GD': environment,
  'A3.1': environment,
  'B1.GD': ['section:employment'],
  'B1.1': [
    'figure:employees.total|figure:employees.headcount',
    'figure:employees.headcount[gender]',
    'figure:employees.headcount[employment-type]',
    'figure:employees.headcount[age-band]',
    'figure:employees.headcount[region]',
  ],
  'B1.2': [
    'figure:employees.turnover-rate[gender]',
    'figure:employees.turnover-rate[age-band]',
    'figure:employees.turnover-rate[region]',
  ],
  'B2.GD': ['section:health-safety'],
  'B2.1': ['figure:safety.fatalities', 'figure:safety.fatality-rate'],
  'B2.2': ['figure:safety.lost-days'],
  'B2.3': ['section:health-safety'],
  'B3.GD': ['section:training'],
  'B3.1': ['figure:training.coverage[gender]', 'figure:training.coverage[rank]'],
  'B3.2': ['figure:training.average-hours[gender]', 'figure:training.average-hours[rank]'],
  'B4.GD': ['section:labour-standards'],
  'B4.1': ['section:labour-standards'],
  'B4.2': ['section:labour-standards'],
  'B5.GD': ['section:supply-chain'],
  'B5.1': ['figure:suppliers.count[region]|figure:suppliers.registered[region]'],
  // B5.2–B5.4 (issue #18): the count derived from the supplier register, the practices as its
  // register rows (register:supplierPractices#<code>), or the supply-chain narrative.
  'B5.2': [
    'figure:suppliers.assessed|section:supply-chain',
    'register:supplierPractices#B5.2|section:supply-chain',
  ],
  'B5.3': ['register:supplierPractices#B5.3|section:supply-chain'],
  'B5.4': ['register:supplierPractices#B5.4|section:supply-chain'],
  'B6.GD': ['section:product-responsibility'],
  'B6.1': ['figure:product.recalls'],
  'B6.2': ['figure:product.complaints', 'section:product-responsibility'],
  'B6.3': ['section:product-responsibility'],
  'B6.4': ['section:product-responsibility'],
  'B6.5': ['section:product-responsibility'],
  'B7.GD': ['section:anti-corruption'],
  'B7.1': ['figure:anticorruption.cases'],
  'B7.2': ['section:anti-corruption'],
  'B7.3': [
    'figure:anticorruption.trained|figure:anticorruption.training-hours|figure:anticorruption.coverage',
  ],
  'B8.GD': ['section:community'],
  'B8.1': ['section:community'],
  'B8.2': ['figure:spend.community|figure:community.volunteer-hours'],
  'D.GOV.a': climateGov,
  'D.GOV.a.i': climateGov,
  'D.GOV.a.ii': climateGov,
  'D.GOV.a.iii': climateGov,
  'D.GOV.a.iv': climateGov,
  'D.GOV.b': climateGov,
  'D.GOV.b.i': climateGov,
  'D.GOV.b.ii': climateGov,
  'D.STR.RO': [...climateStrategy, 'register:climateRisks'],
  'D.STR.RO.a': [...climateStrategy, 'register:climateRisks'],
  'D.STR.RO.b': ['register:climateRisks'],
  'D.STR.RO.c': ['register:climateRisks'],
  'D.STR.RO.d': climateStrategy,
  'D.STR.BM.a': climateStrategy,
  'D.STR.BM.b': climateStrategy,
  'D.STR.SD.a': climateStrategy,
  'D.STR.SD.a.i': climateStrategy,
  'D.STR.SD.a.ii': climateStrategy,
  'D.STR.SD.a.iii': climateStrategy,
  'D.STR.SD.a.iv': [...climateStrategy, 'register:targets'],
  'D.STR.SD.b': climateStrategy,
  'D.STR.SD.c': climateStrategy,
  // Financial effects need quantitative information: a figure the bundle adds (docs/frameworks.md).
  'D.STR.FIN.CUR.a': [...climateStrategy, 'figure:climate.financial-effect'],
  'D.STR.FIN.CUR.b': [...climateStrategy, 'figure:climate.financial-effect'],
  'D.STR.FIN.ANT.a': [...climateStrategy, 'figure:climate.financial-effect'],
  'D.STR.FIN.ANT.b': [...climateStrategy, 'figure:climate.financial-effect'],
  // Resilience needs the scenario analysis itself, not any climate-strategy text (issue #19).
  'D.STR.RES.a': ['section:climate-scenario-analysis'],
  'D.STR.RES.b': ['section:climate-scenario-analysis'],
  'D.RM.a': climateRisk,
  'D.RM.b': climateRisk,
  'D.RM.c': climateRisk,
  // Scope 1 and 2 are mandatory for every issuer; Scope 3 follows the rest of Part D.
  'D.MT.GHG.a': [
    { id: 'scope1', anyOf: 'figure:ghg.scope1', schedule: 'scope12' },
    { id: 'scope2', anyOf: 'figure:ghg.scope2.location', schedule: 'scope12' },
    { id: 'scope3', anyOf: 'figure:ghg.scope3' },
  ],
  'D.MT.GHG.b': ghgMethod,
  'D.MT.GHG.c': ghgMethod,
  'D.MT.GHG.d': ['figure:ghg.scope2.location'],
  'D.MT.GHG.e': ['figure:ghg.scope3[category]'],
  'D.MT.CRO.a': ['figure:climate.assets-transition-risk', 'figure:climate.assets-physical-risk'],
  'D.MT.CRO.b': ['figure:climate.assets-opportunity'],
  'D.MT.CAP.a': ['figure:climate.capex'],
  'D.MT.CAP.b': ['figure:climate.internal-carbon-price'],
  'D.MT.CAP.c': climateGov,
  'D.MT.CAP.d': ['section:climate-metrics-targets'],
  'D.MT.TGT.a': climateTargets,
  'D.MT.TGT.b': climateTargets,
  'D.MT.TGT.c': climateTargets,
  'D.MT.TGT.d': climateTargets,
};
