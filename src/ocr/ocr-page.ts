import type { PageContent, Segment, TextRun } from '../pdf/page-content.js';
import { mergeSegments, SAME_LINE } from '../layout/segments.js';
import { findRuledTables } from '../layout/ruled-tables.js';
import { binarize, crop, otsuThreshold, resize, rotate, type Gray, type PixelBox } from './raster.js';
import { estimateCharSize } from './text-size.js';
import { estimateSkew } from './deskew.js';
import { findRasterRules, mendBrokenRules, type RasterRule } from './raster-rules.js';
import { findTextLines } from './text-lines.js';
import { settleAll, type Recognized, type TesseractPool } from './tesseract-pool.js';
import { cleanText, readLine } from './read-line.js';

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
/**
 * Below this confidence a line of up to SECOND_LOOK_CHARS characters is read a second time, from
 * the image before whitening. Measured on the four seed scans (one worker): lines up to 8
 * characters, 3.59 s/page, F1 0.983/0.988/0.974/0.972; up to 24, 3.75 s/page, 0.982/0.988/0.981/0.974;
 * every line, 4.20 s/page, 0.982/0.988/0.983/0.974.
 */
const SECOND_LOOK = 0.5;
const SECOND_LOOK_CHARS = 24;
/** Mean character confidence of the sampled lines at or above which a page is taken as upright without trying it upside down. */
const SURE = 0.8;

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
  let threshold = otsuThreshold(image);
  let ink = binarize(image, threshold);
  // Characters are brought to about CHAR_PX pixels whatever the page's declared size and resolution.
  const found = estimateCharSize(ink, image.width, image.height);
  let charSize = found ?? CHAR_PX;
  const factor = found === null ? 1 : found > 1.4 * CHAR_PX ? CHAR_PX / found : found < 0.7 * CHAR_PX ? Math.min(2.5, CHAR_PX / found) : 1;
  if (factor !== 1) {
    image = resize(image, factor);
    scale *= factor;
    charSize *= factor;
    threshold = otsuThreshold(image);
    ink = binarize(image, threshold);
  }
  const [imageWidth, imageHeight] = [image.width, image.height];
  const skew = estimateSkew(ink, image.width, image.height);
  if (Math.abs(skew) >= 0.05) {
    image = rotate(image, -skew);
    threshold = otsuThreshold(image);
    ink = binarize(image, threshold);
  }
  let quarter = 0;
  let read = analyse(image, ink, threshold, scale, charSize, pageNumber);
  // Sideways: lines of a page read across its printed lines are single characters, about square.
  if (medianAspect(read) < 1.6) {
    const turned = rotate(image, 90);
    const other = analyse(turned, binarize(turned, threshold), threshold, scale, charSize, pageNumber);
    if (medianAspect(other) > medianAspect(read)) [quarter, image, read] = [1, turned, other];
  }
  // Upside down (either way): the recognizer is much less sure of text read upside down.
  const turn = await orientation(read, pool);
  let readings = turn.readings;
  if (turn.upsideDown) {
    quarter += 2;
    image = rotate(image, 180);
    read = analyse(image, binarize(image, threshold), threshold, scale, charSize, pageNumber);
    readings = new Map();
  }
  const runs = await readLines(read, pool, readings);
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
  /** The same image before light pixels were whitened (rules are cut away by cropping to a line). */
  gray: Gray;
  scale: number;
  segments: Segment[];
  /** Text lines to read (pixel boxes): in grid cells, then outside the grids. */
  /** `wraps`: more of its cell's text follows on a line below (a wrapped line may end with a comma). */
  lines: Array<{ box: PixelBox; wraps: boolean }>;
  /** Typical height of a text line, pixels. */
  lineHeight: number;
}

