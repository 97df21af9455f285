/**
 * examples/scope3-demo (DEMONSTRATION DATA, a DEMONSTRATION factor set) end to end through the
 * CLI (issue #21): `assay calc`, `check`, `disclosures`, `report` and `explain`. The value-chain
 * data stays in this example rather than in examples/xinxin-2025, whose report, checks and
 * content index many tests pin (docs/methods.md, "Scope 3").
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const demo = join(root, 'examples/scope3-demo');
const out = mkdtempSync(join(tmpdir(), 'assay-scope3-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}
async function run(args: string[]): Promise<{ code: number; text: string }> {
  const io = capture();
  const code = await main(args, io);
  return { code, text: io.text() };
}

describe('examples/scope3-demo through the CLI', () => {
  it('calc: Scope 3 by category at the group, screening estimates left out of the total', async () => {
    const r = await run(['calc', demo, '--format', 'json', '--entity', 'group', '--period', '2025']);
    expect(r.code).toBe(0);
    const figures: { id: string; value: string }[] = JSON.parse(r.text).figures;
    const value = (id: string) => figures.find((f) => f.id === id)?.value;
    // 14,776 + 2,266.751 + 54 + 240 + 175 + 63 + 5,200 = 22,774.751 (packages/io/src/scope3-demo.test.ts)
    expect(value('ghg.scope3@group/2025')).toBe('22774.75');
    expect(value('ghg.scope3[category=cat-1]@group/2025')).toBe('14776.00');
    // x1 (capital goods, 5 CNY million × 0.97 × 0.4 kg = 1,940 t) and x2 (commuting) are screening only
    expect(value('ghg.scope3[category=cat-2]@group/2025')).toBeUndefined();
    expect(value('ghg.scope3[category=cat-7]@group/2025')).toBeUndefined();
  });

  it('check: no Scope 3 finding (every category left out has a justification)', async () => {
    const r = await run(['check', demo, '--format', 'json']);
    const body = JSON.parse(r.text);
    expect(body.findings.filter((f: { code: string }) => f.code.startsWith('scope3-'))).toEqual([]);
    // without the justification of capital goods (relevant by size: 1,940 of 24,864.751 t = 7.8 %) a warning
    const copy = join(out, 'no-cat-2');
    cpSync(demo, copy, { recursive: true });
    const yaml = readFileSync(join(copy, 'assay.yaml'), 'utf8');
    writeFileSync(join(copy, 'assay.yaml'), yaml.replace(/^ {8}cat-2: .*\n/m, ''));
    const without = JSON.parse((await run(['check', copy, '--format', 'json'])).text);
    const s3 = without.findings.filter((f: { code: string }) => f.code.startsWith('scope3-'));
    expect(s3.map((f: { code: string; severity: string }) => `${f.code} ${f.severity}`)).toEqual([
      'scope3-excluded-unjustified warning',
    ]);
    expect(s3[0].message.en).toContain('relevant (size; 7.8 % of the screened 24865 tCO2e)');
  });

  it('disclosures: HKEX Part D (e) disclosed, naming the categories included and the exclusions', async () => {
    const r = await run(['disclosures', demo, '--format', 'json']);
    const e = JSON.parse(r.text).provisions.find((p: { code: string }) => p.code === 'D.MT.GHG.e');
    expect(e.status).toBe('disclosed');
    expect(e.note.en).toMatch(
      /^Categories included: 1 Purchased goods and services; 3 Fuel- and energy-related activities .*; 10 Processing of sold products\. Excluded after screening: 2 Capital goods \(screened by spend at about 8 %/,
    );
    expect(e.note['zh-Hant']).toContain('經篩選後未計入：2 資本貨物（按支出篩選約佔總量8%');
  });

  it('report: the Scope 3 table, its exclusion note and the content index row', async () => {
    const r = await run(['report', demo, '--out', out, '--lang', 'en', '--format', 'html']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.en.html'), 'utf8');
    expect(html).toContain('Scope 3 GHG emissions by category');
    expect(html).toContain('Categories excluded after screening: 2. Capital goods (screened by spend');
    expect(html).toContain('Categories included: 1 Purchased goods and services');
  }, 120_000);

  it('explain: a category total reaches every line, its factor and its data-quality score', async () => {
    const r = await run(['explain', demo, 'ghg.scope3[category=cat-1]@group/2025']);
    expect(r.code).toBe(0);
    for (const expected of [
      'Scope 3 cat-1 of s1 (average-data): 10800 tCO2e = product of [data quality 3',
      'demo/avg/nickel-concentrate: 0.9 tCO2e/t',
      'Scope 3 cat-1 of s2 (supplier-specific): 1260 tCO2e = product of [data quality 2',
      "supplier's factor for s2 (stated on the line): 0.42 tCO2e/t",
      'Scope 3 cat-1 of s3 (spend-based): 2716 tCO2e = product of [data quality 4',
      'demo/spend/mining-support-services: 0.35 kgCO2e/CNY',
      "price-year deflator to the factor's prices (from 2025 prices, stated on the line): 0.97 ratio",
    ])
      expect(r.text).toContain(expected);
    // JSON: every line of the category is a leaf (fact) of the tree, each beside its factor
    const json = await run(['explain', demo, 'ghg.scope3[category=cat-1]@group/2025', '--format', 'json']);
    type Tree = { kind: string; id: string; note: string | null; children: Tree[] };
    const nodes: Tree[] = [];
    const walk = (t: Tree) => {
      nodes.push(t);
      t.children.forEach(walk);
    };
    walk(JSON.parse(json.text));
    const notes = nodes.filter((n) => /^act:s\d:co2e$/.test(n.id)).map((n) => [n.id, n.note]);
    expect(notes.sort()).toEqual([
      ['act:s1:co2e', 'data quality 3 (1 best … 5 poorest)'],
      ['act:s2:co2e', 'data quality 2 (1 best … 5 poorest)'],
      ['act:s3:co2e', 'data quality 4 (1 best … 5 poorest)'],
    ]);
    expect(
      nodes
        .filter((n) => n.kind === 'factor')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['factor:demo/avg/nickel-concentrate', 'factor:demo/spend/mining-support-services']);
  });
});
