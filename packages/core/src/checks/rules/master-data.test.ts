import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal.js';
import type { Entity } from '../../model/organisation.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
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
