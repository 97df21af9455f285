/** The meter register names every problem (file, row, field). */
import { describe, expect, it } from 'vitest';
import { validateMeterRegister } from './validate-meters.js';

describe('meter register validation', () => {
  it('names every problem of every row', () => {
    const r = validateMeterRegister({
      siteIds: new Set(['plant']),
      meters: [
        {
          id: 'm1',
          site: 'plant',
          carrier: 'electricity',
          unit: 'kWh',
          mode: 'interval',
          interval_minutes: '15',
          utc_offset: '+08:00',
        },
        {
          id: 'm1',
          site: 'mars',
          carrier: 'plasma',
          unit: 'kWh',
          multiplier: '0',
          mode: 'both',
          utc_offset: '+8',
        },
        {
          id: 'm2',
          site: 'plant',
          carrier: 'water',
          unit: 'kWh',
          mode: 'interval',
          interval_minutes: '7',
          rollover_at: '10',
          parent: 'm9',
          utc_offset: '+09:00',
          installed: '2025-02-01',
          removed: '2025-01-01',
        },
        {
          id: 'm3',
          site: 'plant',
          carrier: 'electricity',
          unit: 'kWh',
          mode: 'cumulative',
          parent: 'm3',
          utc_offset: '+08:00',
        },
      ],
      replacements: [{ meter: 'm1', at: '2025-01-01', old_last_reading: '-1', new_first_reading: 'x' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.file}:${i.row}:${i.field}`)).toEqual([
      'meters.csv:3:id',
      'meters.csv:3:site',
      'meters.csv:3:carrier',
      'meters.csv:3:multiplier',
      'meters.csv:3:mode',
      'meters.csv:3:utc_offset',
      'meters.csv:4:unit',
      'meters.csv:4:interval_minutes',
      'meters.csv:4:rollover_at',
      'meters.csv:4:removed',
      'meters.csv:4:utc_offset',
      'meters.csv:4:parent',
      'meters.csv:5:parent',
      'meter-replacements.csv:2:meter',
      'meter-replacements.csv:2:at',
      'meter-replacements.csv:2:old_last_reading',
      'meter-replacements.csv:2:new_first_reading',
    ]);
  });
  it('accepts a valid register with a replacement', () => {
    const r = validateMeterRegister({
      meters: [
        {
          id: 'g',
          site: 'plant',
          carrier: 'natural-gas',
          unit: 'm3',
          mode: 'cumulative',
          rollover_at: '100000',
          utc_offset: '+08:00',
        },
      ],
      replacements: [
        { meter: 'g', at: '2025-01-15T12:00:00+08:00', old_last_reading: '1300', new_first_reading: '0' },
      ],
    });
    expect(r.ok && r.meters[0]?.replacements.map((x) => x.oldLastReading.toString())).toEqual(['1300']);
  });
});
