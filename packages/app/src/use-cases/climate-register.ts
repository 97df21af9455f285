/**
 * The climate register (issue #18; IFRS S2 §10, HKEX C2 Part D; docs/registers.md "Climate
 * risks and opportunities"): risks and opportunities, the company's scales (horizons in years,
 * likelihood, impact, hazard scores), the per-site hazard screening, and the HKEX B5.2–B5.4
 * practice texts kept beside the supplier register. Rows are written by the site registers'
 * paths (site-registers.ts writeSiteRow / retractSiteRow / siteRowHistory: versions, 412 when
 * stale, audit); this file holds their rules against the registers as they stand and the lists.
 * A change to a scale is refused when it would leave a risk or a screening score pointing at a
 * level that no longer fits (the rows it would break are named).
 */
import {
  type ClimateRisk,
  type ClimateRulesContext,
  type ClimateScaleLevel,
  type HazardScreening,
  type Registers,
  type ScreeningGap,
  type SiteRowIssue,
  type SupplierPractice,
  scaleSetIssues,
  screeningGaps,
  screeningSetIssues,
  screeningThreshold,
  validateClimateRisk,
  validateClimateScale,
  validateHazardScreening,
  validateSupplierPractice,
} from '@assay/core';
import { type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';

export const CLIMATE_REGISTERS = [
  'climateRisks',
  'climateScales',
  'hazardScreening',
  'supplierPractices',
] as const;
export type ClimateRegister = (typeof CLIMATE_REGISTERS)[number];
export type RowOfClimate<K extends ClimateRegister> = K extends 'climateRisks'
  ? ClimateRisk
  : K extends 'climateScales'
    ? ClimateScaleLevel
    : K extends 'hazardScreening'
      ? HazardScreening
      : SupplierPractice;

export const isClimateRegister = (r: string): r is ClimateRegister =>
  (CLIMATE_REGISTERS as readonly string[]).includes(r);

export const CLIMATE_NOUN: Record<ClimateRegister, string> = {
  climateRisks: 'climate risk',
  climateScales: 'climate scale level',
  hazardScreening: 'hazard screening score',
  supplierPractices: 'supplier practice',
};

const rulesOf = (
  r: Registers,
  entityIds: ReadonlySet<string>,
  scales = r.climateScales ?? [],
): ClimateRulesContext => ({
  entityIds,
  scales,
});
const replaced = <T extends { id: string }>(rows: readonly T[], row: T): T[] =>
  rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [...rows, row];
const ofRow = (id: string, xs: { id: string; issue: SiteRowIssue }[]) =>
  xs.filter((x) => x.id === id).map((x) => x.issue);

/** The rows that break under `scales` and did not before, as issues on the scale row. */
function brokenBy(
  r: Registers,
  entityIds: ReadonlySet<string>,
  scales: readonly ClimateScaleLevel[],
): SiteRowIssue[] {
  const before = rulesOf(r, entityIds);
  const after = rulesOf(r, entityIds, scales);
  const broken = [
    ...r.climateRisks
      .filter((x) => validateClimateRisk(x, after).length > validateClimateRisk(x, before).length)
      .map((x) => `climate risk "${x.id}"`),
    ...(r.hazardScreening ?? [])
      .filter((x) => validateHazardScreening(x, after).length > validateHazardScreening(x, before).length)
      .map((x) => `screening score "${x.id}"`),
  ];
  return broken.length === 0
    ? []
    : [{ field: 'id', reason: `the change would leave ${broken.join(', ')} without its level` }];
}

/** Every problem of `row` written into `register` as the registers stand now. */
export function climateRowIssues<K extends ClimateRegister>(
  ws: Workspace,
  register: K,
  row: RowOfClimate<K>,
): SiteRowIssue[] {
  const b = ws.snapshot().bundle;
  const r = b.registers;
  const entityIds = new Set(b.organisation.entities.map((e) => e.id));
  switch (register) {
    case 'climateRisks':
      return validateClimateRisk(row as ClimateRisk, rulesOf(r, entityIds));
    case 'hazardScreening': {
      const h = row as HazardScreening;
      return [
        ...validateHazardScreening(h, rulesOf(r, entityIds)),
        ...ofRow(h.id, screeningSetIssues(replaced(r.hazardScreening ?? [], h))),
      ];
    }
    case 'climateScales': {
      const s = row as ClimateScaleLevel;
      const own = validateClimateScale(s);
      if (own.length > 0) return own;
      const scales = replaced(r.climateScales ?? [], s);
      return [...ofRow(s.id, scaleSetIssues(scales)), ...brokenBy(r, entityIds, scales)];
    }
    default:
      return validateSupplierPractice(row as SupplierPractice);
  }
}

/** Why retracting a row would break others (a scale level still in use), or undefined. */
export function climateRetractIssue(
  ws: Workspace,
  register: ClimateRegister,
  id: string,
): string | undefined {
  if (register !== 'climateScales') return undefined;
  const b = ws.snapshot().bundle;
  const scales = (b.registers.climateScales ?? []).filter((s) => s.id !== id);
  const issue = brokenBy(b.registers, new Set(b.organisation.entities.map((e) => e.id)), scales)[0];
  return issue?.reason;
}

export type ClimateFilter = {
  readonly entityId?: string;
  readonly kind?: string;
  readonly horizon?: string;
  readonly hazard?: string;
  readonly axis?: string;
  readonly provision?: string;
};

export type ClimateList<K extends ClimateRegister> = {
  readonly register: K;
  readonly rows: { row: RowOfClimate<K>; version: number }[];
  /** Screening scores at or above the threshold with no physical risk for their site. */
  readonly gaps: readonly ScreeningGap[];
  readonly threshold: number | null;
};

function keep(register: ClimateRegister, row: object, f: ClimateFilter): boolean {
  const x = row as Partial<ClimateRisk & HazardScreening & ClimateScaleLevel>;
  if (f.kind !== undefined && x.kind !== f.kind) return false;
  if (f.horizon !== undefined && x.horizon !== f.horizon) return false;
  if (f.hazard !== undefined && x.hazard !== f.hazard) return false;
  if (f.axis !== undefined && x.axis !== f.axis) return false;
  if (f.provision !== undefined && (row as { provision?: string }).provision !== f.provision) return false;
  if (f.entityId === undefined) return true;
  if (register === 'climateRisks') return (x.entityIds ?? []).includes(f.entityId);
  return x.entityId === f.entityId;
}

export async function listClimateRegister<K extends ClimateRegister>(i: {
  ws: Workspace;
  register: K;
  filter?: ClimateFilter;
}): Promise<Result<ClimateList<K>>> {
  const versions = await i.ws.registerRowVersions(i.register);
  const r = i.ws.snapshot().bundle.registers;
  const rows = ((r[i.register] ?? []) as readonly RowOfClimate<K>[])
    .filter((row) => keep(i.register, row, i.filter ?? {}))
    .map((row) => ({ row, version: versions.get(row.id) ?? 1 }));
  return success({
    register: i.register,
    rows,
    gaps: screeningGaps(r),
    threshold: screeningThreshold(r.climateScales ?? []) ?? null,
  });
}

/**
 * Problems of a whole workbook of rows once merged into the register (rows replace those of
 * their ids, others are added): a second score for a site and hazard, overlapping horizons or
 * ranks given twice, a scale change that leaves a risk without its level.
 */
export function climateImportIssues(
  ws: Workspace,
  register: ClimateRegister,
  rows: readonly { id: string }[],
): { id: string; issue: SiteRowIssue }[] {
  const b = ws.snapshot().bundle;
  const r = b.registers;
  const merged = <T extends { id: string }>(old: readonly T[]) =>
    rows.reduce<T[]>((acc, x) => replaced(acc, x as T), [...old]);
  switch (register) {
    case 'hazardScreening':
      return screeningSetIssues(merged(r.hazardScreening ?? []));
    case 'climateScales': {
      const scales = merged(r.climateScales ?? []);
      const broken = brokenBy(r, new Set(b.organisation.entities.map((e) => e.id)), scales);
      return [...scaleSetIssues(scales), ...broken.map((issue) => ({ id: rows[0]?.id ?? '', issue }))];
    }
    default:
      return [];
  }
}
