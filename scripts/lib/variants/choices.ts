/**
 * The layout dimensions a variant is drawn over, and the draw itself. Every dimension is a named,
 * printable value so the benchmark can say which ones a failing variant had.
 */
import type { Rng } from './prng.js';
import type { NatureMode, UnitMode } from './measures.js';

export type FormType = 'project-self-evaluation' | 'project-self-assessment' | 'project-goal-declaration' | 'evaluation-scoring';
export type YearPlace = 'title-paren' | 'title-paren-full' | 'title-prefix' | 'row' | 'label' | 'absent';
export type UnitPlace = 'row' | 'funds-label' | 'column-headers' | 'labels';
export type Borders = 'all' | 'frame' | 'none';
export type PageBreak = 'none' | 'natural' | 'manual';
/** Order of the value columns of the indicator table: T target, A actual, W weight, S score. */
export type IndicatorOrder = 'TAWS' | 'WTAS' | 'TWAS';

export interface Choices {
  family: FormType;
  // 1. title
  titleRow: boolean;
  /** The title words without year or annex. */
  titleWords: string;
  annex: '' | '附件1：' | '附表2' | '附件3：' | '附件';
  annexPlace: 'inline' | 'row';
  // 2. year and unit
  yearPlace: YearPlace;
  unit: '元' | '万元' | null;
  unitPlace: UnitPlace;
  // 3. label spans
  fundsLabelSpan: 1 | 2 | 3;
  headerLabelSpan: 1 | 2;
  // 4. corner spans
  fundsCorner: 'merged' | 'header-only';
  sectionColumn: 'merged' | 'absent';
  goalCorner: 'merged' | 'header-only';
  // 5. column order
  fundsOrder: 'WRS' | 'WSR' | 'RWS' | 'RSW' | 'SWR' | 'SRW';
  indicatorOrder: IndicatorOrder;
  fundsTotalFirst: boolean;
  initialBudgetColumn: boolean;
  /** Grid columns the funds grid does not need: merged into its amount columns, or left blank at the end. */
  fundsStretch: 'merge' | 'blank';
  // 6. extra columns
  seqColumn: boolean;
  natureColumn: NatureMode;
  unitColumn: UnitMode;
  noteColumn: boolean;
  criteriaColumn: boolean;
  fundsReasonColumn: boolean;
  // 7. money unit: `unit` above.
  // 8. header words
  letterSuffixes: boolean;
  budgetLabel: string;
  executedLabel: string;
  rateLabel: string;
  weightLabel: string;
  scoreLabel: string;
  targetLabel: string;
  actualLabel: string;
  deviationLabel: string;
  fundsCornerLabel: string;
  sectionLabel: string;
  totalSourceLabel: string;
  currentYearLabel: string;
  goalLabels: 'planned-actual' | 'target-achieved';
  // 9. header rows
  headerRows: 1 | 2;
  // 10. category labels
  categoryLabels: 'merged' | 'repeated';
  categoryWeights: 'none' | 'ascii' | 'fullwidth';
  // 11. fonts and page
  font: string;
  fontSize: number;
  landscape: boolean;
  // 12. rules
  borders: Borders;
  // 13. page breaks
  pageBreak: PageBreak;
  repeatHeader: boolean;
  // 14. total row
  totalLabel: '总分' | '合计' | '总计';
  totalScoreBlank: boolean;
  // cell details
  cellType: 'number' | 'text';
  grouping: boolean;
  rateStyle: 'percent' | 'plain';
  nullCell: '' | '—' | '/';
  footerStyle: 'cells' | 'line';
  sheetName: string;
  /** Also write a tab-separated text export. */
  txt: boolean;
}

/** What a base record offers the draw. */
export interface BaseFacts {
  formType: FormType;
  title: string;
  year: number | null;
  amountUnit: '元' | '万元' | null;
  hasFunds: boolean;
  hasTotalScore: boolean;
  hasGoal: boolean;
  indicatorCount: number;
  hasCategoryWeights: boolean;
}

export const FONTS = ['Noto Sans CJK SC', 'Noto Serif CJK SC', 'Noto Sans Mono CJK SC', 'Noto Sans CJK TC', 'Noto Serif CJK JP'] as const;

const SELF_EVALUATION_TITLES = ['项目支出绩效自评表', '部门预算项目支出绩效自评表', '财政项目支出绩效自评表', '绩效目标自评表', '财政支出项目绩效自评表'];

