/**
 * The entry rules for activity lines (issue #17): what the methods need of a line's activity,
 * subject, use and unit, in plain words naming the field. Against the standard factor library.
 */
import { describe, expect, it } from 'vitest';
import { factorLibrary } from '../factors/library.js';
import { unitOf } from '../units/unit.js';
import { activityEntryProblems } from './activity-entry.js';

const ctx = { ghgMethod: 'ndrc-nf-2015' as const, library: factorLibrary() };
const check = (activity: string, subject: string, use: string, unit: string) =>
  activityEntryProblems({ activity, subject, use, unit: unitOf(unit) }, ctx);

describe('activity entry rules', () => {
  it('accepts what the methods can use', () => {
    expect(check('fuel', 'diesel', 'combustion', 't')).toEqual([]);
    expect(check('fuel', 'diesel', '', 'kg')).toEqual([]);
    expect(check('fuel', 'natural-gas', 'combustion', '10⁴ m³')).toEqual([]);
    expect(check('electricity-purchased', 'grid', '', 'kWh')).toEqual([]);
    expect(check('electricity-green-trade', 'unspecified', '', 'MWh')).toEqual([]);
    expect(check('steam-purchased', 'steam', '', 'tce')).toEqual([]);
    expect(check('heat-purchased', 'heat', '', 'GJ')).toEqual([]);
    expect(check('green-certificate', 'green-electricity-certificate', '', 'certificates')).toEqual([]);
    expect(check('carbonate', 'CaCO3', '', 't')).toEqual([]);
    expect(check('scope3', 'cat-6', '', 'tCO2e')).toEqual([]);
  });

  it('names the unit when it measures something else than the method multiplies', () => {
    expect(check('fuel', 'diesel', 'combustion', 'MWh')).toEqual([
      {
        field: 'unit',
        message:
          '"MWh" measures energy, but diesel is entered as a mass (its calorific value is per t): use a unit such as t, kg or 噸',
      },
    ]);
    expect(check('fuel', 'natural-gas', '', 't')).toEqual([
      {
        field: 'unit',
        message:
          '"t" measures a mass, but natural-gas is entered as a volume (its calorific value is per 10⁴ m³): use a unit such as 10⁴ m³ or m³',
      },
    ]);
    expect(check('electricity-purchased', 'grid', '', 't')).toEqual([
      {
        field: 'unit',
        message:
          '"t" measures a mass, but electricity-purchased is entered as energy: use a unit such as MWh, kWh or 萬千瓦時',
      },
    ]);
    expect(check('scope3', 'cat-6', '', 't')[0]?.field).toBe('unit');
    expect(check('green-certificate', 'gec', '', 'MWh')[0]?.field).toBe('unit');
  });

  it('names the subject the library has no factor for, listing those it has', () => {
    const [p] = check('fuel', 'dieselx', 'combustion', 't');
    expect(p?.field).toBe('subject');
    expect(p?.message).toMatch(
      /^"dieselx" is not a fuel the ndrc-nf-2015 method has a calorific value for; use one of .*\bdiesel\b/,
    );
    const [m] = check('carbonate', 'chalk', '', 't');
    expect(m?.message).toMatch(
      /^"chalk" is not a mineral with a process emission factor; use one of .*CaCO3/,
    );
    expect(check('fuel', ' ', '', 't')).toEqual([
      { field: 'subject', message: 'say what the line is about (a fuel, "grid", a mineral, a category…)' },
    ]);
  });

  it('names a use on a line that is not fuel, and an unknown activity', () => {
    expect(check('electricity-purchased', 'grid', 'combustion', 'MWh')).toEqual([
      { field: 'use', message: 'only fuel lines have a use; leave it empty for electricity-purchased' },
    ]);
    expect(check('petrol', 'x', '', 't')[0]).toMatchObject({ field: 'activity' });
  });
});
