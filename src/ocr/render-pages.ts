import '../pdf/node-polyfills.js';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { JixiaoError } from '../errors.js';
import { openError } from '../pdf/read-pdf.js';
import { renderOptions, withTimeout } from '../pdf/offline-options.js';
import { toGray, type Gray } from './raster.js';

type Matrix = [number, number, number, number, number, number];

export interface RenderLimits {
  /** Resolution wanted for OCR. */
  dpi: number;
  /** Pixels of one page image at most: a huge declared page is rendered at a lower resolution instead. */
  maxPixels: number;
  /** Pixels one embedded image may have when decoded (pdf.js skips larger ones). */
  maxImagePixels: number;
  /** Time for rendering one page. */
  timeoutMs: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = Object.freeze({ dpi: 300, maxPixels: 20_000_000, maxImagePixels: 50_000_000, timeoutMs: 60_000 });

export interface RenderedPage {
  page: number;
  image: Gray;
  /** Pixels per PDF point of `image`. */
  scale: number;
  /** The page as displayed (after /Rotate), in points. */
  width: number;
  height: number;
  rotate: number;
}

/**
 * Renders pages of a PDF to grayscale images (red seal ink suppressed, see `toGray`) with pdf.js on
 * @napi-rs/canvas, one page at a time (a page image is held only until `onPage` resolves). The resolution is
 * `dpi` unless the page would exceed `maxPixels`, then as much as fits.
 */
export async function renderPages(
  bytes: Uint8Array,
  file: string,
  pages: readonly number[],
  onPage: (page: RenderedPage) => Promise<void>,
  limits: Partial<RenderLimits> = {},
): Promise<void> {
  const lim = { ...DEFAULT_RENDER_LIMITS, ...limits };
  const task = getDocument({ ...renderOptions(lim.maxImagePixels), data: new Uint8Array(bytes) });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    throw openError(err, file, 'ocr');
  }
  try {
    for (const n of pages) {
      const page = await doc.getPage(n);
      try {
        const base = page.getViewport({ scale: 1 });
        const scan = await scannedImage(page, lim.maxPixels);
        if (scan) {
          await onPage({ page: n, image: scan.image, scale: scan.scale, width: base.width, height: base.height, rotate: page.rotate });
          continue;
        }
        let scale = lim.dpi / 72;
        if (base.width * base.height * scale * scale > lim.maxPixels) scale = Math.sqrt(lim.maxPixels / (base.width * base.height));
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.floor(viewport.width));
        const height = Math.max(1, Math.floor(viewport.height));
        const canvas = createCanvas(width, height);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        const render = page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' });
        await withTimeout(render.promise, lim.timeoutMs, () => {
          render.cancel();
          return new JixiaoError('OCR_TIMEOUT', `${file}: page ${n} took longer than ${lim.timeoutMs / 1000} s to render`, { file, page: n, stage: 'ocr' });
        });
        const rgba = ctx.getImageData(0, 0, width, height).data;
        const image = toGray(rgba, width, height);
        await onPage({ page: n, image, scale, width: base.width, height: base.height, rotate: page.rotate });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await task.destroy().catch(() => {});
  }
}

/**
 * A scanned page is one image covering the page, drawn upright: read its pixels directly, at the
 * scan's own resolution (faster than rendering, and no resampling). Null for any other page.
 */
async function scannedImage(page: PDFPageProxy, maxPixels: number): Promise<{ image: Gray; scale: number } | null> {
  if (page.rotate % 360 !== 0) return null;
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let found: { id: string; ctm: Matrix } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintImageXObject) {
      if (found) return null; // several images: render the page instead
      found = { id: args[0] as string, ctm };
    } else if (fn === OPS.showText || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) return null;
  }
  if (!found) return null;
  const [a, b, c, d] = found.ctm;
  const view = page.view; // [x0, y0, x1, y1] of the page in PDF space
  const [pw, ph] = [view[2]! - view[0]!, view[3]! - view[1]!];
  // Upright (no rotation or mirror) and covering nearly all of the page.
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0 || a < 0.95 * pw || d < 0.95 * ph) return null;
  const img = (await new Promise((resolve) => page.objs.get(found!.id, resolve))) as { width: number; height: number; kind: number; data?: Uint8Array } | null;
  if (!img?.data || img.width * img.height > maxPixels) return null;
  const image = imageToGray(img.width, img.height, img.kind, img.data);
  return image ? { image, scale: img.width / a } : null;
}

/** pdf.js image kinds: 1 = one bit per pixel (1 is white), 2 = RGB, 3 = RGBA. */
function imageToGray(width: number, height: number, kind: number, data: Uint8Array): Gray | null {
  if (kind === 3) return toGray(data, width, height);
  if (kind === 2) return toGray(data, width, height, 3);
  if (kind === 1) {
    const out = new Uint8Array(width * height);
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { width, height, data: out };
  }
  return null;
}