/** The dimensions each family's layout uses (the others are drawn but not printed). */
export const FAMILY_DIMENSIONS: Record<FormType, ReadonlyArray<keyof Choices>> = {
  'project-self-evaluation': [
    'titleRow', 'titleWords', 'annex', 'annexPlace', 'yearPlace', 'unit', 'unitPlace', 'fundsLabelSpan', 'headerLabelSpan',
    'fundsCorner', 'sectionColumn', 'goalCorner', 'fundsOrder', 'indicatorOrder', 'fundsTotalFirst', 'initialBudgetColumn',
    'fundsStretch', 'seqColumn', 'natureColumn', 'unitColumn', 'noteColumn', 'criteriaColumn', 'fundsReasonColumn', 'letterSuffixes',
    'budgetLabel', 'executedLabel', 'rateLabel', 'weightLabel', 'scoreLabel', 'targetLabel', 'actualLabel', 'deviationLabel',
    'fundsCornerLabel', 'sectionLabel', 'totalSourceLabel', 'currentYearLabel', 'goalLabels', 'headerRows', 'categoryLabels',
    'categoryWeights', 'font', 'fontSize', 'landscape', 'borders', 'pageBreak', 'repeatHeader', 'totalLabel', 'totalScoreBlank',
    'cellType', 'grouping', 'rateStyle', 'nullCell', 'footerStyle', 'sheetName', 'txt',
  ],
  'project-goal-declaration': [
    'titleRow', 'titleWords', 'annex', 'annexPlace', 'yearPlace', 'unit', 'unitPlace', 'fundsLabelSpan', 'headerLabelSpan',
    'fundsCorner', 'sectionColumn', 'goalCorner', 'seqColumn', 'natureColumn', 'unitColumn', 'noteColumn', 'targetLabel',
    'currentYearLabel', 'headerRows', 'categoryLabels', 'font', 'fontSize', 'landscape', 'borders', 'pageBreak', 'repeatHeader',
    'cellType', 'grouping', 'nullCell', 'sheetName', 'txt',
  ],
  'project-self-assessment': [
    'titleRow', 'titleWords', 'annex', 'annexPlace', 'yearPlace', 'unit', 'unitPlace', 'seqColumn', 'weightLabel', 'scoreLabel',
    'categoryLabels', 'categoryWeights', 'font', 'fontSize', 'landscape', 'borders', 'pageBreak', 'repeatHeader', 'totalLabel',
    'totalScoreBlank', 'cellType', 'grouping', 'rateStyle', 'sheetName', 'txt',
  ],
  'evaluation-scoring': [
    'titleRow', 'titleWords', 'annex', 'annexPlace', 'yearPlace', 'seqColumn', 'categoryLabels', 'font', 'fontSize', 'landscape',
    'borders', 'pageBreak', 'repeatHeader', 'totalLabel', 'totalScoreBlank', 'cellType', 'sheetName', 'txt',
  ],
};

/** A title without its printed year (`2023年度…表` → `…表`, `…表(2023年度)` → `…表`). */
export function titleWithoutYear(title: string): string {
  return title
    .replace(/^\d{4}年度?/, '')
    .replace(/[(（]\d{4}年度?[)）]$/, '')
    .trim();
}

function titleWordsFor(rng: Rng, base: BaseFacts): string {
  const words = titleWithoutYear(base.title);
  switch (base.formType) {
    case 'project-self-evaluation':
      return rng.pick(SELF_EVALUATION_TITLES);
    case 'project-goal-declaration':
      return rng.pick(['财政项目支出绩效目标申报表', '项目支出绩效目标申报表', '部门预算项目支出绩效目标申报表', '项目绩效目标申报表']);
    case 'project-self-assessment':
      return rng.pick(['项目绩效自我评价', '项目绩效自我评价表', '项目支出绩效自我评价表']);
    case 'evaluation-scoring':
      // Keep the project words; vary the family words at the end.
      return rng.pick([words, words.replace(/(绩效评价)?(指标体系)?评分表$/, '绩效评价评分表'), words.replace(/(绩效评价)?(指标体系)?评分表$/, '绩效评价指标体系评分表')]);
  }
}

