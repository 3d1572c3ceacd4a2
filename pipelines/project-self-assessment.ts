import { defineForm } from '../src/forms/definition.js';
import { COMMON_EXTRA_LABELS, COMMON_FIELDS, COMMON_INDICATOR_COLUMNS, COMMON_NOTE_LABELS } from './common-labels.js';

/**
 * 项目绩效自我评价 (Shanghai, 2019-style): label/value header with the budget figures, then a
 * weighted table whose 一级 labels carry a category weight (`投入与管理 (36分)`) and 权重/自评分 per item.
 */
export const projectSelfAssessment = defineForm({
  formType: 'project-self-assessment',
  titles: [/项目(支出)?绩效自我评价表?$/],
  requiredLabels: ['项目名称'],
  fields: [
    ...COMMON_FIELDS,
    { labels: ['当年预算数', '本年预算数'], path: 'funds.total.annualBudget' },
    { labels: ['上年预算金额', '上年预算数'], path: 'funds.total.previousYearBudget' },
    { labels: ['预算执行数', '执行数'], path: 'funds.total.executed' },
    { labels: ['预算执行率', '执行率'], path: 'funds.total.executionRate' },
    { labels: ['项目年度总目标', '年度总目标', '项目总目标'], path: 'goal.planned' },
  ],
  extraLabels: COMMON_EXTRA_LABELS,
  noteLabels: COMMON_NOTE_LABELS,
  sectionLabels: [],
  indicators: {
    columns: [
      { labels: ['一级指标'], role: 'level1' },
      { labels: ['二级指标'], role: 'level2' },
      { labels: ['指标名称', '三级指标'], role: 'level3' },
      { labels: ['指标解释', '指标说明'], role: 'explanation' },
      { labels: ['权重', '分值'], role: 'weight' },
      { labels: ['自评分', '得分'], role: 'score' },
      { labels: ['备注', '偏差原因'], role: 'deviation' },
      ...COMMON_INDICATOR_COLUMNS,
    ],
    totalLabels: ['合计', '总分', '总计'],
    hierarchy: 'categories',
    // The four categories of Shanghai's 项目绩效自我评价 framework.
    categoryNames: ['投入与管理', '产出目标', '效果目标', '影响力目标'],
  },
  checks: [
    'funds.rate', 'total.weight', 'total.score', 'category.weight', 'score.exceedsWeight', 'grade.mismatch',
    'deviation.missing',
  ],
});
