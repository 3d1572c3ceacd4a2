import type { Rule } from '../rule.js';
import { FUND_SOURCES, type Finding } from '../../schema/record.js';
import { compareAtPrinted, dec } from '../decimal.js';

/** 执行率 = 执行数 ÷ 全年预算数 (else 年初预算数), at the printed precision. */
export const fundsRate: Rule = {
  name: 'funds.rate',
  severity: 'error',
  check(record) {
    const findings: Finding[] = [];
    for (const source of FUND_SOURCES) {
      const row = record.funds?.[source];
      const rate = row?.executionRate;
      const executed = row?.executed;
      const budgetKey = row?.annualBudget != null ? 'annualBudget' : 'initialBudget';
      const budget = row?.[budgetKey];
      if (rate == null || executed == null || budget == null || dec(budget).isZero()) continue;
      const { expected, same } = compareAtPrinted(dec(executed).div(budget).times(100), rate);
      if (same) continue;
      const budgetLabel = budgetKey === 'annualBudget' ? '全年预算数' : '年初预算数';
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `funds.${source}.executionRate`,
        expected,
        found: rate,
        message: `执行率 printed ${rate}% but 执行数 ${executed} ÷ ${budgetLabel} ${budget} = ${expected}%`,
      });
    }
    return findings;
  },
};
