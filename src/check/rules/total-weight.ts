import type { Rule } from '../rule.js';
import { sumPrinted, show } from '../decimal.js';

/** The printed total weight = the items' weights plus the funds weight. */
export const totalWeight: Rule = {
  name: 'total.weight',
  severity: 'error',
  check(record) {
    if (record.totalWeight == null) return [];
    const sum = sumPrinted([record.funds?.total?.weight, ...record.indicators.map((i) => i.weight)]);
    if (sum === null || sum.equals(record.totalWeight)) return [];
    return [
      {
        rule: this.name,
        severity: this.severity,
        field: 'totalWeight',
        expected: show(sum),
        found: record.totalWeight,
        message: `total weight printed ${record.totalWeight} but the weights add up to ${show(sum)}`,
      },
    ];
  },
};
