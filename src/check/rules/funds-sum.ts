import type { Rule } from '../rule.js';
import type { Finding } from '../../schema/record.js';
import { sumPrinted, show } from '../decimal.js';

const KEYS = [
  ['initialBudget', '年初预算数'],
  ['annualBudget', '全年预算数'],
  ['executed', '全年执行数'],
  ['requested', '年度资金申请总额'],
] as const;

/**
 * 年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金, column by column, with the sources the contract
 * has no key for (`财政专户管理资金`, `单位资金`) among them.
 */
export const fundsSum: Rule = {
  name: 'funds.sum',
  severity: 'error',
  check(record) {
    const funds = record.funds;
    if (!funds?.total) return [];
    const findings: Finding[] = [];
    for (const [key, label] of KEYS) {
      const total = funds.total[key];
      const others = Object.values(record.otherFundSources ?? {}).map((row) => row[key]);
      const sum = sumPrinted([funds.currentYear?.[key], funds.carryOver?.[key], funds.other?.[key], ...others]);
      if (total == null || sum === null || sum.equals(total)) continue;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `funds.total.${key}`,
        expected: show(sum),
        found: total,
        message: `${label} 年度资金总额 printed ${total} but its sources add up to ${show(sum)}`,
      });
    }
    return findings;
  },
};
