import { describe, expect, it } from 'vitest';
import { fundsSum } from '../../src/check/rules/funds-sum.js';
import type { Funds } from '../../src/schema/record.js';
import { core, makeFunds, makeRecord, NATIONAL } from './make-record.js';

const rule = (field: string, expected: string, found: string) =>
  ({ rule: 'funds.sum', severity: 'error', field, expected, found }) as const;

describe('funds.sum: 年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金, column by column', () => {
  describe('fires', () => {
    it.each<{ name: string; funds: Partial<Funds>; field: string; expected: string; found: string }>([
      {
        name: 'executed: 200 + 100 ≠ 350',
        funds: { total: { executed: '350' }, currentYear: { executed: '200' }, carryOver: { executed: '100' } },
        field: 'funds.total.executed',
        expected: '300',
        found: '350',
      },
      {
        name: 'initialBudget: 394000 + 0 + 0 ≠ 395000.00',
        funds: { total: { initialBudget: '395000.00' }, currentYear: { initialBudget: '394000' }, carryOver: { initialBudget: '0' }, other: { initialBudget: '0' } },
        field: 'funds.total.initialBudget',
        expected: '394000',
        found: '395000.00',
      },
      {
        name: 'annualBudget: 120000 + 12000.5 ≠ 132000',
        funds: { total: { annualBudget: '132000' }, currentYear: { annualBudget: '120000' }, other: { annualBudget: '12000.5' } },
        field: 'funds.total.annualBudget',
        expected: '132000.5',
        found: '132000',
      },
      {
        name: 'requested (goal declaration): 120000.00 + 0.00 ≠ 130000.00',
        funds: { total: { requested: '130000.00' }, currentYear: { requested: '120000.00' }, carryOver: { requested: '0.00' } },
        field: 'funds.total.requested',
        expected: '120000',
        found: '130000.00',
      },
      {
        name: 'a printed zero total against non-zero sources',
        funds: { total: { executed: '0' }, currentYear: { executed: '9073.23' } },
        field: 'funds.total.executed',
        expected: '9073.23',
        found: '0',
      },
    ])('$name', ({ funds, field, expected, found }) => {
      expect(core(fundsSum.check(makeRecord({ funds: makeFunds(funds) }), NATIONAL))).toEqual([rule(field, expected, found)]);
    });

    it('reports each wrong column, in the order 年初预算数, 全年预算数, 全年执行数, 申请总额', () => {
      const funds = makeFunds({
        total: { initialBudget: '1', annualBudget: '2', executed: '3', requested: '4' },
        currentYear: { initialBudget: '10', annualBudget: '20', executed: '30', requested: '40' },
      });
      expect(core(fundsSum.check(makeRecord({ funds }), NATIONAL))).toEqual([
        rule('funds.total.initialBudget', '10', '1'),
        rule('funds.total.annualBudget', '20', '2'),
        rule('funds.total.executed', '30', '3'),
        rule('funds.total.requested', '40', '4'),
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; funds: Partial<Funds> }>([
      { name: 'executed: 200 + 100 = 300', funds: { total: { executed: '300' }, currentYear: { executed: '200' }, carryOver: { executed: '100' } } },
      {
        name: 'trailing zeros: 120000.00 = 120000.00 + 0.00 + 0.00',
        funds: { total: { requested: '120000.00' }, currentYear: { requested: '120000.00' }, carryOver: { requested: '0.00' }, other: { requested: '0.00' } },
      },
      {
        name: 'decimal arithmetic, not floats: 0.1 + 0.2 = 0.3',
        funds: { total: { executed: '0.3' }, currentYear: { executed: '0.1' }, carryOver: { executed: '0.2' } },
      },
      {
        name: 'a source column not printed counts as nothing (golden: carryOver executed null)',
        funds: { total: { executed: '133500' }, currentYear: { executed: '133500' }, carryOver: { executed: null }, other: { executed: null } },
      },
      { name: 'no source row printed', funds: { total: { executed: '300' } } },
      { name: 'sources printed but the total column is not', funds: { total: { executed: null }, currentYear: { executed: '200' } } },
      { name: 'previousYearBudget is not a summed column', funds: { total: { previousYearBudget: '9' }, currentYear: { previousYearBudget: '1' } } },
      { name: 'no total row', funds: { currentYear: { executed: '200' } } },
    ])('$name', ({ funds }) => {
      expect(fundsSum.check(makeRecord({ funds: makeFunds(funds) }), NATIONAL)).toEqual([]);
    });

    it('no funds at all', () => {
      expect(fundsSum.check(makeRecord(), NATIONAL)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    const funds = makeFunds({ total: { executed: '350' }, currentYear: { executed: '200' }, carryOver: { executed: '100' } });
    expect(fundsSum.check(makeRecord({ funds }), NATIONAL)[0]?.message).toBe('全年执行数 年度资金总额 printed 350 but its sources add up to 300');
  });
});
