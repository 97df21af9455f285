/**
 * HKEX ESG Reporting Guide (Main Board Appendix 27 / GEM Appendix 20, as amended December 2019,
 * renumbered Appendix C2 in 2023), for financial years commencing on or after 1 July 2020 until
 * the 2025 Code (hkex.ts) replaced it. With the calendar year end the period model assumes
 * (model/period.ts), the first such year is FY2021: FY2020 began on 1 January 2020 and fell
 * under the 2015 Guide, which is not loaded.
 *
 * Obligations (CORROBORATED: HKEX consultation conclusions of 18 December 2019 as summarised by
 * KPMG, Charltons, SGS and others; the HKEX rulebook's Part A states the two levels): Part B
 * mandatory disclosure requirements (governance structure, reporting principles, reporting
 * boundary) are mandatory; every General Disclosure and KPI of Part C, environmental (A1–A4) and
 * social (B1–B8; the social KPIs were "recommended" before 2020), is comply-or-explain. No
 * recommended disclosures remain.
 *
 * Texts are short titles in Assay's words (UNVERIFIED), not the Guide's wording. Codes follow
 * the 2025 data so the crosswalk is the 2025 one (hkex-crosswalk.ts), reused: the Part C items
 * the Code kept are the same items; A1.2 uses the Code's Scope 1/2 evidence, A4 its climate
 * strategy and risk-management evidence.
 *
 * Over 300 lines only because it is data: one row per provision (54), as biome lays them out.
 */
import type { RequirementSpec } from '../evidence.js';
import type { Framework, Provision } from '../framework.js';
import { defineProvisions } from './define.js';
import { HKEX_CROSSWALK } from './hkex-crosswalk.js';

const FIRST_YEAR = 2021;
const LAST_YEAR = 2024;

export const HKEX_GUIDE_2019_SCHEDULES = {
  mandatory: [{ from: FIRST_YEAR, until: LAST_YEAR, obligation: 'mandatory' }],
  'comply-or-explain': [{ from: FIRST_YEAR, until: LAST_YEAR, obligation: 'comply-or-explain' }],
} as const satisfies Framework['schedules'];

const cw = (code: string): readonly RequirementSpec[] => {
  const reqs = HKEX_CROSSWALK[code];
  // Every code reused here exists in the 2025 crosswalk; the data test would fail otherwise.
  if (!reqs) throw new Error(`hkex 2019: no 2025 crosswalk entry for ${code}`);
  return reqs;
};

/** Evidence for items the 2025 Code moved to Part D, taken from the Part D entries. */
const OWN: Readonly<Record<string, readonly RequirementSpec[]>> = {
  // Scope 1 and Scope 2 as in D.MT.GHG.a (without its 2025 schedules); intensity only "where appropriate".
  'A1.2': cw('D.MT.GHG.a')
    .filter((r) => typeof r !== 'string' && r.id !== 'scope3')
    .map((r) => (typeof r === 'string' ? r : { id: r.id, anyOf: r.anyOf })),
  'A4.GD': cw('D.RM.a'),
  'A4.1': cw('D.STR.RO.a'),
};

type Item = readonly [code: string, en: string, zh: string];

