/** Governance inputs. */
import { indicator } from './define.js';

export const GOVERNANCE_INDICATORS = [
  indicator({
    id: 'board.members',
    zh: '董事會成員',
    en: 'Board members',
    topic: 'governance',
    unit: 'person',
    axes: ['gender', 'category', 'age-band', 'region', 'expertise'],
    aggregation: 'latest',
    precision: 0,
  }),
  indicator({
    id: 'governance.meetings',
    zh: '治理會議次數',
    en: 'Governance meetings held',
    topic: 'governance',
    unit: 'count',
    axes: ['category'],
    precision: 0,
  }),
];
