import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const minimal = join(root, 'examples/minimal');
function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

describe('assay calc', () => {
  it('lists every figure with value, unit and method as JSON', async () => {
    const io = capture();
    expect(
      await main(['calc', minimal, '--format', 'json', '--entity', 'group', '--period', '2025'], io),
    ).toBe(0);
    const body = JSON.parse(io.text());
    const s1 = body.figures.find((f: { id: string }) => f.id === 'ghg.scope1@group/2025');
    // diesel 309.590964 + natural gas 1081.094405 + coke (reductant) 2860.418825 = 4251.104194 tCO2e
    expect(s1).toMatchObject({ value: '4251.10', unit: 'tCO2e', entity: 'group', period: '2025' });
    expect(s1.method).toMatch(/NDRC non-ferrous/);
    expect(body.errors).toBe(0);
  });
});

describe('assay explain', () => {
  it('prints the tree down to facts and factors', async () => {
    const io = capture();
    expect(await main(['explain', minimal, 'ghg.scope2.location@smelter/2025'], io)).toBe(0);
    expect(io.text()).toContain('source: electricity bills');
    expect(io.text()).toContain(
      'mee-nbs/grid/2023/provincial/xinjiang/average; vintage 2023; calibre average',
    );
  });

  it('gives JSON lineage with factor provenance', async () => {
    const io = capture();
    expect(
      await main(['explain', minimal, 'ghg.scope1.combustion@smelter/2025', '--format', 'json'], io),
    ).toBe(0);
    const tree = JSON.parse(io.text());
    const leaves: { kind: string; factor: { status: string } | null }[] = [];
    const walk = (t: { kind: string; factor: { status: string } | null; children: never[] }) => {
      if (t.children.length === 0) leaves.push(t);
      t.children.forEach(walk);
    };
    walk(tree);
    expect(leaves.filter((l) => l.kind === 'factor').every((l) => l.factor?.status)).toBe(true);
    expect(leaves.some((l) => l.kind === 'fact')).toBe(true);
  });

  it('names an unknown figure and exits 2', async () => {
    const io = capture();
    expect(await main(['explain', minimal, 'ghg.scope1@nowhere/2025'], io)).toBe(2);
    expect(io.text()).toContain('no figure "ghg.scope1@nowhere/2025"');
  });
});

describe('assay calc on the reference dataset', () => {
  it('gives Scope 1, both Scope 2, energy in MWh and tce, intensities and social rates, without errors', async () => {
    const io = capture();
    const xinxin = join(root, 'examples/xinxin-2025');
    expect(
      await main(['calc', xinxin, '--format', 'json', '--entity', 'group', '--period', '2025'], io),
    ).toBe(0);
    const body = JSON.parse(io.text()) as {
      figures: { id: string; unit: string | null; error: unknown }[];
      errors: number;
    };
    expect(body.errors).toBe(0);
    const unitOf = (id: string) => body.figures.find((f) => f.id === id)?.unit;
    expect(unitOf('ghg.scope1@group/2025')).toBe('tCO2e');
    expect(unitOf('ghg.scope2.location@group/2025')).toBe('tCO2e');
    expect(unitOf('ghg.scope2.market@group/2025')).toBe('tCO2e');
    expect(unitOf('energy.total@group/2025')).toBe('MWh');
    expect(unitOf('energy.total.tce@group/2025')).toBe('tce');
    expect(unitOf('ghg.intensity.revenue@group/2025')).toBe('tCO2e/CNY million');
    expect(unitOf('energy.intensity.revenue.tce@group/2025')).toBe('tce/CNY million');
    expect(unitOf('training.coverage[gender=female]@group/2025')).toBe('%');
    expect(unitOf('employees.turnover-rate@group/2025')).toBe('%');
    // each is traceable
    const e = capture();
    expect(await main(['explain', xinxin, 'ghg.scope1@group/2025'], e)).toBe(0);
    expect(e.text()).toMatch(/source: report §/);
  });
});
