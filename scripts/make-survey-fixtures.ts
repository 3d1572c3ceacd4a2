/**
 * Writes fixtures/survey/ID.txt, ID.xlsx and ID.expected.jsonl: invented forms laid out like the
 * published ones surveyed in fixtures/survey/SURVEY-NOTES.md, one or more per layout family of the
 * table in fixtures/README.md. Every project, unit, person, amount, indicator and text is INVENTED;
 * only the layouts (labels, column order, merges, section labels, totals, footers) follow the
 * published forms. The text export has one line per grid row and one tab field per grid cell (a
 * merged cell printed once, in its first cell); the workbook holds the same grid with `!merges`.
 *
 * The expected records follow /work/shared/CONTRACT.md and the lead's additions (notes/common.md).
 * They are built from the same printed values as the grid by the plain rules in
 * scripts/lib/survey-grid.ts (never by the tool's code); the arithmetic findings are written by
 * hand below, next to the figures that cause them. Dev-time only:
 *
 *   npx tsx scripts/make-survey-fixtures.ts && npx tsx scripts/update-manifest.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './lib/manifest.js';
import {
  C,
  type Cell,
  deviationInfos,
  finding,
  funds,
  type FundKey,
  gridsToText,
  gridsToWorkbook,
  type Grid,
  type Ind,
  indicator,
  indicatorRows,
  type IndicatorShape,
  nows,
  type PrintedFundsRow,
  row,
} from './lib/survey-grid.js';

type Json = Record<string, unknown>;
interface Form {
  grid: Grid;
  record: Json;
}
interface Fixture {
  id: string;
  family: string;
  what: string;
  forms: Form[];
}

const OUT = join(FIXTURES_DIR, 'survey');
const fixtures: Fixture[] = [];
let currentId = '';

/** A record in contract key order; `extra` keys and text values lose their whitespace. */
function record(r: {
  formType: string;
  title: string | null;
  year: number | null;
  projectName?: string | null;
  department?: string | null;
  implementingUnit?: string | null;
  amountUnit?: '元' | '万元' | null;
  funds?: ReturnType<typeof funds> | null;
  goal?: { planned: string | null; achieved: string | null } | null;
  indicators: Json[];
  totalWeight?: string | null;
  totalScore?: string | null;
  grade?: string | null;
  extra?: Record<string, string | null>;
  findings?: Json[];
}): Json {
  const out: Json = {
    formType: r.formType,
    title: nows(r.title),
    year: r.year,
    projectName: nows(r.projectName),
    department: nows(r.department),
    implementingUnit: nows(r.implementingUnit),
    amountUnit: r.amountUnit ?? null,
    funds: r.funds ? r.funds.funds : null,
  };
  if (r.funds?.otherFundSources) out.otherFundSources = r.funds.otherFundSources;
  out.goal = r.goal ? { planned: nows(r.goal.planned), achieved: nows(r.goal.achieved) } : null;
  out.indicators = r.indicators;
  out.totalWeight = r.totalWeight ?? null;
  out.totalScore = r.totalScore ?? null;
  out.grade = r.grade ?? null;
  out.extra = Object.fromEntries(Object.entries(r.extra ?? {}).map(([k, v]) => [nows(k)!.replace(/[：:]$/, ''), nows(v)]));
  out.findings = r.findings ?? [];
  out.source = { file: `${currentId}.txt`, pages: [], method: 'text' };
  return out;
}

function fixture(id: string, family: string, what: string, build: () => Form[]): void {
  currentId = id;
  fixtures.push({ id, family, what, forms: build() });
}

const real = (inds: readonly Ind[]) => inds.filter((i) => !i.placeholder);
const withCategory = (i: Ind) => (i.w1 ? `${i.l1}（${i.w1}分）` : i.l1!);
const withCategory2 = (i: Ind) => (i.w2 ? `${i.l2}（${i.w2}分）` : i.l2!);

// =============================================================================================
// Family A: the national 项目支出绩效自评表 (财预〔2020〕10号 template and its provincial copies).
// Columns 0 section label │ 1 一级 │ 2 二级 │ 3 三级 │ 4 年度指标值 │ 5 实际完成值 │ 6 分值 │ 7 得分 │ 8 偏差.

interface NationalSpec {
  lead?: string[];
  title?: string;
  yearRow?: string;
  projectName: string;
  department: string;
  unit: string;
  amountUnit: '元' | '万元';
  fundsHeader?: string[];
  /** 年度资金总额 row label as printed and the other source rows: label, source, [年初, 全年, 执行, 分值, 执行率, 得分]. */
  fundRows: Array<[string, PrintedFundsRow['source'], string[]]>;
  planned: string;
  achieved: string;
  goalHeaders?: [string, string];
  indHeaders?: string[];
  inds: Ind[];
  categoryWeights?: boolean;
  total: [string, string];
  footer?: Cell[][];
}

const NATIONAL_KEYS: FundKey[] = ['initialBudget', 'annualBudget', 'executed', 'weight', 'executionRate', 'score'];

function nationalGrid(s: NationalSpec): Grid {
  const W = 9;
  const g: Grid = [];
  for (const l of s.lead ?? []) g.push(row(W, l));
  if (s.title) g.push(row(W, C(s.title, W)));
  if (s.yearRow) g.push(row(W, C(s.yearRow, W)));
  g.push(row(W, '项目名称', C(s.projectName, 8)));
  g.push(row(W, '主管部门', C(s.department, 3), '实施单位', C(s.unit, 4)));
  const fh = s.fundsHeader ?? ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  g.push(row(W, C(`项目资金（${s.amountUnit}）`, 1, s.fundRows.length + 1), '', ...fh));
  for (const [label, , cells] of s.fundRows) g.push(row(W, '', label, ...cells));
  const [gp, ga] = s.goalHeaders ?? ['预期目标', '实际完成情况'];
  g.push(row(W, C('年度总体目标', 1, 2), C(gp, 4), C(ga, 4)));
  g.push(row(W, '', C(s.planned, 4), C(s.achieved, 4)));
  const ih = s.indHeaders ?? ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  g.push(row(W, C('绩效指标', 1, s.inds.length + 1), ...ih));
  g.push(
    ...indicatorRows(s.inds, {
      width: W,
      cols: { l1: 1, l2: 2, l3: 3, target: 4, actual: 5, weight: 6, score: 7, dev: 8 },
      label1: s.categoryWeights ? withCategory : undefined,
    }),
  );
  g.push(row(W, C('总分', 6), s.total[0], s.total[1], ''));
  g.push(...(s.footer ?? []));
  return g;
}

function nationalFunds(s: NationalSpec) {
  return funds(
    s.fundRows.map(([, source, c]) => ({
      source,
      cells: Object.fromEntries(NATIONAL_KEYS.map((k, n) => [k, c[n] ?? ''])),
    })),
    NATIONAL_KEYS,
    s.amountUnit,
  );
}

fixture('annex-row-weighted-categories', 'A', '附件1： on its own row; year on its own row; 万元; `年度资金总额：` with a colon, `其中：本年财政拨款`; department/unit with code prefixes; category weights in the 一级 labels (`产出指标（50分）`); an empty 其他资金 row', () => {
  const inds: Ind[] = [
    { l1: '产出指标', w1: '50', l2: '数量指标', l3: '日常养护里程', target: '≥380公里', actual: '386公里', weight: '15', score: '15' },
    { l1: '产出指标', w1: '50', l2: '质量指标', l3: '优良路率', target: '≥80%', actual: '83%', weight: '15', score: '15' },
    { l1: '产出指标', w1: '50', l2: '时效指标', l3: '路面病害处置时限', target: '≤7天', actual: '5天', weight: '10', score: '10' },
    { l1: '产出指标', w1: '50', l2: '成本指标', l3: '每公里养护成本', target: '≤3500元/公里', actual: '3146元/公里', weight: '10', score: '10' },
    { l1: '效益指标', w1: '30', l2: '社会效益指标', l3: '群众出行条件', target: '明显改善', actual: '明显改善', weight: '15', score: '15' },
    { l1: '效益指标', w1: '30', l2: '可持续影响指标', l3: '养护长效机制', target: '健全', actual: '健全', weight: '15', score: '15' },
    { l1: '满意度指标', w1: '10', l2: '服务对象满意度指标', l3: '沿线群众满意度', target: '≥90%', actual: '92%', weight: '10', score: '8', dev: '部分路段雨季积水，已纳入下年度整治计划' },
  ];
  const s: NationalSpec = {
    lead: ['附件1：'],
    title: '项目支出绩效自评表',
    yearRow: '（2022年度）',
    projectName: '澄溪县乡村道路养护补助',
    department: '206-澄溪县交通运输局',
    unit: '206001-澄溪县公路养护中心',
    amountUnit: '万元',
    // 121.44 ÷ 126.5 = 96.00%; 10 × 96% = 9.6.
    fundRows: [
      ['年度资金总额：', 'total', ['120', '126.5', '121.44', '10', '96.00%', '9.6']],
      ['其中：本年财政拨款', 'currentYear', ['120', '126.5', '121.44', '—', '', '']],
      ['上年结转资金', 'carryOver', ['0', '0', '0', '—', '', '']],
      ['其他资金', 'other', ['', '', '', '—', '', '']],
    ],
    planned: '完成全县农村公路日常养护380公里，优良路率保持在80%以上。',
    achieved: '全年养护农村公路386公里，优良路率达到83%。',
    inds,
    categoryWeights: true,
    // 9.6 + 50 + 30 + 8 = 97.6
    total: ['100', '97.6'],
  };
  const ex = inds.map((i) => indicator(i, { weights1: true }));
  return [
    {
      grid: nationalGrid(s),
      record: record({
        formType: 'project-self-evaluation', title: '项目支出绩效自评表', year: 2022, projectName: s.projectName, department: s.department,
        implementingUnit: s.unit, amountUnit: '万元', funds: nationalFunds(s), goal: { planned: s.planned, achieved: s.achieved },
        indicators: ex, totalWeight: '100', totalScore: '97.6', findings: deviationInfos(ex),
      }),
    },
  ];
});

