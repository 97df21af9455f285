/**
 * IFRS S2 Climate-related Disclosures (2023). Structure VERIFIED (ifrs.org: §5–7 governance,
 * §8–23 strategy, §24–26 risk management, §27–37 metrics and targets); the assignment of
 * sub-paragraph letters and every text here are short paraphrases written for Assay, not the
 * standard's wording: UNVERIFIED (domain-reference.md §6). Applied in Hong Kong through HKEX
 * Part D, so on its own it is voluntary.
 */
import type { Framework } from '../framework.js';
import { defineProvisions, row } from './define.js';

const gov = ['section:climate-governance'];
const str = ['section:climate-strategy'];
const rm = ['section:climate-risk-management'];
const tgt = ['register:targets', 'section:climate-metrics-targets'];
const fin = ['section:climate-strategy', 'figure:climate.financial-effect'];
const label = (c: string) => `IFRS S2 §${c}`;
const base = { schedule: 'voluntary', label } as const;

export const IFRS_S2: Framework = {
  id: 'ifrs-s2',
  version: '2023',
  title: {
    'zh-Hant': '國際財務報告可持續披露準則第S2號《氣候相關披露》',
    en: 'IFRS S2 Climate-related Disclosures',
  },
  source:
    'ifrs.org paragraph structure (VERIFIED); texts paraphrased for Assay (UNVERIFIED), domain-reference.md §6',
  schedules: { voluntary: [{ from: 2024, obligation: 'voluntary' }] },
  provisions: [
    ...defineProvisions({ ...base, section: 'Governance' }, [
      row(
        '6(a)',
        'Governance body or individual overseeing climate-related risks and opportunities',
        '負責監督氣候相關風險和機遇的治理機構或個人',
        gov,
        ['hkex:D.GOV.a'],
      ),
      row(
        '6(a)(i)',
        'How responsibilities are reflected in terms of reference and policies',
        '職責如何反映於職權範圍及政策',
        gov,
      ),
      row(
        '6(a)(ii)',
        'How skills and competencies for oversight are ensured',
        '如何確保具備監督所需技能和勝任能力',
        gov,
        ['hkex:D.GOV.a.i'],
      ),
      row('6(a)(iii)', 'How and how often the body is informed', '該機構獲悉有關資訊的方式和頻率', gov, [
        'hkex:D.GOV.a.ii',
      ]),
      row(
        '6(a)(iv)',
        'How risks and opportunities are considered in strategy and major decisions',
        '如何在策略及重大決策中考慮氣候相關風險和機遇',
        gov,
        ['hkex:D.GOV.a.iii'],
      ),
      row(
        '6(a)(v)',
        'How target setting and progress are overseen, including links to remuneration',
        '如何監督目標制定及進度，包括與薪酬的聯繫',
        gov,
        ['hkex:D.GOV.a.iv'],
      ),
      row(
        '6(b)(i)',
        "Management's role: delegation to a position or committee",
        '管理層角色：委託予特定職位或委員會',
        gov,
        ['hkex:D.GOV.b.i'],
      ),
      row(
        '6(b)(ii)',
        "Management's controls and procedures and their integration",
        '管理層的監控措施及程序及其整合',
        gov,
        ['hkex:D.GOV.b.ii'],
      ),
    ]),
    ...defineProvisions({ ...base, section: 'Strategy' }, [
      row(
        '10(a)',
        'Climate-related risks and opportunities that could affect prospects',
        '可能影響前景的氣候相關風險和機遇',
        [...str, 'register:climateRisks'],
        ['hkex:D.STR.RO.a'],
      ),
      row(
        '10(b)',
        'Whether each risk is physical or transition',
        '各項風險屬物理風險或轉型風險',
        ['register:climateRisks'],
        ['hkex:D.STR.RO.b'],
      ),
      row(
        '10(c)',
        'Time horizon over which each effect is expected',
        '各項影響預期發生的時間範圍',
        ['register:climateRisks'],
        ['hkex:D.STR.RO.c'],
      ),
      row('10(d)', 'How short, medium and long term are defined', '如何界定短期、中期及長期', str, [
        'hkex:D.STR.RO.d',
      ]),
      row('13(a)', 'Effects on the business model and value chain', '對業務模式和價值鏈的影響', str, [
        'hkex:D.STR.BM.a',
      ]),
      row(
        '13(b)',
        'Where in the value chain risks and opportunities are concentrated',
        '風險和機遇在價值鏈中的集中之處',
        str,
        ['hkex:D.STR.BM.b'],
      ),
      row(
        '14(a)',
        'Response in strategy and decision-making, including transition plans',
        '在策略和決策中的應對，包括轉型計劃',
        str,
        ['hkex:D.STR.SD.a'],
      ),
      row('14(b)', 'How the response is resourced', '如何為應對行動提供資源', str, ['hkex:D.STR.SD.b']),
      row('14(c)', 'Progress against plans disclosed earlier', '先前所披露計劃的進度', str, [
        'hkex:D.STR.SD.c',
      ]),
      row('15', 'Current and anticipated financial effects (overview)', '當前及預期財務影響（概述）', fin),
      row(
        '16(a)-(b)',
        'Current financial effects and material adjustment risk',
        '當前財務影響及重大調整風險',
        fin,
        ['hkex:D.STR.FIN.CUR.a', 'hkex:D.STR.FIN.CUR.b'],
      ),
      row(
        '16(c)-(d)',
        'Anticipated effects on financial position, performance and cash flows',
        '對財務狀況、表現及現金流量的預期影響',
        fin,
        ['hkex:D.STR.FIN.ANT.a', 'hkex:D.STR.FIN.ANT.b'],
      ),
      row('22(a)', 'Climate resilience assessment', '氣候韌性評估', str, ['hkex:D.STR.RES.a']),
      row('22(b)', 'How and when scenario analysis was carried out', '如何及何時進行情景分析', str, [
        'hkex:D.STR.RES.b',
      ]),
    ]),
    ...defineProvisions({ ...base, section: 'Risk management' }, [
      row(
        '25(a)',
        'Processes to identify, assess, prioritise and monitor risks',
        '識別、評估、排序及監察風險的流程',
        rm,
        ['hkex:D.RM.a'],
      ),
      row('25(b)', 'Processes for opportunities', '識別機遇的流程', rm, ['hkex:D.RM.b']),
      row('25(c)', 'Integration into overall risk management', '融入整體風險管理', rm, ['hkex:D.RM.c']),
    ]),
    ...defineProvisions({ ...base, section: 'Metrics and targets' }, [
      row(
        '29(a)(i)',
        'Absolute gross Scope 1, 2 and 3 GHG emissions (tCO2e)',
        '範圍1、2及3溫室氣體絕對總排放量（噸二氧化碳當量）',
        ['figure:ghg.scope1', 'figure:ghg.scope2.location', 'figure:ghg.scope3'],
        ['hkex:D.MT.GHG.a'],
      ),
      row(
        '29(a)(ii)',
        'Measured per the GHG Protocol Corporate Standard (2004)',
        '按《溫室氣體核算體系企業標準》(2004)計量',
        ['section:climate-metrics-targets|section:emissions'],
        ['hkex:D.MT.GHG.b'],
      ),
      row(
        '29(a)(iii)',
        'Measurement approach, inputs and assumptions',
        '計量方法、輸入數據及假設',
        ['section:climate-metrics-targets|section:emissions'],
        ['hkex:D.MT.GHG.c'],
      ),
      row(
        '29(a)(iv)',
        'Scope 1 and 2 split: consolidated group and other investees',
        '範圍1及2按綜合集團與其他被投資方劃分',
        ['figure:ghg.scope1', 'figure:ghg.scope2.location'],
      ),
      row(
        '29(a)(v)',
        'Location-based Scope 2 and contractual instruments',
        '以地域為基準的範圍2及合約文書資訊',
        ['figure:ghg.scope2.location'],
        ['hkex:D.MT.GHG.d'],
      ),
      row(
        '29(a)(vi)',
        'Scope 3 categories included',
        '範圍3所包含類別',
        ['figure:ghg.scope3[category]'],
        ['hkex:D.MT.GHG.e'],
      ),
      row(
        '29(b)',
        'Assets or activities vulnerable to transition risks (amount and %)',
        '易受轉型風險影響的資產或業務活動（金額及百分比）',
        ['figure:climate.assets-transition-risk'],
        ['hkex:D.MT.CRO.a'],
      ),
      row(
        '29(c)',
        'Assets or activities vulnerable to physical risks (amount and %)',
        '易受物理風險影響的資產或業務活動（金額及百分比）',
        ['figure:climate.assets-physical-risk'],
        ['hkex:D.MT.CRO.a'],
      ),
      row(
        '29(d)',
        'Assets or activities aligned with opportunities (amount and %)',
        '涉及氣候相關機遇的資產或業務活動（金額及百分比）',
        ['figure:climate.assets-opportunity'],
        ['hkex:D.MT.CRO.b'],
      ),
      row(
        '29(e)',
        'Capital deployed towards climate-related risks and opportunities',
        '用於氣候相關風險和機遇的資本',
        ['figure:climate.capex'],
        ['hkex:D.MT.CAP.a'],
      ),
      row(
        '29(f)',
        'Internal carbon price: how applied and price per tonne',
        '內部碳定價：應用方式及每噸價格',
        ['figure:climate.internal-carbon-price'],
        ['hkex:D.MT.CAP.b'],
      ),
      row(
        '29(g)(i)',
        'How climate is factored into executive remuneration',
        '氣候因素如何納入高管薪酬',
        gov,
        ['hkex:D.MT.CAP.c'],
      ),
      row(
        '29(g)(ii)',
        'Share of executive remuneration linked to climate (%)',
        '與氣候相關的高管薪酬百分比',
        ['figure:climate.remuneration-share'],
      ),
      row(
        '32',
        'Industry-based metrics',
        '行業指標',
        ['section:climate-metrics-targets'],
        ['hkex:D.MT.CAP.d'],
      ),
      row('33', 'Climate-related targets set or required by law', '所設定或法規要求的氣候相關目標', tgt, [
        'hkex:D.MT.TGT.a',
      ]),
      row('34', 'Approach to setting, reviewing and monitoring targets', '設定、審核及監察目標的方法', tgt, [
        'hkex:D.MT.TGT.b',
      ]),
      row('35', 'Performance against each target', '各項目標的績效', tgt, ['hkex:D.MT.TGT.c']),
      row(
        '36',
        'GHG targets: gases, scopes, gross or net, sector approach, carbon credits',
        '溫室氣體目標：氣體、範圍、總量或淨額、行業方法、碳信用',
        tgt,
        ['hkex:D.MT.TGT.d'],
      ),
    ]),
  ],
};
