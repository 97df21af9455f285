/** Each reading quality check on a small hand-written file (issue #22). */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { analyseMeter } from './analyse-meter.js';
import { describeMeterFinding } from './finding-text.js';
import { readingsOf, registerOf } from './meters-test-helpers.js';

const [iv, reg] =
  registerOf(`id,site,carrier,unit,multiplier,mode,interval_minutes,rollover_at,parent,utility_account,utc_offset,installed,removed
iv,plant,electricity,kWh,1,interval,15,,,,+08:00,2025-01-01,2025-12-31
reg,plant,water,m³,1,cumulative,60,,,,+08:00,,`);
if (!iv || !reg) throw new Error('register');
const codes = (text: string, meter = iv) =>
  analyseMeter(meter, readingsOf(text)).findings.map((f) => [f.code, f.fromText, f.toText]);

describe('reading quality checks', () => {
  it('counts an identical duplicate once; sets aside readings that disagree', () => {
    const a = analyseMeter(
      iv,
      readingsOf(`
      iv,2025-02-01T00:15:00+08:00,2
      iv,2025-02-01T00:15:00+08:00,2
      iv,2025-02-01T00:30:00+08:00,3
      iv,2025-02-01T00:30:00+08:00,4
      iv,2025-02-01T00:45:00+08:00,5`),
    );
    expect(a.findings.map((f) => [f.code, f.fromText, f.values])).toEqual([
      ['duplicate', '2025-02-01T00:15:00+08:00', { copies: '2', value: '2' }],
      ['conflicting-duplicate', '2025-02-01T00:30:00+08:00', { values: '3 / 4' }],
      ['gap', '2025-02-01T00:30:00+08:00', { missing: '1', minutes: '15' }],
    ]);
    expect(a.readingsUsed).toBe(2);
  });
  it('finds a gap in a cumulative series, without losing its consumption', () => {
    const a = analyseMeter(
      reg,
      readingsOf(`
      reg,2025-02-01T01:00:00+08:00,10
      reg,2025-02-01T04:00:00+08:00,16`),
    );
    expect(a.findings.map((f) => [f.code, f.fromText, f.toText, f.values.missing])).toEqual([
      ['gap', '2025-02-01T02:00:00+08:00', '2025-02-01T03:00:00+08:00', '2'],
    ]);
    expect(a.segments.map((s) => s.consumption?.toString())).toEqual(['6']);
  });
  it('finds overlapping intervals', () => {
    expect(
      codes(`
      iv,2025-02-01T00:15:00+08:00,2
      iv,2025-02-01T00:20:00+08:00,2`),
    ).toEqual([['overlap', '2025-02-01T00:00:00+08:00', '2025-02-01T00:20:00+08:00']]);
  });
  it('finds negative interval consumption and estimates the interval instead', () => {
    const a = analyseMeter(
      iv,
      readingsOf(`
      iv,2025-02-01T00:15:00+08:00,2
      iv,2025-02-01T00:30:00+08:00,-3
      iv,2025-02-01T00:45:00+08:00,4`),
    );
    expect(a.findings.map((f) => [f.code, f.fromText, f.toText])).toEqual([
      ['negative-consumption', '2025-02-01T00:15:00+08:00', '2025-02-01T00:30:00+08:00'],
    ]);
    expect(a.segments[1]?.estimate?.toString()).toBe('3');
  });
  it('finds a spike beyond the configured multiple of the usual rate', () => {
    const text = `
      iv,2025-02-01T00:15:00+08:00,1
      iv,2025-02-01T00:30:00+08:00,1
      iv,2025-02-01T00:45:00+08:00,1
      iv,2025-02-01T01:00:00+08:00,1
      iv,2025-02-01T01:15:00+08:00,8`;
    expect(codes(text)).toEqual([]);
    const a = analyseMeter(iv, readingsOf(text), { spikeMultiple: new Decimal(5) });
    expect(
      a.findings.map((f) => [f.code, f.fromText, f.toText, f.values.maxPerHour, f.values.medianPerHour]),
    ).toEqual([['spike', '2025-02-01T01:00:00+08:00', '2025-02-01T01:15:00+08:00', '32', '4']]);
  });
  it('finds timestamps in another offset than the site, and a change of offset', () => {
    expect(
      codes(`
      iv,2025-02-01T00:15:00+08:00,1
      iv,2025-02-01T00:30:00+09:00,1
      iv,2025-02-01T00:30:00+08:00,1`),
    ).toEqual([
      // 00:30+09:00 is 23:30+08:00 of the day before: first in time
      ['utc-offset', '2025-01-31T23:30:00+08:00', '2025-01-31T23:30:00+08:00'],
      ['offset-change', '2025-01-31T23:30:00+08:00', '2025-02-01T00:15:00+08:00'],
      ['gap', '2025-01-31T23:45:00+08:00', '2025-02-01T00:00:00+08:00'],
    ]);
  });
  it('sets aside readings outside the service dates', () => {
    expect(
      codes(`
      iv,2024-12-31T23:45:00+08:00,1
      iv,2025-01-01T00:15:00+08:00,1`),
    ).toEqual([['outside-service', '2024-12-31T23:45:00+08:00', '2024-12-31T23:45:00+08:00']]);
  });
  it('describes each finding in both languages', () => {
    const a = analyseMeter(
      iv,
      readingsOf(`
      iv,2025-02-01T00:15:00+08:00,2
      iv,2025-02-01T01:15:00+08:00,2`),
    );
    const f = a.findings[0];
    if (!f) throw new Error('no finding');
    expect(describeMeterFinding(f, 'en')).toBe('45 minutes without readings (3 expected readings missing)');
    expect(describeMeterFinding(f, 'zh-Hant')).toBe('45 分鐘沒有讀數（缺少 3 筆）');
  });
});
