import '../pdf/node-polyfills.js';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Box } from './query.js';
import { renderOptions, withTimeout } from '../pdf/offline-options.js';

/** pdf.js for pictures (`src/pdf/offline-options.ts`), images decoded up to 16 Mpx each. */
const RENDER_OPTIONS = Object.freeze(renderOptions(16 * 1024 * 1024));

export interface CropLimits {
  /** Images made in all (every later request gets a note instead). */
  maxImages: number;
  /** Width of an image in pixels. */
  width: number;
  /** Pixels of one render (the crop is rendered directly at its output size). */
  maxPixels: number;
  /** Pixels per PDF point at most (a small cell is not blown up past this). */
  maxScale: number;
  /** Time for opening a document, and for rendering one crop. */
  timeoutMs: number;
}

export const DEFAULT_CROP_LIMITS: CropLimits = Object.freeze({ maxImages: 2000, width: 600, maxPixels: 600 * 900, maxScale: 3, timeoutMs: 20_000 });

export interface CropRequest {
  page: number;
  /** The cell to outline (PDF points, origin top-left of the page as displayed); null: the whole page. */
  box: Box | null;
}

export type CropResult = { ok: true; dataUri: string; width: number; height: number; bytes: number } | { ok: false; reason: string };

/** Context around an outlined cell, in PDF points. */
const MIN_CROP_WIDTH = 360;
const MIN_CROP_HEIGHT = 150;
const MARGIN_X = 40;
const MARGIN_Y = 30;

/**
 * Renders crops of PDF pages with pdf.js onto @napi-rs/canvas: each crop is rendered directly at
 * its output size (so one render never exceeds `maxPixels`), the cell outlined in red, encoded as
 * a JPEG data URI. Counts images across documents and stops at `maxImages`.
 */
export class PdfCropper {
  images = 0;
  renders = 0;
  readonly limits: CropLimits;

  constructor(limits: Partial<CropLimits> = {}) {
    this.limits = { ...DEFAULT_CROP_LIMITS, ...limits };
  }

  get exhausted(): boolean {
    return this.images >= this.limits.maxImages;
  }

  /** One result per request, in order; identical requests share one image. The document is always destroyed. */
  async cropDocument(bytes: Uint8Array, requests: readonly CropRequest[]): Promise<CropResult[]> {
    const results: CropResult[] = new Array(requests.length);
    if (this.exhausted) return requests.map(() => this.limitNote());
    const task = getDocument({ ...RENDER_OPTIONS, data: new Uint8Array(bytes) });
    let doc: PDFDocumentProxy;
    try {
      doc = await withTimeout(task.promise, this.limits.timeoutMs, () => timedOut(this.limits.timeoutMs, 'opening the PDF'));
    } catch (err) {
      await task.destroy().catch(() => {});
      const reason = `cannot open the PDF: ${(err as Error)?.message ?? err}`;
      return requests.map(() => ({ ok: false, reason }));
    }
    try {
      const order = requests.map((_, k) => k).sort((a, b) => requests[a]!.page - requests[b]!.page || a - b);
      const cache = new Map<string, CropResult>();
      let current: { n: number; page: PDFPageProxy } | { n: number; error: string } | null = null;
      for (const k of order) {
        const request = requests[k]!;
        const key = `${request.page}:${request.box?.join(',') ?? 'page'}`;
        const cached = cache.get(key);
        if (cached) {
          results[k] = cached;
          continue;
        }
        if (this.exhausted) {
          results[k] = this.limitNote();
          continue;
        }
        if (current?.n !== request.page) {
          if (current && 'page' in current) current.page.cleanup();
          current = await openPage(doc, request.page);
        }
        const result = 'page' in current ? await this.renderCrop(current.page, request.box) : { ok: false as const, reason: current.error };
        cache.set(key, result);
        results[k] = result;
      }
      if (current && 'page' in current) current.page.cleanup();
      return results;
    } finally {
      await task.destroy().catch(() => {});
    }
  }

  private limitNote(): CropResult {
    return { ok: false, reason: `image limit reached (${this.limits.maxImages} images per report)` };
  }

  private async renderCrop(page: PDFPageProxy, box: Box | null): Promise<CropResult> {
    const full = page.getViewport({ scale: 1 });
    const [pw, ph] = [full.width, full.height];
    const crop = box ? cropAround(box, pw, ph) : ([0, 0, pw, ph] as Box);
    const [cw, ch] = [crop[2] - crop[0], crop[3] - crop[1]];
    if (!(cw > 0 && ch > 0)) return { ok: false, reason: 'the page has no area' };
    let scale = Math.min(this.limits.maxScale, this.limits.width / cw);
    if (cw * ch * scale * scale > this.limits.maxPixels) scale = Math.sqrt(this.limits.maxPixels / (cw * ch));
    const width = Math.max(1, Math.round(cw * scale));
    const height = Math.max(1, Math.round(ch * scale));
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const viewport = page.getViewport({ scale, offsetX: -crop[0] * scale, offsetY: -crop[1] * scale });
    this.renders++;
    const task = page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' });
    try {
      await withTimeout(task.promise, this.limits.timeoutMs, () => timedOut(this.limits.timeoutMs, 'rendering the page'));
    } catch (err) {
      task.cancel();
      return { ok: false, reason: `page ${page.pageNumber} cannot be rendered: ${(err as Error)?.message ?? err}` };
    }
    if (box) {
      const pad = 2;
      const [x0, y0, x1, y1] = [(box[0] - crop[0]) * scale - pad, (box[1] - crop[1]) * scale - pad, (box[2] - crop[0]) * scale + pad, (box[3] - crop[1]) * scale + pad];
      ctx.fillStyle = 'rgba(230, 0, 0, 0.10)';
      ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      ctx.strokeStyle = '#e00000';
      ctx.lineWidth = 3;
      ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }
    const jpeg = await canvas.encode('jpeg', 82);
    this.images++;
    return { ok: true, dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width, height, bytes: jpeg.length };
  }
}

/** The cell with some context around it, kept inside the page. */
export function cropAround(box: Box, pageWidth: number, pageHeight: number): Box {
  const [bw, bh] = [box[2] - box[0], box[3] - box[1]];
  const w = Math.min(pageWidth, Math.max(bw + 2 * MARGIN_X, MIN_CROP_WIDTH));
  const h = Math.min(pageHeight, Math.max(bh + 2 * MARGIN_Y, MIN_CROP_HEIGHT));
  const x0 = clamp((box[0] + box[2]) / 2 - w / 2, 0, pageWidth - w);
  const y0 = clamp((box[1] + box[3]) / 2 - h / 2, 0, pageHeight - h);
  return [x0, y0, x0 + w, y0 + h];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

async function openPage(doc: PDFDocumentProxy, n: number): Promise<{ n: number; page: PDFPageProxy } | { n: number; error: string }> {
  if (!Number.isInteger(n) || n < 1 || n > doc.numPages) return { n, error: `the PDF has no page ${n} (it has ${doc.numPages})` };
  try {
    return { n, page: await doc.getPage(n) };
  } catch (err) {
    return { n, error: `page ${n} cannot be read: ${(err as Error)?.message ?? err}` };
  }
}

function timedOut(ms: number, what: string): Error {
  return new Error(`timed out after ${ms / 1000} s ${what}`);
}
