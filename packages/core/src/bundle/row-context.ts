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

export class RowChecker {
  readonly ok: boolean[] = [];
  constructor(
    private readonly file: string,
    private readonly row: TableRow,
    private readonly issues: BundleIssue[],
  ) {}

  get failed(): boolean {
    return this.ok.includes(false);
  }

  fail(column: string | undefined, reason: string): undefined {
    this.ok.push(false);
    this.issues.push(
      column === undefined
        ? { file: this.file, row: this.row.line, reason }
        : { file: this.file, row: this.row.line, column, reason },
    );
    return undefined;
  }

  cell(column: string): string {
    return this.row.cells[column] ?? '';
  }

  required(column: string): string | undefined {
    const v = this.cell(column);
    return v === '' ? this.fail(column, `"${column}" is empty`) : v;
  }

  entity(ctx: RowContext, column = 'entity'): string | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    if (ctx.organisation.entities.some((e) => e.id === v)) return v;
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
    const p = parsePeriod(v);
    if (!p) return this.fail(column, `"${v}" is not a period (use 2025, 2025-Q1 or 2025-01)`);
    const years = [ctx.reporting.current, ...ctx.reporting.prior];
    if (!years.includes(String(p.year)))
      return this.fail(column, `period ${v} is outside the reporting years ${years.join(', ')}`);
    return p;
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
