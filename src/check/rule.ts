import type { GradeBand } from '../forms/draft.js';
import type { Finding, Record } from '../schema/record.js';

/** What a rule may know beyond the record: the document's own grading scheme, when it prints one. */
export interface CheckContext {
  gradeBands: GradeBand[] | null;
}

/** A consistency rule: pure, never throws, returns findings (CONTRACT.md names and severities). */
export interface Rule {
  readonly name: string;
  readonly severity: Finding['severity'];
  check(record: Record, ctx: CheckContext): Finding[];
}