fixture('two-forms-yuan', 'A', 'two forms one after the other; 元 with thousands separators; funds row labels merged over two grid columns and a 10-column grid; a repeated 二级 label merged down two rows; 2nd form: printed 执行率 94.00% where 185,000 ÷ 200,000 = 92.50% (年初预算数 differs and must not be used; the score 9 fits both rates)', () => {
  const W = 10;
  const build = (title: string, name: string, dept: string, unit: string, rows: Array<[string, PrintedFundsRow['source'], string[]]>, planned: string, achieved: string, inds: Ind[], total: [string, string]): Grid => {
    const g: Grid = [];
    g.push(row(W, C(title, W)));
    g.push(row(W, C('（2023年度）', W)));
    g.push(row(W, '项目名称', C(name, 9)));
    g.push(row(W, '主管部门', C(dept, 4), '实施单位', C(unit, 4)));
    g.push(row(W, C('项目资金（元）', 1, rows.length + 1), C('', 2), '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''));
    for (const [label, , c] of rows) g.push(row(W, '', C(label, 2), ...c, ''));
    g.push(row(W, C('年度总体目标', 1, 2), C('预期目标', 4), C('实际完成情况', 5)));
    g.push(row(W, '', C(planned, 4), C(achieved, 5)));
    g.push(row(W, C('绩效指标', 1, inds.length + 1), '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', C('偏差原因分析及改进措施', 2)));
    g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 4, actual: 5, weight: 6, score: 7, dev: 8 }, spans: { dev: 2 } }));
    g.push(row(W, C('总分', 6), total[0], total[1], C('', 2)));
    return g;
  };
  const f = (rows: Array<[string, PrintedFundsRow['source'], string[]]>) =>
    funds(rows.map(([, source, c]) => ({ source, cells: Object.fromEntries(NATIONAL_KEYS.map((k, n) => [k, c[n] ?? ''])) })), NATIONAL_KEYS, '元');

  // Form 1: 441,000 ÷ 450,000 = 98.00%; 10 × 98% = 9.8; total 90 + 9.8 = 99.8.
  const rows1: Array<[string, PrintedFundsRow['source'], string[]]> = [
    ['年度资金总额', 'total', ['450,000.00', '450,000.00', '441,000.00', '10', '98.00%', '9.8']],
    ['其中：当年财政拨款', 'currentYear', ['450,000.00', '450,000.00', '441,000.00', '—', '', '']],
    ['上年结转资金', 'carryOver', ['0', '0', '0', '—', '', '']],
    ['其他资金', 'other', ['0', '0', '0', '—', '', '']],
  ];
  const inds1: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '开放社区图书室数量', target: '42个', actual: '42个', weight: '20', score: '20' },
    { l1: '产出指标', l2: '数量指标', l3: '阅读推广活动场次', target: '≥60场', actual: '64场', weight: '10', score: '10' },
    { l1: '产出指标', l2: '质量指标', l3: '图书外借册次', target: '≥30000册次', actual: '31250册次', weight: '10', score: '10' },
    { l1: '产出指标', l2: '时效指标', l3: '新书上架周期', target: '≤15天', actual: '12天', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '居民阅读参与率', target: '逐年提高', actual: '较上年提高', weight: '20', score: '20' },
    { l1: '效益指标', l2: '可持续影响指标', l3: '图书室管理制度', target: '健全', actual: '健全', weight: '10', score: '10' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '读者满意度', target: '≥90%', actual: '93%', weight: '10', score: '10' },
  ];
  const p1 = '保障全县42个社区图书室正常开放，全年开展阅读推广活动不少于60场。';
  const a1 = '42个社区图书室全年正常开放，开展阅读推广活动64场。';
  // Form 2: 185,000 ÷ 200,000 = 92.50% but 94.00% is printed; 10 × 92.5% = 9.25 → 9 and
  // 10 × 94% = 9.4 → 9 at the printed precision, so the score is not in question. Total 90 + 9 = 99.
  const rows2: Array<[string, PrintedFundsRow['source'], string[]]> = [
    ['年度资金总额', 'total', ['180,000.00', '200,000.00', '185,000.00', '10', '94.00%', '9']],
    ['其中：当年财政拨款', 'currentYear', ['180,000.00', '200,000.00', '185,000.00', '—', '', '']],
    ['上年结转资金', 'carryOver', ['0', '0', '0', '—', '', '']],
    ['其他资金', 'other', ['0', '0', '0', '—', '', '']],
  ];
  const inds2: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '补助传承人数', target: '18人', actual: '18人', weight: '30', score: '30' },
    { l1: '产出指标', l2: '质量指标', l3: '补助发放准确率', target: '100%', actual: '100%', weight: '20', score: '20' },
    { l1: '产出指标', l2: '时效指标', l3: '补助发放时间', target: '年底前', actual: '按时发放完毕', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '开展传习活动次数', target: '≥30次', actual: '36次', weight: '20', score: '20' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '传承人满意度', target: '≥90%', actual: '95%', weight: '10', score: '10' },
  ];
  const p2 = '对全县18名县级非遗代表性传承人给予传承补助，支持开展传习活动。';
  const a2 = '向18名传承人发放补助，开展传习活动36次。';
  const ex1 = inds1.map((i) => indicator(i));
  const ex2 = inds2.map((i) => indicator(i));
  return [
    {
      grid: build('财政项目支出绩效自评表', '青禾县社区图书室运行补助', '青禾县文化和旅游局', '青禾县图书馆', rows1, p1, a1, inds1, ['100', '99.8']),
      record: record({
        formType: 'project-self-evaluation', title: '财政项目支出绩效自评表', year: 2023, projectName: '青禾县社区图书室运行补助',
        department: '青禾县文化和旅游局', implementingUnit: '青禾县图书馆', amountUnit: '元', funds: f(rows1), goal: { planned: p1, achieved: a1 },
        indicators: ex1, totalWeight: '100', totalScore: '99.8',
      }),
    },
    {
      grid: build('财政项目支出绩效自评表', '青禾县非遗传承人补助', '青禾县文化和旅游局', '青禾县文化馆', rows2, p2, a2, inds2, ['100', '99']),
      record: record({
        formType: 'project-self-evaluation', title: '财政项目支出绩效自评表', year: 2023, projectName: '青禾县非遗传承人补助',
        department: '青禾县文化和旅游局', implementingUnit: '青禾县文化馆', amountUnit: '元', funds: f(rows2), goal: { planned: p2, achieved: a2 },
        indicators: ex2, totalWeight: '100', totalScore: '99',
        findings: [finding('funds.rate', 'error', 'funds.total.executionRate', '92.50', '94.00', '185000.00 ÷ 全年预算数 200000.00 = 92.50%, printed 94.00%')],
      }),
    },
  ];
});

fixture('no-title-row', 'A', 'no title row and no year anywhere (title and year null); 元; 上年结转资金 non-zero; an item with full marks on a missed target (≥1500套, 1420套); the 总分 score printed 99.91 where the scores add up to 98.91', () => {
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '改造小区数量', target: '12个', actual: '12个', weight: '20', score: '20' },
    { l1: '产出指标', l2: '数量指标', l3: '更换节能灯具数量', target: '≥1500套', actual: '1420套', weight: '20', score: '20' },
    { l1: '产出指标', l2: '质量指标', l3: '灯具验收合格率', target: '≥98%', actual: '99%', weight: '10', score: '10' },
    { l1: '产出指标', l2: '时效指标', l3: '改造完工时间', target: '按期完工', actual: '按期完工', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '居民夜间出行安全', target: '明显改善', actual: '明显改善', weight: '15', score: '15' },
    { l1: '效益指标', l2: '生态效益指标', l3: '年节约用电量', target: '≥3万千瓦时', actual: '3.4万千瓦时', weight: '5', score: '5' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '小区居民满意度', target: '≥90%', actual: '91%', weight: '10', score: '9', dev: '个别楼栋灯具位置有意见，已现场调整' },
  ];
  const s: NationalSpec = {
    projectName: '东湖区老旧小区公共照明改造',
    department: '东湖区住房和城乡建设局',
    unit: '东湖区物业管理服务中心',
    amountUnit: '元',
    // 852,260 ÷ 860,000 = 99.10%; 10 × 99.1% = 9.91.
    fundRows: [
      ['年度资金总额', 'total', ['860,000.00', '860,000.00', '852,260.00', '10', '99.10%', '9.91']],
      ['其中：当年财政拨款', 'currentYear', ['800,000.00', '800,000.00', '792,260.00', '—', '', '']],
      ['上年结转资金', 'carryOver', ['60,000.00', '60,000.00', '60,000.00', '—', '', '']],
      ['其他资金', 'other', ['0', '0', '0', '—', '', '']],
    ],
    planned: '完成12个老旧小区公共照明改造，更换节能灯具1500套。',
    achieved: '完成12个小区照明改造，更换节能灯具1420套。',
    inds,
    // The scores add up to 89 + 9.91 = 98.91, printed 99.91.
    total: ['100', '99.91'],
  };
  const ex = inds.map((i) => indicator(i));
  return [
    {
      grid: nationalGrid(s),
      record: record({
        formType: 'project-self-evaluation', title: null, year: null, projectName: s.projectName, department: s.department,
        implementingUnit: s.unit, amountUnit: '元', funds: nationalFunds(s), goal: { planned: s.planned, achieved: s.achieved },
        indicators: ex, totalWeight: '100', totalScore: '99.91',
        findings: [
          finding('target.unmetFullScore', 'warning', 'indicators[1].actual', '1500', '1420', '更换节能灯具数量: target ≥1500套, actual 1420套, full marks 20/20'),
          finding('total.score', 'error', 'totalScore', '98.91', '99.91', 'scores add up to 98.91, printed 99.91'),
        ],
      }),
    },
  ];
});

fixture('unit-year-title-ab-suffix', 'A', 'title carrying the unit and the year (`东湖区水务局2023年度项目支出绩效自评表`); 2021-style headers with (A)/(B) suffixes: `全年预算数（A）`, `全年执行数（B）`, `执行率（B/A）`, `年度指标值（A）`, `实际完成值（B）`; 成本指标 as a 一级 of its own with a 万元 actual equal to the executed amount; footer 填表人：/联系电话：/填报日期：; funds score printed 9.5 where 10 × 92.50% = 9.25 → 9.3', () => {
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '运维泵站数量', target: '9座', actual: '9座', weight: '20', score: '20' },
    { l1: '产出指标', l2: '质量指标', l3: '泵站设备完好率', target: '≥95%', actual: '97%', weight: '20', score: '20' },
    { l1: '产出指标', l2: '时效指标', l3: '故障响应时间', target: '≤2小时', actual: '1.5小时', weight: '10', score: '10' },
    { l1: '成本指标', l2: '经济成本指标', l3: '泵站运维总成本', target: '≤226万元', actual: '209.05万元', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '城区积水排除时限', target: '≤24小时', actual: '18小时', weight: '15', score: '15' },
    { l1: '效益指标', l2: '生态效益指标', l3: '泵站运行噪声', target: '达标', actual: '达标', weight: '5', score: '5' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '周边居民满意度', target: '≥90%', actual: '94%', weight: '10', score: '10' },
  ];
  const s: NationalSpec = {
    title: '东湖区水务局2023年度项目支出绩效自评表',
    projectName: '东湖区排涝泵站运行维护',
    department: '东湖区水务局',
    unit: '东湖区排涝管理站',
    amountUnit: '万元',
    fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
    // 209.05 ÷ 226 = 92.50% (printed right); 10 × 92.5% = 9.25 → 9.3 at one decimal, printed 9.5.
    fundRows: [
      ['年度资金总额', 'total', ['210', '226', '209.05', '10', '92.50%', '9.5']],
      ['其中：当年财政拨款', 'currentYear', ['200', '216', '199.05', '—', '', '']],
      ['上年结转资金', 'carryOver', ['10', '10', '10', '—', '', '']],
      ['其他资金', 'other', ['0', '0', '0', '—', '', '']],
    ],
    planned: '保障辖区9座排涝泵站汛期正常运行，城区主要道路积水24小时内排除。',
    achieved: '9座泵站全年正常运行，汛期未发生城区长时间积水。',
    indHeaders: ['一级指标', '二级指标', '三级指标', '年度指标值（A）', '实际完成值（B）', '分值', '得分', '偏差原因分析及改进措施'],
    inds,
    // 90 + 9.5 = 99.5 (the total follows the printed funds score).
    total: ['100', '99.5'],
    footer: [row(9, '填表人：', C('黄晓峰', 2), '联系电话：', C('0000-3345678', 2), '填报日期：', C('2024年4月2日', 2))],
  };
  const ex = inds.map((i) => indicator(i));
  return [
    {
      grid: nationalGrid(s),
      record: record({
        formType: 'project-self-evaluation', title: s.title!, year: 2023, projectName: s.projectName, department: s.department,
        implementingUnit: s.unit, amountUnit: '万元', funds: nationalFunds(s), goal: { planned: s.planned, achieved: s.achieved },
        indicators: ex, totalWeight: '100', totalScore: '99.5',
        extra: { 填表人: '黄晓峰', 联系电话: '0000-3345678', 填报日期: '2024年4月2日' },
        findings: [finding('funds.score', 'error', 'funds.total.score', '9.3', '9.5', '分值 10 × min(92.50%, 100%) = 9.25 → 9.3, printed 9.5')],
      }),
    },
  ];
});

