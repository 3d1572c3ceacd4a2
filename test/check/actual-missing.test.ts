import { describe, expect, it } from 'vitest';
import { actualMissing } from '../../src/check/rules/actual-missing.js';
import type { Indicator } from '../../src/schema/record.js';
import { core, makeIndicator, makeRecord, measure, NATIONAL } from './make-record.js';

const TARGET = measure('=100%', '=', '100', '%');

const item = (overrides: Partial<Indicator>): Indicator =>
  makeIndicator({ level3: '受益人员满意度', target: TARGET, actual: null, weight: '10', score: '10', ...overrides });

const check = (indicator: Indicator) => core(actualMissing.check(makeRecord({ indicators: [makeIndicator(), indicator] }), NATIONAL));

describe('actual.missing: a target and full marks, but no actual value', () => {
  it.each<{ name: string; overrides: Partial<Indicator> }>([
    { name: 'target =100%, 10 of 10, no actual', overrides: {} },
    { name: 'full marks written 10.00 of 10', overrides: { score: '10.00' } },
    { name: 'a qualitative target', overrides: { target: measure('按时', null, null, null) } },
  ])('fires: $name', ({ overrides }) => {
    expect(check(item(overrides))).toEqual([
      { rule: 'actual.missing', severity: 'warning', field: 'indicators[1].actual', expected: null, found: null },
    ]);
  });

  it.each<{ name: string; overrides: Partial<Indicator> }>([
    { name: 'an actual value is printed', overrides: { actual: measure('100%', null, '100', '%') } },
    { name: 'a qualitative actual is printed', overrides: { actual: measure('优', null, null, null) } },
    { name: 'not full marks', overrides: { score: '9' } },
    { name: 'no target', overrides: { target: null } },
    { name: 'no score', overrides: { score: null } },
    { name: 'no weight', overrides: { weight: null } },
    { name: 'zero weight and zero score', overrides: { weight: '0', score: '0' } },
  ])('does not fire: $name', ({ overrides }) => {
    expect(check(item(overrides))).toEqual([]);
  });

  it('the message names the indicator and its target', () => {
    expect(actualMissing.check(makeRecord({ indicators: [item({})] }), NATIONAL)[0]?.message).toBe(
      'indicator 受益人员满意度 has target =100% and full marks (10/10) but no 实际完成值',
    );
  });
});
