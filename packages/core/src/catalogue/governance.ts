/** Governance inputs. */
import { indicator } from './define.js';

export const GOVERNANCE_INDICATORS = [
  indicator({
    id: 'board.members',
    zh: '董事會成員',
    en: 'Board members',
    topic: 'governance',
    unit: 'person',
    axes: ['gender', 'category'],
    aggregation: 'latest',
    precision: 0,
  }),
];
