import { restoreNativeArrayPush } from './node-polyfills.js';
import { getDocument, OPS, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
// The worker runs in this thread (pdf.js's "fake worker"); loaded here, not on the first document, so
// that the `push` it would replace is restored just below.
import './pdf-worker.js';
import { JixiaoError } from '../errors.js';
import type { PageContent, Segment, TextRun } from './page-content.js';
import { judgeTextLayer } from './text-quality.js';
import { OFFLINE_OPTIONS } from './offline-options.js';
import { sameThreadWorker } from './same-thread-port.js';

restoreNativeArrayPush();

/** pdf.js offline (see `offline-options.ts`), set up for reading text, not drawing. */
const DOCUMENT_OPTIONS = Object.freeze({
  ...OFFLINE_OPTIONS,
  /**
   * With `disableFontFace` the worker turns every glyph shown into a path for canvas drawing (a
   * third or more of the time of a page). Nothing is drawn here: fonts stay "font faces" and go, as
   * @font-face rules, to a document that keeps nothing (`fontSink`). Text and operator lists are the
   * same either way.
   */
  disableFontFace: false,
  /** The text layer needs no image pixels: every image is skipped (none is decoded, none can exhaust memory). */
  maxImageSize: 1,
});

/** Reads every page's text runs and ruling lines. The document is always destroyed. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<PageContent[]> {
  const context = { file, stage: 'extract' as const };
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  // pdf.js's worker half in this thread, joined without structured cloning (see same-thread-port.ts).
  const pdfWorker = sameThreadWorker();
  const task = getDocument({ ...DOCUMENT_OPTIONS, ownerDocument: fontSink(), data: new Uint8Array(bytes), worker: pdfWorker.worker });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    pdfWorker.close();
    throw openError(err, file, 'extract');
  }
  try {
    const read = async (n: number): Promise<PageContent> => {
      let page: PDFPageProxy;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw new JixiaoError('PDF_CORRUPT', `${file}: page ${n} cannot be read: ${(err as Error)?.message ?? err}`, { ...context, page: n }, { cause: err });
      }
      try {
        return await readPage(page, n);
      } finally {
        page.cleanup();
      }
    };
    // The next page is started while this one is read (pdf.js inflates content streams off the main
    // thread, leaving it idle otherwise); results and errors are still taken in page order.
    const started: Array<Promise<PageContent>> = [];
    const start = (n: number): void => {
      if (n > doc.numPages || started[n]) return;
      const reading = read(n);
      reading.catch(() => {}); // awaited in order below; an earlier failure ends the document first
      started[n] = reading;
    };
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      start(n);
      start(n + 1);
      pages.push(await started[n]!);
    }
    return pages;
  } finally {
    await task.destroy();
    pdfWorker.close();
  }
}

/** Why pdf.js could not open a document, as a coded error: a password is needed, or it is no readable PDF. */
export function openError(err: unknown, file: string, stage: 'extract' | 'ocr'): JixiaoError {
  const context = { file, stage };
  if ((err as Error)?.name === 'PasswordException') return new JixiaoError('PDF_ENCRYPTED', `${file} needs a password to open`, context, { cause: err });
  return new JixiaoError('PDF_CORRUPT', `${file} is not a readable PDF: ${(err as Error)?.message ?? err}`, context, { cause: err });
}

/**
 * The `ownerDocument` pdf.js loads fonts into (see `disableFontFace`): without `fonts` (the Font
 * Loading API) it inserts one @font-face rule per embedded font into an adopted style sheet, which
 * here drops it. One per document: pdf.js detaches its sheet when the document is destroyed.
 */
function fontSink(): HTMLDocument {
  const sink = { adoptedStyleSheets: [] as DroppingStyleSheet[], defaultView: { CSSStyleSheet: DroppingStyleSheet } };
  return sink as unknown as HTMLDocument;
}

class DroppingStyleSheet {
  readonly cssRules: readonly string[] = [];
  insertRule(): number {
    return 0;
  }
}

type Matrix = [number, number, number, number, number, number];

async function readPage(page: PDFPageProxy, n: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  // Both walk the content stream; started together, one runs while the other waits for inflation.
  const operatorList = page.getOperatorList();
  operatorList.catch(() => {}); // awaited below, after the text (whose failure is reported first)
  const content = await page.getTextContent({ disableNormalization: false });
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const tx = Util.transform(toPage, item.transform) as Matrix;
    const size = Math.hypot(tx[2], tx[3]);
    const width = item.width * Math.hypot(toPage[0], toPage[1]);
    // Horizontal text (after page rotation): box from the baseline up by the font size.
    const horizontal = Math.abs(tx[1]) < 1e-3 && tx[0] > 0;
    const box: [number, number, number, number] = horizontal
      ? [tx[4], tx[5] - size * 0.88, tx[4] + width, tx[5] + size * 0.12]
      : rotatedBox(tx, width, size);
    runs.push({ text: item.str, box, size });
  }
  const operators = await operatorList;
  return {
    page: n,
    width: viewport.width,
    height: viewport.height,
    rotate: page.rotate,
    runs,
    segments: readSegments(operators.fnArray, operators.argsArray, toPage),
    textLayer: judgeTextLayer(runs.map((r) => r.text).join('')),
  };
}

