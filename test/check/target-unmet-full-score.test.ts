import { describe, expect, it } from 'vitest';
import { satisfies, targetUnmetFullScore } from '../../src/check/rules/target-unmet-full-score.js';
import type { Indicator, Measure, Op } from '../../src/schema/record.js';
import { core, makeIndicator, makeRecord, measure, NATIONAL } from './make-record.js';

const item = (target: Measure | null, actual: Measure | null, weight: string | null = '10', score: string | null = '10'): Indicator =>
  makeIndicator({ level1: '产出指标', level2: '质量指标', level3: '审计质量达标率', target, actual, weight, score });

const check = (indicator: Indicator) =>
  core(targetUnmetFullScore.check(makeRecord({ indicators: [makeIndicator(), indicator] }), NATIONAL));

describe('target.unmetFullScore: full marks although the actual fails the target’s comparator', () => {
  describe('fires', () => {
    it.each<{ name: string; target: Measure; actual: Measure }>([
      { name: '>=: ≥95% vs 90%', target: measure('≥95%', '>=', '95', '%'), actual: measure('90%', null, '90', '%') },
      { name: '>=: 大于等于95% vs 94.99%', target: measure('大于等于95%', '>=', '95', '%'), actual: measure('94.99%', null, '94.99', '%') },
      { name: '>: 大于1家 vs 1家', target: measure('大于1家', '>', '1', '家'), actual: measure('1家', null, '1', '家') },
      { name: '<=: ≤3天 vs 4天', target: measure('≤3天', '<=', '3', '天'), actual: measure('4天', null, '4', '天') },
      { name: '<: <5% vs 5%', target: measure('<5%', '<', '5', '%'), actual: measure('5%', null, '5', '%') },
      { name: '=: =100.00(%) vs 99.5%', target: measure('=100.00(%)', '=', '100.00', '%'), actual: measure('99.5%', null, '99.5', '%') },
      { name: 'actual has no unit: ≥95% vs 90', target: measure('≥95%', '>=', '95', '%'), actual: measure('90', null, '90', null) },
    ])('$name', ({ target, actual }) => {
      expect(check(item(target, actual))).toEqual([
        { rule: 'target.unmetFullScore', severity: 'warning', field: 'indicators[1].actual', expected: target.value, found: actual.value },
      ]);
    });

    it('full marks written 10.00 of 10', () => {
      const target = measure('≥95%', '>=', '95', '%');
      const actual = measure('90%', null, '90', '%');
      expect(check(item(target, actual, '10', '10.00'))).toEqual([
        { rule: 'target.unmetFullScore', severity: 'warning', field: 'indicators[1].actual', expected: '95', found: '90' },
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; indicator: Indicator }>([
      { name: '>=: ≥95% vs 95%', indicator: item(measure('≥95%', '>=', '95', '%'), measure('95%', null, '95', '%')) },
      { name: '>: 大于1家 vs 2家', indicator: item(measure('大于1家', '>', '1', '家'), measure('2家', null, '2', '家')) },
      { name: '<=: ≤3天 vs 3天', indicator: item(measure('≤3天', '<=', '3', '天'), measure('3天', null, '3', '天')) },
      { name: '<: <5% vs 4.9%', indicator: item(measure('<5%', '<', '5', '%'), measure('4.9%', null, '4.9', '%')) },
      { name: '=: =100.00(%) vs 100%', indicator: item(measure('=100.00(%)', '=', '100.00', '%'), measure('100%', null, '100', '%')) },
      { name: 'not full marks: 9 of 10', indicator: item(measure('≥95%', '>=', '95', '%'), measure('90%', null, '90', '%'), '10', '9') },
      { name: 'units differ: ≥95% vs 90家', indicator: item(measure('≥95%', '>=', '95', '%'), measure('90家', null, '90', '家')) },
      { name: 'target without a comparator: 100% vs 90%', indicator: item(measure('100%', null, '100', '%'), measure('90%', null, '90', '%')) },
      { name: 'qualitative target: 按时', indicator: item(measure('按时', null, null, null), measure('90%', null, '90', '%')) },
      { name: 'qualitative actual: 按时', indicator: item(measure('≥95%', '>=', '95', '%'), measure('按时', null, null, null)) },
      { name: 'no actual', indicator: item(measure('≥95%', '>=', '95', '%'), null) },
      { name: 'no target', indicator: item(null, measure('90%', null, '90', '%')) },
      { name: 'zero weight, zero score', indicator: item(measure('≥95%', '>=', '95', '%'), measure('90%', null, '90', '%'), '0', '0') },
      { name: 'no score', indicator: item(measure('≥95%', '>=', '95', '%'), measure('90%', null, '90', '%'), '10', null) },
    ])('$name', ({ indicator }) => {
      expect(check(indicator)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    const record = makeRecord({ indicators: [item(measure('≥95%', '>=', '95', '%'), measure('90%', null, '90', '%'))] });
    expect(targetUnmetFullScore.check(record, NATIONAL)[0]?.message).toBe('审计质量达标率 has target ≥95% and actual 90%, yet full marks (10/10)');
  });
});

describe('satisfies', () => {
  it.each<{ value: string; op: Op; bound: string; want: boolean }>([
    { value: '95', op: '>=', bound: '95', want: true },
    { value: '94.99', op: '>=', bound: '95', want: false },
    { value: '2', op: '>', bound: '1', want: true },
    { value: '1', op: '>', bound: '1', want: false },
    { value: '3', op: '<=', bound: '3', want: true },
    { value: '3.01', op: '<=', bound: '3', want: false },
    { value: '4.9', op: '<', bound: '5', want: true },
    { value: '5', op: '<', bound: '5', want: false },
    { value: '100.00', op: '=', bound: '100', want: true },
    { value: '99.99', op: '=', bound: '100', want: false },
  ])('$value $op $bound is $want', ({ value, op, bound, want }) => {
    expect(satisfies(value, op, bound)).toBe(want);
  });
});
