/** A rule family: an id and a pure function from the check context to findings. */
import type { CheckContext } from './context.js';
import type { Finding, RuleId } from './finding.js';

export type CheckRule = {
  readonly id: RuleId;
  readonly run: (ctx: CheckContext) => Finding[];
};

/** Message in both languages; English first in code for readability. */
export const msg = (en: string, zh: string) => ({ 'zh-Hant': zh, en });
