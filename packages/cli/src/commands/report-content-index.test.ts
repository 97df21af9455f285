/**
 * Honest content index (issue #19; docs/frameworks.md, "Content index in the report"): on the demo
 * bundle (examples/xinxin-2025) every row of the HKEX, GRI and SASAC indices has a status, and no
 * row is "disclosed" or "partly disclosed" without a place in the report — a section the report
 * prints — which the HTML index cites by section number in both languages.
 */
import { join } from 'node:path';
import { MemoryWorkspace, reportModel, reportStatus } from '@assay/app';
import type { Section } from '@assay/core';
import { loadBundle } from '@assay/io';
import { renderHtml } from '@assay/render';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');

it('every row has a status and every disclosed row a section the report prints', async () => {
  const loaded = await loadBundle(join(root, 'examples', 'xinxin-2025'));
  if (!loaded.ok) throw new Error('demo should load');
  const ws = new MemoryWorkspace(loaded.bundle, () => '2026-04-01T09:00:00.000Z');
  const s = ws.snapshot();
  const model = reportModel(s, await reportStatus(s, ws.cycle));
  const flat = (ss: readonly Section[]): Section[] => ss.flatMap((x) => [x, ...flat(x.sections)]);
  const printed = new Map(flat(model.sections).map((x) => [x.id, x.number]));

  const rows = model.contentIndex;
  expect(rows.length).toBeGreaterThan(100);
  const noStatus = rows.filter((r) => r.status === undefined).map((r) => `${r.framework} ${r.code}`);
  expect(noStatus, 'rows without a status').toEqual([]);
  const disclosed = rows.filter((r) => r.status === 'disclosed' || r.status === 'partly-disclosed');
  expect(disclosed.length).toBeGreaterThan(20);
  const placeless = disclosed
    .filter((r) => r.sectionIds.length === 0 || r.sectionIds.some((id) => !printed.has(id)))
    .map((r) => `${r.framework} ${r.label}: ${r.status}, sections [${r.sectionIds.join(', ')}]`);
  expect(placeless, 'disclosed rows without a place in the report').toEqual([]);

  // The rendered index cites the section number on each disclosed row, in both languages.
  for (const lang of ['zh-Hant', 'en'] as const) {
    const html = renderHtml(model, lang);
    const tables = [...html.matchAll(/<table class="content-index">([\s\S]*?)<\/table>/g)].map(
      (m) => m[1] ?? '',
    );
    const cells = tables.flatMap((t) =>
      [...t.matchAll(/<tr><td>([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
        (m) => [m[1], m[2]] as const,
      ),
    );
    for (const r of disclosed) {
      const row = cells.find(([label]) => label === r.label.replace(/&/g, '&amp;'));
      expect(row?.[1], `${lang} ${r.framework} ${r.label}`).toBe(
        r.sectionIds.map((id) => printed.get(id)).join(', '),
      );
    }
  }
}, 120_000);
