import { describe, expect, it } from 'vitest';
import { keySet, labelKey, splitWeightedLabel, unitInLabel, unitValue } from '../../src/forms/labels.js';

describe('labelKey', () => {
  it.each([
    { input: '项目名称', want: '项目名称' },
    { input: '项目名称:', want: '项目名称' },
    { input: '项目资金 (元)', want: '项目资金' },
    { input: '当年预算数（元）：', want: '当年预算数' },
    { input: '年度资金总额（万元）', want: '年度资金总额' },
    { input: '项目资金（万元）：', want: '项目资金' },
    { input: '执行率(%)', want: '执行率' },
    { input: '执行率（％）', want: '执行率' },
    { input: '全年预算数(百分比)', want: '全年预算数' },
    { input: '其中：当年财政拨款', want: '当年财政拨款' },
    { input: '其中:上年结转', want: '上年结转' },
    { input: '指标值（含单位）', want: '指标值(含单位)' },
    { input: '具体实施处（科室）', want: '具体实施处(科室)' },
  ])('$input → $want', ({ input, want }) => {
    expect(labelKey(input)).toBe(want);
  });

  describe('CJK quirks', () => {
    it.each([
      { name: 'OCR-spaced label', input: '项 目 名 称', want: '项目名称' },
      { name: 'spaced 其中 prefix', input: '其中 ： 其他资金', want: '其他资金' },
      { name: 'spaces inside the unit parentheses', input: '分值（ 万元 ）', want: '分值' },
      { name: 'ideographic space', input: '主管部门\u3000：', want: '主管部门' },
      { name: 'full-width letters fold', input: 'ＤＩＰ改革', want: 'DIP改革' },
    ])('$name: $input → $want', ({ input, want }) => {
      expect(labelKey(input)).toBe(want);
    });
  });
});

describe('keySet', () => {
  it('holds the label keys of its synonyms', () => {
    expect([...keySet(['当年预算数（元）：', '项 目 名 称', '其中：当年财政拨款'])]).toEqual(['当年预算数', '项目名称', '当年财政拨款']);
  });
});

describe('unitInLabel', () => {
  it.each([
    { input: '项目资金(万元)', want: '万元' },
    { input: '项目资金（元）', want: '元' },
    { input: '金额 ( 万元 )', want: '万元' },
    { input: '资金(万 元)', want: '万元' },
    { input: '资金（万元）（%）', want: '万元' },
    { input: '执行率(%)', want: null },
    { input: '项目名称', want: null },
    // A label with digits outside the unit is a value cell, not a label that sets the unit.
    { input: '2023年资金(万元)', want: null },
  ])('$input → $want', ({ input, want }) => {
    expect(unitInLabel(input)).toBe(want);
  });
});

describe('unitValue', () => {
  it.each([
    { input: '万元', want: '万元' },
    { input: '元', want: '元' },
    { input: ' 万 元 ', want: '万元' },
    { input: '%', want: null },
    { input: '万元）', want: null },
    { input: '单位：万元', want: null },
  ])('$input → $want', ({ input, want }) => {
    expect(unitValue(input)).toBe(want);
  });
});

describe('splitWeightedLabel', () => {
  it.each([
    { input: '投入与管理 (36分)', name: '投入与管理', weight: '36' },
    { input: '投入与管理（36分）', name: '投入与管理', weight: '36' },
    { input: '产出目标(34)', name: '产出目标', weight: '34' },
    { input: '效益（20.5 分）', name: '效益', weight: '20.5' },
    { input: '项目名称', name: '项目名称', weight: null },
    { input: '（36分）', name: '（36分）', weight: null },
  ])('$input → $name / $weight', ({ input, name, weight }) => {
    expect(splitWeightedLabel(input)).toEqual({ name, weight });
  });

  describe('CJK quirks', () => {
    it.each([
      { name: 'OCR-spaced name', input: '投入 与 管理(36分)', want: { name: '投入与管理', weight: '36' } },
      { name: 'full-width digits, spaced', input: '投入与管理 （ ３６ 分 ）', want: { name: '投入与管理', weight: '36' } },
      { name: 'line break before the weight', input: '产出目标\n(34分)', want: { name: '产出目标', weight: '34' } },
    ])('$name: $input', ({ input, want }) => {
      expect(splitWeightedLabel(input)).toEqual(want);
    });
  });
});
