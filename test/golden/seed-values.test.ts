import { describe, expect, it } from 'vitest';
import { extractFixture } from '../support/extract-fixture.js';

// Explicit values, so a careless golden update cannot pass silently.
describe('seed values', () => {
  it('changning: 元 amounts keep printed digits, the misprinted rate is an error at 2 decimals', async () => {
    const records = await extractFixture('seeds/changning-2023-self-evaluation.txt');
    expect(records).toHaveLength(9);
    const r = records.find((x) => x.projectName === '区级医疗保障专项资金')!;
    expect(r.funds?.total).toMatchObject({ initialBudget: '34708000.00', executed: '29894080.12', executionRate: '86.14', score: '8.61' });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([
      expect.objectContaining({ rule: 'funds.rate', severity: 'error', field: 'funds.total.executionRate', expected: '86.13', found: '86.14' }),
    ]);
    // `可持续影响指标││控制…` is shifted one column left; it keeps its standard parent.
    expect(r.indicators[6]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', level3: '控制因病致贫因病返贫', weight: '10', score: '10' });
    const platform = records.find((x) => x.projectName === '医疗保障综合管理平台')!;
    expect(platform.findings.map((f) => [f.rule, f.field])).toContainEqual(['actual.missing', 'indicators[7].actual']);
    // A total split over lines: `总分`, blank, `100`, blank, `90`.
    expect(records[0]).toMatchObject({ totalWeight: '100', totalScore: '90' });
  });

  it('yuanjiang: 万元 converted exactly, merged rate/score cell split, footer labels read', async () => {
    const records = await extractFixture('seeds/yuanjiang-2023-self-evaluation-report.txt');
    expect(records.map((r) => r.amountUnit)).toEqual(Array(6).fill('万元'));
    const system = records.find((r) => r.projectName === 'B医保信息系统运行及网络维护费')!;
    expect(system.funds?.total).toMatchObject({ initialBudget: '166000', annualBudget: '132800', executed: '132800' });
    const policy = records.find((r) => r.projectName === 'B政策法规宣传工作经费')!;
    expect(policy.funds?.total).toMatchObject({ executionRate: '100.00', score: '10.00' });
    expect(records[1]!.extra).toEqual({ 填表人: '塔', 填表日期: '2024.5.17', 联系电话: '15925703588', 单位负责人签字: '王建国' });
    expect(records[5]!.indicators[0]!.target).toEqual({ text: '大于1家', op: '>', value: '1', unit: '家' });
  });

  it('shanghai: category spans come from the category weights, not the printed row', async () => {
    const records = await extractFixture('seeds/shanghai-2019-self-assessment.txt');
    const r = records.find((x) => x.projectName === '医疗保险信息化管理运行经费')!;
    expect(r.indicators.map((i) => i.level1)).toEqual([
      ...Array(6).fill('投入与管理'), ...Array(5).fill('产出目标'), ...Array(3).fill('效果目标'), '影响力目标',
    ]);
    expect(r.indicators[7]).toMatchObject({
      level3: '统计分析按期完成率',
      explanation: '统计查询申请单的完成时间（完成时间-批准时间）超过12天(10个工作日)的数量占总申请单数量的比例',
    });
    expect(r).toMatchObject({ totalWeight: '100', totalScore: '99', grade: '优秀', year: null, department: null });
    const subsidy = records.find((x) => x.projectName === '医保服务点日常经费补贴')!;
    expect(subsidy.indicators[7]!.level3).toBe('项目资金不存在截留、挤占、挪用项目资金情况');
  });

  it('putuo: goal declaration funds are the requested amounts', async () => {
    const records = await extractFixture('seeds/putuo-2024-goal-declaration.txt');
    expect(records).toHaveLength(8);
    expect(records[2]!.funds).toEqual({
      total: { requested: '120000.00' },
      currentYear: { requested: '120000.00' },
      carryOver: { requested: '0.00' },
      other: { requested: null },
    });
    expect(records[1]!.indicators[0]!.target).toEqual({ text: '≥80.00(%)', op: '>=', value: '80.00', unit: '%' });
    expect(records[0]!.extra).toMatchObject({ 项目性质: '阶段性项目', 计划开始日期: '2024-01-01' });
  });
});
