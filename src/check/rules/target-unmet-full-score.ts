import type { Rule } from '../rule.js';
import type { Finding, Op } from '../../schema/record.js';
import { dec } from '../decimal.js';

/** Whether `value op bound` holds. */
export function satisfies(value: string, op: Op, bound: string): boolean {
  const c = dec(value).comparedTo(bound);
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '=': return c === 0;
  }
}

/** An item with full marks whose actual value fails its target's comparator (`≥95%`, actual `90%`). */
export const targetUnmetFullScore: Rule = {
  name: 'target.unmetFullScore',
  severity: 'warning',
  check(record) {
    const findings: Finding[] = [];
    record.indicators.forEach((indicator, i) => {
      const { target, actual, weight, score } = indicator;
      if (!target?.op || target.value == null || actual?.value == null || weight == null || score == null) return;
      if (!dec(score).equals(weight) || dec(weight).isZero()) return;
      if (target.unit && actual.unit && target.unit !== actual.unit) return;
      if (satisfies(actual.value, target.op, target.value)) return;
      findings.push({
        rule: this.name,
        severity: this.severity,
        field: `indicators[${i}].actual`,
        expected: target.value,
        found: actual.value,
        message: `${indicator.level3 ?? `indicator ${i}`} has target ${target.text} and actual ${actual.text}, yet full marks (${score}/${weight})`,
      });
    });
    return findings;
  },
};
