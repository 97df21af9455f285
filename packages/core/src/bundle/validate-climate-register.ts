/**
 * The rules of the climate register (issue #18; docs/registers.md "Climate risks and
 * opportunities"): a risk or opportunity, a level of the company's scales, a site's hazard
 * score; and of the supply-chain practice texts (HKEX B5.2–B5.4). Every problem named by its field, all at once; the same functions serve
 * registers.yaml, the API's writes (422 naming the field) and the XLSX import. A row that refers
 * to the scales (likelihood, impact, a hazard score) is checked against the scales as they are.
 */
import { parseDecimal } from '../decimal.js';
import {
  CLIMATE_HORIZONS,
  CLIMATE_RISK_KINDS,
  CLIMATE_SCALE_AXES,
  type ClimateScaleLevel,
  type HazardScreening,
  PHYSICAL_HAZARDS,
} from '../model/climate-register.js';
import type { ClimateRisk, Registers } from '../model/registers.js';
import { SUPPLIER_PRACTICE_PROVISIONS, type SupplierPractice } from '../model/supplier-practices.js';
import type { LocalisedText } from '../model/text.js';
import type { BundleIssue } from './raw.js';
import { checkEntity, checkId, checkOneOf, checkText, type SiteRowIssue } from './validate-site-registers.js';

export type ClimateRulesContext = {
  readonly entityIds: ReadonlySet<string>;
  /** The scales as they stand (registers.climateScales). */
  readonly scales: readonly ClimateScaleLevel[];
};

type Bad = (field: string, reason: string) => void;
const REF = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const CURRENCY = /^[A-Z]{3}$/;

function localised(field: string, t: LocalisedText | undefined, bad: Bad): void {
  checkText(`${field}.en`, t?.en, bad);
  checkText(`${field}.zh-Hant`, t?.['zh-Hant'], bad);
}

function levelRef(field: string, id: string | undefined, axis: string, ctx: ClimateRulesContext, bad: Bad) {
  if (id === undefined) return;
  const levels = ctx.scales.filter((s) => s.axis === axis);
  if (levels.length === 0) bad(field, `no ${axis} scale is defined; add its levels first`);
  else if (!levels.some((s) => s.id === id))
    bad(field, `"${id}" is not a ${axis} level (${levels.map((s) => s.id).join(', ')})`);
}

const isPhysical = (kind: string) => kind.startsWith('physical-');

export function validateClimateRisk(r: ClimateRisk, ctx: ClimateRulesContext): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(r.id, bad);
  checkOneOf('kind', r.kind, CLIMATE_RISK_KINDS, bad);
  localised('name', r.name, bad);
  localised('description', r.description, bad);
  checkOneOf('horizon', r.horizon, CLIMATE_HORIZONS, bad);
  localised('financialEffect', r.financialEffect, bad);
  localised('response', r.response, bad);
  levelRef('likelihood', r.likelihood, 'likelihood', ctx, bad);
  levelRef('impact', r.impact, 'impact', ctx, bad);
  const seen = new Set<string>();
  for (const e of r.entityIds ?? []) {
    checkEntity('entityIds', e, ctx, bad);
    if (seen.has(e)) bad('entityIds', `"${e}" is named twice`);
    seen.add(e);
  }
  if (r.hazard !== undefined) {
    checkOneOf('hazard', r.hazard, PHYSICAL_HAZARDS, bad);
    if (!isPhysical(r.kind)) bad('hazard', `only a physical risk names a hazard (this one is ${r.kind})`);
  }
  const a = r.financialAmount;
  if (a !== undefined) {
    const d = parseDecimal(a.value);
    if (!d.ok) bad('financialAmount.value', d.reason);
    if (!CURRENCY.test(a.currency))
      bad('financialAmount.currency', `"${a.currency}" is not a currency code (three capitals: CNY, HKD)`);
    if (a.basis !== undefined) localised('financialAmount.basis', a.basis, bad);
  }
  for (const s of r.scenarios ?? [])
    if (!REF.test(s)) bad('scenarios', `"${s}" is not a scenario reference (lower-case id, e.g. ssp2-4.5)`);
  checkText('owner', r.owner, bad, false);
  checkText('source', r.source, bad, false);
  return issues;
}

const isCount = (n: number | undefined, min: number) => n !== undefined && Number.isInteger(n) && n >= min;

export function validateClimateScale(s: ClimateScaleLevel): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(s.id, bad);
  checkOneOf('axis', s.axis, CLIMATE_SCALE_AXES, bad);
  localised('name', s.name, bad);
  if (s.description !== undefined) localised('description', s.description, bad);
  if (s.axis === 'horizon') {
    checkOneOf('id', s.id, CLIMATE_HORIZONS, bad);
    if (!isCount(s.fromYears, 0)) bad('fromYears', 'a horizon starts at a whole number of years ≥ 0');
    if (s.toYears === undefined) {
      if (s.id !== 'long') bad('toYears', 'only the long term may be open-ended');
    } else if (!isCount(s.toYears, 1)) bad('toYears', 'a horizon ends at a whole number of years ≥ 1');
    else if (s.fromYears !== undefined && s.toYears <= s.fromYears)
      bad('toYears', `${s.toYears} is not after ${s.fromYears}`);
    if (s.rank !== undefined) bad('rank', 'horizons are ordered by their years, not a rank');
  } else {
    if (!isCount(s.rank, 1)) bad('rank', 'a level has a whole-number rank ≥ 1 (1 the lowest)');
    if (s.fromYears !== undefined || s.toYears !== undefined) bad('fromYears', 'only a horizon has years');
  }
  if (s.needsRisk !== undefined && s.axis !== 'hazard-score')
    bad('needsRisk', 'only a hazard-score level calls for a register row');
  return issues;
}

