/**
 * What a bundle makes available as evidence for the current year: figures at the group entity
 * whose value is a quantity (errors do not count), narrative sections with text, non-empty
 * registers. Works unchanged whether figures are inputs only or include derived ones.
 */
import type { Figure } from '../calc/figure.js';
import type { Bundle } from '../model/bundle.js';
import { groupEntity } from '../model/organisation.js';
import { isQuantity } from '../units/quantity.js';
import type { Evidence } from './framework.js';

export type Availability = {
  /** Figure ids satisfying the evidence; empty when it is not available. */
  readonly find: (e: Evidence) => readonly string[];
};

export function availability(bundle: Bundle, figures: readonly Figure[], year: string): Availability {
  const group = groupEntity(bundle.organisation).id;
  const byIndicator = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.entityId !== group || f.periodId !== year || !isQuantity(f.value)) continue;
    const list = byIndicator.get(f.indicatorId) ?? [];
    list.push(f);
    byIndicator.set(f.indicatorId, list);
  }
  const sections = new Set(
    bundle.narrative
      .filter((s) => s.body['zh-Hant'].trim() !== '' || s.body.en.trim() !== '')
      .map((s) => s.id),
  );
  return {
    find(e) {
      if (e.kind === 'section') return sections.has(e.sectionId) ? [`section:${e.sectionId}`] : [];
      if (e.kind === 'register') {
        // an item names the row answering one provision (supplierPractices: its provision code)
        const rows: readonly object[] = bundle.registers[e.register] ?? [];
        const has =
          e.item === undefined
            ? rows.length > 0
            : rows.some((r) => (r as { provision?: string }).provision === e.item);
        return has ? [`register:${e.register}${e.item === undefined ? '' : `#${e.item}`}`] : [];
      }
      const all = byIndicator.get(e.indicatorId) ?? [];
      if (e.axis !== undefined) {
        const axis = e.axis;
        return all.filter((f) => axis in f.disaggregation).map((f) => f.id);
      }
      const totals = all.filter((f) => Object.keys(f.disaggregation).length === 0);
      return (totals.length > 0 ? totals : all).map((f) => f.id);
    },
  };
}
