import type { Measure, Op } from '../schema/record.js';
import { foldFullWidth, removeWhitespace } from './text.js';
import { parseDecimal } from './number.js';

/** Comparator words and signs, longest first so `大于等于` wins over `大于`. */
const PREFIX_OPS: Array<[string, Op]> = [
  ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
  ['小于或等于', '<='], ['小于等于', '<='], ['不超过', '<='], ['不高于', '<='], ['不多于', '<='], ['不大于', '<='], ['最多', '<='],
  ['≥', '>='], ['>=', '>='], ['=>', '>='], ['≧', '>='], ['≤', '<='], ['<=', '<='], ['=<', '<='], ['≦', '<='],
  ['大于', '>'], ['超过', '>'], ['高于', '>'], ['多于', '>'], ['>', '>'],
  ['小于', '<'], ['低于', '<'], ['少于', '<'], ['<', '<'],
  ['等于', '='], ['==', '='], ['=', '='],
];
/** Words after the number: `95%以上`, `3天以内`. */
const SUFFIX_OPS: Array<[string, Op]> = [
  ['及以上', '>='], ['或以上', '>='], ['以上', '>='], ['及以下', '<='], ['或以下', '<='], ['以下', '<='], ['以内', '<='],
  ['之内', '<='], ['内', '<='],
];

/** Units recognised after a number, longest first. */
const UNITS = [
  '个工作日', '工作日', '个小时', '个月', '万平方米', '平方米', '批次', '件次', '人次', '户次', '万人', '万元', '万册', '万份', '平米', '公里', '小时', '分钟',
  '%', '‰', '元', '家', '次', '人', '个', '套', '批', '米', '月', '年', '天', '日', '户', '件', '项', '份', '册',
  '张', '台', '场', '篇', '条', '所', '间', '辆', '座', '亩', '吨', '本', '期', '周', '盏', '处', '宗', '株', '棵', '起', '例', '部', '类', '门', '分', '万',
];

/** A number; a comma only groups thousands (`12,000`), otherwise it ends the number (`10，且…`). */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g;

/**
 * A target or actual cell: `大于等于95%` → {op ">=", value "95", unit "%"}; `≥80.00(%)` →
 * {op ">=", value "80.00", unit "%"}; `优`, `按时` → op and value null. `text` is the printed text
 * without whitespace.
 */
export function parseMeasure(raw: string | null | undefined): Measure | null {
  if (raw == null) return null;
  const text = removeWhitespace(raw);
  if (text === '' || /^[—–\-－/／]+$/.test(text)) return null;
  const s = foldFullWidth(text).replace(/（/g, '(').replace(/）/g, ')');
  const numbers = [...s.matchAll(NUMBER)];
  const pick = chooseNumber(s, numbers);
  if (!pick) return { text, op: null, value: null, unit: null };
  const start = pick.index!;
  const end = start + pick[0].length;
  const value = parseDecimal(pick[0]);
  const before = s.slice(0, start);
  let after = s.slice(end);
  let unit: string | null = null;
  const paren = /^\((%|‰)\)/.exec(after);
  if (paren) {
    unit = paren[1]!;
    after = after.slice(paren[0].length);
  } else {
    unit = UNITS.find((u) => after.startsWith(u)) ?? null;
    if (unit) after = after.slice(unit.length);
    else unit = measureWord(after);
    // A rate unit is one unit (`元/公里`, `万元/公里`), not money.
    const per = unit ? /^[/／][\u4e00-\u9fffA-Za-z²³㎡]{1,6}/.exec(after) : null;
    if (per) {
      unit += per[0];
      after = after.slice(per[0].length);
    }
  }
  let op: Op | null = null;
  const prefix = PREFIX_OPS.find(([word]) => before.endsWith(word));
  if (prefix) op = prefix[1];
  else {
    const suffix = SUFFIX_OPS.find(([word]) => after.startsWith(word));
    if (suffix) op = suffix[1];
  }
  return { text, op, value, unit };
}

/**
 * A unit not in the list: a short run of Han characters that ends the cell right after the number
 * (`0起`, `3320盏`), as long as it is not a comparator word (`以上`).
 */
function measureWord(after: string): string | null {
  if (!/^[\u4e00-\u9fff]{1,2}$/.test(after)) return null;
  return SUFFIX_OPS.some(([word]) => word === after) ? null : after;
}

/**
 * Which number a cell is about. One number: that one. Several (`2023年完成95%`): the first that
 * has a comparator before it or a unit after it, else none; a sentence full of numbers is qualitative.
 */
function chooseNumber(s: string, numbers: RegExpMatchArray[]): RegExpMatchArray | null {
  if (numbers.length === 0) return null;
  if (numbers.length === 1) return numbers[0]!;
  for (const n of numbers) {
    const before = s.slice(0, n.index);
    if (PREFIX_OPS.some(([word]) => before.endsWith(word))) return n;
  }
  const withPercent = numbers.filter((n) => /^\(?%/.test(s.slice(n.index! + n[0].length)));
  return withPercent.length === 1 ? withPercent[0]! : null;
}

/** A comparator printed alone (a 指标性质 column: `≥`, `大于等于`, `=`); null for anything else (`正向`). */
export function comparatorOf(text: string): Op | null {
  const s = foldFullWidth(removeWhitespace(text));
  return PREFIX_OPS.find(([word]) => word === s)?.[1] ?? (s === '≧' ? '>=' : s === '≦' ? '<=' : null);
}
