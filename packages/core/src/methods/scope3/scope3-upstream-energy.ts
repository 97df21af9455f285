/**
 * Scope 3 category 3 (fuel- and energy-related activities) computed from the Scope 1 and 2 lines
 * already entered, so nothing is typed twice. Only when assay.yaml chooses a factor set for
 * cat-3 (methods.scope3.factorSets), and only for the fuels and electricity that set has factors
 * for; nothing is estimated where it has none.
 *   fuel line:                   E = amount (energy GJ, or mass/volume as the factor is per) × well-to-tank factor
 *                                (kind "scope3-wtt", keys fuel=<the line's fuel>)
 *   purchased-electricity line:  E = MWh × upstream factor (kind "scope3-electricity-upstream")
 *                                  + MWh × transmission-and-distribution-loss factor (kind "scope3-td-loss")
 * Each is its own node beside the line's Scope 1 or 2 nodes, contributing to ghg.scope3 [cat-3].
 */
import type { ActivityLine } from '../../model/fact.js';
import { dimensionKey } from '../../units/dimension.js';
import { parseUnit } from '../../units/unit.js';
import { type ActivityContext, contribute, derive, labelKey } from '../activity-context.js';
import { perDimension } from './scope3-factor.js';

const CATEGORY = 'cat-3';

export function upstreamEnergy(ctx: ActivityContext, lines: readonly ActivityLine[]): void {
  const set = ctx.methods.scope3?.factorSets[CATEGORY];
  if (set === undefined) return;
  for (const line of lines) {
    if (line.activity === 'fuel') wellToTank(ctx, line, set);
    if (line.activity === 'electricity-purchased') {
      upstream(
        ctx,
        line,
        set,
        'scope3-electricity-upstream',
        'upstream',
        'upstream of purchased electricity',
      );
      upstream(ctx, line, set, 'scope3-td-loss', 'td-loss', 'transmission and distribution losses');
    }
  }
}

function wellToTank(ctx: ActivityContext, line: ActivityLine, set: string): void {
  const hit = ctx.factors.find({
    kind: 'scope3-wtt',
    method: set,
    keys: { fuel: line.subject },
    label: `well-to-tank of ${line.subject} in ${set}`,
  });
  if (!hit) return;
  const unit = parseUnit(hit.factor.unit);
  const per = unit.ok ? perDimension(unit.unit) : '';
  // the fuel line's own nodes (activity-fuel.ts): energy from NCV, mass from a stated density
  const input =
    per === 'energy'
      ? `act:${line.id}:energy`
      : per === 'mass' && ctx.graph.has(`act:${line.id}:mass`)
        ? `act:${line.id}:mass`
        : `act:${line.id}`;
  const co2e = derive(
    ctx,
    `act:${line.id}:wtt`,
    `well-to-tank of ${line.subject} (Scope 3 category 3, ${set}; per ${per || dimensionKey({})})`,
    { op: 'product', inputs: [input, hit.id], unit: 'tCO2e' },
    undefined,
    labelKey('scope3-wtt', { fuel: line.subject, per }),
  );
  contribute(ctx, line, 'ghg.scope3', co2e, { category: CATEGORY });
}

function upstream(
  ctx: ActivityContext,
  line: ActivityLine,
  set: string,
  kind: string,
  suffix: string,
  what: string,
): void {
  const hit = ctx.factors.find({ kind, method: set, keys: {}, label: `${what} in ${set}` });
  if (!hit) return;
  const co2e = derive(
    ctx,
    `act:${line.id}:${suffix}`,
    `${what} (Scope 3 category 3, ${set})`,
    { op: 'product', inputs: [`act:${line.id}`, hit.id], unit: 'tCO2e' },
    undefined,
    labelKey(`scope3-${suffix}`),
  );
  contribute(ctx, line, 'ghg.scope3', co2e, { category: CATEGORY });
}
