/**
 * The report outline, as data: the HKEX-style order of sections, which bundle narrative each
 * one prints, which figures (by indicator-id prefix) belong to it, what it contributes
 * (registers, charts) and the framework provisions it answers (HKEX C2 codes as in
 * packages/core/src/frameworks where present; GRI 2021 disclosure numbers; SASAC topics).
 * Over 100 lines because it is one table; each entry is a line or two of data.
 */
import type { LocalisedText } from '../model/text.js';

export type Extra =
  | 'about'
  | 'stakeholders'
  | 'materiality'
  | 'climate-risks'
  | 'targets'
  | 'emissions-charts'
  | 'scope3-categories'
  | 'energy-charts'
  | 'trends'
  /** The tailings facilities register (tailings-table.ts). */
  | 'tailings'
  /** The certifications register (certifications-table.ts). */
  | 'certifications'
  /** HKEX B5.2–B5.4 practice texts (supplier-practices-table.ts). */
  | 'supplier-practices';

export type OutlineNode = {
  readonly id: string;
  readonly title: LocalisedText;
  /** Narrative section ids printed here, in order. */
  readonly narrative?: readonly string[];
  /** Indicator-id prefixes whose figures belong here ("ghg." matches "ghg.scope1"). */
  readonly figures?: readonly string[];
  readonly extras?: readonly Extra[];
  readonly hkex?: readonly string[];
  readonly gri?: readonly string[];
  /** SASAC reference-indicator topics (國資委央企控股上市公司ESG專項報告參考指標), by area. */
  readonly sasac?: readonly LocalisedText[];
  readonly children?: readonly OutlineNode[];
};

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
/** HKEX codes as in packages/core/src/frameworks: "A1.GD" (general disclosure), "A1.1" (printed "KPI A1.1"). */
const kpis = (area: string, n: number): string[] => [
  `${area}.GD`,
  ...Array.from({ length: n }, (_, i) => `${area}.${i + 1}`),
];

