import { describe, expect, it } from 'vitest';
import { extraKey, foldFullWidth, isDash, normalizeLabel, normalizeTextValue, removeWhitespace } from '../../src/normalize/text.js';

describe('removeWhitespace', () => {
  it.each([
    { name: 'ASCII spaces', input: 'a b  c', want: 'abc' },
    { name: 'tabs and line breaks', input: 'a\tb\nc\r\nd', want: 'abcd' },
    { name: 'leading and trailing', input: '  项目名称  ', want: '项目名称' },
    { name: 'no whitespace is unchanged', input: '项目名称', want: '项目名称' },
    { name: 'empty', input: '', want: '' },
  ])('$name', ({ input, want }) => {
    expect(removeWhitespace(input)).toBe(want);
  });

  describe('CJK quirks', () => {
    it.each([
      { name: 'PDF line break inside an amount (contract example)', input: '14.361 84 万 元', want: '14.36184万元' },
      { name: 'OCR spaces out Han characters', input: '项 目 支 出 绩 效 自 评 表', want: '项目支出绩效自评表' },
      { name: 'ideographic space U+3000', input: '主管部门\u3000上海市', want: '主管部门上海市' },
      { name: 'no-break space U+00A0', input: '实施\u00a0单位', want: '实施单位' },
      { name: 'zero-width space U+200B', input: '项目\u200b名称', want: '项目名称' },
      { name: 'BOM / zero-width no-break U+FEFF', input: '\ufeff项目名称', want: '项目名称' },
      { name: 'all of them together', input: ' 年\u3000度\u00a0资\u200b金\ufeff总\t额\n', want: '年度资金总额' },
    ])('$name', ({ input, want }) => {
      expect(removeWhitespace(input)).toBe(want);
    });
  });
});

describe('foldFullWidth', () => {
  describe('CJK quirks: full-width forms fold to half-width', () => {
    it.each([
      { input: '１２．５％', want: '12.5%' },
      { input: '＞＝', want: '>=' },
      { input: '＜５％', want: '<5%' },
      { input: '＝１００', want: '=100' },
      { input: '（３６分）', want: '(36分)' },
      { input: '项目名称：', want: '项目名称:' },
      { input: '１，２３４', want: '1,234' },
      { input: 'ＡＢＣａｂｃ', want: 'ABCabc' },
      { input: '－／', want: '-/' },
      { input: 'a\u3000b', want: 'a b' },
    ])('$input → $want', ({ input, want }) => {
      expect(foldFullWidth(input)).toBe(want);
    });
  });

  it.each([
    { name: 'Han characters are untouched', input: '项目支出绩效自评表', want: '项目支出绩效自评表' },
    { name: 'CJK punctuation outside FF01–FF5E is untouched', input: '、。《》≥≤—', want: '、。《》≥≤—' },
    { name: 'half-width is untouched', input: '>=95%', want: '>=95%' },
  ])('$name', ({ input, want }) => {
    expect(foldFullWidth(input)).toBe(want);
  });
});

describe('normalizeLabel', () => {
  it.each([
    { input: '项目名称：', want: '项目名称' },
    { input: '项 目 名 称 :', want: '项目名称' },
    { input: '联系电话::', want: '联系电话' },
    { input: '执行率（％）', want: '执行率(%)' },
    { input: 'ＡＢ：', want: 'AB' },
    { input: '项目名称', want: '项目名称' },
  ])('$input → $want', ({ input, want }) => {
    expect(normalizeLabel(input)).toBe(want);
  });
});

describe('extraKey: printed label, whitespace and a trailing colon removed, forms kept', () => {
  it.each([
    { input: '项目负责人：', want: '项目负责人' },
    { input: '联系电话:', want: '联系电话' },
    { input: '具体实施处（科室）', want: '具体实施处（科室）' },
    { input: '是 否 为 经 常 性 项 目', want: '是否为经常性项目' },
    { input: '填表人：：', want: '填表人' },
    { input: 'ＡＢ：', want: 'ＡＢ' },
    { input: '自评时间：2024', want: '自评时间：2024' },
  ])('$input → $want', ({ input, want }) => {
    expect(extraKey(input)).toBe(want);
  });
});

describe('normalizeTextValue', () => {
  it.each([
    { name: 'whitespace removed', input: ' 优 秀 ', want: '优秀' },
    { name: 'OCR-spaced sentence', input: '按 时 完 成\n改 革 任 务', want: '按时完成改革任务' },
    { name: 'a negative number is not a dash', input: '-5', want: '-5' },
    { name: '无 is text, not a dash', input: '无', want: '无' },
  ])('$name', ({ input, want }) => {
    expect(normalizeTextValue(input)).toBe(want);
  });

  it.each([
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
    { name: 'empty', input: '' },
    { name: 'only spaces', input: ' \u3000 ' },
    { name: 'em dash', input: '—' },
    { name: 'double em dash', input: '——' },
    { name: 'hyphen', input: '-' },
    { name: 'full-width hyphen', input: '－' },
    { name: 'en dash', input: '–' },
    { name: 'horizontal bar', input: '―' },
    { name: 'slash', input: '/' },
    { name: 'full-width slash', input: '／' },
    { name: 'spaced dashes', input: ' — — ' },
  ])('$name → null', ({ input }) => {
    expect(normalizeTextValue(input)).toBeNull();
  });
});

describe('isDash', () => {
  it.each([
    { input: '—', want: true },
    { input: '——', want: true },
    { input: '-', want: true },
    { input: '－', want: true },
    { input: '/', want: true },
    { input: '／', want: true },
    { input: '‐', want: true },
    { input: ' – ', want: true },
    { input: '', want: false },
    { input: '-5', want: false },
    { input: '—优', want: false },
    { input: '0', want: false },
  ])('$input → $want', ({ input, want }) => {
    expect(isDash(input)).toBe(want);
  });
});
