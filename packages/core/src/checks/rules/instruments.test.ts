import { describe, expect, it } from 'vitest';
import { line } from '../../testing/bundle-builder.js';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { instrumentsRule } from './instruments.js';

const cert = (claim: string, batch = 'GEC-1') =>
  line('group', 'green-certificate', 'gec', '100 certificates', { attributes: { claim, batch } });

describe('rule 10: instruments', () => {
  it('reports a batch claimed for Scope 2 and as an offset, and the figure it breaks', () => {
    const b = smallGroup();
    const fs = runRule(instrumentsRule, {
      ...b,
      activityLines: [...b.activityLines, cert('scope2-market'), cert('offset')],
    });
    expect(codes(fs).sort()).toEqual([
      'error:claimed-two-ways',
      'error:double-use-figure',
      'error:double-use-figure',
      'warning:certificate-as-offset',
    ]);
  });

  it('accepts certificates claimed once for market-based Scope 2', () => {
    const b = smallGroup();
    expect(
      runRule(instrumentsRule, { ...b, activityLines: [...b.activityLines, cert('scope2-market')] }),
    ).toEqual([]);
  });
});
