import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal.js';
import type { Entity } from '../../model/organisation.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { builder } from '../../testing/index.js';
import { pub } from '../testing/published.js';
import { masterDataRule } from './master-data.js';

const huaou: Entity = {
  id: 'huaou',
  name: { 'zh-Hant': '新疆華甌礦業有限公司', en: 'Huaou Mining' },
  kind: 'subsidiary',
  parentId: 'group',
  ownership: new Decimal(1),
  control: 'operational',
  status: 'operating',
  aliases: ['華甌礦業'],
};

const withHuaou = (label: string) => {
  const b = smallGroup([pub('p', '10.8', '萬千瓦時', { label, entity: 'huaou' })]);
  return { ...b, organisation: { ...b.organisation, entities: [...b.organisation.entities, huaou] } };
};

describe('rule 9: master data', () => {
  it('notes a known alias and warns about a name one character away', () => {
    expect(codes(runRule(masterDataRule, withHuaou('華甌礦業光伏發電量')))).toEqual(['info:alias-used']);
    const fs = runRule(masterDataRule, withHuaou('華歐礦業光伏發電量'));
    expect(codes(fs)).toEqual(['warning:near-miss-name']);
    expect(fs[0]?.actual).toBe('華歐礦業');
  });

  it('is silent when texts use the canonical name', () => {
    expect(runRule(masterDataRule, withHuaou('新疆華甌礦業有限公司光伏發電量'))).toEqual([]);
  });
});

describe('rule 9 on texts repeated at many places (each distinct text is searched once)', () => {
  it('lists every place of an alias or near miss, in order, however often its text recurs', () => {
    const b = withHuaou('華甌礦業光伏發電量');
    const data = Array.from({ length: 7 }, (_, k) => ({
      ...builder.dp('group', 'revenue', `${k + 1} CNY million`),
      id: `x${k}`,
      source: k % 2 === 0 ? '華歐礦業電錶' : '華甌礦業電錶',
    }));
    const fs = runRule(masterDataRule, { ...b, dataPoints: [...b.dataPoints, ...data] });
    expect(codes(fs)).toEqual(['info:alias-used', 'warning:near-miss-name']);
    expect(fs[0]?.message.en).toContain('in published p, data-points x1, data-points x3, data-points x5.');
    expect(fs[1]?.message.en).toContain(
      'in data-points x0, data-points x2, data-points x4, data-points x6 is one character away',
    );
    expect(fs[1]?.message['zh-Hant']).toContain(
      '數據點「x0」、數據點「x2」、數據點「x4」、數據點「x6」中的「華歐礦業」',
    );
  });
});
