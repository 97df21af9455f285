import type { CheckRule } from '../rule.js';

export const plausibilityRule: CheckRule = { id: 'units', run: () => [] };
