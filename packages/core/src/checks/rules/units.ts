/**
 * Rule 1, units and dimensions. A printed unit must parse and fit the dimension of the figure
 * or indicator it claims; an intensity must name its denominator at the scale its label (and
 * value) means; energy must not be printed in emissions units or emissions in energy units.
 */
import { Decimal } from '../../decimal.js';
import type { PublishedFigure } from '../../model/published.js';
import { dimensionLabelZh } from '../../units/dimension.js';
import { type Unit, unitDimension } from '../../units/unit.js';
import { type CheckContext, expectedUnit, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg, unitTextZh } from '../rule.js';
import { LABEL_DIMENSION_HINTS } from '../util/label-hints.js';
import { numeratorDimension, type Reading, readingsOf, unitLabelOf } from '../util/readings.js';

export const unitsRule: CheckRule = {
  id: 'units',
  run: (ctx) => ctx.bundle.published.flatMap((p) => (p.value === null ? [] : checkOne(ctx, p))),
};

function checkOne(ctx: CheckContext, p: PublishedFigure): Finding[] {
  const expected = expectedUnit(ctx, p);
  const readings = readingsOf(p, expected);
  const label = unitLabelOf(p);
  const where = whereOf(p);
  const out: Finding[] = [];
  const f = (code: string, severity: Finding['severity'], en: string, zh: string, exp?: string) =>
    out.push({
      ruleId: 'units',
      code,
      severity,
      where,
      ...(exp ? { expected: exp } : {}),
      actual: label === '' ? '(no unit)' : label,
      ...(label === '' ? { actualText: msg('(no unit)', '（無單位）') } : {}),
      message: msg(en, zh),
    });
  const first = readings[0];
  const swap = labelSwap(p, first);
  if (swap) f('energy-emissions-swap', 'error', swap.en, swap.zh);
  if (!expected) return out;
  const want = unitDimension(expected);
  if (!first) {
    f(
      'unit-unrecognised',
      'warning',
      `The printed unit "${label}" is not a unit Assay can read; the figure is in ${expected.symbol}.`,
      `所印單位「${label}」無法識別；該數據的單位應為 ${unitTextZh(expected)}。`,
      expected.symbol,
    );
    return out;
  }
  if (first.how === 'rewritten' && unitDimension(first.unit) === want)
    f(
      'unit-nonstandard',
      'info',
      `The printed unit "${label}" is not standard; it reads as ${first.unit.symbol}.`,
      `所印單位「${label}」並非標準寫法，按 ${unitTextZh(first.unit)} 理解。`,
      expected.symbol,
    );
  const have = unitDimension(first.unit);
  if (have !== want && !swap) out.push(...dimensionFinding(p, first, readings, expected, where, label));
  const denom = readings.find((r) => r.how === 'label-denominator');
  if (denom && unitDimension(denom.unit) === want) {
    const ratio = denom.unit.scale.dividedBy(first.unit.scale).abs();
    const factor = (ratio.lessThan(1) ? new Decimal(1).dividedBy(ratio) : ratio).toString();
    f(
      'intensity-denominator',
      'error',
      `The label speaks of ${denom.unit.symbol.split('/')[1]}, but the printed unit "${label}" is per ${first.unit.symbol.split('/')[1]}: the denominator is off by a factor of ${factor}.`,
      `標籤所指分母為 ${unitTextZh(denom.unit, denom.unit.symbol.split('/')[1])}，但所印單位「${label}」以 ${unitTextZh(first.unit, first.unit.symbol.split('/')[1])} 為分母，兩者相差 ${factor} 倍。`,
      denom.unit.symbol,
    );
  }
  return out;
}

function dimensionFinding(
  p: PublishedFigure,
  first: Reading,
  readings: readonly Reading[],
  expected: Unit,
  where: Finding['where'],
  label: string,
): Finding[] {
  const base = { ruleId: 'units' as const, where, expected: expected.symbol, actual: label };
  const want = unitDimension(expected);
  const alt = readings.find((r) => unitDimension(r.unit) === want);
  if (alt?.how === 'co2e-for-mass')
    return [
      {
        ...base,
        code: 'co2e-as-mass',
        severity: 'warning',
        message: msg(
          `"${label}" is a plain mass; an emissions figure should say tonnes of CO2e (read here as ${alt.unit.symbol}).`,
          `「${label}」只是質量單位；排放數據應註明二氧化碳當量（此處按 ${unitTextZh(alt.unit)} 理解）。`,
        ),
      },
    ];
  if (alt?.how === 'expected-denominator')
    return [
      {
        ...base,
        code: 'denominator-missing',
        severity: 'warning',
        message: msg(
          `"${label}" names only the numerator of a per-unit figure; the figure is in ${expected.symbol}.`,
          `「${label}」只列出分子；此為單位數據，應以 ${unitTextZh(expected)} 表示。`,
        ),
      },
    ];
  return [
    {
      ...base,
      code: 'dimension-mismatch',
      severity: 'error',
      message: msg(
        `The printed unit "${label}" measures ${unitDimension(first.unit)}, but ${p.id} claims a figure in ${expected.symbol} (${unitDimension(expected)}).`,
        `所印單位「${label}」的量綱為${dimensionLabelZh(unitDimension(first.unit))}，但該數據應以 ${unitTextZh(expected)}（${dimensionLabelZh(unitDimension(expected))}）表示。`,
      ),
    },
  ];
}

/** An energy label with an emissions unit, or the reverse (label hints are data). */
function labelSwap(p: PublishedFigure, first: Reading | undefined): { en: string; zh: string } | undefined {
  if (!first) return undefined;
  const said = LABEL_DIMENSION_HINTS.filter((h) => h.pattern.test(p.labelZh)).map((h) => h.dimension);
  if (said.length !== 1) return undefined;
  const num = numeratorDimension(first.unit);
  const other = said[0] === 'energy' ? 'co2e' : 'energy';
  if (!num.split('*').includes(other)) return undefined;
  return said[0] === 'energy'
    ? {
        en: `"${p.labelZh}" is an energy figure, but it is printed in an emissions unit (${unitLabelOf(p)}).`,
        zh: `「${p.labelZh}」是能源數據，卻以排放單位（${unitLabelOf(p)}）列示。`,
      }
    : {
        en: `"${p.labelZh}" is an emissions figure, but it is printed in an energy unit (${unitLabelOf(p)}).`,
        zh: `「${p.labelZh}」是排放數據，卻以能源單位（${unitLabelOf(p)}）列示。`,
      };
}
