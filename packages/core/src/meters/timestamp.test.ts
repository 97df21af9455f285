import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatInstant,
  monthAt,
  monthBounds,
  parseInstant,
} from './timestamp.js';

describe('reading timestamps', () => {
  it('reads an offset and counts seconds from the epoch', () => {
    const p = parseInstant('2025-01-01T08:00:00+08:00');
    expect(p).toEqual({ ok: true, instant: { epochSeconds: 1735689600, offsetMinutes: 480 } });
    expect(parseInstant('2025-01-01T00:00Z')).toEqual({
      ok: true,
      instant: { epochSeconds: 1735689600, offsetMinutes: 0 },
    });
  });
  it('refuses a timestamp without an offset, or an impossible date', () => {
    for (const t of [
      '2025-01-01T00:00:00',
      '2025-02-29T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T00:00:00+15:00',
      'x',
    ])
      expect(parseInstant(t).ok, t).toBe(false);
  });
  it('cuts months at the site midnight', () => {
    const t = 1735689600 - 1; // 2024-12-31T23:59:59Z = 2025-01-01T07:59:59+08:00
    expect(monthAt(t, 480)).toBe('2025-01');
    expect(monthAt(t, 0)).toBe('2024-12');
    expect(monthBounds('2025-02', 480)).toEqual({ start: 1738368000 - 8 * 3600, end: 1740787200 - 8 * 3600 });
    // 2025-02-01T00:00Z = 1735689600 + 31 days; 2025-03-01T00:00Z = that + 28 days
    expect(formatInstant(1735689600, 480)).toBe('2025-01-01T08:00:00+08:00');
  });
  it('days and civil dates are inverse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800000, max: 800000 }), (d) => {
        const c = civilFromDays(d);
        expect(daysFromCivil(c.y, c.m, c.d)).toBe(d);
      }),
    );
  });
});
