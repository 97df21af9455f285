/**
 * Part of rule 9 (master data, the organisation's entities): an entity acquired or disposed of
 * during the reporting year is a structural change, and the base-year recalculation policy asks
 * for it to be weighed (methods/base-year.ts baseYearPrompts; GHG Protocol ch. 5). One warning
 * per such entity, naming it, its date and the policy, until the date or the policy changes;
 * the restatement itself is filed and approved through the collection cycle (docs/workflow.md).
 */
import { baseYearPrompts } from '../../methods/base-year.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import type { CheckRule } from '../rule.js';

export const baseYearPromptRule: CheckRule = { id: 'master-data', run };

function run(ctx: CheckContext): Finding[] {
  const year = ctx.bundle.reporting.current;
  return baseYearPrompts(ctx.bundle.organisation, year).map((p) => ({
    ruleId: 'master-data',
    code: `base-year-${p.kind}`,
    severity: 'warning',
    where: { entityId: p.entityId, periodId: year },
    actual: p.date,
    message: p.message,
  }));
}
