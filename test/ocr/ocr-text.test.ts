import { describe, expect, it } from 'vitest';
import { cleanText, dropUnsurePunctuation, greaterOrEqual, looksNumeric, thinHan } from '../../src/ocr/read-line.js';
import { alignHeader, headerGroups, labelLexicon, mendLabels, nearestLabel } from '../../src/ocr/label-lexicon.js';
import { toRecognized } from '../../src/ocr/tesseract-pool.js';
import { flagDoubtfulOcr, lookalikeReadings } from '../../src/check/ocr-doubtful.js';
import { runChecks } from '../../src/check/run-checks.js';
import { FORM_DEFINITIONS } from '../../pipelines/index.js';
import type { Record } from '../../src/schema/record.js';

describe('recognized text', () => {
  it('takes one Han character read from a stroke far narrower than high for no text (a seal remnant)', () => {
    // yuanjiang page 4: a 2 × 23 px remnant beside a weight of 10, read as 下.
    expect(thinHan('下', [1009, 329, 1011, 352])).toBe(true);
    expect(thinHan('下', [1009, 329, 1030, 352])).toBe(false);
    expect(thinHan('1', [1009, 329, 1011, 352])).toBe(false); // a digit 1 is that thin
    expect(thinHan('下午', [1009, 329, 1011, 352])).toBe(false);
  });

  it('joins tesseract words without spaces between Han characters', () => {
    const tsv = [
      '5\t1\t1\t1\t1\t1\t10\t5\t40\t30\t91.5\t年度',
      '5\t1\t1\t1\t1\t2\t52\t5\t40\t30\t88\t资金',
      '5\t1\t1\t1\t1\t3\t100\t5\t60\t30\t64.25\t600,000.00',
      '5\t1\t1\t1\t2\t1\t10\t45\t40\t30\t90\t总额',
    ].join('\n');
    const r = toRecognized(tsv);
    expect(r.text).toBe('年度资金600,000.00\n总额');
    expect(r.confidence).toBe(0.6425);
    expect(r.words[2]).toEqual({ text: '600,000.00', box: [100, 5, 160, 35], confidence: 0.6425, line: 0 });
  });

  it('cleans a line: spaces between Han removed, look-alike brackets and full stops mended', () => {
    expect(cleanText('项目 名称 〈医保)')).toBe('项目名称（医保)');
    expect(cleanText('监督 检查 CD')).toBe('监督检查。');
    expect(cleanText('>= 95%')).toBe('>= 95%');
    expect(cleanText('项目名称，')).toBe('项目名称');
    // A closing quote after a number with no opening quote before it is a seal's edge; quoted numbers stay.
    expect(cleanText('填表日期: 2024.5.17 ”联系电话: 15973703588 ”单位负责人签字:')).toBe('填表日期: 2024.5.17联系电话: 15973703588单位负责人签字:');
    expect(cleanText('打造“15分钟医保服务圈”,打造“2024”品牌')).toBe('打造“15分钟医保服务圈”,打造“2024”品牌');
    expect(cleanText('信息化平台在持续搭建中，', true)).toBe('信息化平台在持续搭建中，'); // a line wrapped in its cell
    expect(cleanText('财政项目支出绩效目标申报表，')).toBe('财政项目支出绩效目标申报表'); // a title with a speck
    expect(cleanText('“普陀区医保局”官方微信公众号')).toBe('“普陀区医保局”官方微信公众号');
    expect(cleanText('|实施单位')).toBe('实施单位'); // a rule's remnant
    expect(cleanText('15973703588”')).toBe('15973703588');
    expect(cleanText('预算执行率(9%) :')).toBe('预算执行率(%) :');
    expect(cleanText('完成率(95%)')).toBe('完成率(95%)');
    expect(cleanText('_B政策法规宣传工作经费')).toBe('B政策法规宣传工作经费');
    expect(cleanText('项目资金元)')).toBe('项目资金(元)');
    expect(cleanText('项目资金（万元）')).toBe('项目资金（万元）');
    expect(cleanText('单位：元')).toBe('单位：元');
    expect(cleanText('1,234,', true)).toBe('1,234,'); // a number wrapped onto the next line
    expect(cleanText('12,')).toBe('12'); // a seal's speck after an amount (yuanjiang)
  });

  it('drops a comma at a line end the recognizer is unsure of (a speck), and keeps a printed one', () => {
    const word = (text: string, confidence: number, line = 0) => ({ text, box: [0, 0, 1, 1] as [number, number, number, number], confidence, line });
    // As read from the putuo and changning scans.
    expect(dropUnsurePunctuation({ text: '', confidence: 0, words: [word('代', 0.93), word('配', 0.93), word('药', 0.92), word('，', 0.08)] })).toMatchObject({ text: '代配药', confidence: 0.92 });
    expect(dropUnsurePunctuation({ text: '', confidence: 0, words: [word('搭建', 0.4), word('中', 0.92), word('，', 0.74)] }).words).toHaveLength(3);
  });

  it('reads ≥ from what the two models make of it, when they agree on the number after it', () => {
    // As read from the putuo scan: chi_sim, then the number model.
    expect(greaterOrEqual('>90.00(%)', '290.00(%)')).toBe('≥90.00(%)');
    expect(greaterOrEqual('关80.00(9%)', '280.00(%)')).toBe('≥80.00(%)');
    expect(greaterOrEqual('2>80.00(%)', '280.00(%)')).toBe('≥80.00(%)');
    expect(greaterOrEqual('2>80.00(%)', '2>80.00(%)')).toBe('≥80.00(%)');
    expect(greaterOrEqual('>90.00(%)', '>90.00(%)')).toBeNull(); // a plain >
    expect(greaterOrEqual('290.00', '290.00')).toBeNull(); // a number starting with 2
    expect(greaterOrEqual('>90', '285')).toBeNull(); // not the same number
  });

  it('sends numbers, and digits chi_sim reads as look-alike Han characters, to the number model', () => {
    expect(looksNumeric('1009%')).toBe(true);
    expect(looksNumeric('了')).toBe(true); // a lone 7, as read from the shanghai scan
    expect(looksNumeric('了1')).toBe(true);
    expect(looksNumeric('是')).toBe(false);
    expect(looksNumeric('完成了')).toBe(false);
    expect(looksNumeric('2023年度')).toBe(false); // the number model would drop 年度
    expect(looksNumeric('100万元')).toBe(false);
    expect(looksNumeric('关80.00(9%)')).toBe(true); // ≥ as chi_sim reads it
  });
});

