/**
 * Expected findings: the project's own check stage applied to the truth record, which holds the
 * printed values (CONTRACT.md's rules, at the printed precision). No grading scheme is printed on a
 * variant, so grades are judged by the national one.
 */
import { runChecks } from '../../../src/check/run-checks.js';
import type { Record as ContractRecord } from '../../../src/schema/record.js';
import type { Finding, TruthRecord } from './truth.js';

export function expectedFindings(truth: TruthRecord): Finding[] {
  return runChecks({ ...truth, provenance: {} } as unknown as ContractRecord, { gradeBands: null }) as Finding[];
}

/** `rule@field` of the findings the scorer counts (error and warning, not the reader's doubt). */
export function scoredKeys(findings: readonly Finding[]): string[] {
  return findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !/^(ocr|read)\./.test(f.rule)).map((f) => `${f.rule}@${f.field}`);
}

/** Keys in `after` that `before` does not have (as multisets). */
export function addedKeys(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of before) left.set(k, (left.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of after) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
