import { describe, expect, it } from 'vitest';
import { grid, read, rules, textExport } from './support.js';

const T = (rows: string[]) => textExport(rows.join('\n'));

describe('national 自评表 in a spreadsheet: row labels merged over two grid columns', () => {
  // 项目资金（万元） merged down the funds rows, each row label over two columns, values from column 3.
  const rows = [
    [{ t: '项目支出绩效自评表', cs: 10 }, null, null, null, null, null, null, null, null, null],
    [{ t: '（2023年度）', cs: 10 }],
    ['项目名称', { t: '社区养老服务补贴', cs: 9 }],
    ['主管部门', { t: '某区民政局', cs: 4 }, null, null, null, '实施单位', { t: '某区养老服务中心', cs: 4 }],
    [{ t: '项目资金（万元）', rs: 4, cs: 1 }, { t: '', cs: 2 }, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, { t: '年度资金总额', cs: 2 }, null, '120', '125.5', '118.47', '10', '94.40%', '9.44'],
    [null, { t: '其中：当年财政拨款', cs: 2 }, null, '120', '125.5', '118.47', '—', '—', '—'],
    [null, { t: '上年结转资金', cs: 2 }, null, '0', '0', '0', '—', '—', '—'],
    [null, { t: '其他资金', cs: 2 }, null, '0', '0', '0', '—', '—', '—'],
    [{ t: '绩效指标', rs: 4 }, '一级指标', '二级指标', { t: '三级指标', cs: 2 }, null, '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, { t: '产出指标', rs: 2 }, '数量指标', { t: '补贴发放人数', cs: 2 }, null, '≥1200人', '1265人', '50', '50', ''],
    [null, null, '时效指标', { t: '发放及时率', cs: 2 }, null, '100%', '98%', '20', '18', '个别月份延迟'],
    [null, '满意度指标', '服务对象满意度指标', { t: '老人满意度', cs: 2 }, null, '≥90%', '93%', '20', '20', ''],
    [{ t: '总分', cs: 7 }, null, null, null, null, null, null, '100', '97.44', ''],
  ];
  const [record] = read([grid(rows, 'xlsx')]);

  it('reads every funds value under its own header, in 元', () => {
    expect(record!.funds!.total).toEqual({ initialBudget: '1200000', annualBudget: '1255000', executed: '1184700', weight: '10', executionRate: '94.40', score: '9.44' });
    expect(record!.funds!.currentYear!.executed).toBe('1184700');
    expect(record!.funds!.carryOver!.annualBudget).toBe('0');
  });

  it('reads the indicators under merged 三级 headers, and accuses the form of nothing', () => {
    expect(record!.indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score])).toEqual([
      ['产出指标', '数量指标', '补贴发放人数', '50', '50'],
      ['产出指标', '时效指标', '发放及时率', '20', '18'],
      ['满意度指标', '服务对象满意度指标', '老人满意度', '20', '20'],
    ]);
    expect(record!.totalWeight).toBe('100');
    expect(record!.totalScore).toBe('97.44');
    expect(record!.year).toBe(2023);
    expect(rules(record!)).toEqual([]);
  });
});