// =============================================================================================
// Family B: Yunnan 2020+ self-evaluation: the national funds grid, a two-row indicator header with
// 年度指标值 spanning 指标性质 │ 指标值 │ 度量单位.

fixture('nature-two-row-header', 'B', 'year in the title (`2023年度项目支出绩效自评表`); 万元; the 当年财政拨款 row prints its own 执行率; blank 上年结转/其他资金 rows; a two-row indicator header (`绩效指标`/`年度指标值` spanning three columns over `指标性质│指标值│度量单位`); comparators in their own column, one printed as the small form `﹦` (U+FE66); an item losing a point with no reason (info)', () => {
  const W = 11;
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '运维观测站数量', nature: '=', target: '28', unit: '个', actual: '28', weight: '20', score: '20' },
    { l1: '产出指标', l2: '质量指标', l3: '观测数据上传及时率', nature: '≥', target: '98', unit: '%', actual: '99.2', weight: '20', score: '20' },
    { l1: '产出指标', l2: '时效指标', l3: '故障修复时限', nature: '≤', target: '48', unit: '小时', actual: '36', weight: '10', score: '10' },
    { l1: '产出指标', l2: '成本指标', l3: '单站年运维费用', nature: '≤', target: '12800', unit: '元/站', actual: '12333', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '气象预警信息覆盖率', nature: '≥', target: '95', unit: '%', actual: '96.5', weight: '15', score: '15' },
    { l1: '效益指标', l2: '可持续影响指标', l3: '观测站持续运行年限', nature: '﹦', target: '1', unit: '年', actual: '1', weight: '5', score: '4' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '气象服务满意度', nature: '≥', target: '90', unit: '%', actual: '93', weight: '10', score: '10' },
  ];
  const title = '2023年度项目支出绩效自评表';
  const name = '云岭州乡镇气象观测站运行维护';
  const dept = '云岭州气象局';
  const unit = '云岭州气象台';
  // 34.532 ÷ 35.6 = 97.00%; 10 × 97% = 9.7; scores 89 + 9.7 = 98.7.
  const rows: Array<[string, PrintedFundsRow['source'], string[]]> = [
    ['年度资金总额', 'total', ['35.6', '35.6', '34.532', '10', '97.00%', '9.7']],
    ['其中：当年财政拨款', 'currentYear', ['35.6', '35.6', '34.532', '—', '97.00%', '']],
    ['上年结转资金', 'carryOver', ['', '', '', '', '', '']],
    ['其他资金', 'other', ['', '', '', '', '', '']],
  ];
  const planned = '为全州28个乡镇气象观测站提供运行维护，保障观测数据及时上传。';
  const achieved = '28个观测站全年正常运行，数据上传及时率99.2%。';
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '项目名称', C(name, 10)));
  g.push(row(W, '主管部门', C(dept, 4), '实施单位', C(unit, 5)));
  g.push(row(W, C('项目资金（万元）', 1, rows.length + 1), C('', 2), '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', C('', 2)));
  for (const [label, , c] of rows) g.push(row(W, '', C(label, 2), ...c, C('', 2)));
  g.push(row(W, C('年度总体目标', 1, 2), C('预期目标', 5), C('实际完成情况', 5)));
  g.push(row(W, '', C(planned, 5), C(achieved, 5)));
  g.push(row(W, C('绩效指标', 3), C('年度指标值', 3), C('实际完成值', 1, 2), C('分值', 1, 2), C('得分', 1, 2), C('偏差原因分析及改进措施', 2, 2)));
  g.push(row(W, '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 0, l2: 1, l3: 2, nature: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8, dev: 9 }, spans: { dev: 2 } }));
  g.push(row(W, C('总分', 7), '100', '98.7', C('', 2)));
  const f = funds(rows.map(([, source, c]) => ({ source, cells: Object.fromEntries(NATIONAL_KEYS.map((k, n) => [k, c[n] ?? ''])) })), NATIONAL_KEYS, '万元');
  const ex = inds.map((i) => indicator(i, { nature: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-evaluation', title, year: 2023, projectName: name, department: dept, implementingUnit: unit,
        amountUnit: '万元', funds: f, goal: { planned, achieved }, indicators: ex, totalWeight: '100', totalScore: '98.7',
        findings: deviationInfos(ex),
      }),
    },
  ];
});

// =============================================================================================
// Family C: Sichuan 部门预算项目支出绩效自评表 (2022+): 预算执行情况(10分) grid with 权重/得分/原因,
// 总额 / 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金, 绩效指标(90分) with 指标性质 │
// 指标值 │ 度量单位 │ 完成值 │ 权重 │ 得分 │ 未完成原因分析, 合计, 评价结论/存在问题/改进措施.

interface SichuanSpec {
  code: string;
  title: string;
  projectName: string;
  department: string;
  unit: string;
  planned: string;
  achieved: string;
  process: string;
  /** 总额, 财政资金, 财政专户管理资金, 单位资金, 其他资金: [年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分]. */
  money: string[][];
  inds: Ind[];
  total: [string, string];
  conclusion: string;
  problems: string;
  measures: string;
  leader: string;
  finance: string;
}
const SICHUAN_KEYS: FundKey[] = ['initialBudget', 'annualBudget', 'executed', 'executionRate', 'weight', 'score'];
const SICHUAN_ROWS: Array<[string, PrintedFundsRow['source']]> = [
  ['总额', 'total'],
  ['其中：财政资金', 'currentYear'],
  ['财政专户管理资金', { label: '财政专户管理资金' }],
  ['单位资金', { label: '单位资金' }],
  ['其他资金', 'other'],
];

function sichuanForm(s: SichuanSpec, findings: Json[]): Form {
  const W = 11;
  const g: Grid = [];
  g.push(row(W, C(`报表编号：${s.code}`, W)));
  g.push(row(W, C(s.title, W)));
  g.push(row(W, '项目名称', C(s.projectName, 10)));
  g.push(row(W, '主管部门', C(s.department, 4), '实施单位（盖章）', C(s.unit, 5)));
  g.push(row(W, C('项目基本情况', 1, 3), C('1.项目年度目标完成情况', 1, 2), C('项目年度目标', 4), C('年度目标完成情况', 5)));
  g.push(row(W, '', '', C(s.planned, 4), C(s.achieved, 5)));
  g.push(row(W, '', '2.项目实施内容及过程概述', C(s.process, 9)));
  g.push(row(W, C('预算执行情况（10分）', 1, 6), '年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', C('原因', 3)));
  SICHUAN_ROWS.forEach(([label], k) => {
    const reason = k === 0 ? [C('1.预算执行率=预算执行数÷调整后预算数，未达到90%的须说明原因；2.年中追加或调减预算的，须单独说明理由；3.其他资金指社会投入、银行贷款等。', 3, 5)] : [];
    g.push(row(W, '', label, ...s.money[k]!, ...reason));
  });
  g.push(row(W, C('绩效指标（90分）', 1, s.inds.length + 1), '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'));
  g.push(...indicatorRows(s.inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, nature: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9, dev: 10 } }));
  g.push(row(W, C('合计', 8), s.total[0], s.total[1], ''));
  g.push(row(W, '评价结论', C(s.conclusion, 10)));
  g.push(row(W, '存在问题', C(s.problems, 10)));
  g.push(row(W, '改进措施', C(s.measures, 10)));
  g.push(row(W, C(`项目负责人：${s.leader}`, 5), C(`财务负责人：${s.finance}`, 6)));
  const f = funds(
    SICHUAN_ROWS.map(([, source], k) => ({ source, cells: Object.fromEntries(SICHUAN_KEYS.map((key, n) => [key, s.money[k]![n] ?? ''])) })),
    SICHUAN_KEYS,
    '万元',
  );
  const ex = s.inds.map((i) => indicator(i, { nature: true }));
  return {
    grid: g,
    record: record({
      formType: 'project-self-evaluation', title: s.title, year: Number(/(\d{4})年度/.exec(s.title)![1]), projectName: s.projectName,
      department: s.department, implementingUnit: s.unit, amountUnit: '万元', funds: f, goal: { planned: s.planned, achieved: s.achieved },
      indicators: ex, totalWeight: num0(s.total[0]), totalScore: num0(s.total[1]),
      extra: {
        报表编号: s.code, '2.项目实施内容及过程概述': s.process, 评价结论: s.conclusion, 存在问题: s.problems, 改进措施: s.measures,
        项目负责人: s.leader || null, 财务负责人: s.finance || null,
      },
      findings: [...findings, ...deviationInfos(ex)],
    }),
  };
}
const num0 = (s: string) => (s.trim() === '' ? null : s);

fixture('dept-budget-self-eval', 'C', '报表编号 row above the title; title with the year in full-width parentheses; project name with its 22-character code prefix; `实施单位（盖章）`; a 项目基本情况 block (项目年度目标 / 年度目标完成情况, 2.项目实施内容及过程概述); `预算执行情况（10分）` and `绩效指标（90分）` merged down their blocks; five funds rows each with its own 预算执行率 (财政专户管理资金 and 单位资金 → otherFundSources; 0.00 budgets); an instruction note merged over the 原因 column; 成本指标 as 一级 with a 万元 cost equal to the executed amount; footers', () => {
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '保洁河道长度', nature: '≥', target: '86', unit: '公里', actual: '88', weight: '20', score: '20' },
    { l1: '产出指标', l2: '质量指标', l3: '河面漂浮物清理率', nature: '≥', target: '95', unit: '%', actual: '97', weight: '20', score: '20' },
    { l1: '产出指标', l2: '时效指标', l3: '垃圾清运时限', nature: '≤', target: '24', unit: '小时', actual: '20', weight: '10', score: '10' },
    { l1: '成本指标', l2: '经济成本指标', l3: '河道保洁成本控制数', nature: '≤', target: '250', unit: '万元', actual: '245', weight: '10', score: '10' },
    { l1: '效益指标', l2: '生态效益指标', l3: '河道断面水质达标率', nature: '≥', target: '90', unit: '%', actual: '92', weight: '15', score: '15' },
    { l1: '效益指标', l2: '社会效益指标', l3: '涉河投诉办结率', nature: '=', target: '100', unit: '%', actual: '100', weight: '5', score: '5' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '沿河群众满意度', nature: '≥', target: '90', unit: '%', actual: '88', weight: '10', score: '6', dev: '部分河段保洁频次不足，下年度增加巡查频次' },
  ];
  return [
    sichuanForm(
      {
        code: '990000_0021zp',
        title: '部门预算项目支出绩效自评表（2023年度）',
        projectName: '51992323T000001234567-澄溪县河道保洁经费',
        department: '澄溪县水利局',
        unit: '澄溪县河道管理所',
        planned: '完成全县86公里河道日常保洁，河面无明显漂浮物。',
        achieved: '全年保洁河道88公里，河面漂浮物及时清理。',
        process: '通过政府采购确定保洁单位，按月考核并支付服务费。',
        // 245 ÷ 250 = 98.00%; 10 × 98% = 9.8; scores 86 + 9.8 = 95.8.
        money: [
          ['238.5', '250', '245', '98.00%', '10', '9.8'],
          ['238.5', '250', '245', '98.00%', '/', '/'],
          ['0.00', '0.00', '0.00', '0.00%', '/', '/'],
          ['0.00', '0.00', '0.00', '0.00%', '/', '/'],
          ['', '', '', '', '/', '/'],
        ],
        inds,
        total: ['100', '95.8'],
        conclusion: '项目自评得分95.8分，河道保洁工作全面完成。',
        problems: '汛期部分河段漂浮物增多，保洁力量不足。',
        measures: '汛期增加临时保洁人员，完善考核办法。',
        leader: '周立新',
        finance: '陈晓岚',
      },
      [],
    ),
  ];
});

