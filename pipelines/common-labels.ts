import type { FieldRule } from '../src/forms/definition.js';

/** Header fields every family shares. */
export const COMMON_FIELDS: readonly FieldRule[] = Object.freeze([
  { labels: ['项目名称', '项目支出名称', '项目(政策)名称', '二级项目名称'], path: 'projectName' },
  { labels: ['主管部门', '主管单位', '主管部门(单位)'], path: 'department' },
  { labels: ['实施单位', '项目实施单位', '预算单位'], path: 'implementingUnit' },
  { labels: ['绩效等级', '评价等级', '自评等级', '等级'], path: 'grade' },
  { labels: ['金额单位', '单位'], path: 'amountUnit' },
]);

/** Labels printed beside a value on many forms; their values go to `extra`. */
export const COMMON_EXTRA_LABELS: readonly string[] = Object.freeze([
  '项目负责人', '联系电话', '联系人', '具体实施处(科室)', '是否为经常性项目', '自评时间', '主要绩效', '主要问题',
  '改进措施', '项目性质', '项目类别', '计划开始日期', '计划完成日期', '项目期限', '填表人', '填表日期',
  '单位负责人签字', '单位负责人', '审核人', '财务负责人', '项目属性', '资金用途', '评价机构', '评价时间',
]);

export const COMMON_NOTE_LABELS: readonly string[] = Object.freeze(['备注', '说明', '注', '填表说明']);
