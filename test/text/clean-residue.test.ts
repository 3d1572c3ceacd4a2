import { describe, expect, it } from 'vitest';
import { cleanResidue } from '../../src/text/clean-residue.js';

describe('cleanResidue: HTML tags become spaces', () => {
  it.each([
    { input: '<p>项目名称</p>', want: ' 项目名称 ' },
    { input: '<br/>a<br>', want: ' a ' },
    { input: '<td colspan="2">合计</td>', want: ' 合计 ' },
    { input: '<b>优</b>（得分≥90分）', want: ' 优 （得分≥90分）' },
  ])('$input', ({ input, want }) => {
    expect(cleanResidue(input)).toBe(want);
  });

  it.each([
    { name: 'a < b > c with digits is not a tag', input: 'a<3 b>2' },
    { name: 'grade bounds', input: '良（80≤得分<90分）' },
    { name: 'comparators', input: '<5%\t>=95%' },
  ])('$name: unchanged', ({ input }) => {
    expect(cleanResidue(input)).toBe(input);
  });
});

describe('cleanResidue: markdown bold', () => {
  it.each([
    { input: '**项目名称**', want: '项目名称' },
    { input: '**a** **b**', want: 'a b' },
    { input: '项目**名称**：医保', want: '项目名称：医保' },
  ])('$input → $want', ({ input, want }) => {
    expect(cleanResidue(input)).toBe(want);
  });
});

describe('cleanResidue: markdown headings', () => {
  it.each([
    { input: '# 项目支出绩效自评表', want: '项目支出绩效自评表' },
    { input: '### （2024年度）', want: '（2024年度）' },
    { input: '  ## 标题', want: '标题' },
    { input: '#1号楼', want: '#1号楼' },
    { input: '####### 七个', want: '####### 七个' },
    { input: '项目 # 2', want: '项目 # 2' },
  ])('$input → $want', ({ input, want }) => {
    expect(cleanResidue(input)).toBe(want);
  });
});

describe('cleanResidue: LaTeX math', () => {
  it.each([
    { input: '$80 \\leq$ 得分', want: '80 ≤ 得分' },
    { input: '$80 \\le$ 得分', want: '80 ≤ 得分' },
    { input: '$80 \\leqslant$', want: '80 ≤' },
    { input: '$\\geq 90$', want: '≥ 90' },
    { input: '$\\ge$90', want: '≥90' },
    { input: '\\geqslant 90', want: '≥ 90' },
    { input: '\\le 60', want: '≤ 60' },
    { input: '$80\\le$', want: '80≤' },
    { input: '$a \\lt b$', want: 'a < b' },
    { input: '$x \\gt y$', want: 'x > y' },
    { input: '$2 \\times 3$', want: '2 × 3' },
    { input: '95\\%', want: '95%' },
    { input: '$95\\%$', want: '95%' },
    { input: '$5 and $6', want: '5 and 6' },
  ])('$input → $want', ({ input, want }) => {
    expect(cleanResidue(input)).toBe(want);
  });

  it.each([
    { name: 'a lone dollar sign', input: '价格 $5' },
    { name: 'an unknown command', input: '\\lefta' },
    { name: 'dollars across a tab are two cells', input: '$5\t$6' },
  ])('$name: unchanged', ({ input }) => {
    expect(cleanResidue(input)).toBe(input);
  });
  it('$\\geq90\\%$ → ≥90%', () => {
    expect(cleanResidue('$\\geq90\\%$')).toBe('≥90%');
  });
  it('$得分\\leq60$ → 得分≤60', () => {
    expect(cleanResidue('$得分\\leq60$')).toBe('得分≤60');
  });
});

describe('cleanResidue: markdown table rules carry no text', () => {
  it.each([
    { input: '--\t-------\t----' },
    { input: '| --- | --- |' },
    { input: '|:---|:---:|' },
    { input: '----' },
    { input: '===' },
    { input: '+----+----+' },
  ])('$input → empty', ({ input }) => {
    expect(cleanResidue(input)).toBe('');
  });

  describe('CJK quirks: dash cells are data, not rules', () => {
    it.each([
      { input: '—' },
      { input: '——' },
      { input: '-' },
      { input: '- 项目' },
      { input: '其他资金\t—\t—' },
    ])('$input is kept', ({ input }) => {
      expect(cleanResidue(input)).toBe(input);
    });
  });
});

describe('cleanResidue: plain text is unchanged', () => {
  it.each(['普通文本', '项目支出绩效自评表（2023年度）', '年度资金总额\t394000.00\t371129.24\t94.20%', ''])('%s', (input) => {
    expect(cleanResidue(input)).toBe(input);
  });
});
