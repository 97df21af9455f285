/** A rule family: an id and a pure function from the check context to findings. */
import { AXIS_TERMS } from '../model/axis-labels.js';
import { type Unit, unitLabelZh } from '../units/unit.js';
import type { CheckContext } from './context.js';
import type { Finding, RuleId } from './finding.js';

export type CheckRule = {
  readonly id: RuleId;
  readonly run: (ctx: CheckContext) => Finding[];
};

/** Message in both languages; English first in code for readability. */
export const msg = (en: string, zh: string) => ({ 'zh-Hant': zh, en });

/**
 * A unit (or one part of it, `symbol`) in the Chinese text of a finding: "tCO2e/CNY million" →
 * "噸二氧化碳當量/百萬元"; "kt (as CO2e)", a plain mass read as CO2e, → "千噸二氧化碳當量"
 * (issue #19: no English in zh-Hant).
 */
export function unitTextZh(unit: Unit, symbol = unit.symbol): string {
  const asCo2e = / \(as CO2e\)$/.exec(symbol);
  if (asCo2e) return `${unitTextZh(unit, symbol.slice(0, asCo2e.index))}二氧化碳當量`;
  // a scaled unit as the label reads in standard form: "10000 m³" → "10000 立方米"
  const scaled = /^(\d+) (.+)$/.exec(symbol);
  if (scaled) return `${scaled[1]} ${unitTextZh(unit, scaled[2])}`;
  return unitLabelZh({ ...unit, symbol });
}

/** A value and its unit for a finding's expected/actual: the symbol in English, the Chinese label in Chinese. */
export const quantityText = (value: string, unit: Unit) =>
  msg(`${value} ${unit.symbol}`, `${value} ${unitTextZh(unit)}`);

/** A breakdown axis in the Chinese text of a finding ("rank" → "職級"); an unknown axis as it is. */
export const axisZh = (axis: string): string => AXIS_TERMS[axis]?.['zh-Hant'] ?? axis;
