import type { Rule } from '../rule.js';
import type { Finding } from '../../schema/record.js';
import { dec } from '../decimal.js';

/** An item with a target and full marks, but nothing in 实际完成值. */
export const actualMissing: Rule = {
  name: 'actual.missing',
  severity: 'warning',
  check(record) {
    const findings: Finding[] = [];
    record.indicators.forEach((indicator, i) => {
      const { target, actual, weight, score } = indicator;
      if (!target || actual || weight == null || score == null || dec(weight).isZero() || !dec(score).equals(weight)) return;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `indicators[${i}].actual`,
        expected: null,
        found: null,
        message: `indicator ${indicator.level3 ?? i} has target ${target.text} and full marks (${score}/${weight}) but no 实际完成值`,
      });
    });
    return findings;
  },
};
