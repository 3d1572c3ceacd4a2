import { describe, expect, it } from 'vitest';
import { scoreExceedsWeight } from '../../src/check/rules/score-exceeds-weight.js';
import { core, makeIndicator, makeRecord, NATIONAL } from './make-record.js';

const record = (weight: string | null, score: string | null) =>
  makeRecord({ indicators: [makeIndicator({ level3: '受益人员满意度', weight: '10', score: '10' }), makeIndicator({ level3: '邮寄数量完成率', weight, score })] });

describe('score.exceedsWeight: no item scores more than its weight', () => {
  it.each([
    { name: '11 of 10', weight: '10', score: '11' },
    { name: '10.01 of 10', weight: '10', score: '10.01' },
    { name: '0.5 of 0', weight: '0', score: '0.5' },
    { name: '8.5 of 8.00', weight: '8.00', score: '8.5' },
  ])('fires: $name', ({ weight, score }) => {
    expect(core(scoreExceedsWeight.check(record(weight, score), NATIONAL))).toEqual([
      { rule: 'score.exceedsWeight', severity: 'error', field: 'indicators[1].score', expected: weight, found: score },
    ]);
  });

  it.each([
    { name: 'full marks', weight: '10', score: '10' },
    { name: 'full marks with trailing zeros', weight: '10', score: '10.00' },
    { name: 'below the weight', weight: '10', score: '9.99' },
    { name: 'zero of zero', weight: '0', score: '0' },
    { name: 'no score', weight: '10', score: null },
    { name: 'no weight', weight: null, score: '11' },
  ])('does not fire: $name', ({ weight, score }) => {
    expect(scoreExceedsWeight.check(record(weight, score), NATIONAL)).toEqual([]);
  });

  it('reports every item that exceeds, by index', () => {
    const indicators = [
      makeIndicator({ weight: '5', score: '6' }),
      makeIndicator({ weight: '5', score: '5' }),
      makeIndicator({ weight: '5', score: '7' }),
    ];
    expect(core(scoreExceedsWeight.check(makeRecord({ indicators }), NATIONAL)).map((f) => f.field)).toEqual([
      'indicators[0].score',
      'indicators[2].score',
    ]);
  });

  it('the message says what was expected and what came', () => {
    expect(scoreExceedsWeight.check(record('10', '11'), NATIONAL)[0]?.message).toBe('邮寄数量完成率 scores 11 but weighs only 10');
  });
});
