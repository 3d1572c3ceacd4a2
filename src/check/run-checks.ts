import type { CheckContext, Rule } from './rule.js';
import type { Finding, Record } from '../schema/record.js';
import { actualMissing } from './rules/actual-missing.js';
import { categoryWeight } from './rules/category-weight.js';
import { crossrefExecuted } from './rules/crossref-executed.js';
import { deviationMissing } from './rules/deviation-missing.js';
import { fundsRate } from './rules/funds-rate.js';
import { fundsScore } from './rules/funds-score.js';
import { fundsSum } from './rules/funds-sum.js';
import { gradeMismatch } from './rules/grade-mismatch.js';
import { scoreExceedsWeight } from './rules/score-exceeds-weight.js';
import { targetUnmetFullScore } from './rules/target-unmet-full-score.js';
import { totalScore } from './rules/total-score.js';
import { totalWeight } from './rules/total-weight.js';

/** Every rule of CONTRACT.md, in the order findings are reported. */
export const RULES: readonly Rule[] = Object.freeze([
  fundsSum, fundsRate, fundsScore, totalWeight, totalScore, categoryWeight, scoreExceedsWeight,
  targetUnmetFullScore, crossrefExecuted, actualMissing, gradeMismatch, deviationMissing,
]);

/** Runs the rules a family lists (all rules when `names` is omitted). */
export function runChecks(record: Record, ctx: CheckContext, names?: readonly string[]): Finding[] {
  const wanted = names ? new Set(names) : null;
  return RULES.filter((rule) => !wanted || wanted.has(rule.name)).flatMap((rule) => rule.check(record, ctx));
}
