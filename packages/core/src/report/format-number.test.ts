import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { formatChange, formatNumber, lineageValueText } from './format-number.js';

describe('report number formatting', () => {
  it('rounds half-up at the printed precision and groups thousands', () => {
    expect(formatNumber(new Decimal('1234567.005'), 2)).toEqual({
      text: '1,234,567.01',
      plain: '1234567.01',
    });
    expect(formatNumber(new Decimal('1.005'), 2).text).toBe('1.01');
    expect(formatNumber(new Decimal('999.5'), 0).text).toBe('1,000');
    expect(formatNumber(new Decimal('-2500.25'), 1).text).toBe('-2,500.3');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(new Decimal('-0.004'), 2).text).toBe('0.00');
  });

  it('prints the change against the prior year in signed per cent from exact values', () => {
    expect(formatChange(new Decimal('1000'), new Decimal('950'))?.text).toBe('+5.3');
    expect(formatChange(new Decimal('900'), new Decimal('1000'))?.text).toBe('-10.0');
    expect(formatChange(new Decimal('5'), new Decimal('0'))).toBeNull();
  });
});

describe('values in derivation views', () => {
  it('a figure at its precision; any other node to at most 6 decimals half-up, no trailing zeros', () => {
    const third = new Decimal(44).dividedBy(12);
    expect(third.toString()).toBe('3.666666666666666666666666666666666666667');
    expect(lineageValueText(third)).toBe('3.666667');
    expect(lineageValueText(third, 2)).toBe('3.67');
    expect(lineageValueText(new Decimal('0.0202'))).toBe('0.0202');
    expect(lineageValueText(new Decimal('1699.95'))).toBe('1699.95');
    expect(lineageValueText(new Decimal('1.2000004'))).toBe('1.2');
    expect(lineageValueText(new Decimal('0.0000004'))).toBe('0');
    expect(lineageValueText(new Decimal('-0.0000004'))).toBe('0');
    expect(lineageValueText(new Decimal('148.24055020585104'), 2)).toBe('148.24');
  });
});
