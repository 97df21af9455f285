/**
 * `assay check` on the reference report (examples/xinxin-2025): the real errors the checker
 * found stay found, the false alarm of printed rounding is gone (issue 20: two rates printed to
 * two decimals, weighted back, give [1633.80, 1633.98] people instead of 1,634 only because one of
 * them is cut off, which the rounding rule reports), and the summary states the coverage.
 * docs/checks.md, "What it found in the reference report", has the numbers before and after.
 */
import { describe, expect, it } from 'vitest';
import { assay, XINXIN } from './cli-harness.js';

type Json = {
  summary: {
    bySeverity: Record<string, number>;
    coverage?: { printed: number; tied: number; computable: number };
  };
  findings: {
    ruleId: string;
    code: string;
    severity: string;
    where: Record<string, string>;
    message: { en: string };
  }[];
};

const key = (f: Json['findings'][number]) =>
  `${f.severity} ${f.ruleId}/${f.code} ${f.where.publishedId ?? f.where.figureId ?? f.where.indicatorId ?? ''}`;

describe('assay check on the reference report', () => {
  it('finds the real errors, not the rounding false alarm, and states the coverage', async () => {
    const r = await assay('check', XINXIN, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as Json;
    const keys = j.findings.map(key);
    // real errors found before issue 20, still found
    for (const k of [
      'error recompute/value-differs ghg-scope2',
      'error recompute/value-differs ghg-scope1',
      'error recompute/value-differs ghg-total',
      'error recompute/value-differs energy-total',
      'error units/intensity-denominator energy-intensity-a',
      'error units/energy-emissions-swap sdg-energy-total',
      'error reconciliation/printed-twice energy-intensity-b',
      'warning plausibility/implied-grid-factor ghg-scope2',
      'warning rounding/truncated train-male-pct',
      'warning reconciliation/printed-ratio ghg-scope2-intensity',
      'warning reconciliation/average-mismatch training.average-hours',
      'warning implied-denominator/bases-sum train-senior-pct,train-middle-pct,train-general-pct',
      // issue #24: reported at its origin, the group's hazardous-waste input, naming the printed total
      'warning year-on-year/unexplained-change waste.hazardous@group/2025',
      'warning instruments/certificate-as-offset ',
    ])
      expect(keys).toContain(k);
    // the weighted-back coverage by gender is the truncation again: info, not a warning
    expect(keys).toContain('info reconciliation/average-follows-rounding training.coverage');
    expect(keys).not.toContain('warning reconciliation/average-mismatch training.coverage');
    const waste = j.findings.find((f) => f.where.figureId === 'waste.hazardous@group/2025');
    expect(waste?.message.en).toContain(
      'not reported again: waste-haz-2025, waste.hazardous.total@group/2025',
    );
    expect(keys).not.toContain('warning year-on-year/unexplained-change waste-haz-2025');
    const grid = j.findings.find((f) => f.code === 'implied-grid-factor');
    expect(grid?.message.en).toContain('[0.228996, 0.229021]');
    expect(grid?.message.en).toContain('[0.53055, 0.82735]');
    expect(j.summary.bySeverity.error).toBe(20);
    expect(j.summary.coverage).toEqual({ printed: 190, tied: 114, computable: 97 });
  });

  it('prints the coverage in the table summary', async () => {
    const r = await assay('check', XINXIN);
    expect(r.code).toBe(1);
    expect(r.out).toContain('coverage: 114 of 190 printed numbers tied to a figure (60.0%), 97 computable');
    expect(r.out.split('\n')[0]).toMatch(/^\d+ findings: 20 error, \d+ warning, \d+ info$/);
  });
});
