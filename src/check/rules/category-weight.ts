import type { Rule } from '../rule.js';
import type { Finding, Indicator } from '../../schema/record.js';
import { sumPrinted, show } from '../decimal.js';

/** A printed category weight (`投入与管理 (36分)`, a 一级/二级 分值) = the sum of its items' weights. */
export const categoryWeight: Rule = {
  name: 'category.weight',
  severity: 'error',
  check(record) {
    const findings: Finding[] = [];
    for (const level of ['level1', 'level2'] as const) {
      const weightKey = level === 'level1' ? 'level1Weight' : 'level2Weight';
      for (const group of groupRuns(record.indicators, level)) {
        const printed = record.indicators[group.start]![weightKey];
        if (printed == null) continue;
        const sum = sumPrinted(group.items.map((i) => i.weight));
        if (sum === null || sum.equals(printed)) continue;
        findings.push({
          rule: this.name,
          severity: this.severity,
          field: `indicators[${group.start}].${weightKey}`,
          expected: show(sum),
          found: printed,
          message: `${record.indicators[group.start]![level]} is printed with ${printed}分 but its items' weights add up to ${show(sum)}`,
        });
      }
    }
    return findings;
  },
};

/** Consecutive indicators that share a label (and, for 二级, the same 一级). */
function groupRuns(indicators: readonly Indicator[], level: 'level1' | 'level2'): Array<{ start: number; items: Indicator[] }> {
  const groups: Array<{ start: number; items: Indicator[] }> = [];
  const key = (i: Indicator) => (level === 'level1' ? i.level1 : `${i.level1}\u0000${i.level2}`);
  indicators.forEach((indicator, k) => {
    if (indicator[level] == null) return;
    const last = groups[groups.length - 1];
    if (last && k > 0 && key(indicators[k - 1]!) === key(indicator)) last.items.push(indicator);
    else groups.push({ start: k, items: [indicator] });
  });
  return groups;
}
