/**
 * Process emissions, and lines recorded without a figure.
 * Carbonates and oxalic acid: E = AD (t) × stoichiometric EF (tCO2/t pure mineral) × purity
 *   (attribute `purity`, a fraction; 1 when absent).
 * Scope 3 lines go through their method in scope3/scope3-line.ts.
 */
import { Decimal } from '../decimal.js';
import { processEfQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import { type ActivityContext, contribute, derive, labelKey, lineNode } from './activity-context.js';

export function processLine(ctx: ActivityContext, line: ActivityLine): void {
  const amount = lineNode(ctx, line);
  const inputs = [amount, ctx.factors.node(processEfQuery(line.subject))];
  const purity = line.attributes.purity;
  if (purity !== undefined) {
    const id = `act:${line.id}:purity`;
    ctx.graph.add({
      kind: 'constant',
      id,
      label: `purity of ${line.subject}`,
      labelKey: labelKey('purity', { mineral: line.subject }),
      value: {
        kind: 'quantity',
        value: new Decimal(purity),
        unit: { symbol: 'ratio', dims: {}, scale: new Decimal(1) },
      },
    });
    inputs.push(id);
  }
  const co2 = derive(
    ctx,
    `act:${line.id}:co2`,
    `process CO2 of ${line.subject}`,
    { op: 'product', inputs, unit: 'tCO2e' },
    undefined,
    labelKey('process-co2', { mineral: line.subject }),
  );
  contribute(ctx, line, 'ghg.scope1.process', co2);
}

/** Recorded as facts (visible and traceable) but not added to any figure; see docs/methods.md. */
export function recordOnly(ctx: ActivityContext, line: ActivityLine): void {
  lineNode(ctx, line);
}
