/** registers.yaml's supplier, hazard and project rows: ids once per register, every row's rules (validate-register-rows.ts). */
import type { Registers } from '../model/registers.js';
import type { BundleIssue } from './raw.js';
import {
  type RowIssue,
  type RowRulesContext,
  validateHazard,
  validateProject,
  validateSupplier,
} from './validate-register-rows.js';

export function checkRegisterRows(
  r: Registers,
  ctx: RowRulesContext,
  file: string,
  issues: BundleIssue[],
): void {
  const each = <T extends { id: string }>(
    name: string,
    rows: readonly T[] | undefined,
    rule: (t: T) => RowIssue[],
  ) => {
    const seen = new Set<string>();
    for (const row of rows ?? []) {
      if (seen.has(row.id))
        issues.push({ file, column: `${name}.${row.id}.id`, reason: `a second row "${row.id}"` });
      seen.add(row.id);
      for (const i of rule(row))
        issues.push({ file, column: `${name}.${row.id}.${i.field}`, reason: i.reason });
    }
  };
  each('suppliers', r.suppliers, (s) => validateSupplier(s, ctx));
  each('hazards', r.hazards, (h) => validateHazard(h, ctx));
  each('projects', r.projects, (p) => validateProject(p, ctx));
}
