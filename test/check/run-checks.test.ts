import { describe, expect, it } from 'vitest';
import { RULES, runChecks } from '../../src/check/run-checks.js';
import { Finding, Record } from '../../src/schema/record.js';
import { makeFunds, makeIndicator, makeRecord, measure, NATIONAL } from './make-record.js';

/** CONTRACT.md's rule table, in its order. */
const CONTRACT_RULES = [
  ['funds.sum', 'error'],
  ['funds.rate', 'error'],
  ['funds.score', 'error'],
  ['total.weight', 'error'],
  ['total.score', 'error'],
  ['category.weight', 'error'],
  ['score.exceedsWeight', 'error'],
  ['target.unmetFullScore', 'warning'],
  ['crossref.executed', 'warning'],
  ['actual.missing', 'warning'],
  ['grade.mismatch', 'error'],
  ['deviation.missing', 'info'],
];

/** A record that breaks funds.rate, total.score and deviation.missing once each. */
const broken = () =>
  makeRecord({
    funds: makeFunds({ total: { annualBudget: '34708000.00', executed: '29894080.12', executionRate: '86.14', weight: '10', score: '8.61' } }),
    indicators: [
      makeIndicator({ level3: '邮寄数量完成率', target: measure('≥95%', '>=', '95', '%'), actual: measure('96%', null, '96', '%'), weight: '90', score: '80' }),
    ],
    totalWeight: '100',
    totalScore: '90',
  });

describe('RULES', () => {
  it('are the contract’s rules with the contract’s severities, in its order', () => {
    expect(RULES.map((r) => [r.name, r.severity])).toEqual(CONTRACT_RULES);
    expect(Object.isFrozen(RULES)).toBe(true);
  });
});

describe('runChecks', () => {
  it('runs every rule when no names are given, in rule order', () => {
    expect(runChecks(broken(), NATIONAL).map((f) => [f.rule, f.field, f.expected, f.found])).toEqual([
      ['funds.rate', 'funds.total.executionRate', '86.13', '86.14'],
      ['total.score', 'totalScore', '89', '90'],
      ['deviation.missing', 'indicators[0].deviation', null, null],
    ]);
  });

  it.each([
    { names: ['deviation.missing'], want: ['deviation.missing'] },
    { names: ['funds.rate', 'total.score'], want: ['funds.rate', 'total.score'] },
    { names: ['grade.mismatch'], want: [] },
    { names: [], want: [] },
  ])('runs only the named rules: $names', ({ names, want }) => {
    expect(runChecks(broken(), NATIONAL, names).map((f) => f.rule)).toEqual(want);
  });

  it('finds nothing in an empty record', () => {
    expect(runChecks(makeRecord(), NATIONAL)).toEqual([]);
  });

  it('every finding matches the Finding schema', () => {
    const findings = runChecks(broken(), NATIONAL);
    expect(findings.map((f) => Finding.safeParse(f).success)).toEqual([true, true, true]);
  });
});

describe('make-record helper', () => {
  it('builds a record with every contract field that passes the Record schema', () => {
    expect(Record.safeParse(makeRecord()).success).toBe(true);
    expect(Object.keys(makeRecord()).sort()).toEqual(
      [
        'formType', 'title', 'year', 'projectName', 'department', 'implementingUnit', 'amountUnit', 'funds', 'goal',
        'indicators', 'totalWeight', 'totalScore', 'grade', 'extra', 'findings', 'source', 'provenance',
      ].sort(),
    );
  });

  it('builds records the rule tests use that pass the Record schema', () => {
    expect(Record.safeParse(broken()).success).toBe(true);
  });
});
