import { describe, expect, it } from 'vitest';
import { totalWeight } from '../../src/check/rules/total-weight.js';
import { core, makeIndicator, makeRecord, NATIONAL, withTotalFunds } from './make-record.js';
import type { Record } from '../../src/schema/record.js';

const items = (...weights: Array<string | null>) => weights.map((weight) => makeIndicator({ weight }));

describe('total.weight: the printed total weight = the items’ weights + the funds weight', () => {
  describe('fires', () => {
    it.each<{ name: string; record: Record; expected: string; found: string }>([
      {
        name: 'items 30 + 30 + 30, funds 10, printed 90 (funds weight left out)',
        record: withTotalFunds({ weight: '10' }, { indicators: items('30', '30', '30'), totalWeight: '90' }),
        expected: '100',
        found: '90',
      },
      {
        name: 'items only, 50 + 45 ≠ 100',
        record: makeRecord({ indicators: items('50', '45'), totalWeight: '100' }),
        expected: '95',
        found: '100',
      },
      {
        name: 'decimal weights 33.3 + 33.3 + 33.3 ≠ 100',
        record: makeRecord({ indicators: items('33.3', '33.3', '33.3'), totalWeight: '100' }),
        expected: '99.9',
        found: '100',
      },
      {
        name: 'only the funds weight is printed',
        record: withTotalFunds({ weight: '10' }, { totalWeight: '20' }),
        expected: '10',
        found: '20',
      },
    ])('$name', ({ record, expected, found }) => {
      expect(core(totalWeight.check(record, NATIONAL))).toEqual([
        { rule: 'total.weight', severity: 'error', field: 'totalWeight', expected, found },
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; record: Record }>([
      { name: 'items 30 + 30 + 30, funds 10, printed 100', record: withTotalFunds({ weight: '10' }, { indicators: items('30', '30', '30'), totalWeight: '100' }) },
      { name: 'items only, 50 + 50 = 100', record: makeRecord({ indicators: items('50', '50'), totalWeight: '100' }) },
      { name: 'trailing zeros: 100.00', record: makeRecord({ indicators: items('50', '50'), totalWeight: '100.00' }) },
      { name: 'an item without a weight counts as nothing', record: makeRecord({ indicators: items('60', null, '40'), totalWeight: '100' }) },
      { name: 'decimal arithmetic: 0.1 + 0.2 = 0.3', record: makeRecord({ indicators: items('0.1', '0.2'), totalWeight: '0.3' }) },
      { name: 'no total weight printed', record: makeRecord({ indicators: items('50', '45'), totalWeight: null }) },
      { name: 'no weight printed anywhere', record: makeRecord({ indicators: items(null, null), totalWeight: '100' }) },
    ])('$name', ({ record }) => {
      expect(totalWeight.check(record, NATIONAL)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    const record = makeRecord({ indicators: items('50', '45'), totalWeight: '100' });
    expect(totalWeight.check(record, NATIONAL)[0]?.message).toBe('total weight printed 100 but the weights add up to 95');
  });
});
