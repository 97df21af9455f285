/**
 * The second example group, examples/demo-cement-2025 (issue #24; DEMONSTRATION DATA, a made-up
 * cement plant and limestone quarry), end to end through the CLI as CI runs it: validate, calc,
 * check with no finding on its printed figures, disclosures under the 2025 HKEX Code (FY2025) and
 * the 2019 Guide (the same bundle moved to FY2024), and the report in both languages.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assay, ROOT } from './cli-harness.js';

const CEMENT = join(ROOT, 'examples', 'demo-cement-2025');
const tmp = mkdtempSync(join(tmpdir(), 'assay-demo-cement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example moved back one year: 2025 → 2024, 2024 → 2023 (the grid factor vintage 2023 stays). */
function inFy2024(): string {
  const dir = join(tmp, 'fy2024');
  cpSync(CEMENT, dir, { recursive: true });
  for (const f of readdirSync(dir)) {
    const t = readFileSync(join(dir, f), 'utf8');
    writeFileSync(join(dir, f), t.replaceAll('2024', '2023').replaceAll('2025', '2024'));
  }
  return dir;
}

describe('examples/demo-cement-2025 (demonstration data) through the CLI', () => {
  it('validates', async () => {
    const r = await assay('validate', CEMENT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid — 3 entities, 7 data points, 6 activity lines, 10 published figures');
  });

  it('calculates Scope 1 by the cement pack and the quarry by GB/T 32150', async () => {
    const r = await assay('calc', CEMENT);
    expect(r.code).toBe(0);
    const figure = (id: string) =>
      r.out
        .split('\n')
        .find((l) => l.startsWith(`${id} `))
        ?.split(/\s{2,}/)[1];
    // clinker 800,000 t × (0.65 × 0.7848 + 0.015 × 1.0919 = 0.5264985) = 421,198.8 tCO2e
    expect(figure('ghg.scope1.process@group/2025')).toBe('421198.80 tCO2e');
    // raw coal 100,000 t × 20.908 × 0.02637 × 0.94 × 44/12 = 190,029.88488; diesel 200 t at the
    // plant 619.181929 and 500 t at the quarry 1,547.954821 (× 42.652 × 0.0202 × 0.98 × 44/12)
    expect(figure('ghg.scope1.combustion@group/2025')).toBe('192197.02 tCO2e');
    expect(figure('ghg.scope1@quarry/2025')).toBe('1547.95 tCO2e');
    expect(figure('ghg.scope1@group/2025')).toBe('613395.82 tCO2e');
    expect(r.out).toMatch(/\d+ figures, 0 in error/);
  });

  it('checks clean: every printed figure tied, no finding on any of them', async () => {
    const r = await assay('check', CEMENT, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      summary: { bySeverity: Record<string, number>; coverage?: { printed: number; tied: number } };
      findings: { ruleId: string; where: Record<string, string> }[];
    };
    expect(j.summary.coverage).toMatchObject({ printed: 10, tied: 10 });
    expect(j.summary.bySeverity.error ?? 0).toBe(0);
    // what remains is completeness of provisions the demonstration leaves out, never a printed figure
    expect(j.findings.filter((f) => f.where.publishedId !== undefined)).toEqual([]);
    expect([...new Set(j.findings.map((f) => f.ruleId))]).toEqual(['completeness']);
  });

  it('discloses every mandatory provision of the 2025 Code (FY2025) and of the 2019 Guide (FY2024)', async () => {
    const y25 = await assay('disclosures', CEMENT, '--format', 'json');
    expect(y25.code).toBe(0);
    expect(JSON.parse(y25.out)).toMatchObject({ framework: 'hkex', version: '2025', year: '2025' });
    const y24 = await assay('disclosures', inFy2024(), '--format', 'json');
    expect(y24.code).toBe(0);
    const r24 = JSON.parse(y24.out) as {
      version: string;
      provisions: { code: string; obligation: string; status: string }[];
    };
    expect(r24.version).toBe('2019');
    const mandatory = r24.provisions.filter((p) => p.obligation === 'mandatory');
    expect(mandatory.length).toBeGreaterThan(0);
    expect(mandatory.filter((p) => p.status !== 'disclosed')).toEqual([]);
  });

  it('reports in both languages, naming the cement method, with no English in the Chinese text', async () => {
    const out = join(tmp, 'report');
    const r = await assay('report', CEMENT, '--out', out, '--lang', 'zh-Hant,en', '--format', 'html');
    expect(r.code).toBe(0);
    const text = (lang: string) =>
      readFileSync(join(out, `report.${lang}.html`), 'utf8')
        .replace(/<style>[\s\S]*?<\/style>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&');
    const en = text('en');
    expect(en).toContain('cement and lime: clinker calcination by IPCC 2006 Guidelines, Vol. 3 Ch. 2');
    expect(en).toContain('GB/T 32150-2015 general guideline');
    expect(en).toContain('613,395.82');
    const zh = text('zh-Hant');
    expect(zh).toContain('水泥及石灰：熟料煅燒排放');
    expect(zh).toContain('613,395.82');
    // Latin words allowed in Chinese reports (report-localisation.test.ts has the full rule)
    const allowed = new Set(['GRI', 'IFRS', 'S2', 'SASB', 'ESG', 'KPI', 'IPCC', 'C2', 'GB/T']);
    const words = (
      zh
        .replace(/[(（]\s*(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\s*[)）]/g, ' ')
        .match(/[A-Za-z][A-Za-z\d]*(?:[./-][A-Za-z\d]+)*/g) ?? []
    ).filter((w) => !allowed.has(w) && !/^[A-Z][A-Z\d]*(?:\.[A-Za-z\d]+)+$/.test(w));
    expect(words).toEqual([]);
  });
});
