import type { CheckContext } from '../../src/check/rule.js';
import type { Finding, Funds, FundsRow, Indicator, Measure, Op, Record } from '../../src/schema/record.js';

/** A record with every contract field present: nulls, empty arrays and objects by default. */
export function makeRecord(overrides: Partial<Record> = {}): Record {
  return {
    formType: 'project-self-evaluation',
    title: '项目支出绩效自评表',
    year: null,
    projectName: null,
    department: null,
    implementingUnit: null,
    amountUnit: null,
    funds: null,
    goal: null,
    indicators: [],
    totalWeight: null,
    totalScore: null,
    grade: null,
    extra: {},
    findings: [],
    source: { file: 'test.txt', pages: [], method: 'text' },
    provenance: {},
    ...overrides,
  };
}

/** An indicator with every field null unless given. */
export function makeIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    level1: null,
    level2: null,
    level3: null,
    explanation: null,
    target: null,
    actual: null,
    weight: null,
    score: null,
    deviation: null,
    ...overrides,
  };
}

/** Funds with all four source rows null unless given. */
export function makeFunds(rows: Partial<Funds> = {}): Funds {
  return { total: null, currentYear: null, carryOver: null, other: null, ...rows };
}

/** A record whose only funds row is `total`. */
export function withTotalFunds(total: FundsRow, overrides: Partial<Record> = {}): Record {
  return makeRecord({ funds: makeFunds({ total }), ...overrides });
}

/** A measure written out in full, so rule tests do not depend on parseMeasure. */
export function measure(text: string, op: Op | null, value: string | null, unit: string | null): Measure {
  return { text, op, value, unit };
}

export const NATIONAL: CheckContext = { gradeBands: null };

/** A finding without its free-text message, for exact comparison. */
export type FindingCore = Omit<Finding, 'message'>;

export function core(findings: readonly Finding[]): FindingCore[] {
  return findings.map(({ rule, severity, field, expected, found }) => ({ rule, severity, field, expected, found }));
}
