/**
 * Scope 3 lines through their method (attribute `method`; scope3-methods.ts), each step a node:
 *   given:             E = amount (tCO2e, reported as given)
 *   supplier-specific: E = amount × the supplier's factor (on the line: `factor`, or the factor set's, keyed by `item`)
 *   average-data:      E = amount × cradle-to-gate factor (factor set, keyed by `item`)
 *   spend-based:       E = spend × deflator (when the price years differ) × EEIO factor (keyed by `sector`)
 *   distance-based:    E = t·km or passenger·km × mode factor (keyed by `mode`)
 *   waste-type:        E = mass × treatment-route factor (keyed by `route`)
 * Every result goes to ghg.scope3 by category, except a screening estimate (`screening=yes`),
 * which is computed the same way and read only by the screening (screening.ts); its data-quality
 * score (attribute `dq`) is noted on the line's emissions node.
 */
import { Decimal } from '../../decimal.js';
import { calcError } from '../../errors.js';
import type { ActivityLine } from '../../model/fact.js';
import { type ActivityContext, contribute, derive, labelKey, lineNode } from '../activity-context.js';
import type { Scope3Method } from './categories.js';
import { isScreeningLine, methodOf, parseLineFactor, scope3FactorQuery } from './scope3-factor.js';
import { SCOPE3_ATTRIBUTES as A } from './scope3-methods.js';

export function scope3Line(ctx: ActivityContext, line: ActivityLine): void {
  const category = line.subject;
  const amount = lineNode(ctx, line);
  const method = methodOf(line) as Scope3Method; // validated (scope3-rule.ts)
  if (method === 'given') {
    if (!isScreeningLine(line)) contribute(ctx, line, 'ghg.scope3', amount, { category });
    return;
  }
  const inputs = [amount, factorNode(ctx, line, method)];
  const deflator = line.attributes[A.deflator];
  if (method === 'spend-based' && deflator !== undefined) {
    const id = `act:${line.id}:deflator`;
    ctx.graph.add({
      kind: 'constant',
      id,
      label: `price-year deflator to the factor's prices (from ${line.attributes[A.priceYear] ?? '?'} prices, stated on the line)`,
      labelKey: labelKey('scope3-deflator', { from: line.attributes[A.priceYear] ?? '?' }),
      value: {
        kind: 'quantity',
        value: new Decimal(deflator),
        unit: { symbol: 'ratio', dims: {}, scale: new Decimal(1) },
      },
    });
    inputs.splice(1, 0, id);
  }
  const dq = line.attributes[A.quality];
  const assumption = line.attributes[A.assumption];
  const notes = [
    ...(dq === undefined ? [] : [`data quality ${dq} (1 best … 5 poorest)`]),
    ...(assumption === undefined ? [] : [`assumed: ${assumption}`]),
  ];
  const co2e = derive(
    ctx,
    `act:${line.id}:co2e`,
    `Scope 3 ${category} of ${line.id} (${method})`,
    { op: 'product', inputs, unit: 'tCO2e' },
    notes.length === 0 ? undefined : notes.join('; '),
    labelKey('scope3-line', { category, method }),
  );
  // A screening estimate stays beside the inventory: its node is read by screening.ts only.
  if (!isScreeningLine(line)) contribute(ctx, line, 'ghg.scope3', co2e, { category });
}

function factorNode(
  ctx: ActivityContext,
  line: ActivityLine,
  method: Exclude<Scope3Method, 'given'>,
): string {
  const onLine = method === 'supplier-specific' ? line.attributes[A.factor] : undefined;
  if (onLine !== undefined) {
    const id = `act:${line.id}:factor`;
    const f = parseLineFactor(onLine);
    // the supplier register's entry, when the line names one it holds (validated: scope3-rule.ts)
    const supplier = ctx.suppliers?.get(line.attributes[A.supplier] ?? '');
    const named = supplier
      ? `; ${supplier.name.en}, credit code ${supplier.creditCode}, supplier register`
      : '';
    ctx.graph.add(
      f.ok
        ? {
            kind: 'constant',
            id,
            label: `supplier's factor for ${line.id} (stated on the line${named})`,
            labelKey: labelKey('scope3-supplier-factor', supplier ? { zh: supplier.name['zh-Hant'] } : {}),
            value: f.value,
          }
        : {
            kind: 'invalid',
            id,
            label: `supplier's factor for ${line.id}`,
            value: calcError('invalid-formula', f.reason, id),
          },
    );
    return id;
  }
  const query = scope3FactorQuery(method, line.subject, line.attributes, ctx.methods.scope3);
  if (query !== undefined) return ctx.factors.node(query);
  const id = `act:${line.id}:factor`;
  ctx.graph.add({
    kind: 'invalid',
    id,
    label: `factor for ${line.id}`,
    value: calcError('factor-not-found', `the ${method} line ${line.id} names no factor`, id),
  });
  return id;
}