/** Rules and text lines of an upright (or candidate) image; the rules are erased from what is read. */
function analyse(image: Gray, ink: Uint8Array, threshold: number, scale: number, charSize: number, page: number): Analysis {
  const found = findRasterRules(ink, image.width, image.height, { scale, charSize });
  // A grid smaller than a few characters is the strokes of a character (目, 田), not a table.
  const gridsOf = (segments: Segment[]) =>
    findRuledTables(page, segments, []).filter(
      (t) => t.rows * t.cols > 1 && (t.box[2] - t.box[0]) * scale >= 3 * charSize && (t.box[3] - t.box[1]) * scale >= 1.2 * charSize,
    );
  const inside = (grids: Array<{ box: readonly number[] }>, s: Segment) => {
    const [x0, y0, x1, y1] = s.dir === 'h' ? [s.from, s.at, s.to, s.at] : [s.at, s.from, s.at, s.to];
    const tol = 3;
    return grids.some((t) => x0 >= t.box[0]! - tol && x1 <= t.box[2]! + tol && y0 >= t.box[1]! - tol && y1 <= t.box[3]! + tol);
  };
  // Rules of a grid broken under a seal or by a faded stretch are mended (gaps up to about three
  // characters). Only inside grids: elsewhere, mending would join a bold heading's strokes into one.
  const maxGap = (3 * charSize) / scale;
  const mendInGrids = (segments: Segment[], grids = gridsOf(segments)) => [
    ...mendBrokenRules(segments.filter((s) => inside(grids, s)), maxGap),
    ...segments.filter((s) => !inside(grids, s)),
  ];
  const candidates = mendInGrids(mergeSegments(found.map((r) => r.segment)));
  const grids = gridsOf(candidates);
  // Rules that are a grid's, or long enough to be no stroke of any character (a heading's bold
  // strokes can outrun body text), are the page's rules; the rest stay as text.
  // Inside a grid, a horizontal rule meets a column rule at one end at least; one that floats in a
  // cell is the strokes of a bold heading joined by blur (erasing it would strike the heading out).
  const columns = candidates.filter((s) => s.dir === 'v');
  const reach = (0.5 * charSize) / scale;
  const meetsColumn = (s: Segment) =>
    s.dir === 'v' || columns.some((c) => s.at >= c.from - reach && s.at <= c.to + reach && (Math.abs(c.at - s.from) <= reach || Math.abs(c.at - s.to) <= reach));
  // A piece of a rule broken under a seal is judged as the whole (mended) rule it belongs to.
  const mendedRule = (s: Segment) => candidates.find((c) => c.dir === s.dir && Math.abs(c.at - s.at) <= SAME_LINE && c.from <= s.from + 0.5 && c.to >= s.to - 0.5) ?? s;
  const rules = found.filter((r) => (inside(grids, r.segment) && meetsColumn(mendedRule(r.segment))) || (r.segment.to - r.segment.from) * scale >= 5 * charSize);
  // The grids are those found above: the kept rules are theirs (and long rules outside them).
  const segments = mendInGrids(mergeSegments(rules.map((r) => r.segment)), grids);
  const clean = { ...image, data: whiten(image.data, threshold) };
  const cleanInk = ink.slice();
  // Blur spreads a rule past the pixels binarized as ink: a margin goes with it.
  const margin = Math.max(1, Math.round(0.08 * charSize));
  for (const rule of rules) {
    paint(clean.data, image.width, rule, scale, 255, margin);
    paint(cleanInk, image.width, rule, scale, 0, margin);
  }
  const px = (b: readonly number[]): PixelBox => [b[0]! * scale, b[1]! * scale, b[2]! * scale, b[3]! * scale];
  const cellBoxes = grids.flatMap((t) => t.cells.map((c) => px(c.box!)));
  // Text outside every grid: titles, units, dates, and tables drawn without rules.
  const outside = ink.slice();
  for (const t of grids) {
    const [x0, y0, x1, y1] = px(t.box).map(Math.round) as PixelBox;
    for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) outside.fill(0, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
  }
  for (const rule of rules) paint(outside, image.width, rule, scale, 0, margin);
  const find = (mask: Uint8Array, boxes: PixelBox[], lineHeight: number) =>
    boxes.flatMap((b) => findTextLines(mask, image.width, clip(b, image), { lineHeight }));
  const whole: PixelBox = [0, 0, image.width, image.height];
  // Lines are cut twice: first with the character size, then with the median line height that
  // cut gives (a measured line is a better unit than a character for merging and splitting; cutting
  // with the character size alone lost 0.01 F1 on the scanned fixtures).
  let lineHeight = charSize;
  const first = [...find(cleanInk, cellBoxes, lineHeight), ...find(outside, [whole], lineHeight)];
  const heights = first.map((b) => b[3] - b[1]).filter((h) => h >= 0.5 * lineHeight && h <= 2.5 * lineHeight).sort((a, b) => a - b);
  if (heights.length >= 5) lineHeight = heights[heights.length >> 1]!;
  const inCells = cellBoxes.map((cell) => ({ found: find(cleanInk, [cell], lineHeight) }));
  // Every line of a cell but its last goes on below.
  const goesOn = new Set(inCells.flatMap(({ found }) => found.filter((b) => found.some((o) => o[1] >= b[3] - 1))));
  const lines = dropRepeats([...inCells.flatMap((c) => c.found), ...find(outside, [whole], lineHeight)]).map((box) => ({ box, wraps: goesOn.has(box) }));
  return { image: clean, gray: image, scale, segments, lines, lineHeight };
}

