/**
 * Fuel lines: energy and Scope 1.
 * NDRC non-ferrous guideline (2015), the default:  E = AD × NCV × CC × OF × 44/12
 *   (AD in t, or 10⁴ m³ for gases; NCV GJ per unit; CC tC/GJ; OF ratio).
 * IPCC 2006: E = AD × NCV × EF (EF per energy already includes carbon content; OF = 1, never a
 *   Chinese oxidation rate).
 * use = reductant → "energy used as raw material" (E_原材料); combustion or unspecified →
 * combustion. Unspecified (not metered separately) is counted as combustion and says so.
 * Energy: GJ from NCV (calorific), MWh = GJ ÷ 3.6; tce from the GB/T 2589-2020 coefficient.
 */

import { co2PerCarbonQuery, fuelParameterQuery, tceCoefficientQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import { type ActivityContext, contribute, derive, labelKey, lineNode } from './activity-context.js';
import { massOrAmount } from './density.js';
import { SECTOR_PACKS } from './sector-packs.js';

export function fuelLine(ctx: ActivityContext, line: ActivityLine): void {
  const fuel = line.subject;
  // iron-steel pack: blast-furnace or converter gas burned on site is recorded, not counted — its
  // carbon is inside the carbon mass balance at the coke it came from (carbon-balance.ts), and
  // GB/T 2589 does not count recovered energy twice (issue #24)
  if (SECTOR_PACKS[ctx.pack ?? 'non-ferrous'].byProductFuels.includes(fuel)) {
    lineNode(ctx, line);
    return;
  }
  const amount = massOrAmount(ctx, line); // the line, or volume × stated density (density.ts)
  const method = ctx.methods.ghg;
  const gj = energyNode(ctx, line, amount);
  const co2 =
    method === 'ipcc-2006'
      ? derive(
          ctx,
          `act:${line.id}:co2`,
          `CO2 of ${fuel} (IPCC 2006: NCV × EF)`,
          {
            op: 'product',
            inputs: [gj, ctx.factors.node(fuelParameterQuery(method, 'co2-ef-per-energy', fuel))],
            unit: 'tCO2e',
          },
          undefined,
          labelKey('fuel-co2-ipcc', { fuel }),
        )
      : derive(
          ctx,
          `act:${line.id}:co2`,
          `CO2 of ${fuel} (NDRC NF 2015: NCV × CC × OF × 44/12)`,
          {
            op: 'product',
            inputs: [
              gj,
              ctx.factors.node(fuelParameterQuery(method, 'carbon-content', fuel)),
              ctx.factors.node(fuelParameterQuery(method, 'oxidation-rate', fuel)),
              ctx.factors.node(co2PerCarbonQuery()),
            ],
            unit: 'tCO2e',
          },
          line.use === 'unspecified'
            ? 'not metered separately as fuel or reductant: counted as combustion'
            : undefined,
          labelKey('fuel-co2-ndrc', { fuel }),
        );
  const tce = tceNode(ctx, line, amount);
  // node and contribution order as before fuelEnergy was split out (figure order is compared)
  contribute(ctx, line, line.use === 'reductant' ? 'ghg.scope1.reductant' : 'ghg.scope1.combustion', co2);
  contribute(ctx, line, 'ghg.scope1.by-fuel', co2, { fuel });
  contributeEnergy(ctx, line, gj, tce);
}

/**
 * A fuel's energy: GJ from its NCV under the bundle's GHG factor set, tce by GB/T 2589-2020, both
 * contributed to direct energy and by carrier. Also used for fuels entering the iron-and-steel
 * carbon balance (carbon-balance.ts), whose CO2 the balance gives but whose energy counts.
 * Returns the GJ node.
 */
export function fuelEnergy(ctx: ActivityContext, line: ActivityLine, amount: string): string {
  const gj = energyNode(ctx, line, amount);
  contributeEnergy(ctx, line, gj, tceNode(ctx, line, amount));
  return gj;
}

function energyNode(ctx: ActivityContext, line: ActivityLine, amount: string): string {
  const fuel = line.subject;
  const method = ctx.methods.ghg;
  return derive(
    ctx,
    `act:${line.id}:energy`,
    `energy of ${fuel} (NCV, ${method})`,
    {
      op: 'product',
      inputs: [amount, ctx.factors.node(fuelParameterQuery(method, 'ncv', fuel))],
      unit: 'GJ',
    },
    undefined,
    labelKey('fuel-energy', { fuel, method }),
  );
}

function tceNode(ctx: ActivityContext, line: ActivityLine, amount: string): string {
  const fuel = line.subject;
  return derive(
    ctx,
    `act:${line.id}:tce`,
    `standard coal of ${fuel} (GB/T 2589-2020)`,
    {
      op: 'product',
      inputs: [amount, ctx.factors.node(tceCoefficientQuery(fuel, ctx.methods.electricityTce))],
      unit: 'tce',
    },
    undefined,
    labelKey('tce', { carrier: fuel }),
  );
}

function contributeEnergy(ctx: ActivityContext, line: ActivityLine, gj: string, tce: string): void {
  const fuel = line.subject;
  contribute(ctx, line, 'energy.direct', gj);
  contribute(ctx, line, 'energy.by-carrier', gj, { fuel });
  contribute(ctx, line, 'energy.total.tce', tce);
  contribute(ctx, line, 'energy.by-carrier.tce', tce, { fuel });
}
