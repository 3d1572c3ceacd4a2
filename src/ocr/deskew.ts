/** Largest skew looked for, in degrees either way. */
export const MAX_SKEW = 5;

/**
 * How far the page's content is turned counter-clockwise, in degrees (`rotate(image, -skew)`
 * levels it): the angle at which the ink's row profile is sharpest. Table rules and text lines
 * make the profile spiky when they are level. Measured on an image reduced to about 75 DPI, first
 * in steps of 0.2°, then refined to 0.02° at the full resolution of the reduced image.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number): number {
  const factor = Math.max(1, Math.round(width / 640));
  const small = reduce(ink, width, height, factor);
  const score = (deg: number) => profileSharpness(small.points, small.height, Math.tan((deg * Math.PI) / 180));
  let best = 0;
  let bestScore = -Infinity;
  for (let deg = -MAX_SKEW; deg <= MAX_SKEW + 1e-9; deg += 0.2) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  const coarse = best;
  for (let deg = coarse - 0.2; deg <= coarse + 0.2 + 1e-9; deg += 0.02) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  return Math.round(best * 100) / 100;
}

/** Ink points of the image reduced by `factor` (a reduced pixel is ink when any of its pixels is). */
function reduce(ink: Uint8Array, width: number, height: number, factor: number): { points: Int32Array; height: number } {
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const seen = new Uint8Array(w * h);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const ry = ((y / factor) | 0) * w;
    for (let x = 0; x < width; x++) if (ink[row + x]) seen[ry + ((x / factor) | 0)] = 1;
  }
  let n = 0;
  for (const v of seen) n += v;
  const points = new Int32Array(2 * n);
  let k = 0;
  for (let i = 0; i < seen.length; i++) {
    if (!seen[i]) continue;
    points[k++] = i % w;
    points[k++] = (i / w) | 0;
  }
  return { points, height: h };
}

/**
 * Sum of squared differences between neighbouring rows of the ink profile after shearing by
 * `slope`: level lines pile into few rows and make it large.
 */
function profileSharpness(points: Int32Array, height: number, slope: number): number {
  const margin = Math.ceil(Math.abs(slope) * 4096) + 2;
  const bins = new Float64Array(height + 2 * margin);
  for (let k = 0; k < points.length; k += 2) {
    const y = Math.round(points[k + 1]! + points[k]! * slope) + margin;
    if (y >= 0 && y < bins.length) bins[y] = bins[y]! + 1;
  }
  let s = 0;
  for (let i = 1; i < bins.length; i++) s += (bins[i]! - bins[i - 1]!) ** 2;
  return s;
}
