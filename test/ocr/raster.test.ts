import { describe, expect, it } from 'vitest';
import { binarize, crop, decodePgm, encodePgm, otsuThreshold, resize, rotate, toGray, type Gray } from '../../src/ocr/raster.js';
import { estimateSkew } from '../../src/ocr/deskew.js';
import { findRasterRules, mendBrokenRules } from '../../src/ocr/raster-rules.js';
import { findTextLines } from '../../src/ocr/text-lines.js';
import { estimateCharSize } from '../../src/ocr/text-size.js';
import { toDisplayed } from '../../src/ocr/ocr-document.js';

/** A white page with black rectangles (x0, y0, x1, y1 in pixels). */
function page(width: number, height: number, boxes: Array<[number, number, number, number]>): Gray {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  return { width, height, data };
}

describe('toGray', () => {
  it('fades red seal ink to paper and keeps black text under it dark', () => {
    const rgba = new Uint8Array([
      220, 30, 40, 255, // seal red
      240, 190, 190, 255, // the seal's pink halo
      20, 5, 5, 255, // black text printed under the seal
      30, 30, 30, 255, // black text
      0, 0, 0, 0, // transparent
    ]);
    expect([...toGray(rgba, 5, 1).data]).toEqual([242, 252, 14, 30, 255]);
  });

  it('reads RGB (three channels) as RGBA with full alpha', () => {
    const rgb = new Uint8Array([220, 30, 40, 240, 190, 190, 20, 5, 5, 30, 30, 30]);
    expect([...toGray(rgb, 4, 1, 3).data]).toEqual([242, 252, 14, 30]);
  });
});

describe('raster basics', () => {
  it('binarizes at Otsu’s threshold and round-trips PGM', () => {
    const g = page(10, 4, [[0, 0, 3, 4]]);
    expect(otsuThreshold(g)).toBe(1);
    expect(binarize(g).reduce((a, b) => a + b, 0)).toBe(12);
    expect(decodePgm(encodePgm(g))).toEqual(g);
  });

  it('turns by quarter turns exactly (counter-clockwise) and crops with padding', () => {
    const g = page(4, 2, [[3, 0, 4, 1]]); // top-right pixel black
    const turned = rotate(g, 90);
    expect([turned.width, turned.height]).toEqual([2, 4]);
    expect(turned.data[0]).toBe(0); // top-right went to top-left
    expect(rotate(rotate(g, 90), 270)).toEqual(g);
    const c = crop(g, [2, 0, 4, 1], 1);
    expect([c.width, c.height, c.data[1 * 4 + 2]]).toEqual([4, 3, 0]);
  });

  it('resizes by area when shrinking', () => {
    const g = page(4, 4, [[0, 0, 2, 2]]);
    expect([...resize(g, 0.5).data]).toEqual([0, 255, 255, 255]);
  });
});

