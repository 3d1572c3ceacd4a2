import type { PageContent } from '../pdf/page-content.js';
import type { Box, Table } from '../schema/table.js';
import { ocrPage, type PageTransform } from './ocr-page.js';
import { renderPages, type RenderLimits } from './render-pages.js';
import type { TesseractPool } from './tesseract-pool.js';

export interface OcrOptions {
  pool: TesseractPool;
  render?: Partial<RenderLimits>;
  /** Called after each page is read (progress). */
  onPage?: (page: number, lines: number) => void;
}

export interface OcrResult {
  /** Page contents as the layout stage takes them, for the pages read by OCR. */
  pages: PageContent[];
  /** How each page image was turned to read it, to map boxes back to the page as displayed. */
  transforms: Map<number, PageTransform>;
}

/**
 * Pages being read at once. Reading a page is mostly waiting for the tesseract workers: the next
 * page is rendered and analysed meanwhile, so the workers are not idle between pages. Each page in
 * flight holds its image (about 9 MB at 300 dpi, A4).
 */
const PAGES_IN_FLIGHT = 2;

/** Renders and reads the given pages of a PDF: PAGES_IN_FLIGHT pages being read and the next one rendered, at most, in memory at a time. */
export async function ocrDocument(bytes: Uint8Array, file: string, pageNumbers: readonly number[], options: OcrOptions): Promise<OcrResult> {
  const pages: PageContent[] = [];
  const transforms = new Map<number, PageTransform>();
  const reading = new Set<Promise<void>>();
  const errors: unknown[] = [];
  try {
    await renderPages(
      bytes,
      file,
      pageNumbers,
      async ({ page, image, scale }) => {
        while (reading.size >= PAGES_IN_FLIGHT) await Promise.race(reading);
        if (errors.length) throw errors[0];
        const read = ocrPage(page, image, scale, options.pool)
          .then((r) => {
            pages.push(r.content);
            transforms.set(page, r.transform);
            options.onPage?.(page, r.lines);
          })
          .catch((error: unknown) => void errors.push(error))
          .finally(() => reading.delete(read));
        reading.add(read);
      },
      options.render,
    );
  } finally {
    // Nothing is left running on the pool when this returns or throws.
    await Promise.all(reading);
  }
  if (errors.length) throw errors[0];
  pages.sort((a, b) => a.page - b.page);
  return { pages, transforms };
}

/**
 * After layout: tables of OCR pages are marked `ocr`, each of their cells gets the confidence of the
 * least sure run in it, and boxes go back from the upright, deskewed image the text was read in to
 * the page as displayed (what a viewer and the review page's crops show).
 */
export function finishOcrTables(tables: Table[], ocr: OcrResult): Table[] {
  const runsByPage = new Map(ocr.pages.map((p) => [p.page, p.runs]));
  return tables.map((table) => {
    if (!table.pages.some((p) => runsByPage.has(p))) return table;
    const cells = table.cells.map((cell) => {
      const runs = cell.page !== null ? runsByPage.get(cell.page) : undefined;
      const transform = cell.page !== null ? ocr.transforms.get(cell.page) : undefined;
      if (!runs || !transform || !cell.box) return cell;
      const box = cell.box;
      const inside = runs.filter((r) => {
        const cx = (r.box[0] + r.box[2]) / 2;
        const cy = (r.box[1] + r.box[3]) / 2;
        return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3] && r.confidence !== undefined;
      });
      const confidence = inside.length && cell.text.trim() ? Math.min(...inside.map((r) => r.confidence!)) : null;
      return { ...cell, box: toDisplayed(box, transform), confidence };
    });
    const allOcr = table.pages.every((p) => runsByPage.has(p));
    return { ...table, cells, method: allOcr ? ('ocr' as const) : table.method };
  });
}

/** A box of the upright, deskewed image (points) → the same place on the page as displayed (points). */
export function toDisplayed(box: Box, t: PageTransform): Box {
  const corners: Array<[number, number]> = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ];
  const w = t.imageWidth;
  const h = t.imageHeight;
  const rad = (-t.skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const [cx, cy] = [(w - 1) / 2, (h - 1) / 2];
  const mapped = corners.map(([px, py]) => {
    let [x, y] = [px * t.scale, py * t.scale];
    // Undo the quarter turns (counter-clockwise) made after deskewing; see raster.ts rotateQuarter.
    if (t.quarter === 1) [x, y] = [w - 1 - y, x];
    else if (t.quarter === 2) [x, y] = [w - 1 - x, h - 1 - y];
    else if (t.quarter === 3) [x, y] = [y, h - 1 - x];
    // Undo the deskew: the deskewed pixel (x, y) was read from here in the rendered image.
    const [dx, dy] = [x - cx, y - cy];
    return [(cx + dx * cos - dy * sin) / t.scale, (cy + dx * sin + dy * cos) / t.scale] as const;
  });
  const xs = mapped.map((p) => p[0]);
  const ys = mapped.map((p) => p[1]);
  const round = (v: number) => Math.round(v * 100) / 100;
  return [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))];
}
