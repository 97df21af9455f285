/**
 * `assay calc [bundle]`: every figure with id, entity, period, value, unit and method, of the
 * bundle folder or, without one, of the store (bundle-source.ts); app's evaluation either way.
 */
import { type Figure, formatFixed } from '@assay/core';
import { type Command, EXIT, formatOption, optionalPositional } from '../command.js';
import { withBundleSource } from './bundle-source.js';

export type FigureRow = {
  id: string;
  indicator: string;
  entity: string;
  period: string;
  disaggregation: Record<string, string>;
  value: string | null;
  exact: string | null;
  unit: string | null;
  method: string | null;
  error: { code: string; message: string; origin: string } | null;
};

export function figureRow(f: Figure): FigureRow {
  const ok = f.value.kind === 'quantity';
  return {
    id: f.id,
    indicator: f.indicatorId,
    entity: f.entityId,
    period: f.periodId,
    disaggregation: { ...f.disaggregation },
    value: f.value.kind === 'quantity' ? formatFixed(f.value.value, f.precision) : null,
    exact: f.value.kind === 'quantity' ? f.value.value.toString() : null,
    unit: f.value.kind === 'quantity' ? f.value.unit.symbol : null,
    method: f.method ?? null,
    error:
      ok || f.value.kind !== 'error'
        ? null
        : { code: f.value.code, message: f.value.message, origin: f.value.origin },
  };
}

export const calcCommand: Command = {
  name: 'calc',
  usage: 'assay calc [bundle] [--format text|json] [--entity ID] [--period YYYY]',
  summary: 'calculate every figure (GHG, energy, intensities, social rates) with its unit and method',
  options: { format: { type: 'string' }, entity: { type: 'string' }, period: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'], 'text');
    const dir = optionalPositional(args);
    const { evaluated } = await import('@assay/app');
    return withBundleSource(dir, 'calc', io, async (snapshot) => {
      const { figures } = evaluated(snapshot).evaluation;
      const rows = figures
        .filter((f) => args.values.entity === undefined || f.entityId === args.values.entity)
        .filter((f) => args.values.period === undefined || f.periodId === args.values.period)
        .map(figureRow);
      const errors = rows.filter((r) => r.error !== null);
      if (format === 'json') io.out(JSON.stringify({ figures: rows, errors: errors.length }, null, 2));
      else {
        for (const r of rows) {
          const v = r.error ? `ERROR ${r.error.code}: ${r.error.message}` : `${r.value} ${r.unit}`;
          io.out(`${r.id.padEnd(60)} ${v}`);
        }
        io.out(`${rows.length} figures, ${errors.length} in error`);
      }
      return errors.length > 0 ? EXIT.findings : EXIT.clean;
    });
  },
};