describe('skew, rules and lines', () => {
  // A ruled grid 3 × 2 with a "word" of ink blobs in each cell, 40 px characters.
  const grid = (): Gray => {
    const boxes: Array<[number, number, number, number]> = [];
    for (const y of [100, 200, 300]) boxes.push([100, y, 900, y + 3]);
    for (const x of [100, 500, 897]) boxes.push([x, 100, x + 3, 303]);
    for (const [x, y] of [[150, 130], [550, 130], [150, 230], [550, 230]]) for (let k = 0; k < 4; k++) boxes.push([x! + k * 44, y!, x! + k * 44 + 36, y! + 40]);
    return page(1000, 400, boxes);
  };

  it('measures a page turned by 1.5° within 0.1°, either way', () => {
    for (const angle of [1.5, -1.2]) {
      const g = rotate(grid(), angle);
      const ink = binarize(g);
      expect(Math.abs(estimateSkew(ink, g.width, g.height) - angle)).toBeLessThan(0.1);
    }
    const g = grid();
    expect(estimateSkew(binarize(g), g.width, g.height)).toBe(0);
  });

  it('finds the rules of a grid in points and not the strokes of characters', () => {
    const g = grid();
    const rules = findRasterRules(binarize(g), g.width, g.height, { scale: 2, charSize: 40 });
    const h = rules.filter((r) => r.segment.dir === 'h').map((r) => r.segment);
    const v = rules.filter((r) => r.segment.dir === 'v').map((r) => r.segment);
    expect(h.map((s) => s.at)).toEqual([50.75, 100.75, 150.75]);
    expect(v.map((s) => s.at)).toEqual([50.75, 250.75, 449.25]);
    expect(h[0]).toMatchObject({ from: 50, to: 450 });
  });

  it('sizes characters and finds text lines in a cell', () => {
    const g = grid();
    const ink = binarize(g);
    expect(estimateCharSize(ink, g.width, g.height)).toBe(40);
    expect(findTextLines(ink, g.width, [104, 104, 499, 199], { lineHeight: 40 })).toEqual([[150, 130, 318, 170]]);
  });

  it('maps boxes of the upright, deskewed image back to the page as displayed', () => {
    const t = { skew: 0, quarter: 1, scale: 2, imageWidth: 200, imageHeight: 100 };
    // Upright image is 100 × 200 px (50 × 100 pt); its top-left corner was the page's top-right.
    expect(toDisplayed([0, 0, 10, 5], t)).toEqual([94.5, 0, 99.5, 10]);
    expect(toDisplayed([10, 20, 30, 40], { ...t, quarter: 0 })).toEqual([10, 20, 30, 40]);
  });
});

describe('mendBrokenRules', () => {
  const h = (at: number, from: number, to: number) => ({ dir: 'h' as const, at, from, to });
  const v = (at: number, from: number, to: number) => ({ dir: 'v' as const, at, from, to });
  const sorted = (segments: ReturnType<typeof h>[]) => [...segments].sort((a, b) => a.dir.localeCompare(b.dir) || a.at - b.at || a.from - b.from);

  it('joins a rule broken where a seal crossed it, and meets a rule that stops short', () => {
    // As found on the yuanjiang scan (points): the top rule broken 305.6–325.1, a column rule starting 12 pt below it.
    const found = [h(79.7, 35.3, 305.6), h(79.7, 325.1, 560.2), h(93.8, 35.3, 560.2), v(35.3, 79.7, 200), v(287.8, 91.8, 200), v(560.2, 79.7, 200)];
    expect(sorted(mendBrokenRules(found, 27))).toEqual(sorted([h(79.7, 35.3, 560.2), h(93.8, 35.3, 560.2), v(35.3, 79.7, 200), v(287.8, 79.7, 200), v(560.2, 79.7, 200)]));
  });

  it('keeps a gap with a crossing rule at both ends (a merged cell), wide gaps, and short horizontal pieces', () => {
    const merged = [h(100, 0, 50), h(100, 70, 200), v(50, 80, 120), v(70, 80, 120)];
    expect(sorted(mendBrokenRules(merged, 27))).toEqual(sorted(merged));
    const wide = [h(100, 0, 50), h(100, 90, 200)];
    expect(sorted(mendBrokenRules(wide, 27))).toEqual(sorted(wide));
    // A chain of short pieces (the bottom strokes of a bold header row, changning page 7) stays broken.
    const strokes = [h(121.3, 133.4, 148), h(121.3, 149.3, 193.4), h(121.3, 200, 230), h(121.3, 236.2, 268.3)];
    expect(sorted(mendBrokenRules(strokes, 27))).toEqual(sorted(strokes));
    // A bold heading's stroke near a column rule is not stretched to meet it.
    const stroke = [h(98, 244, 280), v(287.8, 79.7, 200)];
    expect(sorted(mendBrokenRules(stroke, 27))).toEqual(sorted(stroke));
  });
});
