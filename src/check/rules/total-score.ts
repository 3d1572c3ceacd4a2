import type { Rule } from '../rule.js';
import { compareAtPrinted, sumPrinted } from '../decimal.js';

/** The printed total score = the items' scores plus the funds score, at the printed precision. */
export const totalScore: Rule = {
  name: 'total.score',
  severity: 'error',
  check(record) {
    if (record.totalScore == null) return [];
    const sum = sumPrinted([record.funds?.total?.score, ...record.indicators.map((i) => i.score)]);
    if (sum === null) return [];
    const { expected, same } = compareAtPrinted(sum, record.totalScore);
    if (same) return [];
    return [
      {
        rule: this.name,
        severity: this.severity,
        field: 'totalScore',
        expected,
        found: record.totalScore,
        message: `total score printed ${record.totalScore} but the scores add up to ${expected}`,
      },
    ];
  },
};
