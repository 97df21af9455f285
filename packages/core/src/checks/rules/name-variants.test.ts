import { describe, expect, it } from 'vitest';
import { emptyRegisters } from '../../model/registers.js';
import { runRule, smallGroup } from '../../testing/check-fixtures.js';
import { builder } from '../../testing/index.js';
import { pub } from '../testing/published.js';
import { findVariants, nameVariantsRule } from './name-variants.js';

const at = (...texts: string[]) => texts.map((text, i) => ({ where: `published p${i + 1}`, text }));
const kinds = (texts: string[], declared?: Set<string>) =>
  findVariants(at(...texts), declared).map((f) => `${f.severity}:${f.code} ${f.actual} / ${f.expected}`);

describe('rule 14: name variants across products, places and registers', () => {
  it('finds a place written as one word and split, naming both spellings and places', () => {
    const fs = findVariants(at('Ore bought from Jinchuan in 2025', 'Jin Chuan smelter feed'));
    expect(fs.map((f) => [f.code, f.actual, f.expected])).toEqual([['spacing', 'Jin Chuan', 'Jinchuan']]);
    expect(fs[0]?.message.en).toContain('"Jin Chuan" (published p2) and "Jinchuan" (published p1)');
    expect(fs[0]?.message['zh-Hant']).toContain('分寫與連寫不一');
    expect(kinds(['Jin-chuan ore', 'Jinchuan ore'])).toEqual(['info:spacing Jin-chuan / Jinchuan']);
  });

  it('finds a product with its words swapped, when one of them is a label', () => {
    expect(kinds(['Nickel cathode output', 'Sales of cathode nickel rose'])).toEqual([
      'info:word-order cathode nickel / nickel cathode',
    ]);
  });

  it('finds a name one letter off, full-width and half-width, and Simplified against Traditional', () => {
    expect(kinds(['Mines in Xinjiang', 'Sites in Xinjang'])).toEqual(['info:near-miss Xinjang / Xinjiang']);
    expect(kinds(['新鑫（香港）貿易', '新鑫(香港)貿易的銷售'])).toEqual([
      'info:width 新鑫(香港)貿易 / 新鑫（香港）貿易',
    ]);
    expect(kinds(['ＮｉＣｕ精礦', 'NiCu精礦 sold'])).toEqual(['info:width NiCu精礦 / ＮｉＣｕ精礦']);
    expect(kinds(['阜康冶炼厂用电', '阜康冶煉廠的綜合能耗'])).toEqual([
      'info:script 阜康冶炼厂 / 阜康冶煉廠',
    ]);
  });

  it('finds one company with two legal forms, in English and in Chinese (info: they may be two companies)', () => {
    expect(
      kinds(['Supplier: Jinchuan Group Co., Ltd.', 'bought from Jinchuan Group Company Limited']),
    ).toEqual(['info:legal-suffix Jinchuan Group Co., Ltd. / Jinchuan Group Company Limited']);
    expect(kinds(['向新疆五鑫銅業股份有限公司採購', '新疆五鑫銅業有限公司的陰極銅'])).toEqual([
      'info:legal-suffix 新疆五鑫銅業有限公司 / 新疆五鑫銅業股份有限公司',
    ]);
  });

  it('is a warning when one spelling is a declared name', () => {
    expect(kinds(['Jin Chuan feed', 'Jinchuan ore'], new Set(['Jinchuan Group Co., Ltd.']))).toEqual([
      'warning:spacing Jin Chuan / Jinchuan',
    ]);
  });

  it('finds nothing in clean texts: grammar, inflections, lower-case compounds, ids, one spelling used twice', () => {
    expect(
      kinds([
        'Employees trained on safety',
        'Hours for 1,093 trained employees',
        'Reports and Report',
        'Suppliers are admitted online; main suppliers are counted.',
        'Supplies bought',
        'every day we check; everyday checks',
        'anticorruption.coverage',
        'Jinchuan ore from Jinchuan',
        '阜康冶煉廠',
        '阜康冶煉廠的綜合能耗',
        'Xinjiang Xinxin Mining Industry Co., Ltd.',
        'Xinjiang Xinxin Mining Industry Co., Ltd. and its subsidiaries',
      ]),
    ).toEqual([]);
  });

  it('reads the bundle through the rule: labels and narrative, both spellings named', () => {
    const b = smallGroup([pub('p1', '12', '噸', { label: '陰極鎳產量 (Nickel cathode)' })], {
      narrative: [
        {
          id: 'products',
          title: { 'zh-Hant': '產品', en: 'Products' },
          body: { 'zh-Hant': '主要產品為陰極鎳。', en: 'The main product is cathode nickel.' },
        },
      ],
    });
    const fs = runRule(nameVariantsRule, b);
    expect(fs.map((f) => [f.severity, f.code, f.actual, f.expected])).toEqual([
      ['info', 'word-order', 'cathode nickel', 'nickel cathode'],
    ]);
    expect(fs[0]?.message.en).toContain('narrative products');
  });

  it('is a warning when a register item is the name spelled another way', () => {
    const b = smallGroup([], {
      registers: {
        ...emptyRegisters,
        targets: [{ id: 't1', name: { 'zh-Hant': '陰極鎳產量', en: 'Nickel cathode' } }],
      },
      narrative: [
        {
          id: 'products',
          title: { 'zh-Hant': '產品', en: 'Products' },
          body: { 'zh-Hant': '主要產品為陰極鎳。', en: 'The main product is cathode nickel.' },
        },
      ],
    });
    const fs = runRule(nameVariantsRule, b);
    expect(fs.map((f) => [f.severity, f.code, f.actual, f.expected])).toEqual([
      ['warning', 'word-order', 'cathode nickel', 'nickel cathode'],
    ]);
  });
});

describe('rule 14 on texts repeated at many places (each distinct text is read once)', () => {
  it('names every place of a repeated spelling, in order, and the first place of the other', () => {
    const data = ['x1', 'x2', 'x3'].map((id, k) => ({
      ...builder.dp('group', 'revenue', `${k + 1} CNY million`),
      id,
      source: k === 1 ? '阜康冶煉廠的綜合能耗' : '阜康冶炼厂用电 ＮｉＣｕ精礦',
    }));
    const b = smallGroup([pub('p1', '1', 't', { label: 'NiCu精礦 sold' })]);
    const fs = runRule(nameVariantsRule, { ...b, dataPoints: [...b.dataPoints, ...data] });
    expect(fs.map((f) => [f.code, f.actual, f.expected])).toEqual([
      ['width', 'NiCu精礦', 'ＮｉＣｕ精礦'],
      ['script', '阜康冶炼厂', '阜康冶煉廠'],
    ]);
    expect(fs[0]?.message.en).toContain(
      '"NiCu精礦" (published p1) and "ＮｉＣｕ精礦" (data-points x1, data-points x3)',
    );
    expect(fs[1]?.message.en).toContain(
      '"阜康冶炼厂" (data-points x1, data-points x3) and "阜康冶煉廠" (data-points x2)',
    );
  });
});
