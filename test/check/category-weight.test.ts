import { describe, expect, it } from 'vitest';
import { categoryWeight } from '../../src/check/rules/category-weight.js';
import type { Indicator } from '../../src/schema/record.js';
import { core, makeIndicator, makeRecord, NATIONAL } from './make-record.js';

const rule = (field: string, expected: string, found: string) =>
  ({ rule: 'category.weight', severity: 'error', field, expected, found }) as const;

/** Weighted-form items: `投入与管理 (36分)` repeated on every row it spans. */
const level1 = (name: string, printed: string | null, ...weights: Array<string | null>): Indicator[] =>
  weights.map((weight) => makeIndicator({ level1: name, level1Weight: printed, weight }));

/** Scoring-form items under one 一级/二级 pair with a printed 二级 分值. */
const level2 = (l1: string, l2: string, printed: string | null, ...weights: string[]): Indicator[] =>
  weights.map((weight) => makeIndicator({ level1: l1, level2: l2, level2Weight: printed, weight }));

describe('category.weight: a printed category weight = the sum of its items’ weights', () => {
  describe('fires', () => {
    it.each<{ name: string; indicators: Indicator[]; field: string; expected: string; found: string }>([
      {
        name: '投入与管理 (35分) over 6 + 8 + 5 + 8 + 5 + 4 = 36',
        indicators: level1('投入与管理', '35', '6', '8', '5', '8', '5', '4'),
        field: 'indicators[0].level1Weight',
        expected: '36',
        found: '35',
      },
      {
        name: 'the second category is wrong: its first row is the field',
        indicators: [...level1('投入与管理', '10', '4', '6'), ...level1('产出目标', '20', '12', '7')],
        field: 'indicators[2].level1Weight',
        expected: '19',
        found: '20',
      },
      {
        name: 'decimal weights: 2.5 + 2.5 + 2 ≠ 7.5',
        indicators: level1('效益', '7.5', '2.5', '2.5', '2'),
        field: 'indicators[0].level1Weight',
        expected: '7',
        found: '7.5',
      },
      {
        name: '二级 数量指标 (15) over 5 + 5',
        indicators: level2('产出指标', '数量指标', '15', '5', '5'),
        field: 'indicators[0].level2Weight',
        expected: '10',
        found: '15',
      },
      {
        name: 'an item without a weight counts as nothing',
        indicators: level1('决策', '20', '10', null, '5'),
        field: 'indicators[0].level1Weight',
        expected: '15',
        found: '20',
      },
    ])('$name', ({ indicators, field, expected, found }) => {
      expect(core(categoryWeight.check(makeRecord({ indicators }), NATIONAL))).toEqual([rule(field, expected, found)]);
    });

    it('checks 一级 and 二级 weights of the same rows, 一级 first', () => {
      const indicators = [...level2('产出指标', '数量指标', '9', '5', '5'), ...level2('产出指标', '质量指标', '10', '10')].map((i) => ({
        ...i,
        level1Weight: '25',
      }));
      expect(core(categoryWeight.check(makeRecord({ indicators }), NATIONAL))).toEqual([
        rule('indicators[0].level1Weight', '20', '25'),
        rule('indicators[0].level2Weight', '10', '9'),
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; indicators: Indicator[] }>([
      { name: '投入与管理 (36分) over 6 + 8 + 5 + 8 + 5 + 4', indicators: level1('投入与管理', '36', '6', '8', '5', '8', '5', '4') },
      { name: 'trailing zeros: 36.0', indicators: level1('投入与管理', '36.0', '18', '18') },
      { name: 'two right categories', indicators: [...level1('投入与管理', '10', '4', '6'), ...level1('产出目标', '19', '12', '7')] },
      { name: '二级 数量指标 (10) over 5 + 5', indicators: level2('产出指标', '数量指标', '10', '5', '5') },
      {
        name: 'the same 二级 label under different 一级 labels is two groups',
        indicators: [...level2('产出指标', '数量指标', '5', '5'), ...level2('效益指标', '数量指标', '5', '5')],
      },
      { name: 'no category weight printed', indicators: level1('投入与管理', null, '6', '8') },
      { name: 'no item weights printed', indicators: level1('投入与管理', '36', null, null) },
      { name: 'no indicators', indicators: [] },
    ])('$name', ({ indicators }) => {
      expect(categoryWeight.check(makeRecord({ indicators }), NATIONAL)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    const indicators = level1('投入与管理', '35', '6', '8', '5', '8', '5', '4');
    expect(categoryWeight.check(makeRecord({ indicators }), NATIONAL)[0]?.message).toBe(
      "投入与管理 is printed with 35分 but its items' weights add up to 36",
    );
  });
});