describe('Sichuan-style 部门预算项目支出绩效自评表 as a text export', () => {
  const [record] = read([
    T([
      '附件2：部门预算项目支出绩效自评表(2023年度)',
      '项目名称\t510000-街道路灯维护经费',
      '主管部门\t某县住房和城乡建设局\t实施单位 (盖章)\t某县市政服务中心',
      '项目基本情况\t1.项目年度目标完成情况\t项目年度目标\t年度目标完成情况',
      '\t\t保障路灯正常运行\t全年亮灯率达标',
      '预算执行情况(10分)\t年度预算数(万元)\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因',
      '\t总额\t40.00\t42.50\t40.80\t96.00%\t10\t9.6\t',
      '\t其中:财政资金\t40.00\t42.50\t40.80\t96.00%\t/\t/',
      '\t财政专户管理资金\t0.00\t0.00\t0.00\t0.00%\t/\t/',
      '\t单位资金\t0.00\t0.00\t0.00\t0.00%\t/\t/',
      '\t其他资金\t\t\t\t\t/\t/',
      '绩效指标(90分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析',
      '\t产出指标\t数量指标\t维护路灯数量\t≥\t3000\t盏\t3120\t40\t40\t',
      '\t\t质量指标\t亮灯率\t≥\t98\t%\t97\t20\t18\t部分线路老化',
      '\t效益指标\t社会效益指标\t夜间出行安全\t定性\t有效改善\t\t有效改善\t20\t20\t',
      '\t满意度指标\t服务对象满意度指标\t群众满意度\t≥\t90\t%\t95\t10\t10\t',
      '合计\t\t\t\t\t\t\t\t100\t97.6\t',
      '项目负责人:张三\t财务负责人:李四',
    ]),
  ]);

  it('finds the form behind an annex prefix, with the year in the title', () => {
    expect(record!.formType).toBe('project-self-evaluation');
    expect(record!.title).toBe('部门预算项目支出绩效自评表(2023年度)');
    expect(record!.year).toBe(2023);
    expect(record!.projectName).toBe('510000-街道路灯维护经费');
    expect(record!.implementingUnit).toBe('某县市政服务中心');
  });

  it('maps the funds grid by its headers; 财政资金 is currentYear, other sources kept by label', () => {
    expect(record!.amountUnit).toBe('万元');
    expect(record!.funds!.total).toEqual({ initialBudget: '400000', annualBudget: '425000', executed: '408000', executionRate: '96.00', weight: '10', score: '9.6' });
    expect(record!.funds!.currentYear!.annualBudget).toBe('425000');
    expect(Object.keys(record!.otherFundSources ?? {})).toEqual(['财政专户管理资金', '单位资金']);
    expect(record!.funds!.other).toEqual({ initialBudget: null, annualBudget: null, executed: null, executionRate: null, weight: null, score: null });
  });

  it('takes comparator and unit from 指标性质 and 度量单位', () => {
    const [first, second, third] = record!.indicators;
    expect(first!.target).toEqual({ text: '3000', op: '>=', value: '3000', unit: '盏' });
    expect(first!.actual).toEqual({ text: '3120', op: '>=', value: '3120', unit: '盏' });
    expect(first!.nature).toBe('≥');
    expect(second!.target).toEqual({ text: '98', op: '>=', value: '98', unit: '%' });
    expect(second!.deviation).toBe('部分线路老化');
    expect(third!.target).toEqual({ text: '有效改善', op: null, value: null, unit: null });
    expect(third!.nature).toBe('定性');
  });

  it('reads the goal block and footer, and the total includes the funds weight', () => {
    expect(record!.goal).toEqual({ planned: '保障路灯正常运行', achieved: '全年亮灯率达标' });
    expect(record!.extra['项目负责人']).toBe('张三');
    expect(record!.totalWeight).toBe('100');
    expect(record!.totalScore).toBe('97.6');
    // 97 % against ≥ 98 % scored 18 of 20: not full marks, no finding; every sum holds.
    expect(rules(record!)).toEqual([]);
  });
});

describe('rows that are not indicators', () => {
  const [record] = read([
    T([
      '项目支出绩效自评表',
      '项目名称\t示例项目',
      '一级指标\t二级指标\t三级指标\t评分标准\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
      '产出指标(60分)\t数量指标(40分)\t培训人次\t完成得满分\t≥500人次\t520人次\t40\t40\t',
      '\t\t指标1：\t\t\t\t\t\t',
      '\t质量指标(20分)\t合格率\t按比例扣分\t≥95%\t96%\t20\t20\t',
      '\t\t……\t\t\t\t\t\t',
      '效益指标(30分)\t社会效益指标(30分)\t技能提升\t定性评价\t明显\t明显\t30\t30\t',
      '总分\t\t\t\t\t\t90\t90\t',
    ]),
  ]);

  it('drops template placeholders and splits category weights off the labels', () => {
    expect(record!.indicators.map((i) => [i.level1, i.level1Weight, i.level2, i.level2Weight, i.level3])).toEqual([
      ['产出指标', '60', '数量指标', '40', '培训人次'],
      ['产出指标', '60', '质量指标', '20', '合格率'],
      ['效益指标', '30', '社会效益指标', '30', '技能提升'],
    ]);
  });

  it('keeps a column the contract has no field for under its header, glued to nothing', () => {
    expect(record!.indicators.map((i) => i.extra)).toEqual([{ 评分标准: '完成得满分' }, { 评分标准: '按比例扣分' }, { 评分标准: '定性评价' }]);
    expect(record!.indicators[0]!.target!.text).toBe('≥500人次');
    expect(rules(record!)).toEqual([]);
  });
});

