/** Test vocabulary for printed figures: pub('ghg-total', '205.22', '千噸二氧化碳當量', { figure: … }). */
import { parsePrinted } from '../../bundle/load-published.js';
import type { PublishedFigure } from '../../model/published.js';

export function pub(
  id: string,
  printed: string,
  unitLabel: string,
  o: {
    figure?: string;
    indicator?: string;
    label?: string;
    entity?: string;
    period?: string;
    disaggregation?: Record<string, string>;
    table?: string;
  } = {},
): PublishedFigure {
  const { value, precision } = parsePrinted(printed);
  return {
    id,
    section: 'test',
    labelZh: o.label ?? id,
    entityId: o.entity ?? 'group',
    periodId: o.period ?? '2025',
    disaggregation: o.disaggregation ?? {},
    printed,
    value,
    precision,
    unitLabel,
    ...(o.figure ? { figureRef: o.figure } : {}),
    ...(o.indicator ? { indicatorId: o.indicator } : {}),
    ...(o.table ? { table: o.table } : {}),
  };
}
