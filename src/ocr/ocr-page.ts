import type { PageContent, Segment, TextRun } from '../pdf/page-content.js';
import { mergeSegments } from '../layout/segments.js';
import { findRuledTables } from '../layout/ruled-tables.js';
import { binarize, crop, otsuThreshold, resize, rotate, type Gray, type PixelBox } from './raster.js';
import { estimateCharSize } from './text-size.js';
import { estimateSkew } from './deskew.js';
import { findRasterRules, type RasterRule } from './raster-rules.js';
import { findTextLines } from './text-lines.js';
import type { Recognized, TesseractPool } from './tesseract-pool.js';

/** How the page image was turned to read it: undo `skew`, then `quarter` counter-clockwise quarter turns. */
export interface PageTransform {
  /** Degrees the content was turned counter-clockwise on the page (undone before reading). */
  skew: number;
  /** Counter-clockwise quarter turns applied after deskewing (0..3): 1 reads a page scanned sideways. */
  quarter: number;
  /** Pixels per point of the image read. */
  scale: number;
  /** Size of the image as rendered (pixels), before any turn. */
  imageWidth: number;
  imageHeight: number;
}

export interface OcrPage {
  /** Runs (each with a confidence) and rules in points, in the frame of the upright, deskewed image. */
  content: PageContent;
  transform: PageTransform;
  /** Recognitions made (text lines read), for speed figures. */
  lines: number;
}

/** Points of paper kept around a line image: tesseract reads better with a margin. */
const PAD = 8;
/** Character size (pixels) text is read at: tesseract's LSTM reads best around here. */
const CHAR_PX = 36;
/** Confidence at or above which a reading is taken without trying the other way up. */
const SURE = 0.8;
/** A number read with less confidence than this is read again by the eng model. */
const NUMBER_SURE = 0.9;

/**
 * Reads one page image: deskew (±5°), orientation (0/90/180/270), raster ruling lines → cell grids
 * (the layout stage's own grid builder, spans included), then every text line of every cell — and
 * every line outside the grids — recognized on its own (single-line mode), numbers again with a
 * digits-only alphabet when in doubt. Returns the page as the layout stage takes it: runs with boxes
 * and confidences, and the rules, so grids, wrapped cells and cross-page joins work as for
 * text-layer pages.
 */
export async function ocrPage(pageNumber: number, source: Gray, renderScale: number, pool: TesseractPool): Promise<OcrPage> {
  let image = source;
  let scale = renderScale;
  let ink = binarize(image);
  // Characters are brought to about CHAR_PX pixels whatever the page's declared size and resolution.
  const found = estimateCharSize(ink, image.width, image.height);
  let charSize = found ?? CHAR_PX;
  const factor = found === null ? 1 : found > 1.4 * CHAR_PX ? CHAR_PX / found : found < 0.7 * CHAR_PX ? Math.min(2.5, CHAR_PX / found) : 1;
  if (factor !== 1) {
    image = resize(image, factor);
    scale *= factor;
    charSize *= factor;
    ink = binarize(image);
  }
  const [imageWidth, imageHeight] = [image.width, image.height];
  const skew = estimateSkew(ink, image.width, image.height);
  if (Math.abs(skew) >= 0.05) {
    image = rotate(image, -skew);
    ink = binarize(image, otsuThreshold(image));
  }
  let quarter = 0;
  let read = analyse(image, ink, scale, charSize, pageNumber);
  const upright = await chooseOrientation(read, pool);
  if (upright !== 0) {
    quarter = upright;
    image = rotate(image, 90 * quarter);
    ink = binarize(image, otsuThreshold(image));
    read = analyse(image, ink, scale, charSize, pageNumber);
  }
  const runs = await readLines(read, pool);
  const content: PageContent = {
    page: pageNumber,
    width: image.width / scale,
    height: image.height / scale,
    rotate: 0,
    runs,
    segments: read.segments,
    textLayer: 'ok',
  };
  return { content, transform: { skew, quarter, scale, imageWidth, imageHeight }, lines: read.lines.length };
}

interface Analysis {
  image: Gray;
  scale: number;
  segments: Segment[];
  /** Text lines to read (pixel boxes), with whether they sit in a grid cell. */
  lines: Array<{ box: PixelBox; inCell: boolean }>;
}