export const OUTLINE: readonly OutlineNode[] = [
  {
    id: 'about',
    title: t('關於本報告', 'About this report'),
    narrative: ['about-report', 'external-assurance'],
    extras: ['about'],
    hkex: ['MDR.RP', 'MDR.RP.MAT', 'MDR.RP.QUANT', 'MDR.RP.CONS', 'MDR.RB'],
    gri: ['2-1', '2-2', '2-3'],
  },
  {
    id: 'board',
    title: t('董事會聲明', 'Board statement'),
    narrative: ['board-statement'],
    hkex: ['MDR.GOV'],
    gri: ['2-22'],
    sasac: [t('治理：ESG管治', 'Governance: ESG oversight')],
  },
  {
    id: 'governance',
    title: t('ESG管治', 'ESG governance'),
    narrative: ['esg-governance'],
    figures: ['board.', 'governance.'],
    extras: ['certifications'],
    hkex: ['MDR.GOV'],
    gri: ['2-9', '2-12', '2-13'],
    sasac: [t('治理：治理結構', 'Governance: governance structure')],
  },
  {
    id: 'stakeholders',
    title: t('持份者參與及重要性評估', 'Stakeholder engagement and materiality'),
    children: [
      {
        id: 'stakeholder-engagement',
        title: t('持份者參與', 'Stakeholder engagement'),
        narrative: ['stakeholder-engagement'],
        extras: ['stakeholders'],
        gri: ['2-29'],
      },
      {
        id: 'materiality',
        title: t('重要性評估', 'Materiality assessment'),
        narrative: ['materiality'],
        extras: ['materiality'],
        hkex: ['MDR.RP.MAT'],
        gri: ['3-1', '3-2'],
      },
    ],
  },
  {
    id: 'environment',
    title: t('環境', 'Environment'),
    children: [
      {
        id: 'climate',
        title: t('應對氣候變化', 'Climate change'),
        narrative: [
          'climate-governance',
          'climate-strategy',
          'climate-risk-management',
          'climate-metrics-targets',
        ],
        extras: ['climate-risks', 'targets'],
        hkex: ['D.GOV.a', 'D.GOV.b', 'D.STR.RO', 'D.STR.RES.a', 'D.RM.a', 'D.MT.TGT.a'],
        gri: ['201-2'],
        sasac: [t('環境：氣候變化', 'Environment: climate change')],
      },
      {
        id: 'emissions',
        title: t('排放物', 'Emissions'),
        narrative: ['emissions'],
        figures: ['ghg.', 'air.', 'env.'],
        extras: ['emissions-charts', 'scope3-categories'],
        // KPI A1.2 (GHG) was withdrawn from the HKEX Code for 2025: greenhouse gases are Part D.
        hkex: [...kpis('A1', 1), 'A1.5', 'D.MT.GHG.a', 'D.MT.GHG.c', 'D.MT.GHG.d'],
        gri: ['305-1', '305-2', '305-3', '305-4', '305-7'],
        sasac: [t('環境：污染防治', 'Environment: pollution prevention')],
      },
      {
        id: 'energy',
        title: t('能源及資源', 'Energy and resources'),
        narrative: ['energy'],
        figures: ['energy.', 'materials.'],
        extras: ['energy-charts'],
        hkex: ['A2.GD', 'A2.1', 'A2.3', 'A3.GD', 'A3.1'],
        gri: ['301-1', '302-1', '302-3', '302-4'],
        sasac: [t('環境：資源利用', 'Environment: resource use')],
      },
      {
        id: 'water',
        title: t('水資源', 'Water'),
        narrative: ['water'],
        figures: ['water.'],
        hkex: ['A2.2', 'A2.4'],
        gri: ['303-3', '303-5'],
        sasac: [t('環境：水資源', 'Environment: water')],
      },
      {
        id: 'waste',
        title: t('廢棄物', 'Waste'),
        narrative: ['waste'],
        figures: ['waste.'],
        extras: ['tailings'],
        hkex: ['A1.3', 'A1.4', 'A1.6'],
        gri: ['306-3', '306-4', '306-5'],
        sasac: [t('環境：廢棄物管理', 'Environment: waste management')],
      },
      {
        id: 'packaging',
        title: t('包裝材料', 'Packaging'),
        narrative: ['packaging'],
        figures: ['packaging.'],
        hkex: ['A2.5'],
        gri: ['301-1'],
      },
    ],
  },
  {
    id: 'social',
    title: t('社會', 'Social'),
    children: [
      {
        id: 'employment',
        title: t('僱傭', 'Employment'),
        narrative: ['employment'],
        figures: ['employees.'],
        hkex: kpis('B1', 2),
        gri: ['2-7', '401-1', '405-1'],
        sasac: [t('社會：員工權益', 'Social: employee rights')],
      },
      {
        id: 'health-safety',
        title: t('健康與安全', 'Health and safety'),
        narrative: ['health-safety'],
        figures: ['safety.', 'spend.safety'],
        hkex: kpis('B2', 3),
        gri: ['403-9', '403-10'],
        sasac: [t('社會：安全生產', 'Social: work safety')],
      },
      {
        id: 'training',
        title: t('發展及培訓', 'Development and training'),
        narrative: ['training'],
        figures: ['training.', 'spend.training'],
        hkex: kpis('B3', 2),
        gri: ['404-1', '404-2'],
      },
      {
        id: 'labour-standards',
        title: t('勞工準則', 'Labour standards'),
        narrative: ['labour-standards'],
        hkex: kpis('B4', 2),
        gri: ['408-1', '409-1'],
      },
      {
        id: 'supply-chain',
        title: t('供應鏈管理', 'Supply chain management'),
        narrative: ['supply-chain'],
        figures: ['suppliers.'],
        extras: ['supplier-practices'],
        hkex: kpis('B5', 4),
        gri: ['2-6', '308-1', '414-1'],
        sasac: [t('社會：供應鏈管理', 'Social: supply chain')],
      },
      {
        id: 'product-responsibility',
        title: t('產品責任', 'Product responsibility'),
        narrative: ['product-responsibility'],
        figures: ['product.', 'patents.', 'rnd.', 'spend.rnd'],
        hkex: kpis('B6', 5),
        gri: ['416-1', '417-1'],
        sasac: [t('社會：產品責任及科技創新', 'Social: products and innovation')],
      },
      {
        id: 'anti-corruption',
        title: t('反貪污', 'Anti-corruption'),
        narrative: ['anti-corruption'],
        figures: ['anticorruption.'],
        hkex: kpis('B7', 3),
        gri: ['205-2', '205-3'],
        sasac: [t('治理：商業道德', 'Governance: business ethics')],
      },
      {
        id: 'community',
        title: t('社區投資', 'Community investment'),
        narrative: ['community'],
        figures: ['community.', 'spend.community'],
        hkex: kpis('B8', 2),
        gri: ['413-1'],
        sasac: [t('社會：鄉村振興及社會公益', 'Social: rural revitalisation and public welfare')],
      },
    ],
  },
];

/** Figures whose indicator matches no section go here (economic and other indicators). */
export const OTHER_FIGURES_SECTION: OutlineNode = {
  id: 'economic',
  title: t('經濟及其他', 'Economic and other'),
  figures: [''],
  extras: ['trends'],
};
