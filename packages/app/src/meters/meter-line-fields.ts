/**
 * A monthly meter line (core rollUpMeterMonths) as an activity line's fields (issue #22;
 * docs/meters.md, "Activity lines from meters"). The line of a site, carrier and month has the
 * fixed id `meter.<site>.<carrier>.<month>`, so writing the roll-up again finds it and changes it
 * only when its fields differ (idempotent). Lineage down to the readings is in the fields the
 * figure page shows: `source` names each meter and its reading range, `comment` the estimated
 * part and the rule, `attributes` origin=meter-readings and the estimated amount.
 *
 * Which activity a carrier is (a stated mapping): electricity of a root meter is electricity
 * bought from the grid (subject grid); natural gas, diesel, gasoline, LPG and fuel oil are fuel
 * of that subject with use `unspecified` (counted as combustion: a meter does not tell fuel from
 * reductant); steam and heat are bought steam and heat. Water and chilled water are no activity
 * of the GHG and energy methods: they are not offered.
 */
import { Decimal, type MeterActivityLine, type MeterCarrier } from '@assay/core';
import type { ActivityLineFields } from '../use-cases/write-activity-line.js';

type ActivityOf = { readonly activity: string; readonly subject: string; readonly use: string };

export const METER_CARRIER_ACTIVITY: Readonly<Record<MeterCarrier, ActivityOf | null>> = {
  electricity: { activity: 'electricity-purchased', subject: 'grid', use: '' },
  'natural-gas': { activity: 'fuel', subject: 'natural-gas', use: 'unspecified' },
  diesel: { activity: 'fuel', subject: 'diesel', use: 'unspecified' },
  gasoline: { activity: 'fuel', subject: 'gasoline', use: 'unspecified' },
  lpg: { activity: 'fuel', subject: 'lpg', use: 'unspecified' },
  'fuel-oil': { activity: 'fuel', subject: 'fuel-oil', use: 'unspecified' },
  steam: { activity: 'steam-purchased', subject: 'steam', use: '' },
  heat: { activity: 'heat-purchased', subject: 'heat', use: '' },
  'chilled-water': null,
  water: null,
};

/** The stable id of the activity line of a site, carrier and month. */
export const meterLineId = (l: Pick<MeterActivityLine, 'siteId' | 'carrier' | 'month'>): string =>
  `meter.${l.siteId}.${l.carrier}.${l.month}`;

/** The stated estimation rule, as the comment of an estimated line says it. */
export const ESTIMATION_RULE =
  'gaps estimated as the mean rate of the nearest measured segments before and after, times the gap (docs/meters.md, "Estimation rule")';

/** The activity line's fields, or null for a carrier that is no activity (water, chilled water). */
export function meterLineFields(l: MeterActivityLine): ActivityLineFields | null {
  const a = METER_CARRIER_ACTIVITY[l.carrier];
  if (!a) return null;
  const unit = l.unit.symbol;
  const ranges = l.lineage.map((x) => `${x.meterId} ${x.from} – ${x.to} (${x.segments} segments)`);
  // the estimate as printed: half-up to 6 decimals (a rate × seconds may carry a 1e-39 remainder)
  const estimated = l.estimated.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
  const notes: string[] = [];
  if (l.isEstimated) notes.push(`includes ${estimated} ${unit} estimated: ${ESTIMATION_RULE}`);
  if (l.unestimatedSeconds > 0)
    notes.push(`${l.unestimatedSeconds} s of the month without readings and without an estimate`);
  return {
    entity: l.siteId,
    period: l.month,
    activity: a.activity,
    subject: a.subject,
    use: a.use,
    amount: l.amount.toFixed(),
    unit,
    attributes: l.isEstimated
      ? `estimated=${estimated} ${unit};origin=meter-readings`
      : 'origin=meter-readings',
    source: `meter readings: ${ranges.join('; ')}`,
    evidence: '',
    comment: notes.join('; '),
  };
}
