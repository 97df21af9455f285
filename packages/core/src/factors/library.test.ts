import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../decimal.js';
import { formatQuantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';
import type { FactorRecord } from './factor.js';
import { factorToQuantity } from './factor-quantity.js';
import { factorFileVersions, factorLibrary, factorLibraryVersion, withOverrides } from './library.js';

const lib = factorLibrary();
const STATUSES = ['VERIFIED', 'CORROBORATED', 'UNVERIFIED', 'COMPUTED'];

describe('the standard factor library', () => {
  it('has unique ids', () => {
    const seen = new Set<string>();
    const dupes = lib.filter((f) => seen.size === seen.add(f.id).size).map((f) => f.id);
    expect(dupes).toEqual([]);
    expect(lib.length).toBeGreaterThan(150);
  });

  it('has a unit parseUnit understands on every record', () => {
    const bad = lib.filter((f) => !parseUnit(f.unit).ok).map((f) => `${f.id}: ${f.unit}`);
    expect(bad).toEqual([]);
  });

  it('has an exact decimal value, a status, a document and a 4-digit vintage on every record', () => {
    const bad = lib.filter(
      (f) =>
        !parseDecimal(f.value).ok ||
        !STATUSES.includes(f.status) ||
        f.document.trim() === '' ||
        !/^\d{4}$/.test(String(f.vintage)),
    );
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('never has two records a query could not tell apart', () => {
    const signature = (f: FactorRecord) =>
      JSON.stringify([f.kind, f.method, f.vintage, f.calibre ?? '', Object.entries(f.keys).sort()]);
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of lib) {
      const other = seen.get(signature(f));
      if (other) clashes.push(`${other} ~ ${f.id}`);
      seen.set(signature(f), f.id);
    }
    expect(clashes).toEqual([]);
  });

  it('carries one data version across its files', () => {
    expect(new Set(factorFileVersions)).toEqual(new Set([factorLibraryVersion]));
  });

  it('turns a factor into a quantity with its parsed unit', () => {
    const diesel = lib.find((f) => f.id === 'ndrc-nf-2015/ncv/diesel')!;
    expect(formatQuantity(factorToQuantity(diesel))).toBe('42.652 GJ/t');
  });
});

describe('withOverrides (factors.csv over the library)', () => {
  const bundleNcv: FactorRecord = {
    id: 'ndrc-nf-2015/ncv/diesel',
    kind: 'ncv',
    method: 'ndrc-nf-2015',
    value: '42.7',
    unit: 'GJ/t',
    keys: { fuel: 'diesel' },
    vintage: 2025,
    document: 'supplier assay 2025',
    status: 'VERIFIED',
  };
  const added: FactorRecord = { ...bundleNcv, id: 'site/ncv/bio-diesel', keys: { fuel: 'bio-diesel' } };

  it('replaces a factor with the same id in place and adds new ids at the end', () => {
    const merged = withOverrides(lib, [bundleNcv, added]);
    expect(merged).toHaveLength(lib.length + 1);
    expect(merged.find((f) => f.id === bundleNcv.id)?.value).toBe('42.7');
    expect(merged.indexOf(bundleNcv)).toBe(lib.findIndex((f) => f.id === bundleNcv.id));
    expect(merged.at(-1)).toBe(added);
    expect(lib.find((f) => f.id === bundleNcv.id)?.value).toBe('42.652');
  });
});

describe('immutability', () => {
  it('cannot be changed by a caller', () => {
    const f = factorLibrary()[0] as { value: string; keys: Record<string, string> };
    expect(() => {
      f.value = '0';
    }).toThrow(TypeError);
    expect(() => {
      f.keys.fuel = 'x';
    }).toThrow(TypeError);
  });
});