/**
 * Light pixels (paper texture, the pink halo a seal leaves, faint rule remnants) become paper; ink
 * keeps its grey levels, which the recognizer uses.
 */
function whiten(data: Uint8Array, threshold: number): Uint8Array {
  const out = new Uint8Array(data.length);
  const paper = Math.min(250, threshold + 0.5 * (255 - threshold));
  for (let i = 0; i < data.length; i++) out[i] = data[i]! >= paper ? 255 : data[i]!;
  return out;
}

/**
 * Each piece of text once: where grids overlap (a rule broken under a seal can leave a cell drawn
 * over its neighbours), the same line is found in two cells. A line mostly inside one already
 * kept (smallest first) is dropped.
 */
export function dropRepeats(boxes: PixelBox[]): PixelBox[] {
  const area = (b: PixelBox) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
  const kept: PixelBox[] = [];
  for (const b of [...boxes].sort((p, q) => area(p) - area(q))) {
    const repeat = kept.some((k) => {
      const overlap = Math.max(0, Math.min(b[2], k[2]) - Math.max(b[0], k[0])) * Math.max(0, Math.min(b[3], k[3]) - Math.max(b[1], k[1]));
      return overlap >= 0.5 * Math.min(area(b), area(k));
    });
    if (!repeat) kept.push(b);
  }
  // Back in reading order of the cells they came from.
  return boxes.filter((b) => kept.includes(b));
}

function clip(b: PixelBox, image: Gray): PixelBox {
  const x0 = Math.max(0, Math.round(b[0]));
  const y0 = Math.max(0, Math.round(b[1]));
  return [x0, y0, Math.max(x0, Math.min(image.width, Math.round(b[2]))), Math.max(y0, Math.min(image.height, Math.round(b[3])))];
}

/** Paints a rule (and `margin` pixels around it) with `value`: paper in the image, no ink in a mask. */
function paint(data: Uint8Array, width: number, rule: RasterRule, scale: number, value: number, margin: number): void {
  const height = data.length / width;
  const [a, b] = [Math.max(0, rule.across[0] - margin), rule.across[1] + margin];
  const from = Math.max(0, Math.floor(rule.segment.from * scale) - margin);
  const to = Math.ceil(rule.segment.to * scale) + margin;
  if (rule.segment.dir === 'h') {
    for (let y = a; y <= Math.min(b, height - 1); y++) data.fill(value, y * width + from, y * width + Math.min(width, to));
  } else {
    for (let y = from; y < Math.min(height, to); y++) data.fill(value, y * width + a, y * width + Math.min(width, b + 1));
  }
}

/** The median width ÷ height of the page's text lines. */
function medianAspect(read: Analysis): number {
  const aspects = read.lines.map(({ box }) => (box[2] - box[0]) / Math.max(1, box[3] - box[1])).sort((a, b) => a - b);
  return aspects.length ? aspects[aspects.length >> 1]! : 0;
}

