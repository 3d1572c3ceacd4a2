/**
 * What a recognized text line says: the two models' readings combined (chi_sim for text, eng
 * limited to number characters for numbers), specks dropped, and the text cleaned.
 */
import { HAN } from '../layout/join-text.js';
import { crop, type Gray, type PixelBox } from './raster.js';
import { fromWords, settleAll, type Recognized, type TesseractPool } from './tesseract-pool.js';

/** How much less sure than chi_sim the eng reading of a number may be and still be taken. */
const NUMBER_MARGIN = 0.5;
/** How sure the number model must be of a line chi_sim read as nothing. */
const LONE_DIGIT_SURE = 0.6;
/** Under this, chi_sim's reading of a short line says nothing about it. */
const UNSURE_READING = 0.3;

/**
 * One text line (`box`: where it is on the page image, pixels) read by chi_sim, and by the number
 * model where chi_sim is weak: a line that reads as a number (mostly digits) is read again by eng
 * limited to number characters, whose reading is kept unless far less sure; a line chi_sim reads as
 * nothing or as one or two unsure characters may be a lone digit; `≥` and `9%` have rules of their own.
 * `chiReading`: chi_sim's reading of this image when already made.
 */
export async function readLine(img: Gray, box: PixelBox, pool: TesseractPool, chiReading?: Recognized): Promise<Recognized> {
  let result = chiReading ?? (await pool.recognize(img, { mode: 'line' }));
  const thin = thinHan(result.text, box);
  if (!result.text.trim() || (result.confidence < UNSURE_READING && [...result.text.trim()].length <= 2) || thin) {
    // chi_sim reads some lone digits as nothing, or as a character it is unsure of (a 4 in a
    // weight column as 下 at 0): the number model may see one.
    const number = await pool.recognize(img, { mode: 'line', lang: 'eng' });
    // Digits are narrow: a square box holds a Han character (是 is not a 2).
    const narrow = box[2] - box[0] <= 0.8 * [...number.text].length * (box[3] - box[1]);
    if (number.confidence >= LONE_DIGIT_SURE && narrow) result = number;
    else if (thin) result = { text: '', confidence: 0, words: [] };
  } else if (looksNumeric(result.text)) {
    const number = await pool.recognize(img, { mode: 'line', lang: 'eng' });
    const atLeast = greaterOrEqual(result.text, number.text);
    // The specialist wins unless it is far less sure: chi_sim is often confident about `1009%`.
    if (atLeast !== null) result = { ...number, text: atLeast };
    else if (number.text && number.confidence > result.confidence - NUMBER_MARGIN) result = number;
  } else if (result.words.some((w) => PERCENT_NINE.test(w.text))) result = await dropPercentNine(result, img, pool);
  return dropUnsurePunctuation(result);
}

/**
 * One Han character read from ink far narrower than high: no Han character is that thin (a seal's
 * remnant in a weight cell read as 下 at 0.40), though a digit 1 can be.
 */
export function thinHan(text: string, box: PixelBox): boolean {
  return /^[\u3400-\u9fff]$/.test(text.trim()) && box[2] - box[0] < THIN * (box[3] - box[1]);
}

const THIN = 0.3;

/**
 * A speck at a line's end (a seal's edge, a rule's remnant) is read as a comma or a quote the
 * recognizer is unsure of (0.08, where a printed comma at a wrapped line's end reads at 0.67–0.74);
 * inside a line, as an unsure quote mark.
 */
