/**
 * HKEX Main Board Listing Rules Appendix C2, ESG Reporting Code (FY commencing on or after
 * 1 Jan 2025). Texts and statuses: hkex-c2-2025.json (converted from the shared reference
 * file; see its _meta). Obligations: domain-reference.md §1.3.
 */
import { requirement } from '../evidence.js';
import type { Framework, Provision, TextStatus } from '../framework.js';
import data from './hkex-c2-2025.json' with { type: 'json' };
import { HKEX_CROSSWALK } from './hkex-crosswalk.js';

type Row = (typeof data.provisions)[number] & { deprecated?: { since: string; note: string } };

export const HKEX_SCHEDULES = {
  mandatory: [{ from: 2025, obligation: 'mandatory' }],
  'comply-or-explain': [{ from: 2025, obligation: 'comply-or-explain' }],
  // Part D other than Scope 1/2: GEM voluntary; LargeCap mandatory from FY2026 (CORROBORATED);
  // everyone else (Main Board, LargeCap in FY2025) comply-or-explain.
  'part-d': [
    { from: 2025, issuerTypes: ['gem'], obligation: 'voluntary' },
    { from: 2026, issuerTypes: ['largecap'], obligation: 'mandatory' },
    { from: 2025, obligation: 'comply-or-explain' },
  ],
  // Scope 1 and Scope 2 (and how they are measured): mandatory for all issuers (VERIFIED).
  scope12: [{ from: 2025, obligation: 'mandatory' }],
  encouraged: [{ from: 2025, obligation: 'encouraged' }],
  withdrawn: [{ from: 2025, obligation: 'withdrawn' }],
} as const satisfies Framework['schedules'];

function provision(row: Row): Provision {
  const p: Provision = {
    code: row.code,
    label: row.label,
    section: row.section,
    text: row.text,
    textStatus: row.textStatus as Provision['textStatus'] & Record<string, TextStatus>,
    schedule: row.schedule,
    requirements: (HKEX_CROSSWALK[row.code] ?? []).map(requirement),
  };
  return row.deprecated ? { ...p, deprecated: row.deprecated } : p;
}

export const HKEX_C2_2025: Framework = {
  id: 'hkex',
  version: data._meta.version,
  title: { 'zh-Hant': '香港聯交所《環境、社會及管治報告守則》(2025)', en: data._meta.title },
  citedAs: {
    'zh-Hant': '《環境、社會及管治守則》',
    en: 'Environmental, Social and Governance Code',
  },
  years: { from: 2025 },
  source: `${data._meta.source}. ${data._meta.verification}`,
  schedules: HKEX_SCHEDULES,
  provisions: (data.provisions as Row[]).map(provision),
};
