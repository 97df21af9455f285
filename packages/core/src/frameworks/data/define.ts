/** Helpers for writing framework data compactly: one call per provision. */
import { type RequirementSpec, requirement } from '../evidence.js';
import type { Provision, TextStatus } from '../framework.js';

export type Row = {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
  readonly reqs: readonly RequirementSpec[];
  readonly related?: readonly string[];
  readonly schedule?: string;
};

export type Defaults = {
  readonly section: string;
  readonly schedule: string;
  readonly status?: TextStatus;
  readonly label?: (code: string) => string;
};

export function defineProvisions(d: Defaults, rows: readonly Row[]): Provision[] {
  const status = d.status ?? 'UNVERIFIED';
  return rows.map((r) => {
    const p: Provision = {
      code: r.code,
      label: d.label ? d.label(r.code) : r.code,
      section: d.section,
      text: { 'zh-Hant': r.zh, en: r.en },
      textStatus: { 'zh-Hant': status, en: status },
      schedule: r.schedule ?? d.schedule,
      requirements: r.reqs.map(requirement),
    };
    return r.related ? { ...p, related: r.related } : p;
  });
}

/** Shorthand for a row. */
export const row = (
  code: string,
  en: string,
  zh: string,
  reqs: readonly RequirementSpec[],
  related?: readonly string[],
): Row => (related ? { code, en, zh, reqs, related } : { code, en, zh, reqs });
