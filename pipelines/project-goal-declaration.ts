import { defineForm } from '../src/forms/definition.js';
import { STANDARD_HIERARCHY } from './standard-hierarchy.js';
import { COMMON_EXTRA_LABELS, COMMON_FIELDS, COMMON_INDICATOR_COLUMNS, COMMON_NOTE_LABELS } from './common-labels.js';

/**
 * 绩效目标申报表: label/value header with 年度资金申请总额 and its sources, the 项目总目标/年度总体目标
 * block, and 一级/二级/三级 indicators with a target value only.
 */
export const projectGoalDeclaration = defineForm({
  formType: 'project-goal-declaration',
  titles: [/绩效目标申报表$/, /项目(支出)?绩效目标(批复|设定|审核)?表$/],
  requiredLabels: ['项目名称'],
  fields: [
    ...COMMON_FIELDS,
    // Shenzhen 二级项目支出绩效目标申报表 (one form per sheet): 申请单位 / 一级预算单位 /
    // 本年度项目金额（万元） / 年度目标, beside the Shanghai 年度资金申请总额 layout.
    { labels: ['申请单位'], path: 'implementingUnit' },
    { labels: ['一级预算单位'], path: 'department' },
    { labels: ['年度目标'], path: 'goal.planned' },
    { labels: ['年度资金申请总额', '年度申请资金总额', '年度资金总额', '本年度项目金额'], path: 'funds.total.requested' },
    { labels: ['当年财政拨款', '财政拨款'], path: 'funds.currentYear.requested' },
    { labels: ['上年结转资金', '上年结转'], path: 'funds.carryOver.requested' },
    { labels: ['其他资金', '其它资金'], path: 'funds.other.requested' },
  ],
  extraLabels: [...COMMON_EXTRA_LABELS, '项目资金总额', '财政资金'],
  noteLabels: COMMON_NOTE_LABELS,
  sectionLabels: ['绩效指标', '项目绩效指标', '年度绩效指标'],
  goal: {
    columns: [
      { labels: ['项目总目标', '总体目标'], to: 'extra' },
      { labels: ['年度总体目标', '年度目标', '年度绩效目标'], to: 'planned' },
    ],
    rowLabels: ['项目绩效目标', '绩效目标'],
  },
  indicators: {
    columns: [
      { labels: ['一级指标'], role: 'level1' },
      { labels: ['二级指标'], role: 'level2' },
      { labels: ['三级指标'], role: 'level3' },
      { labels: ['指标解释', '指标说明'], role: 'explanation' },
      { labels: ['年度(/项目)指标值', '年度指标值', '指标值', '目标值', '项目指标值', '全年指标值', '预期指标值'], role: 'target' },
      { labels: ['备注'], role: 'deviation' },
      ...COMMON_INDICATOR_COLUMNS,
    ],
    totalLabels: [],
    hierarchy: 'standard',
    levels: STANDARD_HIERARCHY,
  },
  checks: ['funds.sum'],
});
