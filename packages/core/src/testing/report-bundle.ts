/**
 * A small bundle for report tests (not shipped data): one group, a smelter and a mine, two
 * years of figures, registers with a placeholder materiality score and narrative containing
 * markup (which every renderer must print as text). Built with the shared test builder.
 */
import type { Bundle } from '../model/bundle.js';
import { bundle, dp, section, sub, text } from './bundle-builder.js';

export const HOSTILE_TEXT = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes"';

export function reportTestBundle(): Bundle {
  return bundle({
    name: text('示例集團', 'Demo Group'),
    stockCode: '9999',
    frameworks: ['hkex', 'gri'],
    entities: [
      sub('smelter', { name: text('示例冶煉廠', 'Demo Smelter') }),
      sub('mine', { name: text('示例礦業', 'Demo Mining'), ownership: '0.6' }),
    ],
    data: [
      dp('group', 'revenue', '1234.567 CNY million'),
      dp('group', 'revenue', '1000 CNY million', {}, '2024'),
      dp('group', 'water.withdrawal', '12.3456 10⁴ m³'),
      dp('group', 'water.withdrawal', '110000 m³', {}, '2024'),
      dp('smelter', 'employees.headcount', '100 person', { gender: 'female' }),
      dp('smelter', 'employees.headcount', '300 person', { gender: 'male' }),
      dp('group', 'waste.hazardous', '2500.125 t'),
      dp('group', 'waste.hazardous', '0 t', {}, '2024'),
    ],
    registers: {
      materialTopics: [
        {
          id: 'ghg',
          name: text('溫室氣體排放', 'GHG emissions'),
          category: 'environmental',
          stakeholderScore: 4.5,
          businessScore: 4,
          isPlaceholder: false,
        },
        {
          id: 'safety',
          name: text('安全生產', 'Work safety'),
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
          name: text('高溫', 'Heat'),
          description: text('夏季高溫影響作業', 'Summer heat slows work'),
          horizon: 'long',
          financialEffect: text('成本上升', 'Higher costs'),
          response: text('調整班次', 'Shift changes'),
        },
      ],
    },
    narrative: [
      section(
        'emissions',
        text('排放', 'Emissions'),
        text(`排放管理。${HOSTILE_TEXT}`, `Emission management. ${HOSTILE_TEXT}`),
      ),
      section('climate-strategy', text('策略', 'Strategy'), text('氣候策略。', 'Climate strategy.')),
    ],
  });
}