fixture('dept-budget-self-eval-errors', 'C', 'the same layout for a mid-year project (年初预算 0.00); the 总额 row prints 预算执行率 94.20% where 60.9 ÷ 64.8 = 93.98% (the 财政资金 row prints 93.98%, right); an item scoring 22 of 20; a 定性 row with an empty 度量单位; the 合计 得分 and the signatures left blank', () => {
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '改造摊位数量', nature: '≥', target: '120', unit: '个', actual: '126', weight: '20', score: '20' },
    { l1: '产出指标', l2: '质量指标', l3: '工程验收合格率', nature: '=', target: '100', unit: '%', actual: '100', weight: '20', score: '22' },
    { l1: '产出指标', l2: '时效指标', l3: '改造完工及时率', nature: '≥', target: '95', unit: '%', actual: '100', weight: '10', score: '10' },
    { l1: '成本指标', l2: '经济成本指标', l3: '改造补助成本', nature: '≤', target: '64.8', unit: '万元', actual: '60.9', weight: '10', score: '10' },
    { l1: '效益指标', l2: '经济效益指标', l3: '市场年租金收入增幅', nature: '≥', target: '5', unit: '%', actual: '6.2', weight: '10', score: '10' },
    { l1: '效益指标', l2: '社会效益指标', l3: '市场周边环境', nature: '定性', target: '明显改善', unit: '', actual: '明显改善', weight: '10', score: '10' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '商户满意度', nature: '≥', target: '90', unit: '%', actual: '95', weight: '10', score: '10' },
  ];
  return [
    sichuanForm(
      {
        code: '990000_0021zp',
        title: '部门预算项目支出绩效自评表（2024年度）',
        projectName: '51992324T000002345678-2024年白沙镇农贸市场提升改造补助',
        department: '白沙镇人民政府',
        unit: '白沙镇村镇建设服务中心',
        planned: '完成农贸市场120个摊位提升改造，改善市场经营环境。',
        achieved: '完成126个摊位改造并通过验收。',
        process: '年中追加预算实施，按工程进度拨付补助资金。',
        // 60.9 ÷ 64.8 = 93.98%; the 总额 row prints 94.20%. 10 × 93.98% = 9.398 → 9.4 and
        // 10 × 94.2% = 9.42 → 9.4: the score fits both.
        money: [
          ['0.00', '64.8', '60.9', '94.20%', '10', '9.4'],
          ['0.00', '64.8', '60.9', '93.98%', '/', '/'],
          ['0.00', '0.00', '0.00', '0.00%', '/', '/'],
          ['0.00', '0.00', '0.00', '0.00%', '/', '/'],
          ['', '', '', '', '/', '/'],
        ],
        inds,
        total: ['100', ''],
        conclusion: '项目按计划完成，改造效果良好。',
        problems: '项目为年中追加，前期准备时间较短。',
        measures: '提前谋划项目，做好预算编制。',
        leader: '',
        finance: '',
      },
      [
        finding('funds.rate', 'error', 'funds.total.executionRate', '93.98', '94.20', '60.9 ÷ 调整后预算数 64.8 = 93.98%, printed 94.20%'),
        finding('score.exceedsWeight', 'error', 'indicators[1].score', '20', '22', '工程验收合格率 scores 22 of 20'),
      ],
    ),
  ];
});

// =============================================================================================
// Family D: 绩效目标自评表 with (A)/(B) columns (衔接资金 and 区域 self-evaluations): 资金情况 │
// 全年预算数（A） │ 全年执行数（B） │ 分值 │ 执行率（B/A） │ 得分; 年初设定目标 / 年度总体目标完成情况综述;
// 一级 │ 二级 │ 三级 │ 分值 │ 年度指标值 │ 全年实际值 │ 得分 │ 未完成原因 (分值 before the target).

fixture('goal-self-eval-ab', 'D', '`绩效目标自评表（2023年度）`; 项目负责人及电话; `资金情况（万元）` with `全年预算数（A）│全年执行数（B）│分值│执行率（B/A）│得分`; `年度资金总额：`, `其中：本年财政拨款`; 年初设定目标 / 年度总体目标完成情况综述; 分值 printed BEFORE 年度指标值; category weights (`产出指标（50分）`); a 二级-only template row (经济效益指标) and a `……` placeholder row; 注： rows after the total', () => {
  const W = 9;
  const inds: Ind[] = [
    { l1: '产出指标', w1: '50', l2: '数量指标', l3: '硬化道路里程', weight: '15', target: '≥6.2公里', actual: '6.3公里', score: '15' },
    { l1: '产出指标', w1: '50', l2: '质量指标', l3: '工程验收合格率', weight: '15', target: '100%', actual: '100%', score: '15' },
    { l1: '产出指标', w1: '50', l2: '时效指标', l3: '按期完工率', weight: '10', target: '≥90%', actual: '100%', score: '10' },
    { l1: '产出指标', w1: '50', l2: '成本指标', l3: '每公里建设成本', weight: '10', target: '≤14万元/公里', actual: '13.1万元/公里', score: '10' },
    { l1: '效益指标', w1: '30', l2: '经济效益指标', placeholder: true },
    { l1: '效益指标', w1: '30', l2: '社会效益指标', l3: '受益脱贫人口数', weight: '20', target: '≥1200人', actual: '1260人', score: '20' },
    { l1: '效益指标', w1: '30', l2: '可持续影响指标', l3: '道路设计使用年限', weight: '10', target: '≥10年', actual: '10年', score: '10' },
    { l1: '满意度指标', w1: '10', l2: '服务对象满意度指标', l3: '受益群众满意度', weight: '10', target: '≥95%', actual: '96%', score: '8', dev: '个别路段排水沟未同步建设，已列入下年计划' },
    { l1: '满意度指标', w1: '10', l2: '服务对象满意度指标', l3: '……', placeholder: true },
  ];
  const title = '绩效目标自评表（2023年度）';
  const name = '青禾县脱贫村产业路硬化项目';
  const planned = '硬化3个脱贫村产业路6.2公里，改善群众生产出行条件。';
  const achieved = '完成3个村产业路硬化6.3公里，通过竣工验收。';
  // 82.45 ÷ 85 = 97.00%; 10 × 97% = 9.7; scores 88 + 9.7 = 97.7.
  const money: Array<[string, PrintedFundsRow['source'], string[]]> = [
    ['年度资金总额：', 'total', ['85', '82.45', '10', '97.00%', '9.7']],
    ['其中：本年财政拨款', 'currentYear', ['85', '82.45', '', '', '']],
    ['其他资金', 'other', ['', '', '', '', '']],
  ];
  const KEYS: FundKey[] = ['annualBudget', 'executed', 'weight', 'executionRate', 'score'];
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '项目名称', C(name, 8)));
  g.push(row(W, '项目负责人及电话', C('刘建平 0000-5550123', 8)));
  g.push(row(W, '主管部门', C('青禾县乡村振兴局', 3), '实施单位', C('青禾县交通运输局', 4)));
  g.push(row(W, C('资金情况（万元）', 1, money.length + 1), C('', 2), '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分', ''));
  for (const [label, , c] of money) g.push(row(W, '', C(label, 2), ...c, ''));
  g.push(row(W, C('年度总体目标', 1, 2), C('年初设定目标', 4), C('年度总体目标完成情况综述', 4)));
  g.push(row(W, '', C(planned, 4), C(achieved, 4)));
  g.push(row(W, C('绩效指标', 1, inds.length + 1), '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, weight: 4, target: 5, actual: 6, score: 7, dev: 8 }, label1: withCategory }));
  g.push(row(W, C('总分', 4), '100', '', '', '97.7', ''));
  g.push(row(W, C('注：1.一级指标分值按产出指标50分、效益指标30分、满意度指标10分、预算执行率10分设置。', W)));
  g.push(row(W, C('2.定量指标按完成比例计分，定性指标按完成程度分档计分。', W)));
  const ex = real(inds).map((i) => indicator(i, { weights1: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-evaluation', title, year: 2023, projectName: name, department: '青禾县乡村振兴局',
        implementingUnit: '青禾县交通运输局', amountUnit: '万元',
        funds: funds(money.map(([, source, c]) => ({ source, cells: Object.fromEntries(KEYS.map((k, n) => [k, c[n] ?? ''])) })), KEYS, '万元'),
        goal: { planned, achieved }, indicators: ex, totalWeight: '100', totalScore: '97.7',
        extra: { 项目负责人及电话: '刘建平 0000-5550123' }, findings: deviationInfos(ex),
      }),
    },
  ];
});

// =============================================================================================
// Family E: county 专项资金 绩效目标自评表 without weights or scores (Hunan counties).

fixture('special-fund-goal-self-eval-unscored', 'E', 'title with the year (`2023年度县级专项资金绩效目标自评表`); 专项资金名称 / 负责人及电话 / 县级主管部门; `全年预算数（A）│全年执行数（B）│执行率（B/A）` and no 分值/得分; `其中：中央、省、市补助县级资金` (→ otherFundSources); 年初设定目标 / 全年实际完成情况; 三级 merged over two columns; no weight or score column at all; 说明/注 rows; 全年预算数 总额 150 printed where its sources add up to 100 + 40 = 140', () => {
  const W = 8;
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '储备物资品类', target: '≥12类', actual: '14类' },
    { l1: '产出指标', l2: '质量指标', l3: '储备物资完好率', target: '≥98%', actual: '99%' },
    { l1: '产出指标', l2: '时效指标', l3: '物资调拨到位时限', target: '≤6小时', actual: '4小时' },
    { l1: '效益指标', l2: '社会效益指标', l3: '受灾群众基本生活保障率', target: '100%', actual: '100%' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '受助群众满意度', target: '≥90%', actual: '94%' },
  ];
  const title = '2023年度县级专项资金绩效目标自评表';
  const planned = '储备防汛抗旱和救灾物资不少于12类，保障突发事件物资及时调拨。';
  const achieved = '储备物资14类，全年调拨物资3批次，调拨及时。';
  // 137.2 ÷ 150 = 91.466…% → 91.47%; 98 ÷ 100 = 98.00%; 39.2 ÷ 40 = 98.00%. 执行数 98 + 39.2 = 137.2.
  const money: Array<[string, PrintedFundsRow['source'], string[]]> = [
    ['年度资金总额', 'total', ['150', '137.2', '91.47%']],
    ['其中：中央、省、市补助县级资金', { label: '中央、省、市补助县级资金' }, ['100', '98', '98.00%']],
    ['其他资金', 'other', ['40', '39.2', '98.00%']],
  ];
  const KEYS: FundKey[] = ['annualBudget', 'executed', 'executionRate'];
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '专项资金名称', C('县级应急物资储备', 3), '负责人及电话', C('唐德明 0000-7654321', 3)));
  g.push(row(W, '县级主管部门', C('澄溪县应急管理局', 3), '实施单位', C('澄溪县应急物资储备库', 3)));
  g.push(row(W, C('项目资金（万元）', 1, money.length + 1), C('', 2), '全年预算数（A）', '全年执行数（B）', '执行率（B/A）', C('', 2)));
  for (const [label, , c] of money) g.push(row(W, '', C(label, 2), ...c, C('', 2)));
  g.push(row(W, C('年度总体目标', 1, 2), C('年初设定目标', 3), C('全年实际完成情况', 4)));
  g.push(row(W, '', C(planned, 3), C(achieved, 4)));
  g.push(row(W, C('绩效指标', 1, inds.length + 1), '一级指标', '二级指标', C('三级指标', 2), '年度指标值', '全年完成值', '未完成原因和改进措施'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 5, actual: 6, dev: 7 }, spans: { l3: 2 } }));
  g.push(row(W, '说明', C('无', 7)));
  g.push(row(W, C('注：其他资金包括与上级补助资金共同投入同一项目的县级财政资金和社会资金。', W)));
  const f = funds(money.map(([, source, c]) => ({ source, cells: Object.fromEntries(KEYS.map((k, n) => [k, c[n] ?? ''])) })), KEYS, '万元');
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-evaluation', title, year: 2023, projectName: '县级应急物资储备', department: '澄溪县应急管理局',
        implementingUnit: '澄溪县应急物资储备库', amountUnit: '万元', funds: f, goal: { planned, achieved },
        indicators: inds.map((i) => indicator(i)), extra: { 负责人及电话: '唐德明 0000-7654321' },
        findings: [finding('funds.sum', 'error', 'funds.total.annualBudget', '1400000', '1500000', '全年预算数: 年度资金总额 150 万元 but its source rows add up to 100 + 40 = 140 万元')],
      }),
    },
  ];
});

