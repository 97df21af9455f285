/** Test helpers: a register and readings from small hand-written CSV texts (no quoting). */
import { Decimal } from '../decimal.js';
import type { Meter } from './meter.js';
import type { MeterReading } from './reading.js';
import { parseInstant } from './timestamp.js';
import { type MeterRow, type ReplacementRow, validateMeterRegister } from './validate-meters.js';

function rows(text: string): Record<string, string>[] {
  const [head, ...lines] = text
    .trim()
    .split('\n')
    .map((l) => l.trim());
  const cols = (head ?? '').split(',');
  return lines
    .filter((l) => l !== '')
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i] ?? '', v])));
}

export function registerOf(
  meters: string,
  replacements = 'meter,at,old_last_reading,new_first_reading',
): Meter[] {
  const r = validateMeterRegister({
    meters: rows(meters) as MeterRow[],
    replacements: rows(replacements) as ReplacementRow[],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return [...r.meters];
}

export function readingsOf(text: string): MeterReading[] {
  return rows(`meter,at,value\n${text}`).map((r) => {
    const p = parseInstant(r.at ?? '');
    if (!p.ok) throw new Error(p.reason);
    return {
      meterId: r.meter ?? '',
      at: p.instant.epochSeconds,
      offsetMinutes: p.instant.offsetMinutes,
      value: new Decimal(r.value ?? ''),
    };
  });
}
