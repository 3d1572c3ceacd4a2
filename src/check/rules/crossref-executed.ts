import type { Rule } from '../rule.js';
import type { Finding } from '../../schema/record.js';
import { dec, show } from '../decimal.js';

const COST = /成本指标$/;

/** A cost indicator whose actual is an amount (元/万元) should equal the funds executed amount. */
export const crossrefExecuted: Rule = {
  name: 'crossref.executed',
  severity: 'warning',
  check(record) {
    const executed = record.funds?.total?.executed;
    if (executed == null) return [];
    const findings: Finding[] = [];
    record.indicators.forEach((indicator, i) => {
      const isCost = COST.test(indicator.level1 ?? '') || COST.test(indicator.level2 ?? '');
      const actual = indicator.actual;
      if (!isCost || actual?.value == null || (actual.unit !== '元' && actual.unit !== '万元')) return;
      const amount = actual.unit === '万元' ? dec(actual.value).times(10000) : dec(actual.value);
      if (amount.equals(executed)) return;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `indicators[${i}].actual`,
        expected: executed,
        found: show(amount),
        message: `cost indicator ${indicator.level3 ?? i} reports ${actual.text} (${show(amount)} 元) but the funds table executed ${executed} 元`,
      });
    });
    return findings;
  },
};
