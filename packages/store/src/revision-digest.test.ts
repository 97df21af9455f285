import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKPOINTS, DigestCheck, fieldsLine, RevisionDigest, type RevisionRef } from './revision-digest.js';

const line = (i: number, amount = `${i}.5`) =>
  fieldsLine(
    [`al-fuel-${String(i).padStart(7, '0')}`, 'mine', '2025', 'fuel', 'diesel', amount, null],
    1,
    7,
    i,
  );
const ref = (i: number): RevisionRef => ({
  table: 't',
  factKey: `al-fuel-${String(i).padStart(7, '0')}`,
  rev: 1,
});

/** Written as an import does: whole lines, in payloads of `batch`. */
function record(n: number, batch: number) {
  const d = new RevisionDigest();
  for (let i = 1; i <= n; i += batch) {
    let text = '';
    for (let k = i; k < Math.min(i + batch, n + 1); k++) text += line(k);
    d.update(Buffer.from(text, 'utf8'));
  }
  return d.result();
}

function check(rec: ReturnType<typeof record>, lines: [string, RevisionRef][]) {
  const c = new DigestCheck(rec);
  for (const [l, r] of lines) c.row(l, r);
  return c.finish();
}

const intact = (n: number) =>
  Array.from({ length: n }, (_, k): [string, RevisionRef] => [line(k + 1), ref(k + 1)]);

describe('revision digest', () => {
  it('is SHA-256 over the lines, whatever the payload sizes, with one checkpoint per revision up to the limit', () => {
    const all = intact(700)
      .map(([l]) => l)
      .join('');
    const expected = createHash('sha256').update(all).digest('hex');
    for (const batch of [1, 7, 700]) {
      const rec = record(700, batch);
      expect(rec.contentDigest).toBe(expected);
      expect(rec.checkpoints.map(([n]) => n)).toEqual(Array.from({ length: 700 }, (_, k) => k + 1));
    }
    expect(record(700, 7)).toEqual(record(700, 700));
  });

  it('keeps at most CHECKPOINTS checkpoints, evenly spaced, for a large change set', () => {
    const rec = record(20_000, 5000);
    expect(rec.checkpoints.length).toBeLessThanOrEqual(CHECKPOINTS);
    expect(rec.checkpoints.length).toBeGreaterThanOrEqual(CHECKPOINTS / 2);
    const step = rec.checkpoints[0]?.[0] ?? 0;
    expect(rec.checkpoints.every(([n], k) => n === step * (k + 1))).toBe(true);
    expect(check(rec, intact(20_000))).toBeUndefined();
  });

  it('names the one revision changed in a small change set', () => {
    const lines = intact(300);
    lines[122] = [line(123, '999'), ref(123)];
    expect(check(record(300, 50), lines)).toEqual({
      first: ref(123),
      last: ref(123),
      found: 123,
      expected: 123,
    });
  });

  it('narrows a change in a large one to a run of at most 2n / CHECKPOINTS revisions that holds it', () => {
    const n = 20_000;
    const lines = intact(n);
    lines[12_344] = [line(12_345, '999'), ref(12_345)];
    const m = check(record(n, 5000), lines);
    const first = Number(m?.first?.factKey.slice(-7));
    const last = Number(m?.last?.factKey.slice(-7));
    expect(first).toBeLessThanOrEqual(12_345);
    expect(last).toBeGreaterThanOrEqual(12_345);
    expect(last - first + 1).toBeLessThanOrEqual((2 * n) / CHECKPOINTS);
  });

  it('finds a removed, an added and a last revision changed', () => {
    const rec = record(50, 10);
    const removed = intact(50).filter((_, k) => k !== 20);
    expect(check(rec, removed)).toMatchObject({ first: ref(22), found: 21, expected: 21 });
    const tail = intact(49);
    expect(check(rec, tail)).toMatchObject({ found: 49, expected: 50 });
    const added = [...intact(50), [line(51), ref(51)] as [string, RevisionRef]];
    expect(check(rec, added)).toMatchObject({ first: ref(51), last: ref(51), expected: undefined });
    // A record without checkpoints (imports before them): the change set as a whole.
    const changed = intact(50);
    changed[3] = [line(4, '0'), ref(4)];
    expect(check({ contentDigest: rec.contentDigest, checkpoints: [] }, changed)).toMatchObject({
      first: ref(1),
      last: ref(50),
    });
  });
});
