/**
 * SASAC 《央企控股上市公司ESG專項報告參考指標體系》 (25 Jul 2023; 14/45/132 indicators,
 * VERIFIED per domain-reference.md §7). The full table was not available: only the level-2
 * codes the reference report cites (its SASAC index, lines 1767–1800) are listed, with names
 * inferred from the chapters they are mapped to. Names UNVERIFIED. Voluntary for listed issuers.
 */
import type { Framework } from '../framework.js';
import { defineProvisions, row } from './define.js';

export const SASAC: Framework = {
  id: 'sasac',
  version: '2023',
  title: {
    'zh-Hant': '央企控股上市公司ESG專項報告參考指標體系',
    en: 'SASAC reference indicators for ESG reports of SOE-controlled listed companies',
  },
  source:
    'domain-reference.md §7; codes as cited by the reference report index (lines 1767–1800); names UNVERIFIED',
  schedules: { voluntary: [{ from: 2023, obligation: 'voluntary' }] },
  provisions: defineProvisions({ section: 'SASAC', schedule: 'voluntary' }, [
    row(
      'E.1.1',
      'Resource use: water',
      '資源消耗：水資源',
      ['figure:water.total|figure:water.withdrawal'],
      ['hkex:A2.2'],
    ),
    row(
      'E.1.3',
      'Resource use: energy',
      '資源消耗：能源',
      ['figure:energy.total|figure:energy.total.tce'],
      ['hkex:A2.1'],
    ),
    row('E.2.1', 'Pollution prevention: wastewater', '污染防治：廢水', ['section:water|section:emissions']),
    row(
      'E.2.2',
      'Pollution prevention: air emissions',
      '污染防治：廢氣',
      ['figure:air.emissions'],
      ['hkex:A1.1'],
    ),
    row(
      'E.2.3',
      'Pollution prevention: solid waste',
      '污染防治：固體廢物',
      ['figure:waste.hazardous.total|figure:waste.hazardous|figure:waste.non-hazardous'],
      ['hkex:A1.3'],
    ),
    row(
      'E.3.1',
      'Climate change: GHG emissions',
      '氣候變化：溫室氣體排放',
      ['figure:ghg.scope1', 'figure:ghg.scope2.location'],
      ['hkex:D.MT.GHG.a'],
    ),
    row(
      'E.3.4',
      'Climate change: response and targets',
      '氣候變化：應對措施及目標',
      ['section:climate-strategy|register:targets'],
      ['hkex:D.MT.TGT.a'],
    ),
    row('E.5.1', 'Environmental management: climate-related management', '環境管理：氣候相關管理', [
      'section:climate-governance',
    ]),
    row('E.5.2', 'Environmental management: resource management', '環境管理：資源管理', [
      'section:energy|section:water',
    ]),
    row('E.5.5', 'Environmental management: environmental governance', '環境管理：環境治理', [
      'section:emissions|section:waste',
    ]),
    row('S.1.1', 'Employee rights: employment', '員工權益：僱傭', ['section:employment'], ['hkex:B1.GD']),
    row('S.1.2', 'Employee rights: remuneration and welfare', '員工權益：薪酬福利', ['section:employment']),
    row(
      'S.1.3',
      'Employee rights: safety and occupational health',
      '員工權益：安全生產與職業健康',
      ['section:health-safety'],
      ['hkex:B2.GD'],
    ),
    row(
      'S.1.4',
      'Employee rights: development and training',
      '員工權益：發展與培訓',
      ['section:training'],
      ['hkex:B3.GD'],
    ),
    row(
      'S.2.1',
      'Products and services: quality',
      '產品服務：質量',
      ['section:product-responsibility'],
      ['hkex:B6.4'],
    ),
    row(
      'S.2.2',
      'Products and services: customers and data security',
      '產品服務：客戶及數據安全',
      ['section:product-responsibility'],
      ['hkex:B6.5'],
    ),
    row('S.2.3', 'Products and services: innovation', '產品服務：創新', [
      'figure:spend.rnd|figure:patents.granted',
    ]),
    row(
      'S.3.1',
      'Supply chain: supplier management',
      '供應鏈管理：供應商管理',
      ['section:supply-chain'],
      ['hkex:B5.GD'],
    ),
    row(
      'S.3.2',
      'Supply chain: responsible sourcing',
      '供應鏈管理：負責任採購',
      ['section:supply-chain'],
      ['hkex:B5.3'],
    ),
    row('S.4.2', 'Social contribution: community', '社會貢獻：社區', ['section:community'], ['hkex:B8.GD']),
    row('S.4.3', 'Social contribution: rural revitalisation', '社會貢獻：鄉村振興', ['section:community']),
    row(
      'S.4.4',
      'Social contribution: public welfare and innovation',
      '社會貢獻：公益及創新',
      ['figure:spend.community|section:community'],
      ['hkex:B8.2'],
    ),
    row(
      'G.1.1',
      'Governance structure: board and ESG governance',
      '治理結構：董事會及ESG管治',
      ['section:esg-governance'],
      ['hkex:MDR.GOV'],
    ),
    row('G.1.2', 'Governance structure: board composition', '治理結構：董事會組成', ['figure:board.members']),
    row(
      'G.2.1',
      'Governance mechanisms: risk management and internal control',
      '治理機制：風險管理及內部控制',
      ['section:esg-governance'],
    ),
    row('G.2.2', 'Governance mechanisms: compliance', '治理機制：合規', ['section:anti-corruption']),
    row(
      'G.2.3',
      'Governance mechanisms: business ethics and anti-corruption',
      '治理機制：商業道德及反腐敗',
      ['section:anti-corruption'],
      ['hkex:B7.GD'],
    ),
    row('G.3.1', 'Information disclosure: policy', '信息披露：制度', ['section:about-report']),
    row('G.3.2', 'Information disclosure: quality', '信息披露：質量', ['section:about-report']),
    row('G.4.1', 'Shareholder rights: investor relations', '股東權益：投資者關係', ['register:stakeholders']),
    row('G.4.2', 'Shareholder rights: returns to shareholders', '股東權益：股東回報', ['figure:net-profit']),
    row('G.5.1', 'ESG management: ESG governance', 'ESG管理：ESG治理', ['section:esg-governance']),
    row('G.5.2', 'ESG management: material topics and stakeholders', 'ESG管理：實質議題及持份者', [
      'register:materialTopics',
    ]),
  ]),
};
