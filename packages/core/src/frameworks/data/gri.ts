/**
 * GRI Standards: GRI 2 General Disclosures 2021, GRI 3 Material Topics 2021, the topic
 * disclosures the HKEX KPIs map to, and GRI 14 Mining Sector 2024 (gri-14.ts). Codes and
 * titles as recalled, paraphrased in Assay's words: UNVERIFIED. Under GRI an omission needs a
 * reason, so the universal and topic disclosures are comply-or-explain.
 */
import type { Framework } from '../framework.js';
import { defineProvisions, row } from './define.js';
import { GRI_14 } from './gri-14.js';

const about = ['section:about-report'];
const gov = ['section:esg-governance'];
const label = (c: string) => `GRI ${c}`;
const universal = { schedule: 'reasons-for-omission', label } as const;

export const GRI: Framework = {
  id: 'gri',
  version: '2021 universal; GRI 14 (2024)',
  title: { 'zh-Hant': '全球報告倡議組織（GRI）標準', en: 'GRI Standards' },
  source:
    'Codes and titles recalled and paraphrased (UNVERIFIED); GRI 14 topic list per domain-reference.md §6 (UNVERIFIED)',
  schedules: {
    'reasons-for-omission': [{ from: 2023, obligation: 'comply-or-explain' }],
    // GRI 14 applies to reports covering periods from 1 Jan 2026 (VERIFIED, domain-reference §6).
    'gri-14': [{ from: 2026, obligation: 'comply-or-explain' }, { obligation: 'voluntary' }],
  },
  provisions: [
    ...defineProvisions({ ...universal, section: 'GRI 2 General Disclosures' }, [
      row('2-1', 'Organizational details', '組織詳情', about),
      row('2-2', 'Entities included in sustainability reporting', '納入可持續發展報告的實體', about, [
        'hkex:MDR.RB',
      ]),
      row('2-3', 'Reporting period, frequency and contact point', '報告期、頻率及聯絡人', about),
      row('2-4', 'Restatements of information', '資料重述', about, ['hkex:MDR.RP.CONS']),
      // An assurance statement of its own, not any "about this report" text (issue #19).
      row('2-5', 'External assurance', '外部鑒證', ['section:external-assurance']),
      row(
        '2-6',
        'Activities, value chain and other business relationships',
        '活動、價值鏈及其他業務關係',
        about,
      ),
      row('2-7', 'Employees', '員工', ['figure:employees.total|figure:employees.headcount'], ['hkex:B1.1']),
      row('2-8', 'Workers who are not employees', '非員工工作者', []),
      row('2-9', 'Governance structure and composition', '管治架構及組成', gov),
      row('2-10', 'Nomination and selection of the highest governance body', '最高管治機構的提名及甄選', []),
      row('2-11', 'Chair of the highest governance body', '最高管治機構主席', []),
      row(
        '2-12',
        'Role of the highest governance body in overseeing impacts',
        '最高管治機構在監督影響管理中的角色',
        ['section:board-statement'],
        ['hkex:MDR.GOV'],
      ),
      row('2-13', 'Delegation of responsibility for managing impacts', '管理影響的責任委派', gov),
      row(
        '2-14',
        'Role of the highest governance body in sustainability reporting',
        '最高管治機構在可持續發展報告中的角色',
        ['section:board-statement'],
      ),
      row('2-15', 'Conflicts of interest', '利益衝突', []),
      row('2-16', 'Communication of critical concerns', '重要關切事項的溝通', []),
      row('2-17', 'Collective knowledge of the highest governance body', '最高管治機構的集體知識', []),
      row(
        '2-18',
        'Evaluation of the performance of the highest governance body',
        '最高管治機構的績效評估',
        [],
      ),
      row('2-19', 'Remuneration policies', '薪酬政策', []),
      row('2-20', 'Process to determine remuneration', '釐定薪酬的流程', []),
      row('2-21', 'Annual total compensation ratio', '年度總薪酬比率', []),
      row('2-22', 'Statement on sustainable development strategy', '可持續發展策略聲明', [
        'section:board-statement',
      ]),
      row('2-23', 'Policy commitments', '政策承諾', ['register:policies']),
      row('2-24', 'Embedding policy commitments', '落實政策承諾', ['register:policies']),
      row('2-25', 'Processes to remediate negative impacts', '補救負面影響的流程', []),
      row('2-26', 'Mechanisms for seeking advice and raising concerns', '尋求建議及提出關切的機制', [
        'section:anti-corruption',
      ]),
      row('2-27', 'Compliance with laws and regulations', '遵守法律法規', []),
      row('2-28', 'Membership associations', '協會會員資格', []),
      row(
        '2-29',
        'Approach to stakeholder engagement',
        '持份者參與方針',
        ['register:stakeholders|section:stakeholder-engagement'],
        ['hkex:MDR.RP.MAT'],
      ),
      row('2-30', 'Collective bargaining agreements', '集體談判協議', []),
    ]),
    ...defineProvisions({ ...universal, section: 'GRI 3 Material Topics' }, [
      row(
        '3-1',
        'Process to determine material topics',
        '確定實質議題的流程',
        ['section:materiality'],
        ['hkex:MDR.RP.MAT'],
      ),
      row('3-2', 'List of material topics', '實質議題清單', ['register:materialTopics'], ['hkex:MDR.RP.MAT']),
      row('3-3', 'Management of material topics', '實質議題的管理', [
        'register:policies|section:esg-governance',
      ]),
    ]),
    ...defineProvisions({ ...universal, section: 'Topic Standards' }, [
      row(
        '205-2',
        'Communication and training about anti-corruption',
        '反貪污溝通及培訓',
        ['figure:anticorruption.trained|figure:anticorruption.coverage'],
        ['hkex:B7.3'],
      ),
      row(
        '205-3',
        'Confirmed incidents of corruption and actions taken',
        '經確認的貪污事件及採取的行動',
        ['figure:anticorruption.cases'],
        ['hkex:B7.1'],
      ),
      row(
        '302-1',
        'Energy consumption within the organization',
        '組織內部的能源消耗',
        ['figure:energy.total|figure:energy.total.gj', 'figure:energy.by-carrier'],
        ['hkex:A2.1'],
      ),
      row(
        '302-3',
        'Energy intensity',
        '能源密度',
        ['figure:energy.intensity.revenue|figure:energy.intensity.product'],
        ['hkex:A2.1'],
      ),
      row('303-3', 'Water withdrawal', '取水', ['figure:water.withdrawal|figure:water.total'], ['hkex:A2.2']),
      row(
        '305-1',
        'Direct (Scope 1) GHG emissions',
        '直接（範圍1）溫室氣體排放',
        ['figure:ghg.scope1'],
        ['hkex:D.MT.GHG.a'],
      ),
      row(
        '305-2',
        'Energy indirect (Scope 2) GHG emissions',
        '能源間接（範圍2）溫室氣體排放',
        ['figure:ghg.scope2.location'],
        ['hkex:D.MT.GHG.a', 'hkex:D.MT.GHG.d'],
      ),
      row(
        '305-3',
        'Other indirect (Scope 3) GHG emissions',
        '其他間接（範圍3）溫室氣體排放',
        ['figure:ghg.scope3'],
        ['hkex:D.MT.GHG.e'],
      ),
      row('305-4', 'GHG emissions intensity', '溫室氣體排放密度', [
        'figure:ghg.intensity.revenue|figure:ghg.intensity.product',
      ]),
      row(
        '305-7',
        'NOx, SOx and other significant air emissions',
        '氮氧化物、硫氧化物及其他重大氣體排放',
        ['figure:air.emissions'],
        ['hkex:A1.1'],
      ),
      row(
        '306-3',
        'Waste generated',
        '產生的廢棄物',
        [
          'figure:waste.hazardous.total|figure:waste.hazardous',
          'figure:waste.non-hazardous.total|figure:waste.non-hazardous',
        ],
        ['hkex:A1.3', 'hkex:A1.4'],
      ),
      row(
        '401-1',
        'New employee hires and employee turnover',
        '新進員工及員工流失',
        ['figure:employees.hires.total|figure:employees.hires', 'figure:employees.turnover-rate'],
        ['hkex:B1.2'],
      ),
      row(
        '403-9',
        'Work-related injuries',
        '工傷',
        ['figure:safety.fatalities', 'figure:safety.ltifr|figure:safety.lost-time-injuries'],
        ['hkex:B2.1'],
      ),
      row(
        '404-1',
        'Average hours of training per year per employee',
        '每名員工每年平均培訓時數',
        ['figure:training.average-hours'],
        ['hkex:B3.2'],
      ),
      row(
        '404-3',
        'Employees receiving regular performance and career development reviews',
        '定期接受績效及職業發展檢視的員工比例',
        [],
      ),
      row(
        '413-1',
        'Operations with local community engagement and development programs',
        '設有當地社區參與及發展計劃的營運點',
        ['section:community'],
        ['hkex:B8.1'],
      ),
      row(
        '414-1',
        'New suppliers screened using social criteria',
        '使用社會標準篩選的新供應商',
        ['section:supply-chain'],
        ['hkex:B5.2'],
      ),
    ]),
    ...GRI_14,
  ],
};
