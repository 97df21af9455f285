import type { CheckRule } from '../rule.js';

export const completenessRule: CheckRule = { id: 'units', run: () => [] };
