/** A small group for rule tests: diesel, purchased electricity, revenue, headcount by gender. */

import { buildContext, type CheckContext } from '../checks/context.js';
import type { Finding } from '../checks/finding.js';
import type { CheckRule } from '../checks/rule.js';
import type { Bundle } from '../model/bundle.js';
import type { PublishedFigure } from '../model/published.js';
import { bundle, dp, fuel, line } from './bundle-builder.js';

export function smallGroup(published: PublishedFigure[] = [], extra: Partial<Bundle> = {}): Bundle {
  const b = bundle({
    lines: [fuel('group', 'diesel', '100 t'), line('group', 'electricity-purchased', 'grid', '1000 MWh')],
    data: [
      dp('group', 'revenue', '10 CNY million'),
      dp('group', 'employees.headcount', '1499 person', { gender: 'male' }),
      dp('group', 'employees.headcount', '340 person', { gender: 'female' }),
      dp('group', 'training.trained', '1339 person', { gender: 'male' }),
      dp('group', 'training.trained', '295 person', { gender: 'female' }),
    ],
  });
  return { ...b, frameworks: { frameworks: [] }, published, ...extra };
}

export function runRule(rule: CheckRule, b: Bundle): Finding[] {
  const ctx: CheckContext = buildContext(b);
  return rule.run(ctx);
}

export const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.severity}:${f.code}`);
