/** MEE/NBS grid factors (domain-reference §3.1) and the separate ETS-administrative 0.5703. */
import { describe, expect, it } from 'vitest';
import { type GridFactorSelector, gridFactorQuery } from './factor-queries.js';
import { factorLibrary } from './library.js';
import { selectFactor } from './select-factor.js';

const lib = factorLibrary();
const grid = (s: GridFactorSelector) => selectFactor(lib, gridFactorQuery(s));
const xinjiang = { level: 'provincial', province: 'xinjiang', region: 'northwest' } as const;

describe('grid factor selection', () => {
  it('Xinjiang 2023 provincial average is 0.6021 tCO2e/MWh, read directly (no note)', () => {
    const r = grid({ ...xinjiang, vintage: 2023, calibre: 'average' });
    expect(r).toMatchObject({
      ok: true,
      factor: { value: '0.6021', unit: 'tCO2e/MWh', status: 'CORROBORATED' },
    });
    expect(r.ok && r.note).toBeUndefined();
  });

  it('falls back to the regional factor and says so', () => {
    const r = grid({
      level: 'provincial',
      province: 'qinghai',
      region: 'northwest',
      vintage: 2023,
      calibre: 'average',
    });
    expect(r).toMatchObject({
      ok: true,
      factor: { id: 'mee-nbs/grid/2023/regional/northwest/average', value: '0.5543' },
    });
    expect(r.ok && r.note).toBe(
      'no provincial 2023 average factor for qinghai; used northwest regional 2023 average factor (mee-nbs/grid/2023/regional/northwest/average)',
    );
  });

  it('falls back to national when neither province nor region has a value for the vintage', () => {
    const r = grid({
      level: 'provincial',
      province: 'qinghai',
      region: 'northwest',
      vintage: 2021,
      calibre: 'average',
    });
    expect(r).toMatchObject({ ok: true, factor: { value: '0.5568' } });
    expect(r.ok && r.note).toContain('nor northwest regional 2021 average factor; used national');
  });

  it('gives all three national calibres for 2021–2023', () => {
    const values = [2021, 2022, 2023].map((vintage) =>
      (['average', 'excl-market-nonfossil', 'fossil'] as const).map((calibre) => {
        const r = grid({ level: 'national', vintage, calibre });
        return r.ok ? r.factor.value : r.error.message;
      }),
    );
    expect(values).toEqual([
      ['0.5568', '0.5942', '0.8426'],
      ['0.5366', '0.5856', '0.8325'],
      ['0.5306', '0.6096', '0.8273'],
    ]);
  });

  it('keeps the UNVERIFIED 2021 excl-market value labelled', () => {
    const r = grid({ level: 'national', vintage: 2021, calibre: 'excl-market-nonfossil' });
    expect(r.ok && r.factor.status).toBe('UNVERIFIED');
  });

  it('answers 0.5703 only when calibre ets-admin is asked', () => {
    const statistical = grid({ level: 'national', vintage: 2022, calibre: 'average' });
    const ets = grid({ ...xinjiang, vintage: 2022, calibre: 'ets-admin' });
    expect(statistical.ok && statistical.factor.value).toBe('0.5366');
    expect(ets).toMatchObject({ ok: true, factor: { value: '0.5703', calibre: 'ets-admin', vintage: 2022 } });
    expect(ets.ok && ets.factor.document).not.toBe(statistical.ok && statistical.factor.document);
    expect(
      lib.filter((f) => f.kind === 'grid-ef' && f.value === '0.5703' && f.calibre !== 'ets-admin'),
    ).toEqual([]);
    const notIn2023 = grid({ level: 'national', vintage: 2023, calibre: 'ets-admin' });
    expect(notIn2023.ok).toBe(false);
  });

  it('fails with factor-not-found naming the vintage when no vintage matches', () => {
    const r = grid({ ...xinjiang, vintage: 2019, calibre: 'average' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('factor-not-found');
      expect(r.error.message).toContain('vintage 2019');
      expect(r.error.message).toContain('provincial 2019 average factor for xinjiang');
    }
  });

  it('records a document, publication date and calibre on every grid factor', () => {
    const g = lib.filter((f) => f.kind === 'grid-ef');
    expect(g.filter((f) => !f.calibre || !f.publishedAt || f.unit !== 'tCO2e/MWh')).toEqual([]);
  });
});