// =============================================================================================
// Family F: city 本级部门项目支出绩效自评表 with 决策/管理/产出/效益 categories (Ningxia, Yinchuan style).

fixture('city-self-eval-categories', 'F', 'city and year in the title (`临江市本级部门项目支出绩效自评表（2023年）`); 自评得分 and an empty 财政审核评分 in the header (no 总分 row); a one-row funds grid `年初预算数│调整预算数（A）│全年执行数（B）│执行率（B/A）` with no weight; 年初设定目标 / 年度总体目标完成情况; `参考分值│指标值（A）│全年实际值（B）│得分`; 项目决策/项目管理/项目产出/项目效益 categories with weights, weighted 二级 labels (`数量指标（15分）`), `指标2：` placeholder rows', () => {
  const W = 8;
  const inds: Ind[] = [
    { l1: '项目决策', w1: '10', l2: '项目目标', l3: '目标明确性', weight: '4', target: '目标明确、细化', actual: '目标明确', score: '4' },
    { l1: '项目决策', w1: '10', l2: '决策过程', l3: '资金分配合理性', weight: '6', target: '按标准分配', actual: '按标准分配', score: '6' },
    { l1: '项目管理', w1: '25', l2: '投入管理', l3: '预算执行率', weight: '10', target: '100%', actual: '98%', score: '9.8', dev: '个别学生转学，资助资金按规定退回' },
    { l1: '项目管理', w1: '25', l2: '财务管理', l3: '资金使用合规性', weight: '8', target: '合规', actual: '合规', score: '8' },
    { l1: '项目管理', w1: '25', l2: '项目实施', l3: '管理制度有效性', weight: '7', target: '有效', actual: '有效', score: '7' },
    { l1: '项目产出', w1: '30', l2: '数量指标', w2: '15', l3: '资助学生人次', weight: '15', target: '≥400人次', actual: '412人次', score: '15' },
    { l1: '项目产出', w1: '30', l2: '数量指标', w2: '15', l3: '指标2：', placeholder: true },
    { l1: '项目产出', w1: '30', l2: '质量指标', w2: '10', l3: '资助对象认定准确率', weight: '10', target: '100%', actual: '100%', score: '10' },
    { l1: '项目产出', w1: '30', l2: '时效指标', w2: '5', l3: '资助资金发放时间', weight: '5', target: '按学期发放', actual: '按学期发放', score: '5' },
    { l1: '项目效益', w1: '35', l2: '社会效益指标', w2: '25', l3: '受助学生辍学率', weight: '25', target: '≤1%', actual: '0%', score: '25' },
    { l1: '项目效益', w1: '35', l2: '社会效益指标', w2: '25', l3: '指标2：', placeholder: true },
    { l1: '项目效益', w1: '35', l2: '服务对象满意度指标', w2: '10', l3: '受助学生满意度', weight: '10', target: '≥90%', actual: '85%', score: '6.2', dev: '部分学生反映资助标准偏低' },
  ];
  const title = '临江市本级部门项目支出绩效自评表（2023年）';
  const planned = '按标准资助家庭经济困难高中学生，保障其顺利完成学业。';
  const achieved = '全年资助学生412人次，资助资金全部发放到位。';
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '项目名称', C('高中家庭经济困难学生资助', 3), '主管部门', C('临江市教育局', 3)));
  // The scores add up to 96.0; 自评得分 96.
  g.push(row(W, '实施单位', C('临江市第三中学', 3), '自评得分', '96', '财政审核评分', ''));
  // 49.392 ÷ 50.4 = 98.00%.
  g.push(row(W, C('项目资金（万元）', 1, 2), '', '年初预算数', '调整预算数（A）', '全年执行数（B）', '执行率（B/A）', C('', 2)));
  g.push(row(W, '', '年度资金总额', '48.6', '50.4', '49.392', '98.00%', C('', 2)));
  g.push(row(W, C('年度总体目标', 1, 2), C('年初设定目标', 3), C('年度总体目标完成情况', 4)));
  g.push(row(W, '', C(planned, 3), C(achieved, 4)));
  g.push(row(W, '一级指标', '二级指标', '三级指标', '参考分值', '指标值（A）', '全年实际值（B）', '得分', '未完成原因分析及改进措施'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 0, l2: 1, l3: 2, weight: 3, target: 4, actual: 5, score: 6, dev: 7 }, label1: withCategory, label2: withCategory2 }));
  const KEYS: FundKey[] = ['initialBudget', 'annualBudget', 'executed', 'executionRate'];
  const f = funds([{ source: 'total', cells: { initialBudget: '48.6', annualBudget: '50.4', executed: '49.392', executionRate: '98.00%' } }], KEYS, '万元');
  const ex = real(inds).map((i) => indicator(i, { weights1: true, weights2: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-evaluation', title, year: 2023, projectName: '高中家庭经济困难学生资助', department: '临江市教育局',
        implementingUnit: '临江市第三中学', amountUnit: '万元', funds: f, goal: { planned, achieved }, indicators: ex,
        totalScore: '96', extra: { 财政审核评分: null }, findings: deviationInfos(ex),
      }),
    },
  ];
});

// =============================================================================================
// Family G: Hubei 项目（绩效）自评表: 单位名称/填报日期, checkbox rows, 预算执行情况（万元）（20分）,
// 年度绩效目标（80分） blocks of 一级 │ 二级 │ 三级 │ 年初目标值（A） │ 实际完成值（B） │ 得分 (no weights).

fixture('goal-blocks-score-only', 'G', 'year and project name in the title (`2023年度社区养老服务补贴项目绩效自评表`); 单位名称：/填报日期： row; 项目类别/项目属性/项目类型 checkbox rows; `预算执行情况（万元）（20分）` with `预算数（A）│执行数（B）│执行率（B/A）│得分（20分*执行率）`, row 年度财政资金总额; two indicator blocks `年度绩效目标1（40分）` and `年度绩效目标2（40分）`, each with its own header row and no 分值 column; 总分 with a score only; 偏差大或目标未完成原因分析 / 改进措施及结果应用方案 / 单位主要负责人签批意见 footers; 备注 rows', () => {
  const W = 7;
  const block1: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '补贴老年人人数', target: '≥850人', actual: '872人', score: '15' },
    { l1: '产出指标', l2: '质量指标', l3: '补贴发放准确率', target: '100%', actual: '100%', score: '15' },
    { l1: '效益指标', l2: '社会效益指标', l3: '居家养老服务覆盖率', target: '≥60%', actual: '63%', score: '10' },
  ];
  const block2: Ind[] = [
    { l1: '产出指标', l2: '时效指标', l3: '补贴按月发放率', target: '100%', actual: '100%', score: '20' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '老年人满意度', target: '≥90%', actual: '88%', score: '18.5' },
  ];
  const title = '2023年度社区养老服务补贴项目绩效自评表';
  const cols = { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 4, actual: 5, score: 6 } };
  const head = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'];
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, C('单位名称：东湖区民政局', 4), C('填报日期：2024年3月18日', 3)));
  g.push(row(W, '项目名称', C('社区养老服务补贴', 2), '主管部门', C('东湖区民政局', 3)));
  g.push(row(W, '项目实施单位', C('东湖区养老服务指导中心', 6)));
  g.push(row(W, '项目类别', C('1、部门预算项目☑ 2、区直专项□ 3、上级专项□', 6)));
  g.push(row(W, '项目属性', C('1、持续性项目☑ 2、新增性项目□', 6)));
  g.push(row(W, '项目类型', C('1、常年性项目☑ 2、延续性项目□ 3、一次性项目□', 6)));
  // 92.16 ÷ 96 = 96.00%; 20 × 96% = 19.2.
  g.push(row(W, C('预算执行情况（万元）（20分）', 1, 2), '', '预算数（A）', '执行数（B）', '执行率（B/A）', C('得分（20分*执行率）', 2)));
  g.push(row(W, '', '年度财政资金总额', '96', '92.16', '96.00%', C('19.2', 2)));
  g.push(row(W, C('年度绩效目标1（40分）', 1, block1.length + 1), ...head));
  g.push(...indicatorRows(block1, cols));
  g.push(row(W, C('年度绩效目标2（40分）', 1, block2.length + 1), ...head));
  g.push(...indicatorRows(block2, cols));
  // 19.2 + 40 + 38.5 = 97.7.
  g.push(row(W, C('总分', 6), '97.7'));
  g.push(row(W, '偏差大或目标未完成原因分析', C('老年人满意度略低于目标，主要是部分服务项目供给不足。', 6)));
  g.push(row(W, '改进措施及结果应用方案', C('增加助餐、助浴服务供给，评价结果作为下年度预算安排依据。', 6)));
  g.push(row(W, '单位主要负责人签批意见', C('同意。', 6)));
  g.push(row(W, C('备注：1.预算执行情况口径：预算数为调整后的财政资金总额，执行数为资金使用单位实际支出数。', W)));
  g.push(row(W, C('2.定量指标完成数按实际值填列，定性指标按完成程度填列。', W)));
  const KEYS: FundKey[] = ['annualBudget', 'executed', 'executionRate', 'score'];
  const f = funds([{ source: 'total', cells: { annualBudget: '96', executed: '92.16', executionRate: '96.00%', score: '19.2' } }], KEYS, '万元');
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-evaluation', title, year: 2023, projectName: '社区养老服务补贴', department: '东湖区民政局',
        implementingUnit: '东湖区养老服务指导中心', amountUnit: '万元', funds: f, goal: null,
        indicators: [...block1, ...block2].map((i) => indicator(i)), totalScore: '97.7',
        extra: {
          单位名称: '东湖区民政局', 填报日期: '2024年3月18日', 项目类别: '1、部门预算项目☑ 2、区直专项□ 3、上级专项□',
          项目属性: '1、持续性项目☑ 2、新增性项目□', 项目类型: '1、常年性项目☑ 2、延续性项目□ 3、一次性项目□',
          偏差大或目标未完成原因分析: '老年人满意度略低于目标，主要是部分服务项目供给不足。',
          改进措施及结果应用方案: '增加助餐、助浴服务供给，评价结果作为下年度预算安排依据。', 单位主要负责人签批意见: '同意。',
        },
      }),
    },
  ];
});

// =============================================================================================
// Family H: Shanghai 项目绩效自我评价 (weighted 权重/自评分), here with 万元 in the labels.

