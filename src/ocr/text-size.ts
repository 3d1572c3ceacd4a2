/**
 * The size of the page's characters in pixels, whatever the page's declared size or resolution:
 * the upper quartile of the sizes of the ink's connected pieces (a Han character is one piece or
 * a few radicals; specks and rules fall outside the size window). Null when the page shows no text.
 */
export function estimateCharSize(ink: Uint8Array, width: number, height: number): number | null {
  // Pieces are found on the image halved (a reduced pixel is ink when any of its four is).
  const w = width >> 1;
  const h = height >> 1;
  if (w < 4 || h < 4) return null;
  const small = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * width + 2 * x;
      small[y * w + x] = ink[i]! | ink[i + 1]! | ink[i + width]! | ink[i + width + 1]!;
    }
  }
  const label = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const sizes: number[] = [];
  const maxSide = Math.max(8, 0.06 * Math.max(w, h));
  for (let start = 0; start < small.length; start++) {
    if (!small[start] || label[start]! >= 0) continue;
    let top = 0;
    stack[top++] = start;
    label[start] = start;
    let [x0, y0, x1, y1] = [w, h, -1, -1];
    let count = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w;
      const y = (p / w) | 0;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [p - 1, p + 1, p - w, p + w]) {
        if (q < 0 || q >= small.length || label[q]! >= 0 || !small[q]) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === w - 1)) continue;
        label[q] = start;
        stack[top++] = q;
      }
    }
    const side = Math.max(x1 - x0 + 1, y1 - y0 + 1);
    if (side >= 3 && side <= maxSide && count >= 4) sizes.push(side);
  }
  if (sizes.length < 10) return null;
  sizes.sort((a, b) => a - b);
  return 2 * sizes[Math.floor(sizes.length * 0.75)]!;
}