/** Rules and text lines of an upright (or candidate) image; the rules are erased from what is read. */
function analyse(image: Gray, ink: Uint8Array, scale: number, charSize: number, page: number): Analysis {
  const found = findRasterRules(ink, image.width, image.height, { scale, charSize });
  // Rules that are a grid's, or long enough to be no stroke of any character (a heading's bold
  // strokes can outrun body text), are the page's rules; the rest stay as text.
  const candidates = mergeSegments(found.map((r) => r.segment));
  // A grid smaller than a few characters is the strokes of a character (目, 田), not a table.
  const grids = findRuledTables(page, candidates, []).filter(
    (t) => t.rows * t.cols > 1 && (t.box[2] - t.box[0]) * scale >= 3 * charSize && (t.box[3] - t.box[1]) * scale >= 1.2 * charSize,
  );
  const near = (r: RasterRule) => {
    const s = r.segment;
    const [x0, y0, x1, y1] = s.dir === 'h' ? [s.from, s.at, s.to, s.at] : [s.at, s.from, s.at, s.to];
    const tol = 3;
    return grids.some((t) => x0 >= t.box[0] - tol && x1 <= t.box[2] + tol && y0 >= t.box[1] - tol && y1 <= t.box[3] + tol);
  };
  const rules = found.filter((r) => near(r) || (r.segment.to - r.segment.from) * scale >= 5 * charSize);
  const segments = mergeSegments(rules.map((r) => r.segment));
  const clean = { ...image, data: image.data.slice() };
  const cleanInk = ink.slice();
  for (const rule of rules) {
    paint(clean.data, image.width, rule, scale, 255);
    paint(cleanInk, image.width, rule, scale, 0);
  }
  const px = (b: readonly number[]): PixelBox => [b[0]! * scale, b[1]! * scale, b[2]! * scale, b[3]! * scale];
  const cellBoxes = grids.flatMap((t) => t.cells.map((c) => px(c.box!)));
  // Text outside every grid: titles, units, dates, and tables drawn without rules.
  const outside = ink.slice();
  for (const t of grids) {
    const [x0, y0, x1, y1] = px(t.box).map(Math.round) as PixelBox;
    for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) outside.fill(0, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
  }
  for (const rule of rules) paint(outside, image.width, rule, scale, 0);
  const find = (mask: Uint8Array, boxes: PixelBox[], lineHeight: number) =>
    boxes.flatMap((b) => findTextLines(mask, image.width, clip(b, image), { lineHeight }));
  const whole: PixelBox = [0, 0, image.width, image.height];
  let lineHeight = charSize;
  const first = [...find(cleanInk, cellBoxes, lineHeight), ...find(outside, [whole], lineHeight)];
  const heights = first.map((b) => b[3] - b[1]).filter((h) => h >= 0.5 * lineHeight && h <= 2.5 * lineHeight).sort((a, b) => a - b);
  if (heights.length >= 5) lineHeight = heights[heights.length >> 1]!;
  const lines = [
    ...find(cleanInk, cellBoxes, lineHeight).map((box) => ({ box, inCell: true })),
    ...find(outside, [whole], lineHeight).map((box) => ({ box, inCell: false })),
  ];
  return { image: clean, scale, segments, lines };
}

function clip(b: PixelBox, image: Gray): PixelBox {
  const x0 = Math.max(0, Math.round(b[0]));
  const y0 = Math.max(0, Math.round(b[1]));
  return [x0, y0, Math.max(x0, Math.min(image.width, Math.round(b[2]))), Math.max(y0, Math.min(image.height, Math.round(b[3])))];
}

/** Paints a rule (and a pixel either side) with `value`: paper in the image, no ink in a mask. */
function paint(data: Uint8Array, width: number, rule: RasterRule, scale: number, value: number): void {
  const height = data.length / width;
  const [a, b] = [Math.max(0, rule.across[0] - 1), rule.across[1] + 1];
  const from = Math.max(0, Math.floor(rule.segment.from * scale) - 1);
  const to = Math.ceil(rule.segment.to * scale) + 1;
  if (rule.segment.dir === 'h') {
    for (let y = a; y <= Math.min(b, height - 1); y++) data.fill(value, y * width + from, y * width + Math.min(width, to));
  } else {
    for (let y = from; y < Math.min(height, to); y++) data.fill(value, y * width + a, y * width + Math.min(width, b + 1));
  }
}

