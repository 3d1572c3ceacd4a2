import { describe, expect, it } from 'vitest';
import { parseGradeBands } from '../../src/check/grade-bands.js';
import type { CheckContext } from '../../src/check/rule.js';
import { gradeMismatch } from '../../src/check/rules/grade-mismatch.js';
import { core, makeRecord, NATIONAL } from './make-record.js';

const RANGE: CheckContext = {
  gradeBands: parseGradeBands('自评分合计90（含）-100分为优秀，75（含）-90分为良好，60（含）-75分为合格，0-60分为不合格'),
};
const BOUND: CheckContext = {
  gradeBands: parseGradeBands('优（得分 ≥ 90 分）；良（ 80 ≤ 得分 < 90 分）；中（ 60 ≤ 得分 < 80 分）；差（得分 < 60 分）'),
};

const check = (totalScore: string | null, grade: string | null, ctx: CheckContext) =>
  core(gradeMismatch.check(makeRecord({ totalScore, grade }), ctx));

const finding = (expected: string, found: string) =>
  [{ rule: 'grade.mismatch', severity: 'error', field: 'grade', expected, found }] as const;

describe('grade.mismatch: the printed grade agrees with the total score', () => {
  describe('national scheme (no scheme printed in the document)', () => {
    it.each([
      { score: '89.5', grade: '优', expected: '良' },
      { score: '89.99', grade: '优秀', expected: '良' },
      { score: '90', grade: '良', expected: '优' },
      { score: '90', grade: '良好', expected: '优' },
      { score: '79.99', grade: '良', expected: '中' },
      { score: '78', grade: '良', expected: '中' },
      { score: '60', grade: '差', expected: '中' },
      { score: '59.5', grade: '中', expected: '差' },
      { score: '59.5', grade: '合格', expected: '差' },
    ])('fires: $score printed $grade → $expected', ({ score, grade, expected }) => {
      expect(check(score, grade, NATIONAL)).toEqual(finding(expected, grade));
    });

    it.each([
      { score: '100', grade: '优' },
      { score: '97', grade: '优秀' },
      { score: '90', grade: '优' },
      { score: '89.99', grade: '良' },
      { score: '80', grade: '良好' },
      { score: '60', grade: '合格' },
      { score: '60', grade: '中' },
      { score: '59.5', grade: '不合格' },
      { score: '0', grade: '差' },
    ])('does not fire: $score printed $grade', ({ score, grade }) => {
      expect(check(score, grade, NATIONAL)).toEqual([]);
    });
  });

  describe('document range scheme (90（含）-100 优秀, 75（含）-90 良好, 60（含）-75 合格, 0-60 不合格)', () => {
    it.each([
      { score: '74.5', grade: '良好', expected: '合格' },
      { score: '90', grade: '良好', expected: '优秀' },
      { score: '89.9', grade: '优', expected: '良好' },
      { score: '59', grade: '合格', expected: '不合格' },
    ])('fires: $score printed $grade → $expected', ({ score, grade, expected }) => {
      expect(check(score, grade, RANGE)).toEqual(finding(expected, grade));
    });

    it.each([
      { score: '100', grade: '优秀' },
      { score: '90', grade: '优' },
      { score: '75', grade: '良好' },
      // 78 is 良 under the document's scheme although it is 中 under the national one.
      { score: '78', grade: '良' },
      { score: '60', grade: '中' },
      // Outside every band (above 100): no expected grade, no finding.
      { score: '101', grade: '差' },
    ])('does not fire: $score printed $grade', ({ score, grade }) => {
      expect(check(score, grade, RANGE)).toEqual([]);
    });

    it('the document scheme is used instead of the national one: 78 printed 良', () => {
      expect(check('78', '良', NATIONAL)).toEqual(finding('中', '良'));
      expect(check('78', '良', RANGE)).toEqual([]);
    });
  });

  describe('document bound scheme (优 ≥ 90; 80 ≤ 良 < 90; 60 ≤ 中 < 80; 差 < 60)', () => {
    it.each([
      { score: '85', grade: '中', expected: '良' },
      { score: '90', grade: '良', expected: '优' },
      { score: '59.99', grade: '合格', expected: '差' },
    ])('fires: $score printed $grade → $expected', ({ score, grade, expected }) => {
      expect(check(score, grade, BOUND)).toEqual(finding(expected, grade));
    });

    it.each([
      { score: '85', grade: '良好' },
      { score: '90', grade: '优秀' },
      { score: '60', grade: '中' },
    ])('does not fire: $score printed $grade', ({ score, grade }) => {
      expect(check(score, grade, BOUND)).toEqual([]);
    });
  });

  it.each([
    { name: 'no grade printed', score: '50', grade: null },
    { name: 'no total score printed', score: null, grade: '优' },
  ])('does not fire: $name', ({ score, grade }) => {
    expect(check(score, grade, NATIONAL)).toEqual([]);
  });

  it.each([
    { name: 'national', ctx: NATIONAL, message: 'grade printed 优 but a total score of 89.5 is 良 under the national scheme' },
    { name: 'document', ctx: BOUND, message: "grade printed 优 but a total score of 89.5 is 良 under the document's grading scheme" },
  ])('the message names the scheme ($name)', ({ ctx, message }) => {
    expect(gradeMismatch.check(makeRecord({ totalScore: '89.5', grade: '优' }), ctx)[0]?.message).toBe(message);
  });
  it('does not fire: 90 printed 优秀 under `90分（含）以上为优秀，80（含）-90分为良好，…`', () => {
    const ctx: CheckContext = {
      gradeBands: parseGradeBands('90分（含）以上为优秀，80（含）-90分为良好，60（含）-80分为合格，60分以下为不合格'),
    };
    expect(check('90', '优秀', ctx)).toEqual([]);
  });
});
