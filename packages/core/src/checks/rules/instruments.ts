import type { CheckRule } from '../rule.js';

export const instrumentsRule: CheckRule = { id: 'units', run: () => [] };
