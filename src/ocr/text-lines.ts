import type { PixelBox } from './raster.js';

export interface LineOptions {
  /** Typical height of a printed line in pixels (the page's median), for merging and splitting. */
  lineHeight: number;
  /** Split a line where the gap between inks is wider than this many line heights. */
  splitGap?: number;
}

/**
 * The printed text lines inside a pixel box of an ink mask: rows with ink grouped into bands
 * (pieces of one character, such as the strokes of 三, rejoined), each band cut where a wide blank
 * separates two pieces of text (two columns of a frame, a label and its value). Specks too small to
 * be a character are dropped. Boxes are tight around the ink.
 */
export function findTextLines(ink: Uint8Array, width: number, box: PixelBox, options: LineOptions): PixelBox[] {
  const [x0, y0, x1, y1] = box;
  if (x1 <= x0 || y1 <= y0) return [];
  const minInk = Math.max(3, Math.round(options.lineHeight * 0.08));
  // Row profile.
  const rowInk = new Int32Array(y1 - y0);
  for (let y = y0; y < y1; y++) {
    let n = 0;
    const row = y * width;
    for (let x = x0; x < x1; x++) n += ink[row + x]!;
    rowInk[y - y0] = n;
  }
  let bands: Array<[number, number]> = [];
  let start = -1;
  for (let k = 0; k <= rowInk.length; k++) {
    const on = k < rowInk.length && rowInk[k]! >= 2;
    if (on && start < 0) start = k;
    if (!on && start >= 0) {
      bands.push([y0 + start, y0 + k]);
      start = -1;
    }
  }
  bands = mergeBands(bands, options.lineHeight);
  const out: PixelBox[] = [];
  for (const [top, bottom] of bands) {
    for (const [left, right] of columnPieces(ink, width, x0, x1, top, bottom, options)) {
      const tight = tighten(ink, width, [left, top, right, bottom]);
      if (!tight) continue;
      const [tx0, ty0, tx1, ty1] = tight;
      let count = 0;
      for (let y = ty0; y < ty1; y++) for (let x = tx0; x < tx1; x++) count += ink[y * width + x]!;
      // A speck (noise, a stray dot of a rule) is not text.
      if (count < minInk * minInk || ty1 - ty0 < 0.25 * options.lineHeight) continue;
      out.push(tight);
    }
  }
  return out;
}

/** Bands closer than a small fraction of a line, or thin bands near another, are one line. */
function mergeBands(bands: Array<[number, number]>, lineHeight: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const band of bands) {
    const last = out[out.length - 1];
    if (last) {
      const gap = band[0] - last[1];
      const thin = Math.min(last[1] - last[0], band[1] - band[0]) < 0.5 * lineHeight;
      const merged = Math.max(band[1], last[1]) - last[0];
      if (merged <= 1.3 * lineHeight && (gap <= 0.12 * lineHeight || (thin && gap < 0.45 * lineHeight))) {
        last[1] = Math.max(last[1], band[1]);
        continue;
      }
    }
    out.push([band[0], band[1]]);
  }
  return out;
}

/** Horizontal pieces of one band, cut at blanks wider than `splitGap` line heights. */
function columnPieces(ink: Uint8Array, width: number, x0: number, x1: number, top: number, bottom: number, options: LineOptions): Array<[number, number]> {
  const maxGap = (options.splitGap ?? 1.6) * Math.max(bottom - top, 0.6 * options.lineHeight);
  const out: Array<[number, number]> = [];
  let start = -1;
  let last = -1;
  for (let x = x0; x < x1; x++) {
    let any = 0;
    for (let y = top; y < bottom && !any; y++) any = ink[y * width + x]!;
    if (!any) continue;
    if (start >= 0 && x - last > maxGap) {
      out.push([start, last + 1]);
      start = x;
    } else if (start < 0) start = x;
    last = x;
  }
  if (start >= 0) out.push([start, last + 1]);
  return out;
}

function tighten(ink: Uint8Array, width: number, box: PixelBox): PixelBox | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      if (!ink[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : [x0, y0, x1 + 1, y1 + 1];
}
