import { describe, expect, it } from 'vitest';
import { fundsRate } from '../../src/check/rules/funds-rate.js';
import type { FundsRow } from '../../src/schema/record.js';
import { core, makeFunds, makeRecord, NATIONAL, withTotalFunds } from './make-record.js';

const rule = (field: string, expected: string, found: string) =>
  ({ rule: 'funds.rate', severity: 'error', field, expected, found }) as const;

describe('funds.rate: 执行率 = 执行数 ÷ 全年预算数 (else 年初预算数), at the printed precision', () => {
  describe('fires', () => {
    it.each<{ name: string; row: FundsRow; expected: string; found: string }>([
      {
        name: 'changning golden: 29894080.12 ÷ 34708000.00 is 86.1302…, printed 86.14',
        row: { initialBudget: '34708000.00', annualBudget: '34708000.00', executed: '29894080.12', executionRate: '86.14' },
        expected: '86.13',
        found: '86.14',
      },
      {
        name: 'rate over 100%: 2284900 ÷ 2277600.00 is 100.3205…, printed 100.33',
        row: { annualBudget: '2277600.00', executed: '2284900', executionRate: '100.33' },
        expected: '100.32',
        found: '100.33',
      },
      {
        name: 'half-up at the printed precision: 86135 ÷ 100000 is exactly 86.135 → 86.14',
        row: { annualBudget: '100000', executed: '86135', executionRate: '86.13' },
        expected: '86.14',
        found: '86.13',
      },
      {
        name: 'printed with one decimal: 86.135 → 86.1',
        row: { annualBudget: '100000', executed: '86135', executionRate: '86.2' },
        expected: '86.1',
        found: '86.2',
      },
      {
        name: 'printed with no decimals: 99.71 → 100',
        row: { annualBudget: '20400000.00', executed: '20340000.00', executionRate: '99' },
        expected: '100',
        found: '99',
      },
      {
        name: 'annualBudget is null: falls back to initialBudget (150000 ÷ 200000 = 75.00)',
        row: { initialBudget: '200000', annualBudget: null, executed: '150000', executionRate: '80.00' },
        expected: '75.00',
        found: '80.00',
      },
      {
        name: 'annualBudget absent: falls back to initialBudget',
        row: { initialBudget: '200000', executed: '150000', executionRate: '80.00' },
        expected: '75.00',
        found: '80.00',
      },
      {
        name: 'annualBudget wins over initialBudget when both are printed (150000 ÷ 150000)',
        row: { initialBudget: '200000', annualBudget: '150000', executed: '150000', executionRate: '75.00' },
        expected: '100.00',
        found: '75.00',
      },
    ])('$name', ({ row, expected, found }) => {
      expect(core(fundsRate.check(withTotalFunds(row), NATIONAL))).toEqual([rule('funds.total.executionRate', expected, found)]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; row: FundsRow }>([
      {
        name: 'changning golden corrected: printed 86.13',
        row: { annualBudget: '34708000.00', executed: '29894080.12', executionRate: '86.13' },
      },
      { name: 'half-up: 86.135 printed 86.14', row: { annualBudget: '100000', executed: '86135', executionRate: '86.14' } },
      { name: 'printed with no decimals: 99.71 printed 100', row: { annualBudget: '20400000.00', executed: '20340000.00', executionRate: '100' } },
      { name: 'trailing zeros: 100 printed 100.00', row: { annualBudget: '133500.00', executed: '133500', executionRate: '100.00' } },
      { name: 'initialBudget fallback agrees', row: { initialBudget: '200000', annualBudget: null, executed: '150000', executionRate: '75.00' } },
      { name: 'zero annualBudget', row: { annualBudget: '0', executed: '0', executionRate: '100.00' } },
      { name: 'zero initialBudget as the fallback', row: { initialBudget: '0.00', executed: '1000', executionRate: '0.00' } },
      { name: 'no rate printed', row: { annualBudget: '100000', executed: '86135', executionRate: null } },
      { name: 'no executed amount', row: { annualBudget: '100000', executed: null, executionRate: '50.00' } },
      { name: 'no budget at all', row: { executed: '86135', executionRate: '50.00' } },
    ])('$name', ({ row }) => {
      expect(fundsRate.check(withTotalFunds(row), NATIONAL)).toEqual([]);
    });

    it('no funds at all', () => {
      expect(fundsRate.check(makeRecord(), NATIONAL)).toEqual([]);
    });
  });

  it('checks every source row and names it in the field path', () => {
    const wrong: FundsRow = { annualBudget: '100000', executed: '50000', executionRate: '40.00' };
    const right: FundsRow = { annualBudget: '100000', executed: '50000', executionRate: '50.00' };
    const record = makeRecord({ funds: makeFunds({ total: right, currentYear: wrong, carryOver: right, other: wrong }) });
    expect(core(fundsRate.check(record, NATIONAL))).toEqual([
      rule('funds.currentYear.executionRate', '50.00', '40.00'),
      rule('funds.other.executionRate', '50.00', '40.00'),
    ]);
  });

  it.each([
    { name: 'annual budget', row: { annualBudget: '34708000.00', executed: '29894080.12', executionRate: '86.14' }, label: '全年预算数' },
    { name: 'initial budget fallback', row: { initialBudget: '34708000.00', executed: '29894080.12', executionRate: '86.14' }, label: '年初预算数' },
  ])('the message says what was expected and what came ($name)', ({ row, label }) => {
    const [finding] = fundsRate.check(withTotalFunds(row), NATIONAL);
    expect(finding?.message).toBe(`执行率 printed 86.14% but 执行数 29894080.12 ÷ ${label} 34708000.00 = 86.13%`);
  });
});
