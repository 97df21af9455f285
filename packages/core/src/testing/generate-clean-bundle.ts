/**
 * A generated group of n subsidiaries whose data is internally consistent and whose printed
 * layer equals the computed figures rounded half-up: the checker must find nothing in it.
 * Deterministic (values from the entity index). Frameworks are left empty: completeness of a
 * generated bundle is not what it tests.
 */

import { formatFixed } from '../decimal.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import type { PublishedFigure } from '../model/published.js';
import { isQuantity } from '../units/quantity.js';
import { unitLabelZh } from '../units/unit.js';
import { bundle, dp, fuel, line, sub } from './bundle-builder.js';

/** Figures printed for the group (and, for the first entities, per entity). */
const PRINTED = [
  'ghg.scope1',
  'ghg.scope2.location',
  'ghg.total.location',
  'energy.direct',
  'energy.indirect',
  'energy.total',
  'employees.total',
  'employees.headcount',
  'employees.turnover-rate',
  'training.coverage',
  'training.average-hours',
  'ghg.intensity.revenue',
];

export function generateCleanBundle(n: number): Bundle {
  const entities = Array.from({ length: n }, (_, i) => sub(`unit-${String(i + 1).padStart(4, '0')}`));
  const lines = entities.flatMap((e, i) => [
    fuel(e.id, 'diesel', `${100 + (i % 37)} t`),
    fuel(e.id, 'diesel', `${95 + (i % 37)} t`, 'combustion'),
    line(e.id, 'electricity-purchased', 'grid', `${1000 + ((i * 7) % 500)} MWh`),
    line(e.id, 'fuel', 'diesel', `${190 + ((i * 2) % 74)} t`, { use: 'combustion', period: '2024' }),
    line(e.id, 'electricity-purchased', 'grid', `${1020 + ((i * 7) % 500)} MWh`, { period: '2024' }),
  ]);
  const data = entities.flatMap((e, i) => {
    const male = 40 + (i % 20);
    const female = 20 + (i % 10);
    return [
      dp(e.id, 'revenue', `${50 + (i % 13)} CNY million`),
      dp(e.id, 'employees.headcount', `${male} person`, { gender: 'male' }),
      dp(e.id, 'employees.headcount', `${female} person`, { gender: 'female' }),
      dp(e.id, 'employees.leavers', `${2 + (i % 3)} person`, { gender: 'male' }),
      dp(e.id, 'employees.leavers', `${1 + (i % 2)} person`, { gender: 'female' }),
      dp(e.id, 'training.trained', `${male - 2} person`, { gender: 'male' }),
      dp(e.id, 'training.trained', `${female - 1} person`, { gender: 'female' }),
      dp(e.id, 'training.hours', `${(male + female) * 20 + i} h`),
    ];
  });
  const b = bundle({ entities, lines, data });
  const { figures } = evaluateBundle(b);
  const printedEntities = new Set(['group', ...entities.slice(0, 3).map((e) => e.id)]);
  const published: PublishedFigure[] = [];
  for (const f of figures) {
    if (!PRINTED.includes(f.indicatorId) || !printedEntities.has(f.entityId) || f.periodId !== '2025')
      continue;
    if (!isQuantity(f.value)) continue;
    const printed = formatFixed(f.value.value, f.precision);
    published.push({
      id: `p-${published.length + 1}`,
      section: 'generated',
      labelZh: f.indicatorId,
      entityId: f.entityId,
      periodId: f.periodId,
      disaggregation: f.disaggregation,
      printed,
      value: f.value.value.toDecimalPlaces(f.precision),
      precision: f.precision,
      unitLabel: unitLabelZh(f.value.unit),
      figureRef: f.id,
    });
  }
  return { ...b, frameworks: { frameworks: [] }, published };
}
