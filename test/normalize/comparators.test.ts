import { describe, expect, it } from 'vitest';
import { parseMeasure } from '../../src/normalize/measure.js';
import type { Op } from '../../src/schema/record.js';

interface Case {
  input: string;
  op: Op | null;
  value: string | null;
  unit: string | null;
}

/** The printed text without whitespace is kept as `text`. */
function expectMeasure({ input, op, value, unit }: Case, text = input.replace(/\s/g, '')): void {
  expect(parseMeasure(input)).toEqual({ text, op, value, unit });
}

describe('parseMeasure: comparators', () => {
  describe('>= (≥ >= 大于等于 不低于 不少于 至少 以上)', () => {
    it.each<Case>([
      { input: '≥95%', op: '>=', value: '95', unit: '%' },
      { input: '>=95%', op: '>=', value: '95', unit: '%' },
      { input: '=>95%', op: '>=', value: '95', unit: '%' },
      { input: '≧90%', op: '>=', value: '90', unit: '%' },
      { input: '大于等于95%', op: '>=', value: '95', unit: '%' },
      { input: '大于或等于90%', op: '>=', value: '90', unit: '%' },
      { input: '不低于95%', op: '>=', value: '95', unit: '%' },
      { input: '不少于10家', op: '>=', value: '10', unit: '家' },
      { input: '不小于3次', op: '>=', value: '3', unit: '次' },
      { input: '至少3次', op: '>=', value: '3', unit: '次' },
      { input: '95%以上', op: '>=', value: '95', unit: '%' },
      { input: '95%及以上', op: '>=', value: '95', unit: '%' },
      { input: '95%或以上', op: '>=', value: '95', unit: '%' },
      { input: '满意度≥90%', op: '>=', value: '90', unit: '%' },
    ])('$input', (c) => expectMeasure(c));
  });

  describe('<= (≤ <= 小于等于 不超过 不高于 不多于 以内 以下)', () => {
    it.each<Case>([
      { input: '≤3天', op: '<=', value: '3', unit: '天' },
      { input: '<=5%', op: '<=', value: '5', unit: '%' },
      { input: '=<5%', op: '<=', value: '5', unit: '%' },
      { input: '小于等于5%', op: '<=', value: '5', unit: '%' },
      { input: '小于或等于5%', op: '<=', value: '5', unit: '%' },
      { input: '不超过10万元', op: '<=', value: '10', unit: '万元' },
      { input: '不高于5%', op: '<=', value: '5', unit: '%' },
      { input: '不多于3次', op: '<=', value: '3', unit: '次' },
      { input: '不大于5%', op: '<=', value: '5', unit: '%' },
      { input: '最多2次', op: '<=', value: '2', unit: '次' },
      { input: '3天以内', op: '<=', value: '3', unit: '天' },
      { input: '5%以下', op: '<=', value: '5', unit: '%' },
      { input: '5%及以下', op: '<=', value: '5', unit: '%' },
    ])('$input', (c) => expectMeasure(c));
  });

  describe('> (> 大于 超过)', () => {
    it.each<Case>([
      { input: '>1家', op: '>', value: '1', unit: '家' },
      { input: '大于1家', op: '>', value: '1', unit: '家' },
      { input: '超过2次', op: '>', value: '2', unit: '次' },
      { input: '高于90%', op: '>', value: '90', unit: '%' },
    ])('$input', (c) => expectMeasure(c));
  });

  describe('< (< 小于 低于)', () => {
    it.each<Case>([
      { input: '<5%', op: '<', value: '5', unit: '%' },
      { input: '小于5%', op: '<', value: '5', unit: '%' },
      { input: '低于5%', op: '<', value: '5', unit: '%' },
      { input: '少于3次', op: '<', value: '3', unit: '次' },
    ])('$input', (c) => expectMeasure(c));
  });

  describe('= (= 等于)', () => {
    it.each<Case>([
      { input: '=100%', op: '=', value: '100', unit: '%' },
      { input: '等于100%', op: '=', value: '100', unit: '%' },
    ])('$input', (c) => expectMeasure(c));
  });

  describe('longest word wins: a negated word is not its positive part', () => {
    it.each<Case>([
      { input: '不低于90%', op: '>=', value: '90', unit: '%' },
      { input: '低于90%', op: '<', value: '90', unit: '%' },
      { input: '不高于90%', op: '<=', value: '90', unit: '%' },
      { input: '高于90%', op: '>', value: '90', unit: '%' },
      { input: '大于等于90%', op: '>=', value: '90', unit: '%' },
      { input: '大于90%', op: '>', value: '90', unit: '%' },
      { input: '小于等于90%', op: '<=', value: '90', unit: '%' },
      { input: '小于90%', op: '<', value: '90', unit: '%' },
    ])('$input → $op', (c) => expectMeasure(c));
  });

  describe('no comparator: op null', () => {
    it.each<Case>([
      { input: '100%', op: null, value: '100', unit: '%' },
      { input: '86.13%', op: null, value: '86.13', unit: '%' },
      { input: '200000', op: null, value: '200000', unit: null },
      { input: '100%完成', op: null, value: '100', unit: '%' },
    ])('$input', (c) => expectMeasure(c));
  });
});

describe('parseMeasure: a percent unit in parentheses', () => {
  it.each<Case>([
    { input: '≥80.00(%)', op: '>=', value: '80.00', unit: '%' },
    { input: '=100.00(%)', op: '=', value: '100.00', unit: '%' },
    { input: '=90.00(%)', op: '=', value: '90.00', unit: '%' },
    { input: '≥80.00（%）', op: '>=', value: '80.00', unit: '%' },
    { input: '0.5(‰)', op: null, value: '0.5', unit: '‰' },
  ])('$input', (c) => expectMeasure(c));
});

