import { foldFullWidth, removeWhitespace } from '../normalize/text.js';

/** An annex prefix before a title: `附件1：`, `附件：`, `附表2`, `附件2-3、`. */
export const ANNEX_PREFIX = /^附[件表][\d一二三四五六七八九十]*(?:[-－]\d+)?[:：、.．]?/;

/** A year or period in parentheses after a title: `(2023年度)`, `（2021年）`, `(2023年度绩效自评)`. */
const YEAR_SUFFIX = /[(（【\[]\s*\d{4}\s*年[^()（）]{0,8}[)）】\]]$/;

/**
 * The words a title is matched by: whitespace and an annex prefix removed, and a year in parentheses
 * after it (`部门预算项目支出绩效自评表(2023年度)` → `部门预算项目支出绩效自评表`). A year and unit before
 * the title words stay: the family patterns match the end of the title.
 */
export function titleWords(text: string): string {
  return foldFullWidth(removeWhitespace(text)).replace(ANNEX_PREFIX, '').replace(YEAR_SUFFIX, '');
}
