import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal.js';
import { runRule, smallGroup } from '../../testing/check-fixtures.js';
import { CORRECT_SENTENCES, mutants } from '../testing/narrative-mutants.js';
import { numbersIn, sentences } from '../util/sentence-numbers.js';
import { relationsIn } from '../util/sentence-relations.js';
import { checkText, narrativeArithmeticRule } from './narrative-arithmetic.js';

const check = (text: string) => checkText({ where: 'narrative t (zh-Hant)', text });

describe('rule 13: narrative arithmetic (numbers a sentence states about each other)', () => {
  it('reads numbers with scale words, units and printed precision', () => {
    const ns = numbersIn('全年培訓投入362.11萬元，覆蓋員工1,839人；研發費用1.79億元。');
    expect(ns.map((n) => [n.text, n.unit, n.value.toString()])).toEqual([
      ['362.11萬元', 'CNY', '3621100'],
      ['1,839人', 'person', '1839'],
      ['1.79億元', 'CNY', '179000000'],
    ]);
    expect(ns[0]?.interval.lo.toString()).toBe('3621050');
    const en = numbersIn('CNY 362.11 × 10⁴ in 2025 under Scope 2, 205.22 kt, 59.43%, B3.2');
    expect(en.map((n) => [n.text, n.unit, n.value.toString()])).toEqual([
      ['CNY 362.11 × 10⁴', 'CNY', '3621100'],
      ['205.22 kt', 't', '205220'],
      ['59.43%', '%', '59.43'],
    ]);
  });

  it('finds every relation of the correct sentences, and none of them gives a finding (printed rounding included)', () => {
    for (const s of CORRECT_SENTENCES) {
      const rs = sentences(s).flatMap((x) => relationsIn(x.text, numbersIn(x.text)));
      expect(rs.length, s).toBeGreaterThan(0);
      expect(check(s), s).toEqual([]);
    }
  });

  it('finds a 萬 slip in a per-capita claim and states both intervals', () => {
    const fs = check('全年培訓投入362.11元，覆蓋員工1,839人，人均培訓投入1,969元。');
    expect(fs.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:per-capita']);
    expect(fs[0]?.message.en).toContain('[1968.5, 1969.5]');
    expect(fs[0]?.message.en).toContain('[0.196903, 0.196909]');
    expect(fs[0]?.message['zh-Hant']).toContain('人均值');
  });

  it('finds a ×1,000 slip in a part, a sum that does not add up, and parts above their total', () => {
    expect(
      check('範圍一排放109.82千噸、範圍二排放95.40噸，合計205.22千噸二氧化碳當量。').map((f) => f.code),
    ).toEqual(['sum']);
    expect(check('報告期內共計招聘279人，其中校園招聘181人、社會招聘192人。').map((f) => f.code)).toEqual([
      'parts-exceed-total',
    ]);
    // "of which" without "the rest": parts below the total are fine
    expect(check('報告期內共計招聘279人，其中校園招聘181人、社會招聘92人。')).toEqual([]);
  });

  it('finds a percent printed as a fraction, and a change that the two values do not give', () => {
    expect(
      check('1,093 of 1,839 employees (0.5943%) attended anti-corruption training.').map((f) => f.code),
    ).toEqual(['share']);
    const ch = check('Water use fell from 498.50 × 10⁴ m³ to 472.55 × 10⁴ m³, down 2.51%.');
    expect(ch.map((f) => f.code)).toEqual(['change']);
    expect(ch[0]?.message.en).toContain('[-2.515, -2.505]');
    // last year's value in brackets beside this year's
    expect(
      check('Water use was 472.55 × 10⁴ m³ in 2025 (2024: 498.50 × 10⁴ m³), down 52.1%.').map((f) => f.code),
    ).toEqual(['change']);
    expect(
      check('綜合能耗12.98萬噸標準煤，上年12.35萬噸標準煤，同比上升0.0510%。').map((f) => f.code),
    ).toEqual(['change']);
    // the direction word counts: "up" for a fall is a finding
    expect(
      check('Water use went from 498.50 × 10⁴ m³ to 472.55 × 10⁴ m³, up 5.21%.').map((f) => f.code),
    ).toEqual(['change']);
  });

  it('skips sentences whose roles are ambiguous or whose units it cannot read (no guess, no finding)', () => {
    // 塊 and 套 are not read as units: no sum is formed over them
    expect(check('其中電錶共255塊、水計量87塊、壓縮空氣計量器具共10套、蒸汽計量器具共28套。')).toEqual([]);
    // 147 h is the sessions' length, 2,106 is person-times: no per-capita relation
    expect(check('累計開展環保培訓80場，總時長147小時，人均8小時，覆蓋員工2,106人次。')).toEqual([]);
    // a share of a total the sentence does not state
    expect(check('研發費用1.79億元，研發投入占主營業務收入比例7%。')).toEqual([]);
  });

  it('reads narrative bodies in both languages through the rule, naming the section and language', () => {
    const b = smallGroup([], {
      narrative: [
        {
          id: 'training',
          title: { 'zh-Hant': '培訓', en: 'Training' },
          body: {
            'zh-Hant': '全年培訓投入362.11萬元，覆蓋員工1,839人，人均培訓投入1,969元。',
            en: 'Training spending was CNY 362.11 × 10⁴ for 1,839 employees, or CNY 19.69 per employee.',
          },
        },
      ],
    });
    const fs = runRule(narrativeArithmeticRule, b);
    expect(fs.map((f) => [f.code, f.where.section])).toEqual([['per-capita', 'narrative training (en)']]);
  });

  it('never flags a correctly rounded per-capita claim, share or change (property, fixed seed)', () => {
    const half = (v: Decimal, p: number) => v.toDecimalPlaces(p, Decimal.ROUND_HALF_UP).toFixed(p);
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 900_000_000 }),
        fc.integer({ min: 3, max: 50_000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (cents, people, p1, p2) => {
          const total = new Decimal(cents).dividedBy(100); // 元, exact to the fen
          const part = Decimal.max(1, new Decimal(people).times(37).dividedToIntegerBy(100));
          const s1 = `全年投入${half(total.dividedBy(10_000), 2 + p1)}萬元，覆蓋員工${people}人，人均投入${half(total.dividedBy(people), p2)}元。`;
          const s2 = `${part} of ${people} employees (${half(part.times(100).dividedBy(people), p1)}%) took part.`;
          const next = total.times(1 + p2).plus(1);
          const change = next.minus(total).dividedBy(total).times(100);
          const s3 = `Spending rose from CNY ${half(total, 2)} to CNY ${half(next, 2)}, up ${half(change, p1)}%.`;
          return check(s1).length === 0 && check(s2).length === 0 && check(s3).length === 0;
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });

  it('catches injected errors in the related numbers of correct sentences (mutation measurement)', () => {
    const byKind = new Map<string, { caught: number; total: number }>();
    for (const s of CORRECT_SENTENCES)
      for (const m of mutants(s)) {
        const r = byKind.get(m.kind) ?? { caught: 0, total: 0 };
        r.total += 1;
        if (check(m.text).length > 0) r.caught += 1;
        byKind.set(m.kind, r);
      }
    const rate = (k: string) => {
      const r = byKind.get(k) ?? { caught: 0, total: 1 };
      return r.caught / r.total;
    };
    const all = [...byKind.values()].reduce(
      (a, r) => ({ caught: a.caught + r.caught, total: a.total + r.total }),
      {
        caught: 0,
        total: 0,
      },
    );
    // printed for docs/checks.md ("Narrative arithmetic: mutation measurement")
    console.log(
      [...byKind.entries()].map(([k, r]) => `${k}: ${r.caught}/${r.total}`).join('; '),
      `all: ${all.caught}/${all.total}`,
    );
    for (const k of ['×10³', '÷10³', '×10⁴ (萬)', '÷10⁴ (萬)', 'percent as fraction'])
      expect(rate(k), k).toBe(1);
    expect(rate('digit typo')).toBeGreaterThanOrEqual(0.8);
    expect(all.caught / all.total).toBeGreaterThanOrEqual(0.9);
  });
});
