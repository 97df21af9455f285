/**
 * The figure page's derivation tree (GET /api/lineage): labels, kinds and operations in both
 * languages, and values of nodes that are not figures to at most 6 decimals (issue #19: the
 * constant 44/12 was shown with its 40 digits and every label below the figure was English).
 */
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { explainFigure, type LineageJson } from './explain-figure.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok) throw new Error('examples/xinxin-2025 does not load');
const ws = new MemoryWorkspace(loaded.bundle, () => '2026-01-01T00:00:00Z');

function all(n: LineageJson, out: LineageJson[] = []): LineageJson[] {
  out.push(n);
  for (const c of n.children) all(c, out);
  return out;
}

describe('explainFigure on xinxin-2025: Scope 1', () => {
  const r = explainFigure(ws.snapshot(), 'ghg.scope1@group/2025');
  if (!r.ok) throw new Error('no lineage');
  const nodes = all(r.value);

  it('labels every node in Chinese, without English, and in English', () => {
    expect(nodes.length).toBeGreaterThan(15);
    for (const n of nodes) {
      expect(n.label['zh-Hant'].replace(/GB\/T/g, ''), n.id).not.toMatch(/[A-Za-z]/);
      expect(n.kindText['zh-Hant'], n.id).not.toMatch(/[A-Za-z]/);
      if (n.opText) expect(n.opText['zh-Hant'], n.id).not.toMatch(/[A-Za-z]/);
      expect(n.label.en, n.id).toMatch(/[A-Za-z]/);
    }
    const diesel = nodes.find((n) => n.id === 'act:diesel-2025');
    expect(diesel?.label['zh-Hant']).toBe('燃料：柴油（未分項計量），新疆新鑫礦業股份有限公司，2025年');
    expect(diesel?.kindText).toEqual({ 'zh-Hant': '數據', en: 'fact' });
  });

  it('shows the constant 44/12 as 3.666667 and keeps its exact value', () => {
    const c = nodes.find((n) => n.id === 'factor:constants/co2-per-carbon');
    expect(c?.label['zh-Hant']).toBe('二氧化碳與碳的分子量之比（44/12）');
    expect(c?.value?.display).toBe('3.666667');
    expect(c?.value?.value).toBe('3.666666666666666666666666666666666666667');
    // the figure itself at its catalogue precision
    expect(r.value.value?.display).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  });
});
