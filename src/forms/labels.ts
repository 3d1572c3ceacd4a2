import { foldFullWidth, normalizeLabel, removeWhitespace } from '../normalize/text.js';
import type { AmountUnit } from '../normalize/number.js';

const UNIT_PAREN = /[(（]\s*(万元|元|%|％|百分比)\s*[)）]/g;
/**
 * What real headers add in parentheses without changing the column: a formula letter (`全年预算数(A)`,
 * `执行率(B/A)`, `执行率(B/A×100%)`), a weight or a points unit (`预算执行情况(10分)`, `分值(分)`).
 */
const NOTE_PAREN = /[(（]\s*(?:[A-Za-zＡ-Ｚａ-ｚ](?:\s*[/／÷]\s*[A-Za-zＡ-Ｚａ-ｚ])?(?:\s*[×*xX]\s*100\s*[%％])?|\d+(?:\.\d+)?\s*分|分)\s*[)）]/g;
/** Numbering before a label: `1.项目年度目标完成情况`, `（一）`, `二、`. */
const NUMBERING = /^(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十\d]{1,2}\s*[.．、](?!\d))\s*/;

/**
 * The key a printed label is compared by: whitespace, a trailing colon, a `其中：` prefix, numbering, and
 * a unit, formula letter or weight in parentheses removed, full-width folded. `项目资金 (元)`,
 * `当年预算数（元）：` and `执行率(B/A)` become `项目资金`, `当年预算数` and `执行率`.
 */
export function labelKey(text: string): string {
  let key = labelKeys.get(text);
  if (key === undefined) {
    key = normalizeLabel(removeWhitespace(text).replace(UNIT_PAREN, '').replace(NOTE_PAREN, '').replace(NUMBERING, ''))
      .replace(/^其中[:：]?/, '')
      .replace(/[（]/g, '(')
      .replace(/[）]/g, ')');
    if (labelKeys.size >= MAX_LABEL_KEYS) labelKeys.clear();
    labelKeys.set(text, key);
  }
  return key;
}

/**
 * The forms stage asks for the key of the same cell texts many times over (every row against every
 * label family): keys already made are kept, up to a bound that a batch of any length cannot outgrow.
 */
const labelKeys = new Map<string, string>();
const MAX_LABEL_KEYS = 20_000;

/** The money unit a label prints in parentheses, if any: `项目资金(万元)` → 万元. */
export function unitInLabel(text: string): AmountUnit | null {
  const s = removeWhitespace(text);
  if (/\d/.test(s.replace(UNIT_PAREN, ''))) return null;
  const m = /[(（](万元|元)[)）]/.exec(s);
  return m ? (m[1] as AmountUnit) : null;
}

/** A unit written as a value (`单位：万元`, `金额单位：元`). */
export function unitValue(text: string): AmountUnit | null {
  const s = foldFullWidth(removeWhitespace(text));
  return s === '万元' || s === '元' ? s : null;
}

export function keySet(labels: readonly string[]): Set<string> {
  return new Set(labels.map(labelKey));
}

/** `投入与管理 (36分)` → name `投入与管理`, weight `36`; a label without a weight → weight null. */
export function splitWeightedLabel(text: string): { name: string; weight: string | null } {
  const s = removeWhitespace(text);
  const m = /^(.*?)[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/.exec(foldFullWidth(s));
  if (m && m[1]) return { name: s.slice(0, m[1].length), weight: m[2]! };
  return { name: s, weight: null };
}
