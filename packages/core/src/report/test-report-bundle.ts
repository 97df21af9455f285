/**
 * A small bundle for report tests (not shipped data): one group, a smelter and a mine, two
 * years of figures, registers with a placeholder materiality score and narrative containing
 * markup (which every renderer must print as text).
 */
import type { RawBundle, RawTable } from '../bundle/raw.js';
import { validateBundle } from '../bundle/validate-bundle.js';
import type { Bundle } from '../model/bundle.js';

const table = (file: string, header: string[], rows: string[][]): RawTable => ({
  file,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

export const HOSTILE_TEXT = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes"';

export function reportTestBundle(): Bundle {
  const raw: RawBundle = {
    settings: {
      file: 'assay.yaml',
      data: {
        schemaVersion: 1,
        organisation: {
          id: 'demo',
          name: { 'zh-Hant': '示例集團', en: 'Demo Group' },
          stockCode: '9999',
          issuerType: 'main-board',
          entities: [
            { id: 'group', kind: 'group', name: { 'zh-Hant': '示例集團', en: 'Demo Group' } },
            {
              id: 'smelter',
              kind: 'subsidiary',
              parent: 'group',
              name: { 'zh-Hant': '示例冶煉廠', en: 'Demo Smelter' },
            },
            {
              id: 'mine',
              kind: 'subsidiary',
              parent: 'group',
              ownership: '0.6',
              name: { 'zh-Hant': '示例礦業', en: 'Demo Mining' },
            },
          ],
        },
        reporting: { current: '2025', prior: ['2024'] },
        frameworks: ['hkex', 'gri'],
      },
    },
    dataPoints: table(
      'data-points.csv',
      ['entity', 'period', 'indicator', 'disaggregation', 'value', 'unit', 'source'],
      [
        ['group', '2025', 'revenue', '', '1234.567', 'CNY million', 'ledger'],
        ['group', '2024', 'revenue', '', '1000', 'CNY million', 'ledger'],
        ['group', '2025', 'water.withdrawal', '', '12.3456', '10⁴ m³', 'meters'],
        ['group', '2024', 'water.withdrawal', '', '110000', 'm³', 'meters'],
        ['smelter', '2025', 'employees.headcount', 'gender=female', '100', 'person', 'HR'],
        ['smelter', '2025', 'employees.headcount', 'gender=male', '300', 'person', 'HR'],
        ['group', '2025', 'waste.hazardous', '', '2500.125', 't', 'ledger'],
        ['group', '2024', 'waste.hazardous', '', '0', 't', 'ledger'],
      ],
    ),
    registers: {
      file: 'registers.yaml',
      data: {
        materialTopics: [
          {
            id: 'ghg',
            name: { 'zh-Hant': '溫室氣體排放', en: 'GHG emissions' },
            category: 'environmental',
            stakeholderScore: 4.5,
            businessScore: 4,
            isPlaceholder: false,
          },
          {
            id: 'safety',
            name: { 'zh-Hant': '安全生產', en: 'Work safety' },
            category: 'social',
            stakeholderScore: 4.8,
            businessScore: 4.6,
            isPlaceholder: true,
          },
        ],
        climateRisks: [
          {
            id: 'heat',
            kind: 'physical-chronic',
            name: { 'zh-Hant': '高溫', en: 'Heat' },
            description: { 'zh-Hant': '夏季高溫影響作業', en: 'Summer heat slows work' },
            horizon: 'long',
            financialEffect: { 'zh-Hant': '成本上升', en: 'Higher costs' },
            response: { 'zh-Hant': '調整班次', en: 'Shift changes' },
          },
        ],
      },
    },
    narrative: {
      file: 'narrative.yaml',
      data: {
        sections: [
          {
            id: 'emissions',
            title: { 'zh-Hant': '排放', en: 'Emissions' },
            body: { 'zh-Hant': `排放管理。${HOSTILE_TEXT}`, en: `Emission management. ${HOSTILE_TEXT}` },
          },
          {
            id: 'climate-strategy',
            title: { 'zh-Hant': '策略', en: 'Strategy' },
            body: { 'zh-Hant': '氣候策略。', en: 'Climate strategy.' },
          },
        ],
      },
    },
  };
  const v = validateBundle(raw);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.file} ${i.column ?? ''}: ${i.reason}`).join('\n'));
  return v.bundle;
}