/**
 * Whether the page is upside down, and the sample lines' readings as they are (kept: readLines
 * would read the same images again). Lines of a few characters are sampled (reading is paid by the
 * width): read as they are, and turned over only when the recognizer is unsure of them.
 */
async function orientation(read: Analysis, pool: TesseractPool): Promise<{ upsideDown: boolean; readings: Map<PixelBox, Recognized> }> {
  const aspect = (b: PixelBox) => (b[2] - b[0]) / Math.max(1, b[3] - b[1]);
  const sample = read.lines
    .map(({ box }) => box)
    .filter((b) => aspect(b) >= SAMPLE_ASPECT[0])
    .sort((a, b) => Math.abs(aspect(a) - SAMPLE_ASPECT[1]) - Math.abs(aspect(b) - SAMPLE_ASPECT[1]))
    .slice(0, SAMPLE_LINES);
  const readings = new Map<PixelBox, Recognized>();
  if (sample.length === 0) return { upsideDown: false, readings };
  const asRead = await settleAll(sample.map((box) => pool.recognize(lineImage(read, box, read.image), { mode: 'line' })));
  sample.forEach((box, k) => readings.set(box, asRead[k]!));
  const asIs = meanConfidence(asRead);
  if (asIs >= SURE) return { upsideDown: false, readings };
  const turned = meanConfidence(await settleAll(sample.map((box) => pool.recognize(rotate(lineImage(read, box, read.image), 180), { mode: 'line' }))));
  return { upsideDown: turned > asIs, readings };
}

/** Lines sampled for the orientation: at least [0] as wide as high, nearest [1]. */
const SAMPLE_ASPECT = [3, 8] as const;
const SAMPLE_LINES = 4;

/** The mean confidence of the characters read (each word weighs its characters). */
function meanConfidence(results: Recognized[]): number {
  let [sum, chars] = [0, 0];
  for (const w of results.flatMap((r) => r.words)) {
    const n = [...w.text].length;
    sum += n * w.confidence;
    chars += n;
  }
  return chars ? sum / chars : 0;
}

/** A text line's image as it is read: cropped with a margin, small print enlarged. */
function lineImage(read: Analysis, box: PixelBox, from: Gray): Gray {
  const img = crop(from, box, Math.round(PAD * 0.5 * read.scale));
  // Small print (a low-resolution scan) is enlarged: the LSTM reads characters of about CHAR_PX best.
  const height = box[3] - box[1];
  return height < 0.8 * CHAR_PX ? resize(img, Math.min(3, CHAR_PX / height)) : img;
}

/** Every text line recognized on its own (see read-line.ts); `known`: first readings already made. */
async function readLines(read: Analysis, pool: TesseractPool, known: Map<PixelBox, Recognized>): Promise<TextRun[]> {
  const runs = await settleAll(
    read.lines.map(async ({ box, wraps }) => {
      let result = await readLine(lineImage(read, box, read.image), box, pool, known.get(box));
      if (result.confidence < SECOND_LOOK && [...result.text].length <= SECOND_LOOK_CHARS) {
        // A line read unsure is read again with its strokes' grey edges kept: whitening light pixels
        // clears paper and a seal's halo, but thins blurred strokes (社会效益指标 read as 共去效益指标 at
        // 0.33, as itself at 0.90 from the grey image). The surer reading is kept.
        const again = await readLine(lineImage(read, box, read.gray), box, pool);
        if (again.confidence > result.confidence) result = again;
      }
      return toRun(result, box, read.scale, read.lineHeight, wraps);
    }),
  );
  return runs.filter((r): r is TextRun => r !== null);
}

function toRun(result: Recognized, box: PixelBox, scale: number, lineHeight: number, wraps: boolean): TextRun | null {
  let text = cleanText(result.text, wraps);
  if (!text) return null;
  // A full stop wrapped onto a line of its own comes out as a lone, small D or O.
  if (/^(C?D|[Oo])$/.test(text) && box[3] - box[1] < 0.6 * lineHeight) text = '。';
  const b: [number, number, number, number] = [box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale];
  return { text, box: b, size: (box[3] - box[1]) / scale, confidence: Math.round(result.confidence * 100) / 100 };
}
