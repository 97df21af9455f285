/**
 * Figures derived from the supplier, hazard and project registers, against hand counts
 * (docs/registers.md). The group has subsidiaries a and b; b has a site b1.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../calc/lineage.js';
import type { Hazard, SavingProject, Supplier } from '../model/register-rows.js';
import { bundle, sub } from '../testing/bundle-builder.js';
import { isQuantity } from '../units/quantity.js';
import { buildGraph } from './build-graph.js';

const entities = [sub('a'), sub('b'), sub('b1', { parent: 'b' })];

const supplier = (
  id: string,
  entityId: string,
  creditCode: string,
  region: string,
  status: Supplier['status'] = 'approved',
): Supplier => ({
  id,
  name: { en: id, 'zh-Hant': id },
  creditCode,
  entityId,
  region,
  category: 'raw-materials',
  status,
});

// Hand count. Codes: X = 91650100MA7XK2L1C8 (xinjiang), J = 91320500MA1NQ8R4DR (jiangsu),
// S = 91610100MA6TG3H5E3 (shaanxi), K = 91210100MA0Y4U6W7H (xinjiang, blacklisted).
// a: X, J            → a: xinjiang 1, jiangsu 1, total 2
// b: X (again), S    → b: xinjiang 1, shaanxi 1, total 2
// b1: J (again), K blacklisted → b1: jiangsu 1, total 1; b (subtree b, b1): xinjiang 1, shaanxi 1, jiangsu 1, total 3
// group: X, J, S once each (X in a and b, J in a and b1) → xinjiang 1, jiangsu 1, shaanxi 1, total 3 (not 5)
const SUPPLIERS = [
  supplier('a-x', 'a', '91650100MA7XK2L1C8', 'xinjiang'),
  supplier('a-j', 'a', '91320500MA1NQ8R4DR', 'jiangsu'),
  supplier('b-x', 'b', '91650100MA7XK2L1C8', 'xinjiang'),
  supplier('b-s', 'b', '91610100MA6TG3H5E3', 'shaanxi', 'suspended'),
  supplier('b1-j', 'b1', '91320500MA1NQ8R4DR', 'jiangsu'),
  supplier('b1-k', 'b1', '91210100MA0Y4U6W7H', 'xinjiang', 'blacklisted'),
];

const hazard = (id: string, foundOn: string, dueOn: string, rectifiedOn?: string): Hazard => ({
  id,
  foundOn,
  entityId: 'a',
  grade: 'general',
  description: { en: id, 'zh-Hant': id },
  owner: 'Li',
  dueOn,
  ...(rectifiedOn === undefined ? {} : { rectifiedOn, evidence: `${id}.pdf` }),
});

// Reporting year 2025, period end 2025-12-31. Found in 2025: h1, h2, h3, h4 (h0 is 2024's).
// rectified by 31 Dec: h1, h2 → 2; overdue: h3 (due 1 Dec, open); h4 is open but due 2026 → not overdue;
// rate 2 ÷ 4 = 50 %.
const HAZARDS = [
  hazard('h0', '2024-11-02', '2024-12-01'),
  hazard('h1', '2025-01-10', '2025-02-10', '2025-02-01'),
  hazard('h2', '2025-05-10', '2025-05-20', '2025-06-30'), // late, but rectified by year end
  hazard('h3', '2025-11-01', '2025-12-01'),
  hazard('h4', '2025-12-20', '2026-01-20'),
];

const project = (
  id: string,
  status: SavingProject['status'],
  verified?: SavingProject['verified'],
): SavingProject => ({
  id,
  name: { en: id, 'zh-Hant': id },
  entityId: 'b1',
  measure: { en: 'm', 'zh-Hant': '措施' },
  status,
  ...(verified === undefined ? {} : { verified }),
});

// Live projects: p1 completed, p2 completed, p3 in progress, p4 planned (p5 cancelled, left out):
// completion 2 ÷ 4 = 50 %; verified: 118.25 + 0.75 = 119 tce, 305.1 tCO2e (p2 gives none), 40 MWh.
const PROJECTS = [
  project('p1', 'completed', { tce: '118.25', tCO2e: '305.1' }),
  project('p2', 'completed', { tce: '0.75', MWh: '40' }),
  project('p3', 'in-progress'),
  project('p4', 'planned'),
  project('p5', 'cancelled'),
];

function figures() {
  const { graph } = buildGraph(
    bundle({ entities, registers: { suppliers: SUPPLIERS, hazards: HAZARDS, projects: PROJECTS } }),
  );
  const n = (id: string) => {
    const v = graph.value(id);
    return isQuantity(v) ? v.value.toString() : undefined;
  };
  return { graph, n };
}

describe('supplier counts by region (HKEX B5.1) from the register', () => {
  it('counts a credit code once across subsidiaries and leaves blacklisted suppliers out', () => {
    const { n } = figures();
    expect(n('suppliers.registered@group/2025')).toBe('3');
    expect(n('suppliers.registered[region=xinjiang]@group/2025')).toBe('1');
    expect(n('suppliers.registered[region=jiangsu]@group/2025')).toBe('1');
    expect(n('suppliers.registered[region=shaanxi]@group/2025')).toBe('1');
    expect(n('suppliers.registered@a/2025')).toBe('2');
    expect(n('suppliers.registered@b/2025')).toBe('3');
    expect(n('suppliers.registered[region=jiangsu]@b1/2025')).toBe('1');
    expect(n('suppliers.registered[region=xinjiang]@b1/2025')).toBeUndefined();
  });

  it("the group figure's lineage ends at the register rows it counted", () => {
    const { graph } = figures();
    const tree = explain(graph, 'suppliers.registered@group/2025');
    const leaves = tree.children.map((c) => c.id).sort();
    expect(leaves).toEqual(['register:suppliers/a-j', 'register:suppliers/a-x', 'register:suppliers/b-s']);
  });
});

describe('hazard rectification from the register', () => {
  it('found, rectified, overdue and the rate as of 31 December', () => {
    const { n } = figures();
    expect(n('hazards.found@group/2025')).toBe('4');
    expect(n('hazards.rectified@group/2025')).toBe('2');
    expect(n('hazards.overdue@group/2025')).toBe('1');
    expect(n('hazards.rectification-rate@group/2025')).toBe('50');
    expect(n('hazards.found@b/2025')).toBeUndefined();
  });
});

describe('energy-saving projects from the register', () => {
  it('completion rate and verified savings', () => {
    const { n, graph } = figures();
    expect(n('projects.count@group/2025')).toBe('4');
    expect(n('projects.completed@b/2025')).toBe('2');
    expect(n('projects.completion-rate@b1/2025')).toBe('50');
    expect(n('projects.saved.energy@group/2025')).toBe('119');
    expect(n('projects.saved.electricity@group/2025')).toBe('40');
    expect(n('projects.saved.emissions@group/2025')).toBe('305.1');
    const tree = explain(graph, 'projects.saved.energy@group/2025');
    expect(tree.children.map((c) => c.id).sort()).toEqual([
      'register:projects.tce/p1',
      'register:projects.tce/p2',
    ]);
  });

  it('no figures without rows', () => {
    const { graph } = buildGraph(bundle({ entities }));
    expect(graph.has('projects.count@group/2025')).toBe(false);
    expect(graph.has('suppliers.registered@group/2025')).toBe(false);
  });
});