/** Draws one layout for a base record. */
export function drawChoices(rng: Rng, base: BaseFacts): Choices {
  const family = base.formType;
  const titleRow = rng.chance(0.88);
  const yearPlaces: YearPlace[] = base.year === null ? ['absent'] : titleRow ? ['title-paren', 'title-paren-full', 'title-prefix', 'row', 'label', 'absent'] : ['label', 'absent', 'label'];
  const yearPlace = rng.weighted(yearPlaces.map((p) => [p, p === 'absent' ? 0.6 : 1] as const));
  const unit = base.amountUnit === null ? null : rng.pick(['元', '万元'] as const);
  const unitPlace: UnitPlace =
    family === 'project-self-assessment'
      ? rng.pick(['labels', 'row'] as const)
      : family === 'project-goal-declaration'
        ? rng.pick(['row', 'funds-label'] as const)
        : rng.pick(['row', 'funds-label', 'column-headers'] as const);
  const letterSuffixes = rng.chance(0.3);
  const weightWord = rng.weighted([['分值', 3], ['分值(分)', 1], ['权重', 1]] as const);
  const fundsWeight = '10';
  const fundsCornerLabel = unitPlace === 'funds-label' && unit
    ? rng.pick([`项目资金（${unit}）`, `项目资金(${unit})`, `资金情况（${unit}）`])
    : rng.pick(['项目资金', '项目资金', '预算执行情况', `预算执行情况(${fundsWeight}分)`]);
  const natureColumn = rng.weighted([['none', 5], ['comparator', 2], ['direction', 1], ['quantity', 1]] as const);
  const pageBreak = rng.weighted([['none', 3], ['natural', 1], ['manual', 2]] as const);
  return {
    family,
    titleRow,
    titleWords: titleWordsFor(rng, base),
    annex: titleRow ? rng.weighted([['', 5], ['附件1：', 1], ['附表2', 1], ['附件3：', 1], ['附件', 0.5]] as const) : '',
    annexPlace: rng.pick(['inline', 'row'] as const),
    yearPlace,
    unit,
    unitPlace,
    fundsLabelSpan: rng.pick([1, 2, 3] as const),
    headerLabelSpan: rng.pick([1, 2] as const),
    fundsCorner: rng.pick(['merged', 'header-only'] as const),
    sectionColumn: rng.pick(['merged', 'absent'] as const),
    goalCorner: rng.pick(['merged', 'header-only'] as const),
    fundsOrder: rng.weighted([['WRS', 4], ['WSR', 1], ['RWS', 1], ['RSW', 1], ['SWR', 1], ['SRW', 1]] as const),
    indicatorOrder: rng.weighted([['TAWS', 4], ['WTAS', 2], ['TWAS', 1]] as const),
    fundsTotalFirst: rng.chance(0.75),
    initialBudgetColumn: rng.chance(0.85),
    fundsStretch: rng.pick(['merge', 'blank'] as const),
    seqColumn: rng.chance(0.3),
    natureColumn,
    unitColumn: rng.weighted([['none', 3], ['after-target', 1], ['after-actual', 1]] as const),
    noteColumn: rng.chance(0.2),
    criteriaColumn: rng.chance(0.2),
    fundsReasonColumn: rng.chance(0.2),
    letterSuffixes,
    budgetLabel: rng.weighted([['全年预算数', 4], ['调整后预算数', 1], ['全年预算', 1]] as const),
    executedLabel: rng.weighted([['全年执行数', 4], ['预算执行数', 1], ['实际支出', 1]] as const),
    rateLabel: rng.weighted([['执行率', 3], ['预算执行率', 1]] as const),
    weightLabel: weightWord,
    scoreLabel: rng.weighted([['得分', 3], ['自评得分', 1]] as const),
    targetLabel: rng.weighted([['年度指标值', 4], ['年度目标值', 1], ['指标值', 1]] as const),
    actualLabel: rng.weighted([['实际完成值', 4], ['全年实际值', 1], ['实际值', 1]] as const),
    deviationLabel: rng.weighted([['偏差原因分析及改进措施', 4], ['偏差原因分析', 1], ['未完成原因分析', 1], ['备注', 1]] as const),
    fundsCornerLabel,
    sectionLabel: rng.pick(['绩效指标', '绩效指标', '年度绩效指标', `绩效指标(90分)`]),
    totalSourceLabel: rng.weighted([['年度资金总额', 4], ['资金总额', 1], ['合计', 1]] as const),
    currentYearLabel: rng.weighted([['其中：当年财政拨款', 3], ['当年财政拨款', 1], ['财政拨款', 1]] as const),
    goalLabels: rng.pick(['planned-actual', 'target-achieved'] as const),
    headerRows: rng.weighted([[1, 3], [2, 1]] as const),
    categoryLabels: rng.pick(['merged', 'repeated'] as const),
    categoryWeights:
      family === 'project-self-assessment' && base.hasCategoryWeights
        ? rng.weighted([['ascii', 2], ['fullwidth', 2], ['none', 1]] as const)
        : family === 'project-self-evaluation'
          ? rng.weighted([['none', 3], ['ascii', 1], ['fullwidth', 1]] as const)
          : 'none',
    font: rng.pick(FONTS),
    fontSize: rng.int(9, 12),
    landscape: rng.chance(0.4),
    borders: rng.weighted([['all', 3], ['frame', 2], ['none', 1]] as const),
    pageBreak,
    repeatHeader: pageBreak !== 'none' && rng.chance(0.5),
    totalLabel: rng.pick(['总分', '合计', '总计'] as const),
    totalScoreBlank: base.hasTotalScore && rng.chance(0.12),
    cellType: rng.weighted([['number', 3], ['text', 1]] as const),
    grouping: rng.chance(0.6),
    rateStyle: rng.weighted([['percent', 3], ['plain', 1]] as const),
    nullCell: rng.weighted([['', 3], ['—', 1], ['/', 1]] as const),
    footerStyle: rng.pick(['cells', 'line'] as const),
    sheetName: rng.pick(['Sheet1', '表1', '自评表', '附表']),
    txt: rng.chance(0.3),
  };
}

