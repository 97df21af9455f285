/**
 * Carbon mass balance of the iron-and-steel pack (sector-packs.ts), per entity and year:
 *
 *   C_in  = Σ amount × carbon content   over `carbon-balance` lines with direction=in
 *           (coke, coal, injected coal, iron ore, sinter, limestone and dolomite flux…)
 *   C_out = Σ amount × carbon content   over direction=out
 *           (hot metal, crude steel, slag, blast-furnace gas exported, dust…)
 *   E     = (C_in − C_out) × 44/12      tCO2e, to ghg.scope1.process
 *
 * Fuels among the inputs (a subject with an NCV or a GB/T 2589 coefficient in the library: coke,
 * coal…) also count as energy consumed, as a fuel line would (activity-fuel.ts fuelEnergy);
 * their CO2 is the balance's, never NCV × CC × OF on top of it.
 *
 * so blast-furnace gas burned on site is not counted on top of the coke it came from (its carbon
 * never leaves the balance; the pack records such fuel lines without counting them, sector-packs.ts),
 * and gas sold to a power plant is a carbon output. C_out above C_in is an error
 * ("negative-remainder"), never a negative emission.
 *
 * Every carbon content is stated on its line (`carbon=0.8552 tC/t`, with `carbon-source=` saying
 * where it comes from: a laboratory analysis, the guideline's appendix table as the preparer read
 * it…). The library holds no carbon contents for this balance: none is cited in the shared
 * reference, so none is defaulted (docs/methods.md). A line is refused at validation without
 * them (activity-entry.ts).
 */
