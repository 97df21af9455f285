/**
 * SASB Metals & Mining (EM-MM), version 2023-12, effective for periods from 1 Jan 2025
 * (VERIFIED). Codes and topics as recalled in domain-reference.md §6: UNVERIFIED; texts are
 * Assay paraphrases. SASB is voluntary in Hong Kong (HKEX Part D (d) encourages industry metrics).
 */
import type { Framework } from '../framework.js';
import { defineProvisions, row } from './define.js';

const env = ['section:emissions|section:water|section:waste'];

export const SASB_EM_MM: Framework = {
  id: 'sasb',
  version: '2023-12',
  title: { 'zh-Hant': 'SASB 金屬及採礦業準則', en: 'SASB Metals & Mining Standard' },
  source: 'domain-reference.md §6 (version VERIFIED; codes and topics UNVERIFIED; texts paraphrased)',
  schedules: { voluntary: [{ from: 2025, obligation: 'voluntary' }] },
  provisions: defineProvisions({ section: 'EM-MM', schedule: 'voluntary' }, [
    row(
      'EM-MM-110a.1',
      'Gross global Scope 1 emissions; share under emissions-limiting regulation',
      '全球範圍1總排放量；受排放限制法規覆蓋的比例',
      ['figure:ghg.scope1'],
      ['hkex:D.MT.GHG.a'],
    ),
    row(
      'EM-MM-110a.2',
      'Strategy and targets to manage Scope 1 emissions',
      '管理範圍1排放的策略及目標',
      ['section:climate-strategy', 'register:targets'],
      ['hkex:D.MT.TGT.a'],
    ),
    row(
      'EM-MM-120a.1',
      'Air emissions: CO, NOx, SOx, PM10, Hg, Pb, VOCs',
      '廢氣排放：一氧化碳、氮氧化物、硫氧化物、PM10、汞、鉛、揮發性有機物',
      ['figure:air.emissions'],
      ['hkex:A1.1'],
    ),
    row(
      'EM-MM-130a.1',
      'Energy consumed (GJ), share grid electricity, share renewable',
      '能源消耗（吉焦）、電網電力比例、可再生能源比例',
      ['figure:energy.total.gj|figure:energy.total', 'figure:energy.renewable.share'],
      ['hkex:A2.1'],
    ),
    row(
      'EM-MM-140a.1',
      'Water withdrawn and consumed; share in high water stress',
      '取水及耗水量；高水資源壓力地區比例',
      ['figure:water.total|figure:water.withdrawal'],
      ['hkex:A2.2'],
    ),
    row('EM-MM-140a.2', 'Incidents of non-compliance with water-quality permits', '違反水質許可的事件', [
      'figure:env.incidents',
    ]),
    row(
      'EM-MM-150a.4',
      'Non-mineral waste generated',
      '非礦物廢棄物產生量',
      ['figure:waste.non-hazardous.total|figure:waste.non-hazardous'],
      ['hkex:A1.4'],
    ),
    row('EM-MM-150a.5', 'Tailings produced', '尾礦產生量', []),
    row('EM-MM-150a.6', 'Waste rock generated', '廢石產生量', []),
    row(
      'EM-MM-150a.7',
      'Hazardous waste generated',
      '有害廢棄物產生量',
      ['figure:waste.hazardous.total|figure:waste.hazardous'],
      ['hkex:A1.3'],
    ),
    row('EM-MM-150a.8', 'Hazardous waste recycled', '有害廢棄物回收量', []),
    row(
      'EM-MM-150a.9',
      'Significant incidents with hazardous materials and waste',
      '涉及有害物料及廢棄物的重大事件',
      ['figure:env.incidents'],
    ),
    row(
      'EM-MM-150a.10',
      'Waste and hazardous materials policies for active and inactive operations',
      '營運中及停運場地的廢棄物及有害物料政策',
      ['section:waste'],
      ['hkex:A1.6'],
    ),
    row('EM-MM-160a.1', 'Environmental management policies for active sites', '營運場地的環境管理政策', env, [
      'hkex:A3.GD',
    ]),
    row('EM-MM-160a.2', 'Share of mine sites with acid rock drainage', '出現酸性岩石排水的礦場比例', []),
    row(
      'EM-MM-160a.3',
      'Reserves in or near protected areas or endangered-species habitat',
      '位於或鄰近保護區或瀕危物種棲息地的儲量',
      [],
    ),
    row('EM-MM-210a.1', 'Reserves in or near areas of conflict', '位於或鄰近衝突地區的儲量', []),
    row('EM-MM-210a.2', 'Reserves in or near Indigenous land', '位於或鄰近原住民土地的儲量', []),
    row(
      'EM-MM-210a.3',
      'Engagement processes and due diligence on human and Indigenous rights',
      '人權及原住民權利的參與流程及盡職調查',
      [],
    ),
    row(
      'EM-MM-210b.1',
      'Managing risks and opportunities of community rights and interests',
      '管理社區權益相關風險和機遇',
      ['section:community'],
      ['hkex:B8.GD'],
    ),
    row('EM-MM-210b.2', 'Number and duration of non-technical delays', '非技術性延誤的次數及時長', []),
    row('EM-MM-310a.1', 'Share of workforce under collective agreements', '受集體協議覆蓋的員工比例', []),
    row('EM-MM-310a.2', 'Strikes and lockouts', '罷工及停工', []),
    row(
      'EM-MM-320a.1',
      'Incidence and fatality rates, near misses, safety training hours',
      '事故率及死亡率、未遂事件、安全培訓時數',
      ['figure:safety.fatality-rate|figure:safety.fatalities', 'figure:safety.ltifr'],
      ['hkex:B2.1'],
    ),
    row(
      'EM-MM-510a.1',
      'Management system for preventing corruption and bribery',
      '防止貪污及賄賂的管理體系',
      ['section:anti-corruption'],
      ['hkex:B7.2'],
    ),
    row(
      'EM-MM-510a.2',
      'Production in the 20 lowest-ranked countries on the CPI',
      '在清廉指數排名最低20個國家的產量',
      [],
    ),
    row('EM-MM-540a.1', 'Tailings storage facility inventory', '尾礦庫清單', []),
    row('EM-MM-540a.2', 'Tailings management system and governance', '尾礦管理體系及管治', []),
    row(
      'EM-MM-540a.3',
      'Emergency preparedness and response plans for tailings facilities',
      '尾礦庫應急準備及響應計劃',
      [],
    ),
    row('EM-MM-000.A', 'Production of metal ores and finished metal products', '金屬礦石及金屬成品產量', [
      'figure:production.output',
    ]),
    row('EM-MM-000.B', 'Number of employees; share of contractors', '員工人數；承包商比例', [
      'figure:employees.total|figure:employees.headcount',
    ]),
  ]),
};
