/**
 * A per-line density (activity-line attribute `density`, e.g. "density=0.84 kg/L"): how a fuel
 * measured by volume is brought to the mass its calorific value is per. There are no default
 * densities: the shared reference cites none, so a volume line without one is refused at
 * validation (methods/activity-entry.ts) rather than converted with an invented value.
 */
import { parseDecimal } from '../decimal.js';
import { calcError } from '../errors.js';
import { fuelParameterQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import { dimensionKey } from '../units/dimension.js';
import { type Quantity, quantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';
import { type ActivityContext, derive, labelKey, lineNode } from './activity-context.js';

export const DENSITY_ATTRIBUTE = 'density';

/** "0.84 kg/L" → 0.84 kg/L, a mass per volume above zero; else why not. */
export function parseDensity(text: string): { ok: true; value: Quantity } | { ok: false; reason: string } {
  const m = /^(\S+)\s+(.+)$/.exec(text.trim());
  if (!m) return { ok: false, reason: `density "${text}" is not "<value> <unit>", e.g. density=0.84 kg/L` };
  const value = parseDecimal(m[1] as string);
  if (!value.ok) return { ok: false, reason: `density "${text}": ${value.reason}` };
  if (!value.value.greaterThan(0)) return { ok: false, reason: `density "${text}" must be above zero` };
  const unit = parseUnit((m[2] as string).trim());
  if (!unit.ok) return { ok: false, reason: `density "${text}": ${unit.reason}` };
  if (dimensionKey(unit.unit.dims) !== 'mass/volume')
    return { ok: false, reason: `density "${text}" is not a mass per volume (e.g. kg/L or t/m³)` };
  return { ok: true, value: quantity(value.value, unit.unit) };
}

/**
 * The amount a fuel's NCV multiplies: the line itself, or, for a volume with a stated density
 * (validated by activity-entry.ts), volume × density as its own node, so the lineage shows the
 * conversion and the density as the line gave it.
 */
export function massOrAmount(ctx: ActivityContext, line: ActivityLine): string {
  const amount = lineNode(ctx, line);
  const stated = line.attributes[DENSITY_ATTRIBUTE];
  if (stated === undefined || dimensionKey(line.amount.unit.dims) !== 'volume') return amount;
  // only where the calorific value is per mass (a gas's NCV is per volume: the density is not used)
  const ncv = ctx.factors.find(fuelParameterQuery(ctx.methods.ghg, 'ncv', line.subject));
  const per = ncv === undefined ? undefined : parseUnit(ncv.factor.unit);
  if (per === undefined || !per.ok || (per.unit.dims.mass ?? 0) !== -1) return amount;
  const density = parseDensity(stated);
  const densityId = `act:${line.id}:density`;
  ctx.graph.add(
    density.ok
      ? {
          kind: 'constant',
          id: densityId,
          label: `density of ${line.subject} (stated on the line)`,
          labelKey: labelKey('fuel-density', { fuel: line.subject }),
          value: density.value,
        }
      : {
          kind: 'invalid',
          id: densityId,
          label: `density of ${line.subject}`,
          value: calcError('invalid-formula', density.reason, densityId),
        },
  );
  return derive(
    ctx,
    `act:${line.id}:mass`,
    `mass of ${line.subject} (volume × stated density)`,
    { op: 'product', inputs: [amount, densityId], unit: 't' },
    undefined,
    labelKey('fuel-mass', { fuel: line.subject }),
  );
}