import { parseDecimal } from '../decimal.js';
import { calcError } from '../errors.js';
import { co2PerCarbonQuery, fuelParameterQuery, tceCoefficientQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import { dimensionKey } from '../units/dimension.js';
import { type Quantity, quantity } from '../units/quantity.js';
import { multiplyUnits, parseUnit, type Unit } from '../units/unit.js';
import { type ActivityContext, derive, labelKey, lineNode, yearOfLine } from './activity-context.js';
import { fuelEnergy } from './activity-fuel.js';
import { SECTOR_PACKS } from './sector-packs.js';

export const CARBON_DIRECTIONS = ['in', 'out'] as const;
export type CarbonDirection = (typeof CARBON_DIRECTIONS)[number];

/** "0.8552 tC/t" → a carbon content (mass of carbon per unit of the line's amount), or why not. */
export function parseCarbonContent(
  text: string,
  amountUnit: Unit,
): { ok: true; value: Quantity } | { ok: false; reason: string } {
  const m = /^(\S+)\s+(.+)$/.exec(text.trim());
  if (!m) return { ok: false, reason: `carbon "${text}" is not "<value> <unit>", e.g. carbon=0.8552 tC/t` };
  const value = parseDecimal(m[1] as string);
  if (!value.ok) return { ok: false, reason: `carbon "${text}": ${value.reason}` };
  if (value.value.isNegative()) return { ok: false, reason: `carbon "${text}" cannot be below zero` };
  const unit = parseUnit((m[2] as string).trim());
  if (!unit.ok) return { ok: false, reason: `carbon "${text}": ${unit.reason}` };
  if (dimensionKey(multiplyUnits(amountUnit, unit.unit).dims) !== 'carbon')
    return {
      ok: false,
      reason: `carbon "${text}" times the amount in ${amountUnit.symbol} is not a mass of carbon: give carbon per ${amountUnit.symbol} in tC or kgC (e.g. tC/t, tC/10⁴ m³)`,
    };
  return { ok: true, value: quantity(value.value, unit.unit) };
}

/** What a carbon-balance line must carry (validation; messages name the attribute). */
export function carbonBalanceProblems(line: {
  readonly unit: Unit;
  readonly attributes: Readonly<Record<string, string>>;
}): string[] {
  const out: string[] = [];
  const dir = line.attributes.direction;
  if (dir === undefined || !(CARBON_DIRECTIONS as readonly string[]).includes(dir))
    out.push(
      `a carbon-balance line needs direction=in or direction=out${dir === undefined ? '' : ` (not "${dir}")`}`,
    );
  const carbon = line.attributes.carbon;
  if (carbon === undefined)
    out.push(
      'a carbon-balance line needs its carbon content, e.g. carbon=0.8552 tC/t: Assay has no default carbon contents for the iron and steel balance (none is cited in its reference), so the value and its source must come with the line',
    );
  else {
    const c = parseCarbonContent(carbon, line.unit);
    if (!c.ok) out.push(c.reason);
  }
  if ((line.attributes['carbon-source'] ?? '').trim() === '')
    out.push(
      'a carbon-balance line needs carbon-source=<where the carbon content comes from> (a laboratory analysis, a guideline table with its edition)',
    );
  return out;
}

/** A subject the library knows as a fuel (an NCV under the bundle's factor set, or a GB/T 2589 coefficient). */
function isFuel(ctx: ActivityContext, subject: string): boolean {
  return (
    ctx.factors.find(fuelParameterQuery(ctx.methods.ghg, 'ncv', subject)) !== undefined ||
    ctx.factors.find(tceCoefficientQuery(subject, ctx.methods.electricityTce)) !== undefined
  );
}

/** The balance of one entity's carbon-balance lines, per year, contributing to ghg.scope1.process (its own entity's figure) */
export function carbonMassBalance(ctx: ActivityContext, lines: readonly ActivityLine[], pack: string): void {
  const byYear = new Map<string, ActivityLine[]>();
  for (const l of lines) {
    if (l.activity !== 'carbon-balance') continue;
    const y = yearOfLine(l);
    byYear.set(y, [...(byYear.get(y) ?? []), l]);
  }
  for (const [year, ls] of byYear) {
    const base = `mb:${ctx.entity.id}/${year}`;
    if (!SECTOR_PACKS[pack as keyof typeof SECTOR_PACKS]?.carbonBalance) {
      // a balance where the entity's pack has none: Scope 1 becomes an error that says why
      const id = `${base}:not-in-pack`;
      ctx.graph.add({
        kind: 'invalid',
        id,
        label: `carbon balance of ${ctx.entity.id} ${year}`,
        value: calcError(
          'invalid-formula',
          `${ctx.entity.id} has carbon-balance lines but follows the ${pack} pack: set methods.sectorPacks.${ctx.entity.id}: iron-steel in assay.yaml, or enter the lines as fuel and process lines`,
          id,
        ),
      });
      ctx.contributions.add(
        ctx.entity.id,
        { indicatorId: 'ghg.scope1.process', disaggregation: {}, year },
        id,
      );
      continue;
    }
    const carbonOf = (l: ActivityLine) => {
      const stated = parseCarbonContent(l.attributes.carbon ?? '', l.amount.unit);
      const contentId = `act:${l.id}:carbon-content`;
      ctx.graph.add(
        stated.ok
          ? {
              kind: 'constant',
              id: contentId,
              label: `carbon content of ${l.subject} (stated on the line: ${l.attributes['carbon-source'] ?? ''})`,
              labelKey: labelKey('carbon-content', { material: l.subject }),
              value: stated.value,
            }
          : {
              kind: 'invalid',
              id: contentId,
              label: `carbon content of ${l.subject}`,
              value: calcError('invalid-formula', stated.reason, contentId),
            },
      );
      return derive(
        ctx,
        `act:${l.id}:carbon`,
        `carbon ${l.attributes.direction === 'out' ? 'leaving in' : 'entering with'} ${l.subject}`,
        { op: 'product', inputs: [lineNode(ctx, l), contentId], unit: 'tC' },
        undefined,
        labelKey('carbon-flow', { material: l.subject, direction: l.attributes.direction ?? '' }),
      );
    };
    const ins = ls.filter((l) => l.attributes.direction !== 'out').map(carbonOf);
    // fuels entering the balance (coke, coal…) still count as energy consumed; their CO2 is the balance's
    for (const l of ls)
      if (l.attributes.direction !== 'out' && isFuel(ctx, l.subject)) fuelEnergy(ctx, l, lineNode(ctx, l));
    const outs = ls.filter((l) => l.attributes.direction === 'out').map(carbonOf);
    const cin = derive(
      ctx,
      `${base}:carbon-in`,
      'carbon in (coke, coal, ore, flux…)',
      { op: 'sum', inputs: ins, unit: 'tC' },
      undefined,
      labelKey('carbon-in'),
    );
    const cout = derive(
      ctx,
      `${base}:carbon-out`,
      'carbon out (iron, steel, slag, exported gas…)',
      { op: 'sum', inputs: outs, unit: 'tC' },
      undefined,
      labelKey('carbon-out'),
    );
    const net = derive(
      ctx,
      `${base}:carbon`,
      'carbon emitted (in − out)',
      { op: 'difference', inputs: [cin, cout], unit: 'tC', nonNegative: true },
      undefined,
      labelKey('carbon-net'),
    );
    const co2 = derive(
      ctx,
      `${base}:co2`,
      `CO2 of the carbon mass balance (${SECTOR_PACKS['iron-steel'].note}: (C_in − C_out) × 44/12)`,
      {
        op: 'product',
        inputs: [net, ctx.factors.node(co2PerCarbonQuery())],
        unit: 'tCO2e',
      },
      undefined,
      labelKey('carbon-balance-co2'),
    );
    ctx.contributions.add(
      ctx.entity.id,
      { indicatorId: 'ghg.scope1.process', disaggregation: {}, year },
      co2,
    );
  }
}