describe('label lexicon', () => {
  const lexicon = labelLexicon(FORM_DEFINITIONS);
  it('collects the labels of every family', () => {
    expect(lexicon).toEqual(expect.arrayContaining(['年度资金总额', '年初预算数', '偏差原因分析及改进措施', '实际完成值']));
  });

  it('takes a cell one character off a label as the label, and leaves anything else', () => {
    expect(nearestLabel('年度资金总\n显', lexicon)).toBe('年度资金总额');
    expect(nearestLabel("年初预碍数", lexicon)).toBe("年初预算数");
    expect(nearestLabel("时效指杯", lexicon)).toBeNull(); // four characters: too short to mend
    expect(nearestLabel('年度资金总额', lexicon)).toBeNull(); // already a label
    expect(nearestLabel('具体实施处科室) :', lexicon)).toBe('具体实施处(科室)'); // a bracket lost
    expect(nearestLabel('具体实施处(科室):', lexicon)).toBeNull();
    expect(nearestLabel('上海市长宁区医疗保障局', lexicon)).toBeNull();
    expect(nearestLabel('600,000', lexicon)).toBeNull();
  });
});

describe('ocr.doubtful', () => {
  const record = (): Record => ({
    formType: 'project-self-evaluation', title: '财政项目支出绩效自评表', year: 2023, projectName: '监督检查专项经费',
    department: null, implementingUnit: null, amountUnit: '元',
    funds: {
      total: { annualBudget: '394000.00', executed: '371129.24' },
      currentYear: { annualBudget: '394000', executed: '371129.24' },
      carryOver: { annualBudget: '0', executed: '0' },
      other: { annualBudget: '8', executed: '0' },
    },
    goal: null, indicators: [], totalWeight: null, totalScore: null, grade: null, extra: {}, findings: [],
    source: { file: 'scan.pdf', pages: [1], method: 'ocr' },
    provenance: {
      'funds.other.annualBudget': { page: 1, line: null, row: 6, col: 3, box: [300, 200, 350, 212], method: 'ocr', confidence: 0.93 },
      'funds.total.executed': { page: 1, line: null, row: 3, col: 4, box: [350, 160, 420, 172], method: 'ocr', confidence: 0.41 },
      projectName: { page: 1, line: null, row: 0, col: 1, box: [80, 92, 160, 100], method: 'ocr', confidence: 0.95 },
    },
  });

  it('reports an unsure value and a digit whose look-alike makes a failing sum pass, changing neither', () => {
    const r = record();
    r.findings = runChecks(r, { gradeBands: null });
    expect(r.findings.map((f) => `${f.rule} ${f.field} ${f.found}`)).toEqual(['funds.sum funds.total.annualBudget 394000.00']);
    const doubtful = flagDoubtfulOcr(r, { gradeBands: null });
    expect(doubtful.map(({ rule, severity, field, expected, found }) => ({ rule, severity, field, expected, found }))).toEqual([
      { rule: 'ocr.doubtful', severity: 'warning', field: 'funds.other.annualBudget', expected: '0', found: '8' },
      { rule: 'ocr.doubtful', severity: 'warning', field: 'funds.total.executed', expected: null, found: '371129.24' },
    ]);
    expect(doubtful[1]!.message).toContain('confidence 0.41');
    expect(r.funds!.other!.annualBudget).toBe('8');
  });

  it('lists one-digit look-alikes without inventing leading zeros', () => {
    expect(lookalikeReadings('18')).toEqual(['78', '48', '10', '13', '16', '19', '15']);
  });
});

