import { describe, expect, it } from 'vitest';
import { NATIONAL_GRADE_BANDS, parseGradeBands, sameGrade } from '../../src/check/grade-bands.js';
import { gradeFor } from '../../src/check/rules/grade-mismatch.js';

const RANGE_SCHEME = '自评分合计90（含）-100分为优秀，75（含）-90分为良好，60（含）-75分为合格，0-60分为不合格';
const BOUND_SCHEME = '优（得分 ≥ 90 分）；良（ 80 ≤ 得分 < 90 分）；中（ 60 ≤ 得分 < 80 分）；差（得分 < 60 分）';

describe('parseGradeBands', () => {
  it('reads the range phrasing: 90（含）-100分为优秀, …, 0-60分为不合格', () => {
    expect(parseGradeBands(RANGE_SCHEME)).toEqual([
      { grade: '优秀', min: '90', max: '100', maxInclusive: true },
      { grade: '良好', min: '75', max: '90', maxInclusive: false },
      { grade: '合格', min: '60', max: '75', maxInclusive: false },
      { grade: '不合格', min: '0', max: '60', maxInclusive: false },
    ]);
  });

  it('reads the bound phrasing: 优（得分 ≥ 90 分）；良（ 80 ≤ 得分 < 90 分）；…', () => {
    expect(parseGradeBands(BOUND_SCHEME)).toEqual([
      { grade: '优', min: '90', max: null, maxInclusive: true },
      { grade: '良', min: '80', max: '90', maxInclusive: false },
      { grade: '中', min: '60', max: '80', maxInclusive: false },
      { grade: '差', min: '0', max: '60', maxInclusive: false },
    ]);
  });

  describe('CJK quirks', () => {
    it.each([
      { name: 'OCR-spaced range phrasing', input: RANGE_SCHEME.split('').join(' '), want: parseGradeBands(RANGE_SCHEME) },
      { name: 'line breaks inside the bound phrasing', input: BOUND_SCHEME.replace(/；/g, '；\n'), want: parseGradeBands(BOUND_SCHEME) },
      {
        name: 'full-width ＜ and an inclusive top bound ≤100',
        input: '优（90≤得分≤100分）；良（80≤得分＜90分）',
        want: [
          { grade: '优', min: '90', max: '100', maxInclusive: true },
          { grade: '良', min: '80', max: '90', maxInclusive: false },
        ],
      },
      {
        name: '～ as the range dash',
        input: '得分90～100分为优秀；75～90分为良好',
        want: [
          { grade: '优秀', min: '90', max: '100', maxInclusive: true },
          { grade: '良好', min: '75', max: '90', maxInclusive: false },
        ],
      },
    ])('$name', ({ input, want }) => {
      expect(parseGradeBands(input)).toEqual(want);
    });
  });

  it.each([
    { name: 'no scheme', input: '项目名称：医疗保险个人账户管理费' },
    { name: 'one range is not a scheme', input: '90-100分为优秀' },
    { name: 'empty', input: '' },
  ])('null when none is printed: $name', ({ input }) => {
    expect(parseGradeBands(input)).toBeNull();
  });
  it('reads `90分（含）以上为优秀 … 60分以下为不合格`', () => {
    expect(parseGradeBands('90分（含）以上为优秀，80（含）-90分为良好，60（含）-80分为合格，60分以下为不合格')).toEqual([
      { grade: '优秀', min: '90', max: null, maxInclusive: true },
      { grade: '良好', min: '80', max: '90', maxInclusive: false },
      { grade: '合格', min: '60', max: '80', maxInclusive: false },
      { grade: '不合格', min: '0', max: '60', maxInclusive: false },
    ]);
  });
});

describe('gradeFor', () => {
  describe('national scheme: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
    it.each([
      { score: '100', want: '优' },
      { score: '120', want: '优' },
      { score: '90', want: '优' },
      { score: '90.00', want: '优' },
      { score: '89.99', want: '良' },
      { score: '80', want: '良' },
      { score: '79.99', want: '中' },
      { score: '60', want: '中' },
      { score: '59.99', want: '差' },
      { score: '0', want: '差' },
    ])('$score → $want', ({ score, want }) => {
      expect(gradeFor(score, NATIONAL_GRADE_BANDS)).toBe(want);
    });
  });

  describe('document range scheme', () => {
    const bands = parseGradeBands(RANGE_SCHEME)!;
    it.each([
      { score: '100', want: '优秀' },
      { score: '90', want: '优秀' },
      { score: '89.99', want: '良好' },
      { score: '78', want: '良好' },
      { score: '75', want: '良好' },
      { score: '74.9', want: '合格' },
      { score: '60', want: '合格' },
      { score: '59.99', want: '不合格' },
      { score: '0', want: '不合格' },
      { score: '100.5', want: null },
    ])('$score → $want', ({ score, want }) => {
      expect(gradeFor(score, bands)).toBe(want);
    });
  });

  describe('document bound scheme', () => {
    const bands = parseGradeBands(BOUND_SCHEME)!;
    it.each([
      { score: '95', want: '优' },
      { score: '90', want: '优' },
      { score: '85', want: '良' },
      { score: '75', want: '中' },
      { score: '59', want: '差' },
    ])('$score → $want', ({ score, want }) => {
      expect(gradeFor(score, bands)).toBe(want);
    });
  });
});

describe('sameGrade', () => {
  it.each([
    { a: '优', b: '优', want: true },
    { a: '优', b: '优秀', want: true },
    { a: '良好', b: '良', want: true },
    { a: '中', b: '合格', want: true },
    { a: '中', b: '一般', want: true },
    { a: '中', b: '及格', want: true },
    { a: '差', b: '不合格', want: true },
    { a: '差', b: '较差', want: true },
    { a: '差', b: '不及格', want: true },
    { a: '优', b: '良', want: false },
    { a: '合格', b: '不合格', want: false },
    { a: '优秀', b: '良好', want: false },
    { a: '良', b: '中', want: false },
  ])('$a ~ $b is $want', ({ a, b, want }) => {
    expect(sameGrade(a, b)).toBe(want);
  });
});

describe('NATIONAL_GRADE_BANDS', () => {
  it('is the contract’s scheme, frozen', () => {
    expect(NATIONAL_GRADE_BANDS).toEqual([
      { grade: '优', min: '90', max: null, maxInclusive: true },
      { grade: '良', min: '80', max: '90', maxInclusive: false },
      { grade: '中', min: '60', max: '80', maxInclusive: false },
      { grade: '差', min: '0', max: '60', maxInclusive: false },
    ]);
    expect(Object.isFrozen(NATIONAL_GRADE_BANDS)).toBe(true);
  });
});
