import { describe, expect, it } from 'vitest';
import { totalScore } from '../../src/check/rules/total-score.js';
import { core, makeIndicator, makeRecord, NATIONAL, withTotalFunds } from './make-record.js';
import type { Record } from '../../src/schema/record.js';

const items = (...scores: Array<string | null>) => scores.map((score) => makeIndicator({ score }));
/** Funds score + 30 + 30 + 30. */
const form = (fundsScore: string, printed: string | null) =>
  withTotalFunds({ score: fundsScore }, { indicators: items('30', '30', '30'), totalScore: printed });

describe('total.score: the printed total = the items’ scores + the funds score, at the printed precision', () => {
  describe('fires', () => {
    it.each<{ name: string; record: Record; expected: string; found: string }>([
      { name: '8.47 + 90 = 98.47, printed 98.46', record: form('8.47', '98.46'), expected: '98.47', found: '98.46' },
      { name: '8.47 + 90 = 98.47, printed 99 (no decimals → 98)', record: form('8.47', '99'), expected: '98', found: '99' },
      { name: '8.47 + 90 = 98.47, printed 98.4 (one decimal → 98.5)', record: form('8.47', '98.4'), expected: '98.5', found: '98.4' },
      { name: 'half-up: 8.45 + 90 = 98.45, printed 98.4 → 98.5', record: form('8.45', '98.4'), expected: '98.5', found: '98.4' },
      { name: 'funds score left out: printed 90', record: form('10', '90'), expected: '100', found: '90' },
      { name: 'items only: 30 + 29 ≠ 60', record: makeRecord({ indicators: items('30', '29'), totalScore: '60' }), expected: '59', found: '60' },
    ])('$name', ({ record, expected, found }) => {
      expect(core(totalScore.check(record, NATIONAL))).toEqual([
        { rule: 'total.score', severity: 'error', field: 'totalScore', expected, found },
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; record: Record }>([
      { name: '8.47 + 90 printed 98.47', record: form('8.47', '98.47') },
      { name: '8.47 + 90 printed 98 (no decimals)', record: form('8.47', '98') },
      { name: '8.47 + 90 printed 98.5 (one decimal)', record: form('8.47', '98.5') },
      { name: 'half-up: 8.45 + 90 printed 98.5', record: form('8.45', '98.5') },
      { name: 'trailing zeros: 10 + 90 printed 100.00', record: form('10', '100.00') },
      { name: 'an item without a score counts as nothing', record: makeRecord({ indicators: items('30', null, '29'), totalScore: '59' }) },
      { name: 'no total printed', record: form('8.47', null) },
      { name: 'no score printed anywhere', record: makeRecord({ indicators: items(null, null), totalScore: '100' }) },
    ])('$name', ({ record }) => {
      expect(totalScore.check(record, NATIONAL)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    expect(totalScore.check(form('8.47', '99'), NATIONAL)[0]?.message).toBe('total score printed 99 but the scores add up to 98');
  });
});
