import type { FieldRule, IndicatorTable } from '../src/forms/definition.js';

/** Header fields every family shares. */
export const COMMON_FIELDS: readonly FieldRule[] = Object.freeze([
  { labels: ['项目名称', '项目支出名称', '项目(政策)名称', '政策(项目)名称', '二级项目名称', '项目名称(政策)'], path: 'projectName' },
  { labels: ['主管部门', '主管单位', '主管部门(单位)', '主管部门名称', '主管部门及代码'], path: 'department' },
  { labels: ['实施单位', '项目实施单位', '预算单位', '实施单位(盖章)', '预算单位(盖章)', '项目单位', '实施单位名称'], path: 'implementingUnit' },
  { labels: ['绩效等级', '评价等级', '自评等级', '等级'], path: 'grade' },
  { labels: ['金额单位', '单位'], path: 'amountUnit' },
]);

/** Labels printed beside a value on many forms; their values go to `extra`. */
export const COMMON_EXTRA_LABELS: readonly string[] = Object.freeze([
  '项目负责人', '联系电话', '联系人', '具体实施处(科室)', '是否为经常性项目', '自评时间', '主要绩效', '主要问题',
  '改进措施', '项目性质', '项目类别', '计划开始日期', '计划完成日期', '项目期限', '填表人', '填表日期',
  '单位负责人签字', '单位负责人', '审核人', '财务负责人', '项目属性', '资金用途', '评价机构', '评价时间',
  '项目实施内容及过程概述', '评价结论', '存在问题', '自评结论', '项目概况', '自评得分', '财政审核评分', '填报人',
  '填报日期', '审核日期', '联系方式',
]);

/**
 * Indicator columns real forms add beside the contract fields, the same in every family: a column
 * is either mapped (指标性质 gives a target its comparator, 度量单位 its unit) or dropped on purpose
 * (序号); any other printed header is kept under the indicator's `extra`.
 */
export const COMMON_INDICATOR_COLUMNS: IndicatorTable['columns'] = Object.freeze([
  { labels: ['指标性质', '指标属性', '指标方向', '指标类型'], role: 'nature' },
  { labels: ['度量单位', '计量单位', '指标单位', '单位'], role: 'unit' },
  { labels: ['序号', '编号'], role: 'ignore' },
]);

export const COMMON_NOTE_LABELS: readonly string[] = Object.freeze(['备注', '说明', '注', '填表说明']);