fixture('self-assessment-wanyuan', 'H', '项目绩效自我评价 with amounts in 万元 named in the labels (`当年预算数（万元）：`, `预算执行率（%）：`); the four categories with weights; empty 指标解释 cells; 合计 row', () => {
  const W = 6;
  const inds: Ind[] = [
    { l1: '投入与管理', w1: '34', l3: '资金使用的合规性', expl: '项目资金使用是否符合相关制度规定。', weight: '6', score: '6' },
    { l1: '投入与管理', w1: '34', l3: '绩效目标合理性', expl: '绩效目标是否依据充分、与预算匹配。', weight: '6', score: '6' },
    { l1: '投入与管理', w1: '34', l3: '预算执行率', expl: '反映项目预算执行进度。', weight: '8', score: '7.68', dev: '部分检测合同尾款次年支付' },
    { l1: '投入与管理', w1: '34', l3: '财务管理制度健全性', expl: '财务制度是否健全并有效执行。', weight: '6', score: '6' },
    { l1: '投入与管理', w1: '34', l3: '项目管理制度健全性', expl: '业务管理制度是否健全并有效执行。', weight: '8', score: '8' },
    { l1: '产出目标', w1: '36', l3: '桥梁定期检测完成率', weight: '12', score: '12' },
    { l1: '产出目标', w1: '36', l3: '检测报告合格率', weight: '12', score: '12' },
    { l1: '产出目标', w1: '36', l3: '检测任务及时率', weight: '12', score: '12' },
    { l1: '效果目标', w1: '20', l3: '桥梁安全隐患整改率', weight: '10', score: '9', dev: '2处隐患整改跨年度实施' },
    { l1: '效果目标', w1: '20', l3: '道路桥梁安全事故', weight: '10', score: '10' },
    { l1: '影响力目标', w1: '10', l3: '长效管理机制健全性', weight: '5', score: '5' },
    { l1: '影响力目标', w1: '10', l3: '社会公众满意度', weight: '5', score: '4.5', dev: '检测期间交通疏导有投诉' },
  ];
  const g: Grid = [];
  g.push(row(W, C('项目绩效自我评价', W)));
  g.push(row(W, '项目名称：', C('城市道路桥梁定期检测', 2), '预算单位：', C('临江市市政设施管理处', 2)));
  g.push(row(W, '具体实施处（科室）：', C('桥梁管理科', 2), '是否为经常性项目：', C('是', 2)));
  g.push(row(W, '当年预算数（万元）：', C('328.5', 2), '上年预算金额（万元）：', C('296', 2)));
  // 315.36 ÷ 328.5 = 96.00%.
  g.push(row(W, '预算执行数（万元）：', C('315.36', 2), '预算执行率（%）：', C('96.00%', 2)));
  g.push(row(W, '项目年度总目标：', C('完成全市186座城市桥梁定期检测，及时发现并整改安全隐患，保障道路桥梁通行安全。', 5)));
  g.push(row(W, '自评时间：', C('2024-03-12', 5)));
  g.push(row(W, '绩效等级：', C('优秀', 5)));
  g.push(row(W, '主要绩效：', C('全年完成186座桥梁定期检测，出具检测报告186份，发现隐患9处，已整改7处。', 5)));
  g.push(row(W, '主要问题：', C('部分隐患整改涉及跨年度施工，整改周期较长。', 5)));
  g.push(row(W, '改进措施：', C('建立隐患整改台账，跨年度整改项目提前编入下年度预算。', 5)));
  g.push(row(W));
  g.push(row(W, '一级指标', '指标名称', '指标解释', '权重', '自评分', '备注'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 0, l3: 1, expl: 2, weight: 3, score: 4, dev: 5 }, label1: (i) => `${i.l1} （${i.w1}分）` }));
  // 33.68 + 36 + 19 + 9.5 = 98.18.
  g.push(row(W, '合计', '', '', '100', '98.18', ''));
  const KEYS: FundKey[] = ['annualBudget', 'previousYearBudget', 'executed', 'executionRate'];
  const f = funds([{ source: 'total', cells: { annualBudget: '328.5', previousYearBudget: '296', executed: '315.36', executionRate: '96.00%' } }], KEYS, '万元');
  const ex = inds.map((i) => indicator(i, { weights1: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'project-self-assessment', title: '项目绩效自我评价', year: null, projectName: '城市道路桥梁定期检测', department: null,
        implementingUnit: '临江市市政设施管理处', amountUnit: '万元', funds: f,
        goal: { planned: '完成全市186座城市桥梁定期检测，及时发现并整改安全隐患，保障道路桥梁通行安全。', achieved: null },
        indicators: ex, totalWeight: '100', totalScore: '98.18', grade: '优秀',
        extra: {
          '具体实施处（科室）': '桥梁管理科', 是否为经常性项目: '是', 自评时间: '2024-03-12',
          主要绩效: '全年完成186座桥梁定期检测，出具检测报告186份，发现隐患9处，已整改7处。',
          主要问题: '部分隐患整改涉及跨年度施工，整改周期较长。', 改进措施: '建立隐患整改台账，跨年度整改项目提前编入下年度预算。',
        },
        findings: deviationInfos(ex),
      }),
    },
  ];
});

// =============================================================================================
// Family I: national 绩效目标申报表 (项目负责人及电话, 资金情况, 年度目标 目标1/目标2, 指标值).

fixture('goal-declaration-annex-prefix', 'I', 'annex prefix in the title cell (`附件2：项目支出绩效目标申报表`); year on its own row; 项目负责人及电话; `资金情况（万元）` label/value rows `年度资金总额：`, `其中：财政拨款`, `其他资金`; a 年度目标 cell holding 目标1：… 目标2：…; 一级│二级│三级│指标值 with `……` placeholder rows', () => {
  const W = 6;
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '65岁以上老年人健康体检人数', target: '≥1.8万人' },
    { l1: '产出指标', l2: '质量指标', l3: '体检报告反馈率', target: '≥95%' },
    { l1: '产出指标', l2: '时效指标', l3: '体检完成时间', target: '年内完成' },
    { l1: '产出指标', l2: '成本指标', l3: '人均体检经费', target: '≤110元' },
    { l1: '效益指标', l2: '社会效益指标', l3: '慢性病早发现率', target: '逐步提高' },
    { l1: '效益指标', l2: '……', placeholder: true, l3: '' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '体检对象满意度', target: '≥90%' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '……', placeholder: true },
  ];
  const planned = '目标1：完成全县65岁以上老年人健康体检1.8万人。 目标2：体检结果及时反馈并录入居民电子健康档案。';
  const g: Grid = [];
  g.push(row(W, C('附件2：项目支出绩效目标申报表', W)));
  g.push(row(W, C('（2024年度）', W)));
  g.push(row(W, '项目名称', C('青禾县城乡居民健康体检', 5)));
  g.push(row(W, '项目负责人及电话', C('孙立群 0000-8123456', 5)));
  g.push(row(W, '主管部门', C('青禾县卫生健康局', 2), '实施单位', C('青禾县疾病预防控制中心', 2)));
  // 200 + 12.5 = 212.5.
  g.push(row(W, C('资金情况（万元）', 1, 3), C('年度资金总额：', 2), C('212.5', 3)));
  g.push(row(W, '', C('其中：财政拨款', 2), C('200', 3)));
  g.push(row(W, '', C('其他资金', 2), C('12.5', 3)));
  g.push(row(W, '年度目标', C(planned, 5)));
  g.push(row(W, C('绩效指标', 1, inds.length + 1), '一级指标', '二级指标', C('三级指标', 2), '指标值'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 5 }, spans: { l3: 2 } }));
  const f = funds(
    [
      { source: 'total', cells: { requested: '212.5' } },
      { source: 'currentYear', cells: { requested: '200' } },
      { source: 'other', cells: { requested: '12.5' } },
    ],
    ['requested'],
    '万元',
  );
  return [
    {
      grid: g,
      record: record({
        formType: 'project-goal-declaration', title: '项目支出绩效目标申报表', year: 2024, projectName: '青禾县城乡居民健康体检',
        department: '青禾县卫生健康局', implementingUnit: '青禾县疾病预防控制中心', amountUnit: '万元', funds: f,
        goal: { planned, achieved: null }, indicators: real(inds).map((i) => indicator(i)),
        extra: { 项目负责人及电话: '孙立群 0000-8123456' },
      }),
    },
  ];
});

// =============================================================================================
// Family J: 项目绩效目标表 / 财政支出（项目）绩效目标申报表 with 长期目标 and 年度目标 and two indicator
// tables (长期绩效指标, 年度绩效指标) of 一级 │ 二级 │ 指标内容 │ 指标值 │ 备注 (Hunan, Shaanxi, Guangxi).

fixture('long-and-annual-goal-tables', 'J', '`项目绩效目标表（2024年度）`; `填报单位（盖章）：` row; 项目属性 checkboxes; 主管部门编码; 项目单位; `年度资金总额及构成` with amounts printed with their unit (`38.6万元`); 项目概况; 长期目标 / 年度目标; TWO indicator tables (长期绩效指标, 年度绩效指标) headed 一级指标│二级指标│指标内容│指标值│备注; a `…` placeholder row; 填报人/单位负责人/填报日期 footer', () => {
  const W = 6;
  const longInds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '维护污水管网长度', target: '≥12公里' },
    { l1: '产出指标', l2: '质量指标', l3: '管网完好率', target: '≥95%' },
    { l1: '效益指标', l2: '生态效益指标', l3: '集镇污水收集率', target: '≥85%' },
    { l1: '满意度指标', l2: '社会公众或服务对象满意度指标', l3: '居民满意度', target: '≥85%' },
  ];
  const yearInds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '年度管网疏通长度', target: '≥4公里' },
    { l1: '产出指标', l2: '时效指标', l3: '管网堵塞处置时限', target: '≤24小时' },
    { l1: '产出指标', l2: '成本指标', l3: '管网维护成本', target: '≤38.6万元', dev: '含应急抢修费用' },
    { l1: '产出指标', l2: '…', l3: '', placeholder: true },
    { l1: '效益指标', l2: '生态效益指标', l3: '污水溢流事件', target: '0起' },
    { l1: '满意度指标', l2: '社会公众或服务对象满意度指标', l3: '居民满意度', target: '≥85%' },
  ];
  const title = '项目绩效目标表（2024年度）';
  const longGoal = '建成运行稳定的集镇污水收集管网，集镇生活污水应收尽收。';
  const yearGoal = '全年疏通维护管网4公里以上，污水溢流事件为零。';
  const summary = '集镇建成区污水管网12公里，需定期疏通、检修和应急抢修。';
  const layout = { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 4, dev: 5 } };
  const head = ['一级指标', '二级指标', '指标内容', '指标值', '备注'];
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, C('填报单位（盖章）：白沙镇人民政府', W)));
  g.push(row(W, '项目名称', C('白沙镇集镇污水管网维护', 2), '项目属性', C('新增项目□ 延续项目√', 2)));
  g.push(row(W, '主管部门', C('白沙镇人民政府', 2), '主管部门编码', C('931001', 2)));
  g.push(row(W, '项目单位', C('白沙镇村镇建设服务中心', 2), '项目负责人', C('吴振华', 2)));
  g.push(row(W, '联系电话', C('0000-6612345', 2), '项目起止时间', C('2024年1月—2024年12月', 2)));
  // 35 + 3.6 = 38.6.
  g.push(row(W, C('年度资金总额及构成', 1, 3), '总额', C('38.6万元', 4)));
  g.push(row(W, '', '财政拨款', C('35万元', 4)));
  g.push(row(W, '', '其他', C('3.6万元', 4)));
  g.push(row(W, '项目概况', C(summary, 5)));
  g.push(row(W, C('项目绩效目标', 1, 2), C('长期目标', 2), C('年度目标', 3)));
  g.push(row(W, '', C(longGoal, 2), C(yearGoal, 3)));
  g.push(row(W, C('长期绩效指标', 1, longInds.length + 1), ...head));
  g.push(...indicatorRows(longInds, layout));
  g.push(row(W, C('年度绩效指标', 1, yearInds.length + 1), ...head));
  g.push(...indicatorRows(yearInds, layout));
  g.push(row(W, C('填报人：郑海燕', 2), C('单位负责人：何建军', 2), C('填报日期：2024年1月10日', 2)));
  const f = funds(
    [
      { source: 'total', cells: { requested: '38.6' } },
      { source: 'currentYear', cells: { requested: '35' } },
      { source: 'other', cells: { requested: '3.6' } },
    ],
    ['requested'],
    '万元',
  );
  return [
    {
      grid: g,
      record: record({
        formType: 'project-goal-declaration', title, year: 2024, projectName: '白沙镇集镇污水管网维护', department: '白沙镇人民政府',
        implementingUnit: '白沙镇村镇建设服务中心', amountUnit: '万元', funds: f, goal: { planned: yearGoal, achieved: null },
        indicators: [...longInds, ...real(yearInds)].map((i) => indicator(i)),
        extra: {
          '填报单位（盖章）': '白沙镇人民政府', 项目属性: '新增项目□ 延续项目√', 主管部门编码: '931001', 项目负责人: '吴振华',
          联系电话: '0000-6612345', 项目起止时间: '2024年1月—2024年12月', 项目概况: summary, 长期目标: longGoal,
          填报人: '郑海燕', 单位负责人: '何建军', 填报日期: '2024年1月10日',
        },
      }),
    },
  ];
});