describe('header rows', () => {
  const groups = headerGroups(FORM_DEFINITIONS);
  const funds = groups.find((g) => g.columns.some((c) => c.labels.includes('年初预算数')))!;
  const indicators = groups.find((g) => g.columns.some((c) => c.labels.includes('三级指标')) && g.columns.some((c) => c.labels.includes('实际完成值')))!;
  const labels = (texts: string[], group: typeof funds) => alignHeader(texts, group).map((m) => m?.label ?? null);
  const cell = (row: number, col: number, text: string, confidence: number | null = 0.5, rowSpan = 1) =>
    ({ row, col, rowSpan, colSpan: 1, text, page: 1, box: [0, 0, 1, 1] as [number, number, number, number], line: null, confidence });

  it('aligns a header row to its columns in printed order, mending cells up to half their characters off', () => {
    // As read from the yuanjiang scan: 一级/二级/三级 are one or two characters off, 偏差… five of eleven.
    expect(labels(['一纪指标', '一绍指标', '三绍指标', '年度指标值', '实际完成值', '分值', '得分', '信差中上分析及枚涝措施'], indicators)).toEqual([
      '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
    ]);
    // As read from the putuo scan: two half-off cells matched beat one closer match (二绍指标 is nearer 二级指标).
    const declaration = groups.find((g) => g.columns.some((c) => c.labels.includes('年度(/项目)指标值')))!;
    expect(labels(['一级指标', '一绍指标', '二绍指标', '年度(/项目)指标值'], declaration)).toEqual(['一级指标', '二级指标', '三级指标', '年度(/项目)指标值']);
    expect(labels(['资金来源', '年初现异数', '全年现异数', '全年执行数', '分值', '执行诗', '得分'], funds)).toEqual([
      null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分',
    ]);
    // Garbled (confidence under 0.3) and alone where exactly one column fits: that column. As read from the changning scan.
    const conf = (...c: Array<number | null>) => c;
    expect(alignHeader(['项目资金(元)', '资金来源', '年切了项异到', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''], funds, conf(0.78, 0.62, 0, 0.88, 0.85, 0.92, 0.93, 0.8, null)).map((m) => m?.label ?? null)).toEqual([
      null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null,
    ]);
    expect(alignHeader(['一级指标', '二级指标', '三级指标', '年度指标值', '实旺空只佑', '分值', '得分', '住戎古田分析双雹洪增施'], indicators, conf(0.41, 0.77, 0.86, 0.76, 0, 0.92, 0.78, 0)).map((m) => m?.label ?? null)).toEqual([
      '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
    ]);
    // Two garbled cells where two columns fit (yuanjiang page 2); a cell as near two free columns (a tie) is left as read.
    expect(alignHeader(['资金来源', '年初现异玛', '全年项异到', '全年执行数', '分值'], funds, conf(0.77, 0, 0, 0.93, 0.9)).map((m) => m?.label ?? null)).toEqual([
      null, '年初预算数', '全年预算数', '全年执行数', '分值',
    ]);
    expect(labels(['年初预算数', '全年现异数', '分值'], funds)).toEqual(['年初预算数', null, '分值']);
    // Read with confidence, or where two columns could fit (指标解释 and 年度指标值 after 三级指标): left as read.
    expect(alignHeader(['年度指标值', '实旺空只佑', '分值'], indicators, conf(0.9, 0.5, 0.9))[1]).toBeNull();
    expect(alignHeader(['三级指标', '午皮抬杯伯', '实际完成值'], indicators, conf(0.9, 0, 0.9))[1]).toBeNull();
    // More than half off, or out of the columns' order: left as read.
    expect(labels(['年初现异玛', '全年执行数', '分值'], funds)).toEqual([null, '全年执行数', '分值']);
    expect(labels(['分值', '年初预舞数', '得分'], funds)).toEqual(['分值', null, '得分']);
  });

  it('mends only rows that show two labels of a group already, and the categories under 一级/二级', () => {
    const table = {
      pages: [1], rows: 3, cols: 5, method: 'ocr' as const,
      cells: [
        cell(0, 0, '一纪指标'), cell(0, 1, '一绍指标'), cell(0, 2, '三级指标'), cell(0, 3, '分值'), cell(0, 4, '得分'),
        cell(1, 0, '成十指标', 0.5, 2), cell(1, 1, '经济成本指杯'), cell(1, 2, '成本控制杯'), cell(1, 3, '10'), cell(1, 4, '10'),
        cell(2, 1, '共去效益指标'), cell(2, 2, '社会效益'), cell(2, 3, '5'), cell(2, 4, '5'),
      ],
    };
    expect(mendLabels([table], [], groups)[0]!.cells.map((c) => c.text)).toEqual([
      '一级指标', '二级指标', '三级指标', '分值', '得分',
      // 共去效益指标 is as near 经济效益指标 and 生态效益指标 as 社会效益指标: left as read. 三级 cells are free text.
      '成本指标', '经济成本指标', '成本控制杯', '10', '10',
      '共去效益指标', '社会效益', '5', '5',
    ]);
    // A weighted category (the shanghai self-assessment's 一级 column): its name is mended, its weight kept.
    const weighted = {
      pages: [1], rows: 2, cols: 4, method: 'ocr' as const,
      cells: [cell(0, 0, '一级指标'), cell(0, 1, '指标名称'), cell(0, 2, '权重'), cell(0, 3, '自评分'), cell(1, 0, '投入与官埋 (36分)'), cell(1, 1, '预算执行率'), cell(1, 2, '8'), cell(1, 3, '7')],
    };
    expect(mendLabels([weighted], [], groups)[0]!.cells[4]!.text).toBe('投入与管理(36分)');
    // A garbled cell over the text columns of a row of numbers is the total row (shanghai: 合计 read as 让证 at 0.28).
    const span = (row: number, col: number, text: string, confidence: number, colSpan: number) => ({ ...cell(row, col, text, confidence), colSpan });
    const totals = { ...weighted, rows: 3, cells: [...weighted.cells, span(2, 0, '让证', 0.28, 2), cell(2, 2, '100'), cell(2, 3, '97')] };
    expect(mendLabels([totals], [], groups)[0]!.cells[8]!.text).toBe('合计');
    const sure = { ...weighted, rows: 3, cells: [...weighted.cells, span(2, 0, '让证', 0.8, 2), cell(2, 2, '100'), cell(2, 3, '97')] };
    expect(mendLabels([sure], [], groups)[0]!.cells[8]!.text).toBe('让证');
    // Two column labels in one cell spanning their columns (the rule between lost under a seal; rotated-90 scan): split.
    const box = (x0: number, x1: number) => [x0, 0, x1, 10] as [number, number, number, number];
    const joined = {
      pages: [1], rows: 2, cols: 4, method: 'ocr' as const,
      cells: [
        { ...cell(0, 0, '年初预算数'), box: box(0, 10) }, { ...cell(0, 1, '全年预算数。|。全年执行数'), colSpan: 2, box: box(10, 30) }, { ...cell(0, 3, '分值'), box: box(30, 40) },
        { ...cell(1, 0, '20'), box: box(0, 10) }, { ...cell(1, 1, '16'), box: box(10, 20) }, { ...cell(1, 2, '16'), box: box(20, 30) }, { ...cell(1, 3, '10'), box: box(30, 40) },
      ],
    };
    const split = mendLabels([joined], [], groups)[0]!.cells.filter((c) => c.row === 0);
    expect(split.map((c) => [c.col, c.colSpan, c.text, c.box![0], c.box![2]])).toEqual([
      [0, 1, '年初预算数', 0, 10], [1, 1, '全年预算数', 10, 20], [2, 1, '全年执行数', 20, 30], [3, 1, '分值', 30, 40],
    ]);
    const lone = { ...table, cells: [cell(0, 0, '年初预舞致'), cell(0, 1, '全年执行数')] };
    expect(mendLabels([lone], [], groups)[0]!.cells.map((c) => c.text)).toEqual(['年初预舞致', '全年执行数']);
  });
});