/**
 * Quarter turns (counter-clockwise) that make the page upright. Lines of a page scanned sideways
 * come out taller than wide; then the two sideways turns are tried, otherwise upright and upside
 * down: a few of the widest lines are read each way and the more confident reading wins.
 */
async function chooseOrientation(read: Analysis, pool: TesseractPool): Promise<number> {
  const boxes = read.lines.map((l) => l.box);
  if (boxes.length === 0) return 0;
  const wide = boxes.filter((b) => b[2] - b[0] >= 1.5 * (b[3] - b[1])).length;
  const tall = boxes.filter((b) => b[3] - b[1] >= 1.5 * (b[2] - b[0])).length;
  const sideways = tall > wide;
  const candidates = sideways ? [1, 3] : [0, 2];
  const sample = [...boxes]
    .sort((a, b) => Math.max(b[2] - b[0], b[3] - b[1]) - Math.max(a[2] - a[0], a[3] - a[1]))
    .slice(0, 3)
    .map((b) => crop(read.image, b, Math.round(PAD * 0.5 * read.scale)));
  const score = async (quarter: number) => {
    const results = await Promise.all(sample.map((img) => pool.recognize(rotate(img, 90 * quarter), { mode: 'line' })));
    return results.reduce((s, r) => s + r.confidence, 0) / results.length;
  };
  const first = await score(candidates[0]!);
  if (first >= SURE) return candidates[0]!;
  const second = await score(candidates[1]!);
  return second > first ? candidates[1]! : candidates[0]!;
}

/** Characters of a number as forms print it: amounts, rates, targets such as `>=95%`. */
const NUMBER_ALPHABET = '0123456789.,%-+=<>';

/**
 * Every text line recognized on its own. A line that reads as a number (mostly digits) and is not
 * sure is read again by the eng model limited to number characters; the surer reading is kept.
 */
async function readLines(read: Analysis, pool: TesseractPool): Promise<TextRun[]> {
  const pad = Math.round(PAD * 0.5 * read.scale);
  const runs = await Promise.all(
    read.lines.map(async ({ box }) => {
      const img = crop(read.image, box, pad);
      let result = await pool.recognize(img, { mode: 'line' });
      if (looksNumeric(result.text) && result.confidence < NUMBER_SURE) {
        const number = await pool.recognize(img, { mode: 'line', lang: 'eng', alphabet: NUMBER_ALPHABET });
        if (number.text && number.confidence > result.confidence) result = number;
      }
      return toRun(result, box, read.scale);
    }),
  );
  return runs.filter((r): r is TextRun => r !== null);
}

/** Mostly digits and number punctuation (stray letters are what the second reading fixes). */
function looksNumeric(text: string): boolean {
  const t = text.replace(/\s/g, '');
  if (!/\d/.test(t)) return false;
  const numeric = [...t].filter((ch) => /[\d.,%\-=<>≥≤]/.test(ch)).length;
  return numeric >= 0.6 * t.length;
}

function toRun(result: Recognized, box: PixelBox, scale: number): TextRun | null {
  let text = cleanText(result.text);
  if (!text) return null;
  // A full stop wrapped onto a line of its own comes out as a lone, narrow D or O.
  if (/^[DOo]$/.test(text) && box[2] - box[0] < 0.7 * (box[3] - box[1])) text = '。';
  const b: [number, number, number, number] = [box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale];
  return { text, box: b, size: (box[3] - box[1]) / scale, confidence: Math.round(result.confidence * 100) / 100 };
}

/** One line of recognized text: whitespace between Han characters removed, look-alike brackets mended. */
export function cleanText(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').replace(/〈/g, '（').replace(/〉/g, '）').trim();
  return oneLine
    // A full stop after Chinese text is often read as a Latin D or O.
    .replace(new RegExp(`([\\u4e00-\\u9fff])\\s*[DOo]$`), "$1。")
    .replace(new RegExp(`([${HAN}])\\s+(?=[${HAN}\\d(（])`, 'g'), '$1')
    .replace(new RegExp(`([\\d)）%])\\s+(?=[${HAN}])`, 'g'), '$1')
    .replace(/\s{2,}/g, ' ');
}

const HAN = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