export function dropUnsurePunctuation(result: Recognized): Recognized {
  const words = [...result.words];
  const speck = (w: Recognized['words'][number] | undefined) => w !== undefined && w.confidence < UNSURE_PUNCTUATION && /^[，、,.。'’‘"“”`·]+$/.test(w.text);
  while (speck(words[words.length - 1])) words.pop();
  while (speck(words[0])) words.shift();
  // A lone, unsure quote mark inside a line is a speck too (`15973703588 ”单位负责人`).
  const kept = words.filter((w) => !(w.confidence < UNSURE_PUNCTUATION && /^[“”"]$/.test(w.text)));
  return kept.length === result.words.length ? result : fromWords(kept);
}

const UNSURE_PUNCTUATION = 0.5;

/**
 * `≥` before a number, which neither model reads as such: chi_sim reads it as `>`, `2>` or `关`, the
 * number model (which has no `≥`) as a `2` in front of the same number (`≥90.00(%)` → `>90.00(%)`
 * and `290.00(%)`). When the two agree on the number after it, the line is `≥` and the number
 * model's reading. A plain `>` the number model reads as `>`.
 */
export function greaterOrEqual(chi: string, eng: string): string | null {
  const sign = /^\s*(?:≥|2?\s*>|关)\s*(\d[\d.,]*)/.exec(chi);
  const two = /^\s*2\s*>?\s*(\d[\d.,]*)(.*)$/.exec(eng);
  if (!sign || !two || sign[1] !== two[1]) return null;
  return `≥${two[1]}${two[2]!.trim()}`;
}

/**
 * chi_sim often reads a percent sign after digits as `9%` (`大于等于959%` for 95%). Such a number in
 * a line of text is read again by the eng model from its word box; the 9 is dropped only when that
 * reading is the same number without it. (Taking the eng reading of words outright was tried: word
 * boxes cut digits off, and 2024.5.17 became 024.5.17.)
 */
async function dropPercentNine(result: Recognized, line: Gray, pool: TesseractPool): Promise<Recognized> {
  const words = await settleAll(
    result.words.map(async (w) => {
      if (!PERCENT_NINE.test(w.text)) return w;
      const pad = Math.round(0.3 * (w.box[3] - w.box[1]));
      const number = await pool.recognize(crop(line, w.box, pad), { mode: 'line', lang: 'eng' });
      const without = w.text.replace(PERCENT_NINE, '$1%');
      return number.text.replace(/\s+/g, '') === without ? { ...w, text: without, confidence: Math.min(w.confidence, number.confidence) } : w;
    }),
  );
  return fromWords(words);
}

const PERCENT_NINE = /(\d)9%$/;

/**
 * Mostly digits and number punctuation (stray letters are what the second reading fixes). Han
 * characters chi_sim reads for a lone digit count as digits: 了 (7), 〇 (0), 丨 (1), 乙 (2).
 */
export function looksNumeric(text: string): boolean {
  const t = text.replace(/\s/g, '');
  // Other Han characters (2023年度, 100万元) are text the number model cannot read.
  // A leading 关 is how chi_sim reads ≥ (see greaterOrEqual).
  if (!/[\d了〇丨乙]/.test(t) || /[\u3400-\u9fff]/.test(t.replace(/^关/, '').replace(/[了〇丨乙]/g, ''))) return false;
  const numeric = [...t].filter((ch) => /[\d.,%\-=<>≥≤了〇丨乙]/.test(ch)).length;
  return numeric >= 0.6 * t.length;
}

/**
 * One line of recognized text: whitespace between Han characters removed, look-alike brackets
 * mended, specks at its ends dropped. `wraps`: the cell's text goes on below this line.
 */
export function cleanText(text: string, wraps = false): string {
  const oneLine = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/〈/g, '（')
    .replace(/〉/g, '）')
    // Specks at either end of a line (noise, a seal's edge) come out as commas and quotes, and what is
    // left of a rule as a bar; no cell starts with one (an opening quote excepted), nor ends with one
    // (a closing quote excepted, and a full-width comma where the cell's text goes on below).
    .replace(/^[，,、'’`"”.·|_]+/, '')
    .replace(wraps ? END_SPECK_WRAPPED : END_SPECK, '$1$2')
    // chi_sim reads a lone percent sign in brackets as 9% (`预算执行率(9%)`).
    .replace(/([\u4e00-\u9fff]\s*[(（])9%([)）])/g, '$1%$2')
    // A closing quote with no opening one is a speck too (`15973703588”`), at the line's end or
    // after a number before the next words (`15973703588 ”单位负责人签字`, a seal's edge).
    .replace(/^([^“"]*)[”"]$/, '$1')
    .replace(STRAY_CLOSE_QUOTE, (quote: string, digit: string, at: number, line: string) => (/[“"]/.test(line.slice(0, at)) ? quote : digit))
    .trim();
  return oneLine
    // A full stop after Chinese text is often read as a Latin D or O.
    .replace(/([\u4e00-\u9fff])\s*(?:C?D|[Oo])$/, '$1。')
    .replace(SPACE_AFTER_HAN, '$1')
    .replace(SPACE_BEFORE_HAN, '$1')
    .replace(/\s{2,}/g, ' ')
    // A money unit whose opening bracket was lost (`项目资金元)`): brackets are always in pairs.
    .replace(/^([^(（]*[^(（\s])(万元|元)\s*([)）])/, (_, before: string, unit: string, close: string) => `${before}${close === ')' ? '(' : '（'}${unit}${close}`);
}

const STRAY_CLOSE_QUOTE = /(\d)\s*[”"](?=\s*(?:[\u4e00-\u9fff]|$))/g;

/**
 * Specks ending a line; a number ends with a digit or a percent sign too (`12,`). Where the cell's
 * text goes on below, a full-width comma is the text's own, and so is a comma after digits (`1,234,` / `567`).
 */
const END_SPECK = /(?:([^\d])[，、,'‘`"“·|_]+|(\d)[,，]+)$/;
const END_SPECK_WRAPPED = /([^\d])[,'‘`"“·|_]+$/;

/** A space after a Han character before another (or a number or bracket), and after a number before one. */
const SPACE_AFTER_HAN = new RegExp(`(${HAN.source})\\s+(?=${HAN.source}|[\\d(（])`, 'g');
const SPACE_BEFORE_HAN = new RegExp(`([\\d)）%])\\s+(?=${HAN.source})`, 'g');