const SECTIONS: readonly (readonly [section: string, schedule: string, items: readonly Item[]])[] = [
  [
    'Mandatory disclosure requirements',
    'mandatory',
    [
      [
        'MDR.GOV',
        'Board statement: oversight of ESG issues, management approach and review of goals and targets',
        '董事會聲明：環境、社會及管治事宜的監管、管理方針及目標進度檢討',
      ],
      ['MDR.RP', 'How the reporting principles were applied', '匯報原則的應用'],
      [
        'MDR.RP.MAT',
        'Materiality: how material ESG issues were identified, and stakeholder engagement',
        '重要性：識別重要環境、社會及管治議題的過程，以及持份者參與',
      ],
      [
        'MDR.RP.QUANT',
        'Quantitative: standards, methods, assumptions and conversion factor sources used',
        '量化：所用標準、方法、假設及換算因子來源',
      ],
      [
        'MDR.RP.CONS',
        'Consistency: changes in methods or KPIs that affect comparison',
        '一致性：影響比較的方法或指標變更',
      ],
      [
        'MDR.RB',
        'Reporting boundary and how entities or operations were chosen',
        '匯報範圍及選擇納入實體或業務的過程',
      ],
    ],
  ],
  [
    'A1 Emissions',
    'comply-or-explain',
    [
      [
        'A1.GD',
        'Emissions: policies and compliance with relevant laws',
        '排放物：相關政策及遵守相關法律法規',
      ],
      ['A1.1', 'Types of emissions and emissions data', '排放物種類及相關排放數據'],
      [
        'A1.2',
        'Scope 1 and Scope 2 greenhouse gas emissions (tonnes) and, where appropriate, intensity',
        '範圍1及範圍2溫室氣體排放量（噸）及（如適用）密度',
      ],
      [
        'A1.3',
        'Hazardous waste produced (tonnes) and, where appropriate, intensity',
        '所產生有害廢棄物總量（噸）及（如適用）密度',
      ],
      [
        'A1.4',
        'Non-hazardous waste produced (tonnes) and, where appropriate, intensity',
        '所產生無害廢棄物總量（噸）及（如適用）密度',
      ],
      ['A1.5', 'Emission targets and steps taken to achieve them', '排放目標及為達到目標所採取的步驟'],
      [
        'A1.6',
        'Handling of hazardous and non-hazardous waste; reduction targets and steps taken',
        '處理有害及無害廢棄物的方法，以及減廢目標及所採取的步驟',
      ],
    ],
  ],
  [
    'A2 Use of Resources',
    'comply-or-explain',
    [
      [
        'A2.GD',
        'Policies on the efficient use of energy, water and other raw materials',
        '有效使用能源、水及其他原材料的政策',
      ],
      ['A2.1', 'Energy consumption by type, in total and intensity', '按類型劃分的能源總耗量及密度'],
      ['A2.2', 'Water consumption in total and intensity', '總耗水量及密度'],
      ['A2.3', 'Energy use efficiency targets and steps taken', '能源使用效益目標及所採取的步驟'],
      [
        'A2.4',
        'Sourcing water fit for purpose; water efficiency targets and steps taken',
        '求取適用水源的情況，以及用水效益目標及所採取的步驟',
      ],
      [
        'A2.5',
        'Packaging material for finished products (tonnes), per unit where applicable',
        '製成品所用包裝材料總量（噸）及（如適用）每生產單位佔量',
      ],
    ],
  ],
  [
    'A3 The Environment and Natural Resources',
    'comply-or-explain',
    [
      [
        'A3.GD',
        'Policies on minimising significant impacts on the environment and natural resources',
        '減低對環境及天然資源造成重大影響的政策',
      ],
      [
        'A3.1',
        'Significant impacts on the environment and natural resources, and actions taken',
        '業務對環境及天然資源的重大影響及所採取的行動',
      ],
    ],
  ],
  [
    'A4 Climate Change',
    'comply-or-explain',
    [
      [
        'A4.GD',
        'Policies on identifying and mitigating significant climate-related issues',
        '識別及應對重大氣候相關事宜的政策',
      ],
      [
        'A4.1',
        'Significant climate-related issues that have affected or may affect the issuer, and actions taken',
        '已經及可能會對發行人產生影響的重大氣候相關事宜及應對行動',
      ],
    ],
  ],
  [
    'B1 Employment',
    'comply-or-explain',
    [
      [
        'B1.GD',
        'Employment: policies and compliance (pay, hiring, hours, leave, equal opportunity, welfare)',
        '僱傭：政策及合規（薪酬、招聘、工時、假期、平等機會、福利）',
      ],
      [
        'B1.1',
        'Total workforce by gender, employment type, age group and region',
        '按性別、僱傭類型、年齡組別及地區劃分的僱員總數',
      ],
      [
        'B1.2',
        'Employee turnover rate by gender, age group and region',
        '按性別、年齡組別及地區劃分的僱員流失比率',
      ],
    ],
  ],
  [
    'B2 Health and Safety',
    'comply-or-explain',
    [
      ['B2.GD', 'Health and safety: policies and compliance', '健康與安全：政策及合規'],
      [
        'B2.1',
        'Work-related fatalities, number and rate, in each of the past three years',
        '過去三年每年因工亡故的人數及比率',
      ],
      ['B2.2', 'Lost days due to work injury', '因工傷損失工作日數'],
      [
        'B2.3',
        'Occupational health and safety measures, and how they are implemented and monitored',
        '職業健康與安全措施及其執行與監察方法',
      ],
    ],
  ],
  [
    'B3 Development and Training',
    'comply-or-explain',
    [
      [
        'B3.GD',
        "Policies on improving employees' knowledge and skills; training activities",
        '提升僱員知識及技能的政策及培訓活動',
      ],
      [
        'B3.1',
        'Percentage of employees trained by gender and employee category',
        '按性別及僱員類別劃分的受訓僱員百分比',
      ],
      [
        'B3.2',
        'Average training hours per employee by gender and employee category',
        '按性別及僱員類別劃分的每名僱員平均受訓時數',
      ],
    ],
  ],
  [
    'B4 Labour Standards',
    'comply-or-explain',
    [
      [
        'B4.GD',
        'Labour standards: policies and compliance on child and forced labour',
        '勞工準則：防止童工及強制勞工的政策及合規',
      ],
      [
        'B4.1',
        'Measures to review employment practices to avoid child and forced labour',
        '檢討招聘慣例以避免童工及強制勞工的措施',
      ],
      ['B4.2', 'Steps taken to eliminate such practices when discovered', '發現違規情況時消除有關情況的步驟'],
    ],
  ],
  [
    'B5 Supply Chain Management',
    'comply-or-explain',
    [
      [
        'B5.GD',
        'Policies on managing environmental and social risks of the supply chain',
        '管理供應鏈環境及社會風險的政策',
      ],
      ['B5.1', 'Number of suppliers by region', '按地區劃分的供應商數目'],
      [
        'B5.2',
        'Practices for engaging suppliers, and the suppliers they apply to',
        '聘用供應商的慣例及實行有關慣例的供應商數目',
      ],
      [
        'B5.3',
        'Practices to identify environmental and social risks along the supply chain',
        '識別供應鏈環境及社會風險的慣例',
      ],
      [
        'B5.4',
        'Practices to promote environmentally preferable products and services in selecting suppliers',
        '揀選供應商時推廣環保產品及服務的慣例',
      ],
    ],
  ],
  [
    'B6 Product Responsibility',
    'comply-or-explain',
    [
      [
        'B6.GD',
        'Product responsibility: policies and compliance (safety, advertising, labelling, privacy, redress)',
        '產品責任：政策及合規（安全、廣告、標籤、私隱、補救）',
      ],
      [
        'B6.1',
        'Share of products sold or shipped recalled for safety and health reasons',
        '因安全與健康理由須回收的產品佔已售或已運送產品的百分比',
      ],
      [
        'B6.2',
        'Product and service complaints received and how they are dealt with',
        '接獲關於產品及服務的投訴數目及應對方法',
      ],
      [
        'B6.3',
        'Practices for observing and protecting intellectual property rights',
        '維護及保障知識產權的慣例',
      ],
      ['B6.4', 'Quality assurance process and recall procedures', '質量檢定過程及產品回收程序'],
      [
        'B6.5',
        'Consumer data protection and privacy policies, and how they are implemented and monitored',
        '消費者資料保障及私隱政策及其執行與監察方法',
      ],
    ],
  ],
  [
    'B7 Anti-corruption',
    'comply-or-explain',
    [
      [
        'B7.GD',
        'Anti-corruption: policies and compliance (bribery, extortion, fraud, money laundering)',
        '反貪污：政策及合規（賄賂、勒索、欺詐、洗黑錢）',
      ],
      [
        'B7.1',
        'Concluded legal cases on corrupt practices against the issuer or its employees, and outcomes',
        '對發行人或其僱員提出並已審結的貪污訴訟案件數目及結果',
      ],
      [
        'B7.2',
        'Preventive measures and whistle-blowing procedures, and how they are implemented and monitored',
        '防範措施及舉報程序及其執行與監察方法',
      ],
      ['B7.3', 'Anti-corruption training provided to directors and staff', '向董事及員工提供的反貪污培訓'],
    ],
  ],
  [
    'B8 Community Investment',
    'comply-or-explain',
    [
      [
        'B8.GD',
        'Policies on community engagement that consider the communities’ needs and interests',
        '了解營運所在社區需要並考慮社區利益的社區參與政策',
      ],
      ['B8.1', 'Focus areas of contribution', '專注貢獻範疇'],
      ['B8.2', 'Resources contributed to the focus areas', '在專注範疇所動用的資源'],
    ],
  ],
];