fixture('weighted-goal-declaration', 'J', '`财政支出绩效目标申报表` with the year on its own row and `填报单位：`; 主管部门编码 / 主管部门名称; `项目起止时间（如20190101）`; `项目资金申请（万元）` label rows `资金总额：`, `一般公共预算拨款：`, `政府性基金预算拨款：`, `纳入财政专户管理的收入：`, `上年结余收入：` (all → otherFundSources except 资金总额); 单位职能概述 / 项目概况; 项目年度绩效目标衡量指标 headed 一级指标│二级指标│分值│指标内容│指标值│评分细则, with 投入指标/过程指标 as 一级 and the indicator named in the 二级 column', () => {
  const W = 7;
  const inds: Ind[] = [
    { l1: '投入指标', l2: '资金到位率', weight: '10', expl: '实际到位资金占计划投入资金的比例', target: '100%', extra: { 评分细则: '到位率100%得10分，每低10个百分点扣1分' } },
    { l1: '投入指标', l2: '预算执行进度', weight: '10', expl: '年底预算执行率', target: '≥90%', extra: { 评分细则: '达到90%得10分，每低1个百分点扣1分' } },
    { l1: '过程指标', l2: '资金使用合规性', weight: '10', expl: '资金使用是否符合有关规定', target: '合规', extra: { 评分细则: '合规得10分，否则不得分' } },
    { l1: '产出指标', l2: '设施维护点位数', weight: '20', expl: '全年维护全民健身设施点位数', target: '≥260个', extra: { 评分细则: '完成得20分，未完成按比例扣分' } },
    { l1: '产出指标', l2: '设施完好率', weight: '20', expl: '检查完好设施占全部设施的比例', target: '≥95%', extra: { 评分细则: '达到得20分，每低1个百分点扣2分' } },
    { l1: '效益指标', l2: '经常参加体育锻炼人口比例', weight: '20', expl: '抽样调查经常参加锻炼的人口比例', target: '≥42%', extra: { 评分细则: '达到得20分，否则按比例计分' } },
    { l1: '满意度指标', l2: '群众满意度', weight: '10', expl: '抽样调查群众对健身设施的满意度', target: '≥90%', extra: { 评分细则: '达到得10分，否则按比例计分' } },
  ];
  const g: Grid = [];
  g.push(row(W, C('财政支出绩效目标申报表', W)));
  g.push(row(W, C('（2024年度）', W)));
  g.push(row(W, C('填报单位：临江市体育局', W)));
  g.push(row(W, '项目名称', C('全民健身设施维护', 3), '项目类型', C('经常性项目', 2)));
  g.push(row(W, '主管部门编码', C('618', 3), '主管部门名称', C('临江市体育局', 2)));
  g.push(row(W, '项目实施单位', C('临江市体育场馆服务中心', 3), '项目负责人', C('钱志远', 2)));
  g.push(row(W, '联系电话', C('0000-2233445', 3), '项目起止时间（如20190101）', C('20240101到20241231', 2)));
  // 50 + 8 + 0 + 0 = 58.
  const money: Array<[string, string]> = [
    ['资金总额：', '58'],
    ['一般公共预算拨款：', '50'],
    ['政府性基金预算拨款：', '8'],
    ['纳入财政专户管理的收入：', '0'],
    ['上年结余收入：', '0'],
  ];
  money.forEach(([label, v], k) => g.push(row(W, k === 0 ? C('项目资金申请（万元）', 1, money.length) : '', C(label, 2), C(v, 4))));
  g.push(row(W, '单位职能概述', C('负责全市群众体育工作，管理市级公共体育设施。', 6)));
  g.push(row(W, '项目概况', C('对全市260个全民健身设施点位开展日常巡检、维修和更换。', 6)));
  g.push(row(W, C('项目绩效目标', 1, 2), C('长期目标', 3), C('年度目标', 3)));
  g.push(row(W, '', C('全民健身设施覆盖城乡社区并保持完好可用。', 3), C('全年维护设施点位260个，设施完好率95%以上。', 3)));
  g.push(row(W, C('项目年度绩效目标衡量指标', 1, inds.length + 1), '一级指标', '二级指标', '分值', '指标内容', '指标值', '评分细则'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, weight: 3, expl: 4, target: 5, extra: { 评分细则: 6 } } }));
  const f = funds(
    [
      { source: 'total', cells: { requested: '58' } },
      { source: { label: '一般公共预算拨款' }, cells: { requested: '50' } },
      { source: { label: '政府性基金预算拨款' }, cells: { requested: '8' } },
      { source: { label: '纳入财政专户管理的收入' }, cells: { requested: '0' } },
      { source: { label: '上年结余收入' }, cells: { requested: '0' } },
    ],
    ['requested'],
    '万元',
  );
  return [
    {
      grid: g,
      record: record({
        formType: 'project-goal-declaration', title: '财政支出绩效目标申报表', year: 2024, projectName: '全民健身设施维护',
        department: '临江市体育局', implementingUnit: '临江市体育场馆服务中心', amountUnit: '万元', funds: f,
        goal: { planned: '全年维护设施点位260个，设施完好率95%以上。', achieved: null },
        indicators: inds.map((i) => indicator(i, { extraColumns: ['评分细则'] })),
        extra: {
          填报单位: '临江市体育局', 项目类型: '经常性项目', 主管部门编码: '618', 项目负责人: '钱志远', 联系电话: '0000-2233445',
          '项目起止时间（如20190101）': '20240101到20241231', 单位职能概述: '负责全市群众体育工作，管理市级公共体育设施。',
          项目概况: '对全市260个全民健身设施点位开展日常巡检、维修和更换。', 长期目标: '全民健身设施覆盖城乡社区并保持完好可用。',
        },
      }),
    },
  ];
});

// =============================================================================================
// Family K: city 部门预算项目支出绩效目标表 with a cost build-up table (Hubei, Ezhou style).

fixture('cost-build-up-goal-table', 'K', 'city and year in the title (`临江市2024年市直部门预算项目支出绩效目标表`); 项目类别/项目性质/立项依据; a cost build-up block `项目预算（万元）│成本构成│金额│测算（公式）依据│2022年实际执行数│2023年实际执行数` with a 合计 row (the cost lines are not fund sources); 绩效目标; `绩效标准│当年预期实现值` columns; 主管部门审核意见 footer', () => {
  const W = 6;
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', l3: '大楼日常维修次数', extra: { 绩效标准: '反映全年维修维护工作量' }, target: '≥1800次' },
    { l1: '产出指标', l2: '质量指标', l3: '维修验收合格率', extra: { 绩效标准: '反映维修维护质量' }, target: '≥95%' },
    { l1: '产出指标', l2: '成本指标', l3: '水电消耗降幅', extra: { 绩效标准: '反映水电消耗较上年下降情况' }, target: '≥2%' },
    { l1: '效益指标', l2: '社会效益指标', l3: '办公秩序保障', extra: { 绩效标准: '反映大楼安全有序运行情况' }, target: '全年无重大安全事故' },
    { l1: '满意度指标', l2: '服务对象满意度指标', l3: '入驻单位满意度', extra: { 绩效标准: '反映入驻单位对服务的满意程度' }, target: '≥92%' },
  ];
  const title = '临江市2024年市直部门预算项目支出绩效目标表';
  const goal = '保障市民服务中心大楼安全、整洁、有序运行，入驻单位满意。';
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '项目名称', C('市民服务中心大楼运行保障', 2), '项目类别', C('本级支出项目', 2)));
  g.push(row(W, '主管部门', C('临江市机关事务服务中心', 2), '项目性质', C('持续性项目', 2)));
  g.push(row(W, '立项依据', C('临江市机关事务服务中心职能配置规定', 5)));
  // 36 + 28.4 + 22 = 86.4; 34.8 + 27.6 + 20.3 = 82.7; 35.5 + 28.4 + 21.7 = 85.6.
  g.push(row(W, C('项目预算（万元）', 1, 5), '成本构成', '金额', '测算（公式）依据', '2022年实际执行数', '2023年实际执行数'));
  g.push(row(W, '', '物业保洁服务费', '36', '按合同约定', '34.8', '35.5'));
  g.push(row(W, '', '安保服务费', '28.4', '按合同约定', '27.6', '28.4'));
  g.push(row(W, '', '水电及维修维护费', '22', '按上年实际据实测算', '20.3', '21.7'));
  g.push(row(W, '', '合计', '86.4', '', '82.7', '85.6'));
  g.push(row(W, '绩效目标', C(goal, 5)));
  g.push(row(W, C('绩效指标', 1, inds.length + 1), '一级指标', '二级指标', '三级指标', '绩效标准', '当年预期实现值'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 1, l2: 2, l3: 3, target: 5, extra: { 绩效标准: 4 } } }));
  g.push(row(W, '主管部门审核意见', C('同意申报。', 5)));
  const f = funds([{ source: 'total', cells: { requested: '86.4' } }], ['requested'], '万元');
  return [
    {
      grid: g,
      record: record({
        formType: 'project-goal-declaration', title, year: 2024, projectName: '市民服务中心大楼运行保障', department: '临江市机关事务服务中心',
        implementingUnit: null, amountUnit: '万元', funds: f, goal: { planned: goal, achieved: null },
        indicators: inds.map((i) => indicator(i, { extraColumns: ['绩效标准'] })),
        extra: { 项目类别: '本级支出项目', 项目性质: '持续性项目', 立项依据: '临江市机关事务服务中心职能配置规定', 主管部门审核意见: '同意申报。' },
      }),
    },
  ];
});

// =============================================================================================
// Family L: Shenzhen 二级项目支出绩效目标申报表 (one form per sheet; fixtures/songgang-style has ten),
// here once more as a text export.