describe('a scoring table with no title, inside a report', () => {
  const [record, ...rest] = read([
    T([
      '一、项目基本情况',
      '本项目由某局实施，资金用于设备更新。',
      '二、绩效评价指标及得分情况',
      '一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分',
      '决策\t20\t项目立项\t10\t立项依据充分性\t5\t5',
      '\t\t\t\t立项程序规范性\t5\t4',
      '\t\t绩效目标\t10\t绩效目标合理性\t10\t9',
      '产出\t80\t产出数量\t80\t设备更新数量\t80\t76',
      '合计\t100\t\t100\t\t100\t94',
      '三、存在的问题',
      '个别设备到货延迟。',
    ]),
  ]);

  it('is found by its header row, as an evaluation-scoring form', () => {
    expect(rest).toEqual([]);
    expect(record!.formType).toBe('evaluation-scoring');
    expect(record!.title).toBe('');
    expect(record!.indicators.map((i) => [i.level1, i.level1Weight, i.level2, i.level2Weight, i.level3, i.weight, i.score])).toEqual([
      ['决策', '20', '项目立项', '10', '立项依据充分性', '5', '5'],
      ['决策', '20', '项目立项', '10', '立项程序规范性', '5', '4'],
      ['决策', '20', '绩效目标', '10', '绩效目标合理性', '10', '9'],
      ['产出', '80', '产出数量', '80', '设备更新数量', '80', '76'],
    ]);
    expect(record!.totalScore).toBe('94');
    // The sums hold; the table has no column for reasons, so items below full marks give none.
    expect(rules(record!)).toEqual([1, 2, 3].map((i) => `info deviation.missing indicators[${i}].deviation`));
  });
});

describe('a reading that fails its own checks is doubt, not an accusation', () => {
  it('a 分值 that is not points withholds the total check and says read.doubtful', () => {
    const [record] = read([
      T([
        '项目支出绩效自评表',
        '项目名称\t示例项目',
        '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
        '产出指标\t数量指标\t培训人次\t500\t520\t2.433577\t40',
        '产出指标\t质量指标\t合格率\t95%\t96%\t60\t60',
        '总分\t\t\t\t\t100\t100',
      ]),
    ]);
    expect(rules(record!)).toEqual(['warning read.doubtful indicators[0].weight']);
    expect(record!.findings[0]!.message).toContain('total.weight on totalWeight');
  });

  it('a funds grid printed one column right of its header is read where it fits, with no false rate error', () => {
    const [record] = read([
      T([
        '项目支出绩效自评表',
        '项目名称\t示例项目',
        '项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
        '\t年度资金总额\t\t600,000.00\t600,000.00\t540,000.00\t10\t90.00%\t9',
        '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
        '产出指标\t数量指标\t培训人次\t500\t520\t90\t90',
        '总分\t\t\t\t\t100\t99',
      ]),
    ]);
    expect(record!.funds!.total).toEqual({ initialBudget: '600000.00', annualBudget: '600000.00', executed: '540000.00', weight: '10', executionRate: '90.00', score: '9' });
    expect(rules(record!)).toEqual([]);
  });

  it('a funds header with no readable row is read.incomplete', () => {
    const [record] = read([
      T([
        '项目支出绩效自评表',
        '项目名称\t示例项目',
        '项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
        '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
        '产出指标\t数量指标\t培训人次\t500\t520\t100\t100',
        '总分\t\t\t\t\t100\t100',
      ]),
    ]);
    expect(rules(record!)).toEqual(['warning read.incomplete funds']);
  });
});
