import type { Rule } from '../rule.js';
import { dec } from '../decimal.js';
import { NATIONAL_GRADE_BANDS, sameGrade } from '../grade-bands.js';
import type { GradeBand } from '../../forms/draft.js';

/** The grade that a score earns under a scheme; null when no band holds it. */
export function gradeFor(score: string, bands: readonly GradeBand[]): string | null {
  const s = dec(score);
  const band = bands.find((b) => s.greaterThanOrEqualTo(b.min) && (b.max === null || (b.maxInclusive ? s.lessThanOrEqualTo(b.max) : s.lessThan(b.max))));
  return band?.grade ?? null;
}

/** The printed grade agrees with the total score under the document's scheme, else the national one. */
export const gradeMismatch: Rule = {
  name: 'grade.mismatch',
  severity: 'error',
  check(record, ctx) {
    if (record.grade == null || record.totalScore == null) return [];
    const bands = ctx.gradeBands ?? NATIONAL_GRADE_BANDS;
    const expected = gradeFor(record.totalScore, bands);
    if (expected === null || sameGrade(expected, record.grade)) return [];
    return [
      {
        rule: this.name,
        severity: this.severity,
        field: 'grade',
        expected,
        found: record.grade,
        message: `grade printed ${record.grade} but a total score of ${record.totalScore} is ${expected} under ${ctx.gradeBands ? "the document's grading scheme" : 'the national scheme'}`,
      },
    ];
  },
};
