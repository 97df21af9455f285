/** A rule family: an id and a pure function from the check context to findings. */
import { type Unit, unitLabelZh } from '../units/unit.js';
import type { CheckContext } from './context.js';
import type { Finding, RuleId } from './finding.js';

export type CheckRule = {
  readonly id: RuleId;
  readonly run: (ctx: CheckContext) => Finding[];
};

/** Message in both languages; English first in code for readability. */
export const msg = (en: string, zh: string) => ({ 'zh-Hant': zh, en });

/** A value and its unit for a finding's expected/actual: the symbol in English, the Chinese label in Chinese. */
export const quantityText = (value: string, unit: Unit) =>
  msg(`${value} ${unit.symbol}`, `${value} ${unitLabelZh(unit)}`);