fixture('secondary-goal-declaration-text', 'L', 'the 二级项目支出绩效目标申报表 layout as a text export: label cells ending in `：`, amounts `#,##0.00` in 万元, short 一级/二级 labels (产出/数量), 目标值 before 指标解释, a 不适用 row, a `备注：` last row', () => {
  const W = 5;
  const inds: Ind[] = [
    { l1: '产出', l2: '数量', l3: '巡查河段长度', target: '≥45公里', expl: '全年纳入日常巡查的河段长度' },
    { l1: '产出', l2: '质量', l3: '问题发现处置率', target: '98%以上', expl: '已处置问题数/发现问题数' },
    { l1: '产出', l2: '时效', l3: '问题处置时限', target: '48小时内', expl: '发现问题后完成处置的时限' },
    { l1: '产出', l2: '成本', l3: '巡查服务成本', target: '不超过120万元', expl: '全年巡查服务合同金额' },
    { l1: '效益', l2: '社会效益', l3: '河道环境', target: '持续改善', expl: '河道及岸线环境改善情况' },
    { l1: '效益', l2: '生态效益', l3: '不适用', target: '不适用', expl: '不适用' },
    { l1: '满意度', l2: '服务对象满意度', l3: '沿河居民满意度', target: '≥90%', expl: '抽样调查满意度' },
  ];
  const g: Grid = [];
  g.push(row(W, C('二级项目支出绩效目标申报表', W)));
  g.push(row(W, '项目编码：', C('990306210000000000412', 2), '项目名称：', '河道巡查服务经费'));
  g.push(row(W, '申请单位：', C('临江市东湖区青禾街道办事处（本级）', 2), '一级预算单位：', '临江市东湖区青禾街道办事处（本级）'));
  g.push(row(W, '实施期限：', C('3', 2), '项目类型：', '15 其他经费'));
  g.push(row(W, '是否新增项目：', C('否', 2), '分配方式：', '项目法'));
  g.push(row(W, '项目总金额（中期规划，万元）：', C('360.00', 2), '本年度项目金额（万元）：', '120.00'));
  g.push(row(W, '政策依据：', C('《临江市河道管理办法》', 4)));
  g.push(row(W, '测算依据：', C('按巡查河段长度和服务单价测算。', 4)));
  g.push(row(W, '年度目标：', C('完成辖区45公里河段日常巡查，问题及时处置。', 4)));
  g.push(row(W, '长期目标（跨度多年的项目需填）：', C('建立常态化河道巡查机制，河道环境持续改善。', 4)));
  g.push(row(W, '一级指标', '二级指标', '三级指标', '目标值', '指标解释'));
  g.push(...indicatorRows(inds, { width: W, cols: { l1: 0, l2: 1, l3: 2, target: 3, expl: 4 } }));
  g.push(row(W, C('备注：本表为申报示例，阴影单元格由系统自动带出。', W)));
  const f = funds([{ source: 'total', cells: { requested: '120.00' } }], ['requested'], '万元');
  return [
    {
      grid: g,
      record: record({
        formType: 'project-goal-declaration', title: '二级项目支出绩效目标申报表', year: null, projectName: '河道巡查服务经费',
        department: '临江市东湖区青禾街道办事处（本级）', implementingUnit: '临江市东湖区青禾街道办事处（本级）', amountUnit: '万元', funds: f,
        goal: { planned: '完成辖区45公里河段日常巡查，问题及时处置。', achieved: null }, indicators: inds.map((i) => indicator(i)),
        extra: {
          项目编码: '990306210000000000412', 实施期限: '3', 项目类型: '15 其他经费', 是否新增项目: '否', 分配方式: '项目法',
          '项目总金额（中期规划，万元）': '360.00', 政策依据: '《临江市河道管理办法》', 测算依据: '按巡查河段长度和服务单价测算。',
          '长期目标（跨度多年的项目需填）': '建立常态化河道巡查机制，河道环境持续改善。',
        },
      }),
    },
  ];
});

// =============================================================================================
// Family M: 评价指标体系评分表 (一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │ 评分标准 │ 得分), with 序号.

fixture('scoring-sheet-seq-column', 'M', 'project name before the title (`…项目绩效评价指标体系评分表`); a 序号 column; 一级/二级 分值 columns merged down their spans; 评分标准 (→ explanation); 合计 with the total weight in the 一级 分值 column; 评价等级; an item scoring 6 of 5', () => {
  const W = 9;
  const inds: Ind[] = [
    { l1: '决策', w1: '15', l2: '项目立项', w2: '5', l3: '立项依据充分性', weight: '5', expl: '依据充分得5分，否则酌情扣分', score: '5' },
    { l1: '决策', w1: '15', l2: '绩效目标', w2: '5', l3: '绩效目标明确性', weight: '5', expl: '目标明确细化得5分', score: '4' },
    { l1: '决策', w1: '15', l2: '资金投入', w2: '5', l3: '预算编制科学性', weight: '5', expl: '预算编制科学得5分', score: '5' },
    { l1: '过程', w1: '25', l2: '资金管理', w2: '15', l3: '资金到位率', weight: '5', expl: '到位率×5分', score: '5' },
    { l1: '过程', w1: '25', l2: '资金管理', w2: '15', l3: '预算执行率', weight: '5', expl: '执行率×5分', score: '4.6' },
    { l1: '过程', w1: '25', l2: '资金管理', w2: '15', l3: '资金使用合规性', weight: '5', expl: '合规得5分，发现一处违规扣1分', score: '5' },
    { l1: '过程', w1: '25', l2: '组织实施', w2: '10', l3: '管理制度健全性', weight: '5', expl: '制度健全得5分', score: '5' },
    { l1: '过程', w1: '25', l2: '组织实施', w2: '10', l3: '制度执行有效性', weight: '5', expl: '执行有效得5分', score: '6' },
    { l1: '产出', w1: '30', l2: '产出数量', w2: '10', l3: '供水工程完成数', weight: '10', expl: '完成率×10分', score: '10' },
    { l1: '产出', w1: '30', l2: '产出质量', w2: '10', l3: '工程验收合格率', weight: '10', expl: '合格率×10分', score: '10' },
    { l1: '产出', w1: '30', l2: '产出时效', w2: '10', l3: '工程完工及时率', weight: '10', expl: '及时率×10分', score: '9' },
    { l1: '效益', w1: '30', l2: '项目效益', w2: '30', l3: '农村自来水普及率', weight: '15', expl: '达到目标值得15分', score: '15' },
    { l1: '效益', w1: '30', l2: '项目效益', w2: '30', l3: '受益群众满意度', weight: '15', expl: '满意度×15分', score: '13.5' },
  ];
  const title = '澄溪县农村饮水安全巩固提升项目绩效评价指标体系评分表';
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, '项目名称', C('澄溪县农村饮水安全巩固提升项目', 4), '评价机构', C('明衡绩效评价咨询有限公司', 3)));
  g.push(row(W, '序号', '一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准', '得分'));
  g.push(...indicatorRows(inds, { width: W, cols: { seq: 0, l1: 1, w1: 2, l2: 3, w2: 4, l3: 5, weight: 6, expl: 7, score: 8 } }));
  // 14 + 25.6 + 29 + 28.5 = 97.1.
  g.push(row(W, C('合计', 2), '100', '', '', '', '', '', '97.1'));
  g.push(row(W, '评价等级', C('优', 8)));
  const ex = inds.map((i) => indicator(i, { weights1: true, weights2: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'evaluation-scoring', title, year: null, projectName: '澄溪县农村饮水安全巩固提升项目', indicators: ex,
        totalWeight: '100', totalScore: '97.1', grade: '优', extra: { 评价机构: '明衡绩效评价咨询有限公司' },
        findings: [finding('score.exceedsWeight', 'error', 'indicators[7].score', '5', '6', '制度执行有效性 scores 6 of 5'), ...deviationInfos(ex)],
      }),
    },
  ];
});

// =============================================================================================
// Family N: 部门整体支出绩效评价得分表 (department-level): weights printed inside the labels at all
// three levels, a 得分 column only.

fixture('department-overall-score-sheet', 'N', 'department-level `2023年度部门整体支出绩效评价得分表`; `部门（单位）名称：` row and no 项目名称; 一级│二级│三级│得分 with every weight printed inside its label (`部门决策（20分）`, `目标设定（12分）`, `绩效目标合理性（6分）`); 总分 with a score only; `评价等级：优`', () => {
  const W = 4;
  const inds: Ind[] = [
    { l1: '部门决策', w1: '20', l2: '目标设定', w2: '12', l3: '绩效目标合理性', weight: '6', score: '6' },
    { l1: '部门决策', w1: '20', l2: '目标设定', w2: '12', l3: '绩效指标明确性', weight: '6', score: '5' },
    { l1: '部门决策', w1: '20', l2: '预算编制', w2: '8', l3: '预算编制科学性', weight: '4', score: '4' },
    { l1: '部门决策', w1: '20', l2: '预算编制', w2: '8', l3: '预算分配合理性', weight: '4', score: '4' },
    { l1: '部门管理', w1: '40', l2: '资金管理', w2: '24', l3: '预算执行率', weight: '10', score: '9.5' },
    { l1: '部门管理', w1: '40', l2: '资金管理', w2: '24', l3: '结转结余率', weight: '6', score: '6' },
    { l1: '部门管理', w1: '40', l2: '资金管理', w2: '24', l3: '资金使用合规性', weight: '8', score: '8' },
    { l1: '部门管理', w1: '40', l2: '资产管理', w2: '8', l3: '资产管理规范性', weight: '8', score: '8' },
    { l1: '部门管理', w1: '40', l2: '采购管理', w2: '8', l3: '政府采购执行率', weight: '8', score: '7' },
    { l1: '部门绩效', w1: '40', l2: '履职效能', w2: '24', l3: '重点工作完成率', weight: '12', score: '12' },
    { l1: '部门绩效', w1: '40', l2: '履职效能', w2: '24', l3: '绩效目标完成率', weight: '12', score: '11' },
    { l1: '部门绩效', w1: '40', l2: '社会效应', w2: '16', l3: '服务对象满意度', weight: '16', score: '15' },
  ];
  const title = '2023年度部门整体支出绩效评价得分表';
  const g: Grid = [];
  g.push(row(W, C(title, W)));
  g.push(row(W, C('部门（单位）名称：临江市农业农村局', W)));
  g.push(row(W, '一级指标', '二级指标', '三级指标', '得分'));
  g.push(
    ...indicatorRows(
      inds.map((i) => ({ ...i, l3: `${i.l3}（${i.weight}分）` })),
      { width: W, cols: { l1: 0, l2: 1, l3: 2, score: 3 }, label1: withCategory, label2: withCategory2 },
    ),
  );
  // 19 + 38.5 + 38 = 95.5.
  g.push(row(W, C('总分', 3), '95.5'));
  g.push(row(W, C('评价等级：优', W)));
  const ex = inds.map((i) => indicator(i, { weights1: true, weights2: true }));
  return [
    {
      grid: g,
      record: record({
        formType: 'evaluation-scoring', title, year: 2023, projectName: null, indicators: ex, totalScore: '95.5', grade: '优',
        extra: { '部门（单位）名称': '临江市农业农村局' }, findings: deviationInfos(ex),
      }),
    },
  ];
});

// =============================================================================================

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (/\.(txt|xlsx|expected\.jsonl|json)$/.test(name)) rmSync(join(OUT, name));
for (const fx of fixtures) {
  const grids = fx.forms.map((f) => f.grid);
  writeFileSync(join(OUT, `${fx.id}.txt`), gridsToText(grids));
  writeFileSync(join(OUT, `${fx.id}.xlsx`), gridsToWorkbook(grids));
  writeFileSync(join(OUT, `${fx.id}.expected.jsonl`), fx.forms.map((f) => JSON.stringify(f.record)).join('\n') + '\n');
}
console.log(`fixtures/survey: ${fixtures.length} fixtures, ${fixtures.reduce((n, f) => n + f.forms.length, 0)} forms`);
if (process.argv.includes('--list')) for (const f of fixtures) console.log(`| \`${f.id}\` | ${f.family} | ${f.forms.length} | ${f.what} |`);
