import type { CheckRule } from '../rule.js';

export const impliedDenominatorRule: CheckRule = { id: 'units', run: () => [] };
