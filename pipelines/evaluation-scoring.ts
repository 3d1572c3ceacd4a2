import { defineForm } from '../src/forms/definition.js';
import { COMMON_EXTRA_LABELS, COMMON_FIELDS, COMMON_INDICATOR_COLUMNS, COMMON_NOTE_LABELS } from './common-labels.js';

/**
 * 评价指标体系 / 评分表: 一级, 二级, 三级 indicators each with its own 分值 column, and 得分.
 * A 分值 column right after a level column is that level's weight.
 */
export const evaluationScoring = defineForm({
  formType: 'evaluation-scoring',
  titles: [/评价指标体系(及评分)?表?$/, /评分表$/, /评价指标及评分(表|标准)?$/, /评分标准表?$/, /绩效评价(得分|评分)(情况)?表$/],
  requiredLabels: ['一级指标', '评价指标'],
  fields: COMMON_FIELDS,
  extraLabels: COMMON_EXTRA_LABELS,
  noteLabels: COMMON_NOTE_LABELS,
  sectionLabels: [],
  indicators: {
    columns: [
      { labels: ['一级指标'], role: 'level1' },
      { labels: ['二级指标'], role: 'level2' },
      { labels: ['三级指标'], role: 'level3' },
      { labels: ['指标解释', '指标说明', '评分标准', '评分要点', '评价要点', '评分细则'], role: 'explanation' },
      { labels: ['目标值', '指标值'], role: 'target' },
      { labels: ['实际值', '完成值', '实际完成值'], role: 'actual' },
      { labels: ['分值', '权重', '标准分', '参考分值'], role: 'weight' },
      // 一级│分值│二级│分值│三级│分值: a 分值 right after a level column is that level's weight.
      { labels: ['分值', '权重', '标准分'], role: 'level1Weight' },
      { labels: ['分值', '权重', '标准分'], role: 'level2Weight' },
      { labels: ['得分', '评分', '评价得分'], role: 'score' },
      { labels: ['扣分原因', '评价意见', '备注'], role: 'deviation' },
      ...COMMON_INDICATOR_COLUMNS,
    ],
    totalLabels: ['合计', '总分', '总计'],
    hierarchy: 'free',
  },
  checks: [
    'total.weight', 'total.score', 'category.weight', 'score.exceedsWeight', 'target.unmetFullScore',
    'grade.mismatch', 'deviation.missing',
  ],
});