/** The dimension values a family's layout uses, as `name=value` strings (for reports). */
export function describeChoices(choices: Choices): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FAMILY_DIMENSIONS[choices.family]) out[key] = String(choices[key]);
  return out;
}

/**
 * The control layout: the one the current fixtures share (scripts/lib/form-layout.ts), keeping only
 * the base's own title, unit and the font/page draw. A reader that reads the fixtures should read
 * these near perfectly, so a miss on them points at the generator, not at the reader.
 */
export function controlChoices(choices: Choices, base: BaseFacts): Choices {
  return {
    ...choices,
    titleRow: true,
    titleWords: titleWithoutYear(base.title),
    annex: '',
    yearPlace: base.year === null ? 'absent' : base.title.includes(String(base.year)) ? 'title-prefix' : 'row',
    unit: base.amountUnit,
    unitPlace: choices.family === 'project-self-assessment' ? 'labels' : 'funds-label',
    fundsLabelSpan: 1,
    headerLabelSpan: 1,
    fundsCorner: 'merged',
    sectionColumn: 'merged',
    goalCorner: 'merged',
    fundsOrder: 'WRS',
    indicatorOrder: 'TAWS',
    fundsTotalFirst: true,
    initialBudgetColumn: true,
    fundsStretch: 'blank',
    seqColumn: false,
    natureColumn: 'none',
    unitColumn: 'none',
    noteColumn: false,
    criteriaColumn: false,
    fundsReasonColumn: false,
    letterSuffixes: false,
    budgetLabel: '全年预算数',
    executedLabel: '全年执行数',
    rateLabel: '执行率',
    weightLabel: '分值',
    scoreLabel: '得分',
    targetLabel: '年度指标值',
    actualLabel: '实际完成值',
    deviationLabel: '偏差原因分析及改进措施',
    fundsCornerLabel: `项目资金（${base.amountUnit ?? '元'}）`,
    sectionLabel: '绩效指标',
    totalSourceLabel: '年度资金总额',
    currentYearLabel: '其中：当年财政拨款',
    goalLabels: 'planned-actual',
    headerRows: 1,
    categoryLabels: 'merged',
    categoryWeights: choices.family === 'project-self-assessment' && base.hasCategoryWeights ? 'ascii' : 'none',
    borders: 'all',
    pageBreak: 'none',
    repeatHeader: false,
    totalLabel: choices.family === 'project-self-evaluation' ? '总分' : '合计',
    totalScoreBlank: false,
    cellType: 'number',
    grouping: true,
    rateStyle: 'percent',
    nullCell: '',
    footerStyle: 'cells',
  };
}

/**
 * Makes hand-set choices print consistently: a year placed in a title that is not printed goes,
 * a unit written in the funds corner label is the unit the form prints in.
 */
export function consistentChoices(choices: Choices, base: BaseFacts): Choices {
  const out = { ...choices };
  if (base.year === null) out.yearPlace = 'absent';
  if (!out.titleRow && out.yearPlace.startsWith('title')) out.yearPlace = 'absent';
  if (!out.titleRow) out.annex = '';
  if (base.amountUnit === null) out.unit = null;
  out.fundsCornerLabel = out.fundsCornerLabel.replace(/([（(])(万元|元)([）)])/, (_, a: string, _u: string, b: string) => (out.unit ? `${a}${out.unit}${b}` : ''));
  // A corner label without a unit cannot carry the unit: print it on a line of its own.
  if (out.family === 'project-self-evaluation' && out.unitPlace === 'funds-label' && out.unit && !out.fundsCornerLabel.includes(out.unit)) out.unitPlace = 'row';
  if (out.pageBreak === 'none') out.repeatHeader = false;
  if (!base.hasTotalScore) out.totalScoreBlank = false;
  return out;
}

/** Every value each dimension takes for a family, as seen over many draws (for ablations). */
export function dimensionDomains(rng: Rng, bases: readonly BaseFacts[], draws = 3000): Map<keyof Choices, unknown[]> {
  const domains = new Map<keyof Choices, unknown[]>();
  for (let k = 0; k < draws; k++) {
    const c = drawChoices(rng, bases[k % bases.length]!);
    for (const key of FAMILY_DIMENSIONS[c.family]) {
      const seen = domains.get(key) ?? [];
      if (!seen.some((v) => v === c[key])) seen.push(c[key]);
      domains.set(key, seen);
    }
  }
  return domains;
}
