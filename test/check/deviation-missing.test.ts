import { describe, expect, it } from 'vitest';
import { deviationMissing } from '../../src/check/rules/deviation-missing.js';
import type { Indicator } from '../../src/schema/record.js';
import { core, makeIndicator, makeRecord, NATIONAL } from './make-record.js';

const item = (overrides: Partial<Indicator>): Indicator =>
  makeIndicator({ level3: '预算执行率', weight: '8', score: '7', deviation: null, ...overrides });

const check = (indicator: Indicator) =>
  core(deviationMissing.check(makeRecord({ indicators: [makeIndicator({ weight: '5', score: '5' }), indicator] }), NATIONAL));

describe('deviation.missing: an item below its weight gives no deviation reason', () => {
  it.each<{ name: string; overrides: Partial<Indicator> }>([
    { name: '7 of 8, no reason', overrides: {} },
    { name: '0 of 8, no reason', overrides: { score: '0' } },
    { name: '7.99 of 8.00, no reason', overrides: { weight: '8.00', score: '7.99' } },
  ])('fires: $name', ({ overrides }) => {
    expect(check(item(overrides))).toEqual([
      { rule: 'deviation.missing', severity: 'info', field: 'indicators[1].deviation', expected: null, found: null },
    ]);
  });

  it.each<{ name: string; overrides: Partial<Indicator> }>([
    { name: '7 of 8 with a reason', overrides: { deviation: '部分资金年底未支付' } },
    { name: 'full marks', overrides: { score: '8' } },
    { name: 'full marks with trailing zeros', overrides: { score: '8.00' } },
    { name: 'over the weight (score.exceedsWeight’s business)', overrides: { score: '9' } },
    { name: 'no score', overrides: { score: null } },
    { name: 'no weight', overrides: { weight: null } },
  ])('does not fire: $name', ({ overrides }) => {
    expect(check(item(overrides))).toEqual([]);
  });

  it('the message names the indicator, its score and weight', () => {
    expect(deviationMissing.check(makeRecord({ indicators: [item({})] }), NATIONAL)[0]?.message).toBe(
      '预算执行率 scores 7 of 8 and gives no reason for the difference',
    );
  });
});
