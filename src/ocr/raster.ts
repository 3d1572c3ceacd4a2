/**
 * 8-bit grayscale page images and the few operations OCR needs on them: red-seal suppression,
 * binarization, rotation, cropping, and PGM encoding (what tesseract reads fastest).
 */
export interface Gray {
  width: number;
  height: number;
  /** Row-major, 0 = black, 255 = white. */
  data: Uint8Array;
}

/** A pixel rectangle [x0, y0, x1, y1), x1/y1 exclusive. */
export type PixelBox = [number, number, number, number];

/** How much redder than green and blue a pixel must be to count fully as seal ink. */
const SEAL_REDNESS = 30;

/**
 * RGBA (or RGB, `channels` 3) → gray. A red seal is red; text and rules are dark. Reddish pixels take their red channel,
 * scaled so that the seal's own ink (its typical red level on this page) becomes paper, while black
 * text showing through the seal stays dark; the redder a pixel, the more this counts (the seal's
 * pink halo fades too). Other pixels take their luminance.
 */
export function toGray(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4 = 4): Gray {
  const n = width * height;
  const end = channels * n;
  // The seal's red level: the median red channel of clearly red pixels (255 when there are few).
  const reds = new Uint32Array(256);
  let count = 0;
  for (let p = 0; p < end; p += channels) {
    const r = pixels[p]!;
    if (r - Math.max(pixels[p + 1]!, pixels[p + 2]!) > 2 * SEAL_REDNESS) {
      reds[r]!++;
      count++;
    }
  }
  let sealRed = 255;
  if (count >= 50) {
    for (let v = 0, seen = 0; v < 256; v++) if ((seen += reds[v]!) >= count / 2) {
      sealRed = Math.max(96, v);
      break;
    }
  }
  const data = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = pixels[p]!;
    const g = pixels[p + 1]!;
    const b = pixels[p + 2]!;
    const a = channels === 4 ? pixels[p + 3]! : 255;
    const lum = (77 * r + 150 * g + 29 * b) >> 8;
    let v = lum;
    // Most pixels are not red at all: their luminance is their gray.
    if (r > g && r > b) {
      const redness = Math.min(1, (r - Math.max(g, b)) / SEAL_REDNESS);
      // Red at the seal's level (or lighter) becomes paper; the dark red of text or rules under the seal stays.
      const lift = Math.min(1, Math.max(0, (r - 0.6 * sealRed) / (0.4 * sealRed)));
      v = lum + (r + (255 - r) * lift - lum) * redness;
    }
    if (a < 255) v = 255 - ((255 - v) * a) / 255; // transparent = paper
    data[i] = v;
  }
  return { width, height, data };
}

/** Otsu's threshold of the image's histogram: pixels below it are ink. */
export function otsuThreshold(image: Gray): number {
  const hist = new Float64Array(256);
  const data = image.data;
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const total = image.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const between = weightB * weightF * (sumB / weightB - (sum - sumB) / weightF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // A blank page has no ink: never call light paper texture ink.
  return Math.min(threshold + 1, 200);
}

/** 1 where the pixel is ink (darker than the threshold), else 0. */
export function binarize(image: Gray, threshold = otsuThreshold(image)): Uint8Array {
  const out = new Uint8Array(image.data.length);
  const data = image.data;
  for (let i = 0; i < out.length; i++) out[i] = data[i]! < threshold ? 1 : 0;
  return out;
}

/**
 * The image turned by `degrees` counter-clockwise about its centre (bilinear; paper fills the
 * corners). Quarter turns are exact and swap width and height.
 */
export function rotate(image: Gray, degrees: number): Gray {
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  if (Math.abs(degrees - Math.round(degrees / 90) * 90) < 1e-9) return rotateQuarter(image, quarter);
  const { width: w, height: h, data } = image;
  const rad = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const out = new Uint8Array(w * h).fill(255);
  const [cx, cy] = [(w - 1) / 2, (h - 1) / 2];
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Inverse mapping: where this output pixel was in the source (y grows downwards), stepped along the row.
    let sx = cx - cx * cos - dy * sin - cos;
    let sy = cy - cx * sin + dy * cos - sin;
    for (let x = 0; x < w; x++) {
      sx += cos;
      sy += sin;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = top + (bottom - top) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

function rotateQuarter(image: Gray, quarter: number): Gray {
  if (quarter === 0) return image;
  const { width: w, height: h, data } = image;
  const swap = quarter % 2 === 1;
  const [ow, oh] = swap ? [h, w] : [w, h];
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Counter-clockwise quarter turns.
      const [nx, ny] = quarter === 1 ? [y, w - 1 - x] : quarter === 2 ? [w - 1 - x, h - 1 - y] : [h - 1 - y, x];
      out[ny * ow + nx] = data[y * w + x]!;
    }
  }
  return { width: ow, height: oh, data: out };
}

/** A copy of a rectangle of the image (clipped to it), with `pad` pixels of paper around. */
export function crop(image: Gray, box: PixelBox, pad = 0): Gray {
  const [x0, y0, x1, y1] = clipBox(box, image);
  const width = Math.max(0, x1 - x0) + 2 * pad;
  const height = Math.max(0, y1 - y0) + 2 * pad;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = y0; y < y1; y++) {
    out.set(image.data.subarray(y * image.width + x0, y * image.width + x1), (y - y0 + pad) * width + pad);
  }
  return { width, height, data: out };
}

