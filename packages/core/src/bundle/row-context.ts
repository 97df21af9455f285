/** What row validation needs to know, and the field checks shared by every table. */
import { type Decimal, parseDecimal } from '../decimal.js';
import type { ActivityLine } from '../model/fact.js';
import type { Indicator } from '../model/indicator.js';
import type { Organisation } from '../model/organisation.js';
import { type Period, parsePeriod, type ReportingYear } from '../model/period.js';
import { parseUnit, type Unit } from '../units/unit.js';
import type { BundleIssue } from './raw.js';
import type { TableRow } from './table-rows.js';

export type RowContext = {
  readonly organisation: Organisation;
  readonly reporting: ReportingYear;
  readonly catalogue: ReadonlyMap<string, Indicator>;
  /** A rule from above the bundle layer: what a line's method needs of it (validate/ passes it in). */
  readonly checkActivityLine?: ActivityLineCheck;
};

/** Problems of one loaded activity line, each naming its column (e.g. 'unit', 'attributes'). */
export type ActivityLineCheck = (
  line: ActivityLine,
) => readonly { readonly field: string; readonly message: string }[];

/**
 * The organisation's entity ids, once per organisation: every row names an entity, and a scan
 * of 2,000 entities per row made loading 2.4 million data points quadratic. Each id maps to the
 * organisation's own string, which the loaded fact keeps: a row's text (a fresh string per row
 * from a file or the database) is not kept millions of times.
 */
const ENTITY_IDS = new WeakMap<Organisation, ReadonlyMap<string, string>>();
function entityIdsOf(org: Organisation): ReadonlyMap<string, string> {
  let ids = ENTITY_IDS.get(org);
  if (ids === undefined) {
    ids = new Map(org.entities.map((e) => [e.id, e.id]));
    ENTITY_IDS.set(org, ids);
  }
  return ids;
}

/**
 * A period id read against the reporting years: the Period, or why not. Remembered per reporting
 * year object and id (a table names a few periods millions of times); Periods are not changed.
 */
const PERIODS = new WeakMap<ReportingYear, Map<string, Period | string>>();
const MAX_PERIODS = 10_000;
function periodIn(reporting: ReportingYear, v: string): Period | string {
  let known = PERIODS.get(reporting);
  if (known === undefined) {
    known = new Map();
    PERIODS.set(reporting, known);
  }
  let r = known.get(v);
  if (r === undefined) {
    const p = parsePeriod(v);
    const years = [reporting.current, ...reporting.prior];
    r = !p
      ? `"${v}" is not a period (use 2025, 2025-Q1 or 2025-01)`
      : years.includes(String(p.year))
        ? p
        : `period ${v} is outside the reporting years ${years.join(', ')}`;
    if (known.size >= MAX_PERIODS) known.clear(); // bounded: arbitrary input cannot grow it
    known.set(v, r);
  }
  return r;
}

export class RowChecker {
  /** Some check of this row failed (and pushed its issue). */
  failed = false;
  constructor(
    private readonly file: string,
    private readonly row: TableRow,
    private readonly issues: BundleIssue[],
  ) {}

  fail(column: string | undefined, reason: string): undefined {
    this.failed = true;
    this.issues.push(
      column === undefined
        ? { file: this.file, row: this.row.line, reason }
        : { file: this.file, row: this.row.line, column, reason },
    );
    return undefined;
  }

  cell(column: string): string {
    return this.row.cell(column);
  }

  required(column: string): string | undefined {
    const v = this.cell(column);
    return v === '' ? this.fail(column, `"${column}" is empty`) : v;
  }

  entity(ctx: RowContext, column = 'entity'): string | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    const id = entityIdsOf(ctx.organisation).get(v);
    if (id !== undefined) return id;
    const byAlias = ctx.organisation.entities.find(
      (e) => e.aliases.includes(v) || e.name['zh-Hant'] === v || e.name.en === v,
    );
    return this.fail(
      column,
      byAlias ? `use the entity id "${byAlias.id}" instead of the name "${v}"` : `unknown entity "${v}"`,
    );
  }

  period(ctx: RowContext, column = 'period'): Period | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    const p = periodIn(ctx.reporting, v);
    return typeof p === 'string' ? this.fail(column, p) : p;
  }

  decimal(column: string): Decimal | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    const d = parseDecimal(v);
    return d.ok ? d.value : this.fail(column, d.reason);
  }

  unit(column: string): Unit | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    const u = parseUnit(v);
    return u.ok ? u.unit : this.fail(column, u.reason);
  }
}
