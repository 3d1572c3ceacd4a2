import { Decimal } from 'decimal.js';
import type { Rule } from '../rule.js';
import { FUND_SOURCES, type Finding } from '../../schema/record.js';
import { compareAtPrinted, dec } from '../decimal.js';

/** The funds score = 分值 × min(执行率, 100%), at the printed precision of the score. */
export const fundsScore: Rule = {
  name: 'funds.score',
  severity: 'error',
  check(record) {
    const findings: Finding[] = [];
    for (const source of FUND_SOURCES) {
      const row = record.funds?.[source];
      if (row?.weight == null || row.score == null) continue;
      const budget = row.annualBudget ?? row.initialBudget;
      let rate: Decimal | null = null;
      if (row.executionRate != null) rate = dec(row.executionRate).div(100);
      else if (row.executed != null && budget != null && !dec(budget).isZero()) rate = dec(row.executed).div(budget);
      if (rate === null) continue;
      const computed = dec(row.weight).times(Decimal.min(rate, 1));
      const { expected, same } = compareAtPrinted(computed, row.score);
      if (same) continue;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `funds.${source}.score`,
        expected,
        found: row.score,
        message: `funds score printed ${row.score} but 分值 ${row.weight} × min(执行率 ${rate.times(100).toFixed()}%, 100%) = ${expected}`,
      });
    }
    return findings;
  },
};
