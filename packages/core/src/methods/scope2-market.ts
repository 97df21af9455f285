/**
 * Market-based Scope 2 per entity and year (GHG Protocol Scope 2 Guidance; MEE calibre (2)):
 *   remainder = purchased electricity − green-power trades − certificates × 1 MWh  (≥ 0)
 *   electricity part = remainder × grid factor excluding market-traded non-fossil power
 *   (green power and certificate-covered MWh at 0); purchased heat adds as in location-based.
 * Each certificate is used once: a certificate batch claimed both for Scope 2 and as an
 * "offset" makes the market-based figure an error (and the checker reports it).
 */
import { calcError } from '../errors.js';
import { gecEnergyQuery } from '../factors/factor-queries.js';
import type { ActivityLine } from '../model/fact.js';
import {
  type ActivityContext,
  contribute,
  derive,
  labelKey,
  lineNode,
  yearOfLine,
} from './activity-context.js';
import { gridFactorNode } from './activity-energy.js';

const isCertificateFor = (l: ActivityLine, claim: string) =>
  l.activity === 'green-certificate' && (l.attributes.claim ?? 'scope2-market') === claim;

/** Batches claimed both ways, within the lines given (a group's lines, any entity). */
export function doubleUsedBatches(lines: readonly ActivityLine[]): Set<string> {
  const scope2 = new Set(
    lines.filter((l) => isCertificateFor(l, 'scope2-market')).map((l) => l.attributes.batch ?? l.id),
  );
  return new Set(
    lines
      .filter((l) => isCertificateFor(l, 'offset'))
      .map((l) => l.attributes.batch ?? l.id)
      .filter((b) => scope2.has(b)),
  );
}

export function marketBasedScope2(
  ctx: ActivityContext,
  lines: readonly ActivityLine[],
  doubleUsed: ReadonlySet<string>,
): void {
  const byYear = new Map<string, ActivityLine[]>();
  for (const l of lines) {
    if (!['electricity-purchased', 'electricity-green-trade', 'green-certificate'].includes(l.activity))
      continue;
    const y = yearOfLine(l);
    byYear.set(y, [...(byYear.get(y) ?? []), l]);
  }
  for (const [year, ls] of byYear) {
    const base = `mkt:${ctx.entity.id}/${year}`;
    const purchased = ls.filter((l) => l.activity === 'electricity-purchased').map((l) => lineNode(ctx, l));
    const instruments: string[] = [];
    for (const l of ls) {
      if (l.activity === 'electricity-green-trade') {
        instruments.push(lineNode(ctx, l));
        contribute(ctx, l, 'energy.renewable', lineNode(ctx, l));
      } else if (isCertificateFor(l, 'scope2-market')) {
        const energy = derive(
          ctx,
          `act:${l.id}:energy`,
          'energy attribute of certificates (1 certificate = 1 MWh)',
          {
            op: 'product',
            inputs: [lineNode(ctx, l), ctx.factors.node(gecEnergyQuery())],
            unit: 'MWh',
          },
          undefined,
          labelKey('certificate-energy'),
        );
        instruments.push(energy);
        contribute(ctx, l, 'energy.renewable', energy);
        const batch = l.attributes.batch ?? l.id;
        if (doubleUsed.has(batch)) {
          const id = `invalid:double-use:${l.id}`;
          ctx.graph.add({
            kind: 'invalid',
            id,
            label: `certificate batch ${batch} used twice`,
            labelKey: labelKey('certificate-double-use', { batch }),
            value: calcError(
              'instrument-double-use',
              `certificate batch ${batch} is claimed for market-based Scope 2 and again as an offset`,
              l.id,
            ),
          });
          instruments.push(id);
        }
      }
    }
    const p = derive(
      ctx,
      `${base}:purchased`,
      'purchased electricity',
      { op: 'sum', inputs: purchased, unit: 'MWh' },
      undefined,
      labelKey('market-purchased'),
    );
    const inst = derive(
      ctx,
      `${base}:instruments`,
      'green-power trades and certificates',
      { op: 'sum', inputs: instruments, unit: 'MWh' },
      undefined,
      labelKey('market-instruments'),
    );
    const rem = derive(
      ctx,
      `${base}:remainder`,
      'electricity not covered by contractual instruments',
      { op: 'difference', inputs: [p, inst], unit: 'MWh', nonNegative: true },
      undefined,
      labelKey('market-remainder'),
    );
    const co2 = derive(
      ctx,
      `${base}:co2`,
      'market-based CO2 of the remainder (calibre excluding market-traded non-fossil power)',
      {
        op: 'product',
        inputs: [rem, gridFactorNode(ctx, 'excl-market-nonfossil')],
        unit: 'tCO2e',
      },
      undefined,
      labelKey('market-co2'),
    );
    ctx.contributions.add(ctx.entity.id, { indicatorId: 'ghg.scope2.market', disaggregation: {}, year }, co2);
  }
}