describe('parseMeasure: units', () => {
  it.each<Case>([
    { input: '10家', op: null, value: '10', unit: '家' },
    { input: '5次', op: null, value: '5', unit: '次' },
    { input: '100人', op: null, value: '100', unit: '人' },
    { input: '3个', op: null, value: '3', unit: '个' },
    { input: '2套', op: null, value: '2', unit: '套' },
    { input: '1批', op: null, value: '1', unit: '批' },
    { input: '20件次', op: null, value: '20', unit: '件次' },
    { input: '500平米', op: null, value: '500', unit: '平米' },
    { input: '100平方米', op: null, value: '100', unit: '平方米' },
    { input: '100米', op: null, value: '100', unit: '米' },
    { input: '12月', op: null, value: '12', unit: '月' },
    { input: '3年', op: null, value: '3', unit: '年' },
    { input: '10个工作日', op: null, value: '10', unit: '个工作日' },
    { input: '14.36184万元', op: null, value: '14.36184', unit: '万元' },
    { input: '50000元', op: null, value: '50000', unit: '元' },
    { input: '95%', op: null, value: '95', unit: '%' },
    { input: '0.5‰', op: null, value: '0.5', unit: '‰' },
    { input: '≥90分', op: '>=', value: '90', unit: '分' },
    { input: '培训3期', op: null, value: '3', unit: '期' },
  ])('$input → $unit', (c) => expectMeasure(c));

  describe('thousands separators', () => {
    it.each<Case>([
      { input: '1,200人', op: null, value: '1200', unit: '人' },
      { input: '12,000,000元', op: null, value: '12000000', unit: '元' },
      { input: '≥3,000元', op: '>=', value: '3000', unit: '元' },
    ])('$input', (c) => expectMeasure(c));
  });
  it('12个月 → unit 个月', () => expectMeasure({ input: '12个月', op: null, value: '12', unit: '个月' }));
});

describe('parseMeasure: qualitative values have op, value and unit null', () => {
  it.each(['优', '按时', '及时', '健全', '信息及时公开', '按财政要求及时公开', '显著提升'])('%s', (input) => {
    expect(parseMeasure(input)).toEqual({ text: input, op: null, value: null, unit: null });
  });

  it('a bare comparator with no number is qualitative', () => {
    expect(parseMeasure('>=')).toEqual({ text: '>=', op: null, value: null, unit: null });
  });
});

describe('parseMeasure: sentences', () => {
  it.each<Case>([
    // The contract's example: one number, with % after it.
    { input: '以常住人口数为基数计算基本医保综合参保率为101.88%', op: null, value: '101.88', unit: '%' },
    // Several numbers: the one with % after it.
    { input: '2023年完成95%', op: null, value: '95', unit: '%' },
    // Several numbers: the one with a comparator before it.
    { input: '2023年覆盖率≥95%', op: '>=', value: '95', unit: '%' },
    // Several numbers and neither: qualitative.
    { input: '2023年12月底前完成', op: null, value: null, unit: null },
    { input: '按照三年行动计划,按时完成DIP支付方式改革任务', op: null, value: null, unit: null },
  ])('$input', (c) => expectMeasure(c));
  it('不少于10，且按时完成 → value 10', () =>
    expectMeasure({ input: '不少于10，且按时完成', op: '>=', value: '10', unit: null }),
  );
});

describe('parseMeasure: CJK quirks', () => {
  describe('full-width comparators, digits and signs', () => {
    it.each<Case>([
      { input: '＞＝95％', op: '>=', value: '95', unit: '%' },
      { input: '＞90', op: '>', value: '90', unit: null },
      { input: '＜５％', op: '<', value: '5', unit: '%' },
      { input: '＝100%', op: '=', value: '100', unit: '%' },
      { input: '＜＝３天', op: '<=', value: '3', unit: '天' },
      { input: '１２．５％', op: null, value: '12.5', unit: '%' },
      { input: '≥８０．００（％）', op: '>=', value: '80.00', unit: '%' },
      { input: '９５％以上', op: '>=', value: '95', unit: '%' },
    ])('$input (text keeps its printed forms)', (c) => expectMeasure(c));
  });

  describe('whitespace from PDF and OCR line breaks', () => {
    it.each<Case & { text: string }>([
      { input: '大 于 等 于 9 5 %', text: '大于等于95%', op: '>=', value: '95', unit: '%' },
      { input: '≥ 80.00 (%)', text: '≥80.00(%)', op: '>=', value: '80.00', unit: '%' },
      { input: '≤ 3 天', text: '≤3天', op: '<=', value: '3', unit: '天' },
      { input: '14.361 84 万 元', text: '14.36184万元', op: null, value: '14.36184', unit: '万元' },
      { input: '不少于\n10家', text: '不少于10家', op: '>=', value: '10', unit: '家' },
      { input: '\u3000按时\u3000', text: '按时', op: null, value: null, unit: null },
    ])('$input → $text', ({ text, ...c }) => expectMeasure(c, text));
  });
});

describe('parseMeasure: empty and dash cells are null', () => {
  it.each([
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
    { name: 'empty', input: '' },
    { name: 'spaces', input: ' \u3000 ' },
    { name: 'em dash', input: '—' },
    { name: 'double em dash', input: '——' },
    { name: 'hyphen', input: '-' },
    { name: 'full-width hyphen', input: '－' },
    { name: 'slash', input: '/' },
  ])('$name', ({ input }) => {
    expect(parseMeasure(input)).toBeNull();
  });
});
