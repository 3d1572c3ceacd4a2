import { defineForm } from '../src/forms/definition.js';
import { STANDARD_HIERARCHY } from './standard-hierarchy.js';
import { COMMON_EXTRA_LABELS, COMMON_FIELDS, COMMON_INDICATOR_COLUMNS, COMMON_NOTE_LABELS } from './common-labels.js';

/** 项目支出绩效自评表: funds grid (元 or 万元), goal vs. achievement, 一级/二级/三级 indicators with 分值/得分. */
export const projectSelfEvaluation = defineForm({
  formType: 'project-self-evaluation',
  // 项目支出绩效自评表, 部门预算项目支出绩效自评表, 财政支出项目绩效自评表, 项目绩效目标自评表, 绩效目标自评表,
  // 项目支出绩效自评价表; not the department-wide 部门整体支出绩效自评表.
  titles: [/^(?!.*整体).*项目.*绩效(目标)?自评(价)?表$/, /^(?!.*整体).*绩效目标自评表$/],
  requiredLabels: ['项目名称', '项目支出名称'],
  fields: COMMON_FIELDS,
  extraLabels: COMMON_EXTRA_LABELS,
  noteLabels: COMMON_NOTE_LABELS,
  sectionLabels: ['绩效指标', '年度绩效指标', '项目绩效指标', '绩效指标完成情况'],
  funds: {
    headerLabels: ['项目资金', '资金来源', '项目资金来源', '资金情况', '年度预算数', '预算执行情况', '项目资金情况', '资金投入情况', '预算资金'],
    columns: [
      { labels: ['年初预算数', '年初预算', '年初预算金额'], key: 'initialBudget' },
      { labels: ['全年预算数', '调整后预算数', '调整预算数', '全年预算', '调整后预算', '全年预算金额'], key: 'annualBudget' },
      { labels: ['全年执行数', '执行数', '实际支出数', '全年执行', '预算执行数', '实际执行数', '全年实际支出', '实际支出'], key: 'executed' },
      { labels: ['分值', '权重'], key: 'weight' },
      { labels: ['执行率', '预算执行率', '资金执行率'], key: 'executionRate' },
      { labels: ['得分', '自评分', '自评得分'], key: 'score' },
    ],
    sources: [
      { labels: ['年度资金总额', '资金总额', '合计', '总额', '资金合计', '年度资金合计'], source: 'total' },
      { labels: ['当年财政拨款', '财政拨款', '本年财政拨款', '财政资金'], source: 'currentYear' },
      { labels: ['上年结转资金', '上年结转金额', '上年结转'], source: 'carryOver' },
      { labels: ['其他资金', '其它资金'], source: 'other' },
    ],
  },
  goal: {
    columns: [
      { labels: ['预算目标', '预期目标', '年初目标', '年初设定目标', '项目年度目标'], to: 'planned' },
      { labels: ['实际完成情况', '实际完成', '完成情况', '年度目标完成情况', '年度总体目标完成情况', '全年实际完成情况'], to: 'achieved' },
    ],
    rowLabels: ['年度总体目标', '总体目标', '年度目标', '年度绩效目标', '项目年度目标完成情况', '项目基本情况'],
  },
  indicators: {
    columns: [
      { labels: ['一级指标'], role: 'level1' },
      { labels: ['二级指标'], role: 'level2' },
      { labels: ['三级指标'], role: 'level3' },
      { labels: ['指标解释', '指标说明', '指标内容'], role: 'explanation' },
      { labels: ['年度指标值', '指标值', '年度目标值', '预期指标值', '目标值', '全年指标值', '计划值', '年初目标值'], role: 'target' },
      { labels: ['实际完成值', '实际值', '全年实际值', '完成值', '实际完成指标值', '全年完成值'], role: 'actual' },
      { labels: ['分值', '权重', '指标分值', '标准分值', '参考分值'], role: 'weight' },
      { labels: ['得分', '自评分', '自评得分', '评分', '实际得分'], role: 'score' },
      {
        labels: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '未完成原因分析', '未完成原因分析及改进措施', '偏差原因及改进措施', '原因分析', '备注'],
        role: 'deviation',
      },
      ...COMMON_INDICATOR_COLUMNS,
    ],
    totalLabels: ['总分', '合计', '总计'],
    hierarchy: 'standard',
    levels: STANDARD_HIERARCHY,
  },
  checks: [
    'funds.sum', 'funds.rate', 'funds.score', 'total.weight', 'total.score', 'score.exceedsWeight',
    'target.unmetFullScore', 'crossref.executed', 'actual.missing', 'grade.mismatch', 'deviation.missing',
  ],
});