export function clipBox(box: PixelBox, image: { width: number; height: number }): PixelBox {
  return [
    Math.max(0, Math.min(image.width, Math.floor(box[0]))),
    Math.max(0, Math.min(image.height, Math.floor(box[1]))),
    Math.max(0, Math.min(image.width, Math.ceil(box[2]))),
    Math.max(0, Math.min(image.height, Math.ceil(box[3]))),
  ];
}

/** Binary PGM (P5): leptonica reads it without decompression. */
export function encodePgm(image: Gray): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

/** Reads a binary PGM (P5, 8-bit): test and benchmark images. */
export function decodePgm(bytes: Uint8Array): Gray {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(text);
  if (!m || m[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const [width, height] = [Number(m[1]), Number(m[2])];
  const data = bytes.slice(m[0].length, m[0].length + width * height);
  if (data.length !== width * height) throw new Error('truncated PGM');
  return { width, height, data };
}

/** The image scaled by `factor` (area average when shrinking, bilinear when enlarging). */
export function resize(image: Gray, factor: number): Gray {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const out = new Uint8Array(width * height);
  const { width: w, height: h, data } = image;
  if (factor < 1) {
    const step = 1 / factor;
    for (let y = 0; y < height; y++) {
      const sy0 = Math.floor(y * step);
      const sy1 = Math.min(h, Math.max(sy0 + 1, Math.floor((y + 1) * step)));
      for (let x = 0; x < width; x++) {
        const sx0 = Math.floor(x * step);
        const sx1 = Math.min(w, Math.max(sx0 + 1, Math.floor((x + 1) * step)));
        let sum = 0;
        for (let sy = sy0; sy < sy1; sy++) for (let sx = sx0; sx < sx1; sx++) sum += data[sy * w + sx]!;
        out[y * width + x] = Math.round(sum / ((sy1 - sy0) * (sx1 - sx0)));
      }
    }
  } else {
    for (let y = 0; y < height; y++) {
      const sy = Math.min(h - 1, y / factor);
      const y0 = Math.floor(sy);
      const y1 = Math.min(h - 1, y0 + 1);
      const fy = sy - y0;
      for (let x = 0; x < width; x++) {
        const sx = Math.min(w - 1, x / factor);
        const x0 = Math.floor(sx);
        const x1 = Math.min(w - 1, x0 + 1);
        const fx = sx - x0;
        const top = data[y0 * w + x0]! + (data[y0 * w + x1]! - data[y0 * w + x0]!) * fx;
        const bottom = data[y1 * w + x0]! + (data[y1 * w + x1]! - data[y1 * w + x0]!) * fx;
        out[y * width + x] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
  return { width, height, data: out };
}