function rotatedBox(tx: Matrix, width: number, size: number): [number, number, number, number] {
  const angle = Math.atan2(tx[1], tx[0]);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const corners = [
    [0, 0],
    [width, 0],
    [0, -size],
    [width, -size],
  ].map(([u, v]) => [tx[4] + u! * cos - v! * sin, tx[5] + u! * sin + v! * cos] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** A filled rectangle thinner than this is a rule, not a shaded area. */
const MAX_RULE_THICKNESS = 2.5;

/**
 * Ruling lines from the operator list: stroked axis-aligned lines and rectangle edges, and thin
 * filled rectangles (how Excel/WPS exports draw borders). White or near-white paint is ignored.
 * Coordinates go through the current transformation matrix and the page's viewport.
 */
function readSegments(fnArray: number[], argsArray: unknown[], toPage: Matrix): Segment[] {
  const segments: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Array<{ ctm: Matrix; stroke: boolean; fill: boolean }> = [];
  let strokeVisible = true;
  let fillVisible = true;
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, stroke: strokeVisible, fill: fillVisible });
        return;
      case OPS.restore: {
        const state = stack.pop();
        if (state) ({ ctm, stroke: strokeVisible, fill: fillVisible } = state);
        return;
      }
      case OPS.transform:
        ctm = Util.transform(ctm, args as Matrix) as Matrix;
        return;
      case OPS.setStrokeRGBColor:
        strokeVisible = isDark(args[0]);
        return;
      case OPS.setFillRGBColor:
        fillVisible = isDark(args[0]);
        return;
      case OPS.setStrokeGray:
        strokeVisible = (args[0] as number) < 0.75;
        return;
      case OPS.setFillGray:
        fillVisible = (args[0] as number) < 0.75;
        return;
      case OPS.constructPath: {
        const [paint, data] = args as [number, Array<ArrayLike<number>>];
        const path = data?.[0];
        if (!path) return;
        const matrix = Util.transform(toPage, ctm) as Matrix;
        const subpaths = toSubpaths(path, matrix);
        if (STROKES.has(paint) && strokeVisible) for (const points of subpaths) segments.push(...strokedSegments(points));
        if (FILLS.has(paint) && fillVisible) for (const points of subpaths) segments.push(...filledRule(points));
        return;
      }
      default:
    }
  });
  return segments;
}

function isDark(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return true;
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16) / 255);
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 0.75;
}

/** Path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) → polylines in page space. */
function toSubpaths(path: ArrayLike<number>, m: Matrix): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  const point = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === 0) {
      if (current.length) out.push(current);
      current = [point(path[k]!, path[k + 1]!)];
      k += 2;
    } else if (op === 1) {
      current.push(point(path[k]!, path[k + 1]!));
      k += 2;
    } else if (op === 2) {
      current.push(point(path[k + 4]!, path[k + 5]!));
      k += 6;
    } else if (op === 3) {
      current.push(point(path[k + 2]!, path[k + 3]!));
      k += 4;
    } else if (op === 4) {
      if (current.length) current.push(current[0]!);
    } else break;
  }
  if (current.length) out.push(current);
  return out;
}

function strokedSegments(points: Array<[number, number]>): Segment[] {
  const out: Segment[] = [];
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) > 1) out.push({ dir: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) > 1) out.push({ dir: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
  return out;
}

/** A thin filled rectangle is a rule along its long side. */
function filledRule(points: Array<[number, number]>): Segment[] {
  if (points.length < 4 || points.length > 6) return [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
  if (!axisAligned) return [];
  const [w, h] = [x1 - x0, y1 - y0];
  if (h <= MAX_RULE_THICKNESS && w > h) return [{ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 }];
  if (w <= MAX_RULE_THICKNESS && h > w) return [{ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 }];
  return [];
}
