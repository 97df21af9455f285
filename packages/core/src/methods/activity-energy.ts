/**
 * Purchased electricity, heat and steam; electricity generated on site from renewables.
 * Location-based Scope 2 = MWh × MEE/NBS grid factor (province → region → nation as configured,
 * configured vintage and calibre). Purchased heat/steam: GJ × 0.11 tCO2/GJ, in both Scope 2
 * figures. Energy in tce: electricity by the GB/T 2589 coefficient of the configured basis
 * (equivalent value 0.1229 kgce/kWh by default); energy already stated in tce stays as stated.
 */
import { gridFactorQuery, heatEfQuery, tceCoefficientQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import type { GridCalibre } from '../model/methods.js';
import { type ActivityContext, contribute, derive, labelKey, lineNode } from './activity-context.js';
import { SECTOR_PACKS } from './sector-packs.js';

export function gridFactorNode(ctx: ActivityContext, calibre: GridCalibre): string {
  // a pack with its own electricity factor (Hong Kong buildings) replaces the mainland grid factor
  const own = SECTOR_PACKS[ctx.pack ?? 'non-ferrous'].electricityFactor;
  if (own !== undefined) return ctx.factors.node(own);
  const g = ctx.methods.gridFactor;
  return ctx.factors.node(
    gridFactorQuery({
      vintage: g.vintage,
      level: g.level,
      calibre,
      ...(ctx.entity.province === undefined ? {} : { province: ctx.entity.province }),
      ...(ctx.entity.gridRegion === undefined ? {} : { region: ctx.entity.gridRegion }),
    }),
  );
}

const STATED_IN_TCE = new Set(['tce', 'kgce', '10⁴ tce']);

/** tce of an energy amount: as stated when already in tce, else amount × the carrier's coefficient. */
function tceNode(ctx: ActivityContext, line: ActivityLine, amount: string, carrier: string): string {
  if (STATED_IN_TCE.has(line.amount.unit.symbol)) {
    return derive(
      ctx,
      `act:${line.id}:tce`,
      `${carrier} as stated in tce`,
      { op: 'convert', inputs: [amount], unit: 'tce' },
      undefined,
      labelKey('tce-as-stated', { carrier }),
    );
  }
  return derive(
    ctx,
    `act:${line.id}:tce`,
    `standard coal of ${carrier} (GB/T 2589-2020, ${ctx.methods.electricityTce} value)`,
    {
      op: 'product',
      inputs: [amount, ctx.factors.node(tceCoefficientQuery(carrier, ctx.methods.electricityTce))],
      unit: 'tce',
    },
    undefined,
    labelKey('tce-basis', { carrier, basis: ctx.methods.electricityTce }),
  );
}

export function purchasedElectricityLine(ctx: ActivityContext, line: ActivityLine): void {
  const amount = lineNode(ctx, line);
  const co2 = derive(
    ctx,
    `act:${line.id}:co2-location`,
    `location-based CO2 of purchased electricity`,
    { op: 'product', inputs: [amount, gridFactorNode(ctx, ctx.methods.gridFactor.calibre)], unit: 'tCO2e' },
    undefined,
    labelKey('electricity-co2-location'),
  );
  contribute(ctx, line, 'ghg.scope2.location', co2);
  contribute(ctx, line, 'energy.indirect', amount);
  contribute(ctx, line, 'energy.by-carrier', amount, { fuel: 'electricity' });
  const tce = tceNode(ctx, line, amount, 'electricity');
  contribute(ctx, line, 'energy.total.tce', tce);
  contribute(ctx, line, 'energy.by-carrier.tce', tce, { fuel: 'electricity' });
}

export function purchasedHeatLine(ctx: ActivityContext, line: ActivityLine): void {
  const amount = lineNode(ctx, line);
  const carrier = line.activity === 'steam-purchased' ? 'steam' : 'heat';
  const co2 = derive(
    ctx,
    `act:${line.id}:co2`,
    `CO2 of purchased ${carrier} (GJ × heat EF)`,
    { op: 'product', inputs: [amount, ctx.factors.node(heatEfQuery())], unit: 'tCO2e' },
    undefined,
    labelKey('heat-co2', { carrier }),
  );
  for (const ind of ['ghg.scope2.heat', 'ghg.scope2.location', 'ghg.scope2.market'])
    contribute(ctx, line, ind, co2);
  contribute(ctx, line, 'energy.indirect', amount);
  contribute(ctx, line, 'energy.by-carrier', amount, { fuel: carrier });
  const tce = tceNode(ctx, line, amount, 'heat');
  contribute(ctx, line, 'energy.total.tce', tce);
  contribute(ctx, line, 'energy.by-carrier.tce', tce, { fuel: carrier });
}

/** Renewable electricity or heat generated and used on site: direct, renewable, no Scope 2. */
export function selfGeneratedLine(ctx: ActivityContext, line: ActivityLine): void {
  const amount = lineNode(ctx, line);
  contribute(ctx, line, 'energy.direct', amount);
  contribute(ctx, line, 'energy.renewable', amount);
  contribute(ctx, line, 'energy.by-carrier', amount, { fuel: line.subject });
  const tce = tceNode(ctx, line, amount, 'electricity');
  contribute(ctx, line, 'energy.total.tce', tce);
  contribute(ctx, line, 'energy.by-carrier.tce', tce, { fuel: line.subject });
}
