/**
 * Raw bundles for validation tests: the settings of a two-entity group (group, smelter) for 2025
 * with 2024 as prior year, tables from cell arrays, and the issues validation reports.
 */
import type { RawBundle, RawTable } from '../bundle/raw.js';
import { validateBundle } from '../validate/validate-bundle.js';

export const rawSettings = () => ({
  schemaVersion: 1,
  organisation: {
    id: 'demo',
    name: { 'zh-Hant': '示例集團', en: 'Demo Group' },
    issuerType: 'main-board',
    entities: [
      { id: 'group', kind: 'group', name: { 'zh-Hant': '示例集團', en: 'Demo Group' } },
      { id: 'smelter', kind: 'subsidiary', parent: 'group', name: { 'zh-Hant': '冶煉廠', en: 'Smelter' } },
    ],
  },
  reporting: { current: '2025', prior: ['2024'] },
});

/** A table whose rows are lines 2, 3, … (the header is line 1). */
export const rawTable = (file: string, header: string[], rows: string[][]): RawTable => ({
  file,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

export const DATA_POINT_HEADER = [
  'entity',
  'period',
  'indicator',
  'disaggregation',
  'value',
  'unit',
  'source',
];

export const withDataPoints = (rows: string[][], header = DATA_POINT_HEADER): RawBundle => ({
  settings: { file: 'assay.yaml', data: rawSettings() },
  dataPoints: rawTable('data-points.csv', header, rows),
});

export const issuesOf = (raw: RawBundle) => {
  const r = validateBundle(raw);
  return r.ok ? [] : r.issues;
};
