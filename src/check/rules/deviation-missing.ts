import type { Rule } from '../rule.js';
import type { Finding } from '../../schema/record.js';
import { dec } from '../decimal.js';

/** An item that loses points should say why (偏差原因/备注). */
export const deviationMissing: Rule = {
  name: 'deviation.missing',
  severity: 'info',
  check(record) {
    const findings: Finding[] = [];
    record.indicators.forEach((indicator, i) => {
      const { weight, score } = indicator;
      if (weight == null || score == null || indicator.deviation != null || !dec(score).lessThan(weight)) return;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `indicators[${i}].deviation`,
        expected: null,
        found: null,
        message: `${indicator.level3 ?? `indicator ${i}`} scores ${score} of ${weight} and gives no reason for the difference`,
      });
    });
    return findings;
  },
};
