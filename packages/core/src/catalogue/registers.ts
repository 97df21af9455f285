/**
 * Indicators derived from the supplier, hazard and project registers (methods/register-figures.ts;
 * docs/registers.md). Never typed in: a figure of these is counted from register rows, with the
 * rows as its lineage.
 */
import type { Indicator } from '../model/indicator.js';
import { indicator } from './define.js';

const derived = (
  id: string,
  zh: string,
  en: string,
  topic: string,
  unit: string,
  precision: number,
  region = false,
) =>
  indicator({
    id,
    zh,
    en,
    topic,
    unit,
    kind: 'derived',
    precision,
    ...(region ? { axes: ['region'] as const } : {}),
  });

export const REGISTER_INDICATORS: readonly Indicator[] = [
  derived(
    'suppliers.registered',
    '供應商數量（按供應商名冊，按統一社會信用代碼去重）',
    'Suppliers (from the supplier register, one per credit code)',
    'supply-chain',
    'count',
    0,
    true,
  ),
  derived(
    'suppliers.assessed',
    '實施供應商管理常規的供應商數量（已完成環境、社會及管治評估，按統一社會信用代碼去重）',
    'Suppliers where engagement practices are implemented (ESG assessment on file, one per credit code)',
    'supply-chain',
    'count',
    0,
  ),
  derived('hazards.found', '排查發現隱患數量', 'Hazards found', 'safety', 'count', 0),
  derived('hazards.rectified', '已整改隱患數量', 'Hazards rectified', 'safety', 'count', 0),
  derived('hazards.overdue', '逾期未整改隱患數量', 'Hazards overdue', 'safety', 'count', 0),
  derived('hazards.rectification-rate', '隱患整改率', 'Hazard rectification rate', 'safety', '%', 1),
  derived(
    'projects.count',
    '節能減排項目數量',
    'Energy-saving and emission-reduction projects',
    'energy',
    'count',
    0,
  ),
  derived(
    'projects.completed',
    '已完成節能減排項目數量',
    'Energy-saving and emission-reduction projects completed',
    'energy',
    'count',
    0,
  ),
  derived(
    'projects.completion-rate',
    '節能減排項目完成率',
    'Completion rate of energy-saving and emission-reduction projects',
    'energy',
    '%',
    1,
  ),
  derived(
    'projects.saved.energy',
    '節能減排項目經核實節能量',
    'Verified energy savings of projects',
    'energy',
    'tce',
    2,
  ),
  derived(
    'projects.saved.electricity',
    '節能減排項目經核實節電量',
    'Verified electricity savings of projects',
    'energy',
    'MWh',
    2,
  ),
  derived(
    'projects.saved.emissions',
    '節能減排項目經核實減排量',
    'Verified emission reductions of projects',
    'emissions',
    'tCO2e',
    2,
  ),
];