const label = (code: string): string => (/^[AB]\d\.\d$/.test(code) ? `KPI ${code}` : code);

const PROVISIONS: Provision[] = SECTIONS.flatMap(([section, schedule, items]) =>
  defineProvisions(
    { section, schedule, label },
    items.map(([code, en, zh]) => ({ code, en, zh, reqs: OWN[code] ?? cw(code) })),
  ),
);

export const HKEX_GUIDE_2019: Framework = {
  id: 'hkex',
  version: '2019',
  title: {
    'zh-Hant': '香港聯交所《環境、社會及管治報告指引》(2019年修訂)',
    en: 'HKEX Environmental, Social and Governance Reporting Guide (as amended in 2019)',
  },
  citedAs: {
    'zh-Hant': '《環境、社會及管治報告指引》',
    en: 'Environmental, Social and Governance Reporting Guide',
  },
  years: { from: FIRST_YEAR, until: LAST_YEAR },
  source:
    'Main Board Listing Rules Appendix 27 (GEM Appendix 20) as amended by the consultation conclusions of 18 December 2019, for financial years commencing on or after 1 July 2020. Obligations CORROBORATED (secondary summaries of the conclusions); provision titles are Assay wording, UNVERIFIED against the Guide.',
  schedules: HKEX_GUIDE_2019_SCHEDULES,
  provisions: PROVISIONS,
};
