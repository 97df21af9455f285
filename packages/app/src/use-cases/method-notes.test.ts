/**
 * Method notes in both languages (core report/method-note-text.ts): every note of the example groups'
 * derivations (xinxin-2025, demo-cement-2025, scope3-demo: 41 distinct notes when written) is in
 * a known shape, and its Chinese text names indicators by their Chinese names, with no Latin-script
 * word but codes (capitals with digits, e.g. B3.2).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCatalogue, evaluateBundle, explain, type Lineage, methodNoteText } from '@assay/core';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples');

describe('methodNoteText', () => {
  it('reads every note of the example groups and prints it in Chinese', async () => {
    const seen = new Set<string>();
    for (const dir of readdirSync(EXAMPLES)) {
      const loaded = await loadBundle(join(EXAMPLES, dir));
      if (!loaded.ok) continue;
      const catalogue = bundleCatalogue(loaded.bundle);
      const name = (id: string) => catalogue.get(id)?.name;
      const e = evaluateBundle(loaded.bundle);
      for (const f of e.figures) {
        const walk = (n: Lineage) => {
          if (n.note && !seen.has(`${dir} ${n.note}`)) {
            seen.add(`${dir} ${n.note}`);
            const t = methodNoteText(n.note, name);
            expect(t.known, n.note).toBe(true);
            const latin = (t.text['zh-Hant'].match(/[A-Za-z][A-Za-z\d.]*/g) ?? []).filter(
              (w) => !/^[A-Z]+\d/.test(w),
            );
            expect(latin, `${n.note} → ${t.text['zh-Hant']}`).toEqual([]);
          }
          n.children.forEach(walk);
        };
        walk(explain(e.graph, f.id));
      }
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('names the indicators and keeps an unknown shape as written', () => {
    const names: Record<string, { 'zh-Hant': string; en: string }> = {
      'ghg.scope1': { 'zh-Hant': '範圍1排放', en: 'Scope 1 emissions' },
      revenue: { 'zh-Hant': '收入', en: 'Revenue' },
    };
    const name = (id: string) => names[id];
    expect(methodNoteText('sum of ghg.scope1', name).text).toEqual({
      'zh-Hant': '範圍1排放之和',
      en: 'Sum of Scope 1 emissions',
    });
    expect(methodNoteText('ghg.scope1 ÷ revenue', name).text['zh-Hant']).toBe('範圍1排放 ÷ 收入');
    // an id the catalogue does not know: printed as written
    expect(methodNoteText('ghg.scope9 ÷ revenue', name).known).toBe(false);
    expect(methodNoteText('total = sum over gender', name).text['zh-Hant']).toBe('合計 = 按性別加總');
    expect(methodNoteText('something new', name)).toEqual({
      text: { 'zh-Hant': 'something new', en: 'something new' },
      known: false,
    });
  });
});
