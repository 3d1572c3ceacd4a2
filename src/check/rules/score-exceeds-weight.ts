import type { Rule } from '../rule.js';
import type { Finding } from '../../schema/record.js';
import { dec } from '../decimal.js';

/** No item scores more than its weight. */
export const scoreExceedsWeight: Rule = {
  name: 'score.exceedsWeight',
  severity: 'error',
  check(record) {
    const findings: Finding[] = [];
    record.indicators.forEach((indicator, i) => {
      if (indicator.score == null || indicator.weight == null) return;
      if (!dec(indicator.score).greaterThan(indicator.weight)) return;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `indicators[${i}].score`,
        expected: indicator.weight,
        found: indicator.score,
        message: `${indicator.level3 ?? `indicator ${i}`} scores ${indicator.score} but weighs only ${indicator.weight}`,
      });
    });
    return findings;
  },
};
