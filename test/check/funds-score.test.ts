import { describe, expect, it } from 'vitest';
import { fundsScore } from '../../src/check/rules/funds-score.js';
import type { FundsRow } from '../../src/schema/record.js';
import { core, makeFunds, makeRecord, NATIONAL, withTotalFunds } from './make-record.js';

const rule = (field: string, expected: string, found: string) =>
  ({ rule: 'funds.score', severity: 'error', field, expected, found }) as const;

describe('funds.score: 分值 × min(执行率, 100%), at the printed precision of the score', () => {
  describe('fires', () => {
    it.each<{ name: string; row: FundsRow; expected: string; found: string }>([
      { name: '10 × 94.20% = 9.42, printed 9.40', row: { weight: '10', executionRate: '94.20', score: '9.40' }, expected: '9.42', found: '9.40' },
      { name: 'rate over 100% is capped: 10 × min(100.33%, 100%) = 10.00', row: { weight: '10', executionRate: '100.33', score: '10.03' }, expected: '10.00', found: '10.03' },
      { name: 'rate over 100% is capped: 10 × min(105.50%, 100%)', row: { weight: '10', executionRate: '105.50', score: '10.55' }, expected: '10.00', found: '10.55' },
      { name: 'half-up: 10 × 84.65% = 8.465 → 8.47', row: { weight: '10', executionRate: '84.65', score: '8.46' }, expected: '8.47', found: '8.46' },
      { name: 'printed with no decimals: 10 × 84.72% = 8.472 → 8', row: { weight: '10', executionRate: '84.72', score: '9' }, expected: '8', found: '9' },
      { name: 'zero rate: 10 × 0% = 0', row: { weight: '10', executionRate: '0.00', score: '10' }, expected: '0', found: '10' },
      {
        name: 'no printed rate: computed from executed ÷ annualBudget (371129.24 ÷ 394000 → 9.42)',
        row: { weight: '10', annualBudget: '394000.00', executed: '371129.24', score: '9.00' },
        expected: '9.42',
        found: '9.00',
      },
      {
        name: 'no printed rate and no annualBudget: executed ÷ initialBudget (150000 ÷ 200000 → 7.50)',
        row: { weight: '10', initialBudget: '200000', annualBudget: null, executed: '150000', score: '10.00' },
        expected: '7.50',
        found: '10.00',
      },
      {
        name: 'computed rate over 100% is capped too',
        row: { weight: '20', annualBudget: '100', executed: '150', score: '30' },
        expected: '20',
        found: '30',
      },
    ])('$name', ({ row, expected, found }) => {
      expect(core(fundsScore.check(withTotalFunds(row), NATIONAL))).toEqual([rule('funds.total.score', expected, found)]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; row: FundsRow }>([
      { name: '10 × 94.20% printed 9.42', row: { weight: '10', executionRate: '94.20', score: '9.42' } },
      { name: 'changning golden: 10 × 86.14% printed 8.61', row: { weight: '10', executionRate: '86.14', score: '8.61' } },
      { name: 'rate over 100% capped, printed 10', row: { weight: '10', executionRate: '100.33', score: '10' } },
      { name: 'rate over 100% capped, printed 10.00', row: { weight: '10', executionRate: '105.50', score: '10.00' } },
      { name: 'half-up: 8.465 printed 8.47', row: { weight: '10', executionRate: '84.65', score: '8.47' } },
      { name: 'printed with no decimals: 8.472 printed 8', row: { weight: '10', executionRate: '84.72', score: '8' } },
      { name: 'computed rate agrees', row: { weight: '10', annualBudget: '394000.00', executed: '371129.24', score: '9.42' } },
      { name: 'no weight', row: { weight: null, executionRate: '50.00', score: '9' } },
      { name: 'no score', row: { weight: '10', executionRate: '50.00', score: null } },
      { name: 'no rate and zero budget', row: { weight: '10', annualBudget: '0', executed: '0', score: '3' } },
      { name: 'no rate and no executed amount', row: { weight: '10', annualBudget: '1000', score: '3' } },
    ])('$name', ({ row }) => {
      expect(fundsScore.check(withTotalFunds(row), NATIONAL)).toEqual([]);
    });

    it('no funds at all', () => {
      expect(fundsScore.check(makeRecord(), NATIONAL)).toEqual([]);
    });
  });

  it('checks every source row and names it in the field path', () => {
    const record = makeRecord({
      funds: makeFunds({
        total: { weight: '10', executionRate: '90.00', score: '9' },
        carryOver: { weight: '5', executionRate: '50.00', score: '5' },
      }),
    });
    expect(core(fundsScore.check(record, NATIONAL))).toEqual([rule('funds.carryOver.score', '3', '5')]);
  });

  it('the message says what was expected and what came', () => {
    const [finding] = fundsScore.check(withTotalFunds({ weight: '10', executionRate: '105.50', score: '10.55' }), NATIONAL);
    expect(finding?.message).toBe('funds score printed 10.55 but 分值 10 × min(执行率 105.5%, 100%) = 10.00');
  });
});