export function validateHazardScreening(h: HazardScreening, ctx: ClimateRulesContext): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(h.id, bad);
  checkEntity('entityId', h.entityId, ctx, bad);
  checkOneOf('hazard', h.hazard, PHYSICAL_HAZARDS, bad);
  const levels = ctx.scales.filter((s) => s.axis === 'hazard-score');
  if (levels.length === 0) bad('score', 'no hazard-score scale is defined; add its levels first');
  else if (!levels.some((s) => s.rank === h.score))
    bad(
      'score',
      `${h.score} is not a rank of the hazard-score scale (${levels.map((s) => s.rank).join(', ')})`,
    );
  if (h.scenario !== undefined && !REF.test(h.scenario))
    bad('scenario', `"${h.scenario}" is not a scenario reference (lower-case id)`);
  checkText('source', h.source, bad, false);
  return issues;
}

/** A B5.2–B5.4 practice text (model/supplier-practices.ts); a KPI may have several, printed in order. */
export function validateSupplierPractice(p: SupplierPractice): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(p.id, bad);
  checkOneOf('provision', p.provision, SUPPLIER_PRACTICE_PROVISIONS, bad);
  localised('text', p.text, bad);
  checkText('source', p.source, bad, false);
  return issues;
}

/** Rules across the scale rows: one rank per axis, horizons in order without overlap. */
export function scaleSetIssues(scales: readonly ClimateScaleLevel[]): { id: string; issue: SiteRowIssue }[] {
  const out: { id: string; issue: SiteRowIssue }[] = [];
  const ranks = new Map<string, string>();
  for (const s of scales)
    if (s.axis !== 'horizon' && s.rank !== undefined) {
      const key = `${s.axis}/${s.rank}`;
      const other = ranks.get(key);
      if (other !== undefined)
        out.push({
          id: s.id,
          issue: { field: 'rank', reason: `${s.axis} rank ${s.rank} is also "${other}"` },
        });
      else ranks.set(key, s.id);
    }
  const horizons = CLIMATE_HORIZONS.map((h) => scales.find((s) => s.axis === 'horizon' && s.id === h));
  for (let k = 1; k < horizons.length; k++) {
    const prev = horizons[k - 1];
    const cur = horizons[k];
    if (prev?.toYears !== undefined && cur?.fromYears !== undefined && cur.fromYears < prev.toYears)
      out.push({
        id: cur.id,
        issue: {
          field: 'fromYears',
          reason: `starts at ${cur.fromYears}, before ${prev.id} ends (${prev.toYears})`,
        },
      });
  }
  return out;
}

/** Issues of a whole set of screening rows: one score per site, hazard and scenario. */
export function screeningSetIssues(rows: readonly HazardScreening[]): { id: string; issue: SiteRowIssue }[] {
  const out: { id: string; issue: SiteRowIssue }[] = [];
  const seen = new Map<string, string>();
  for (const h of rows) {
    const key = `${h.entityId}/${h.hazard}/${h.scenario ?? ''}`;
    const other = seen.get(key);
    if (other !== undefined)
      out.push({
        id: h.id,
        issue: { field: 'hazard', reason: `${h.hazard} at ${h.entityId} is already scored in "${other}"` },
      });
    else seen.set(key, h.id);
  }
  return out;
}

/**
 * registers.yaml's climate risks, scales and screening: each row's rules and ids once, as issues
 * `climateRisks.<id>.<field>`, `climateScales.<id>.<field>`, `hazardScreening.<id>.<field>`.
 */
export function checkClimateRegister(
  registers: Registers,
  ctx: { entityIds: ReadonlySet<string> },
  file: string,
  issues: BundleIssue[],
): void {
  const scales = registers.climateScales ?? [];
  const rules: ClimateRulesContext = { entityIds: ctx.entityIds, scales };
  const screening = registers.hazardScreening ?? [];
  const lists: [string, readonly { id: string }[], (r: never) => SiteRowIssue[]][] = [
    ['climateRisks', registers.climateRisks, (r) => validateClimateRisk(r, rules)],
    ['climateScales', scales, (r) => validateClimateScale(r)],
    ['hazardScreening', screening, (r) => validateHazardScreening(r, rules)],
    ['supplierPractices', registers.supplierPractices ?? [], (r) => validateSupplierPractice(r)],
  ];
  for (const [name, list, check] of lists) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.id))
        issues.push({ file, column: `${name}.${r.id}.id`, reason: `a second row "${r.id}"` });
      seen.add(r.id);
      for (const i of check(r as never))
        issues.push({ file, column: `${name}.${r.id}.${i.field}`, reason: i.reason });
    }
  }
  for (const x of scaleSetIssues(scales))
    issues.push({ file, column: `climateScales.${x.id}.${x.issue.field}`, reason: x.issue.reason });
  for (const x of screeningSetIssues(screening))
    issues.push({ file, column: `hazardScreening.${x.id}.${x.issue.field}`, reason: x.issue.reason });
}
