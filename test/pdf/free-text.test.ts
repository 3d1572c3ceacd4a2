import { describe, expect, it } from 'vitest';
import { readFreeText, type TextBlock } from '../../src/layout/free-text.js';
import type { TextRun } from '../../src/pdf/page-content.js';

/** A run of Latin text at (x, y), 10 pt, half a font size per character. */
const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, box: [x, y, x + 0.5 * size * text.length, y + size], size });

/** Words printed one by one from `x`, `gap` points apart (a justified line as some producers write it). */
const wordByWord = (line: string, x: number, y: number, gap: number): TextRun[] => {
  const out: TextRun[] = [];
  for (const word of line.split(' ')) {
    const r = run(word, x, y);
    out.push(r);
    x = r.box[2] + gap;
  }
  return out;
};

const kinds = (blocks: TextBlock[]) => blocks.map((b) => b.kind);
const rowTexts = (block: TextBlock, row: number) => block.cells.filter((c) => c.row === row).map((c) => c.text);

describe('free text: what is not a table', () => {
  it('a justified paragraph printed word by word is lines of one cell, not a table of words', () => {
    const lines = [
      'The suggestion for the presentation of population standard deviations',
      'is the same as for standard errors unless there is a minimum of thirty',
      'individuals and at least twelve variance strata with observations in both',
    ];
    // Each line has its own even spacing (8.2, 7.7 and 7.4 pt), as justification leaves it.
    const runs = lines.flatMap((line, k) => wordByWord(line, 72, 100 + 14 * k, [8.2, 7.7, 7.4][k]!));
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['lines']);
    expect(blocks[0]!.cols).toBe(1);
    expect(rowTexts(blocks[0]!, 0)).toEqual([lines[0]]);
  });
});

describe('free text: borderless tables are still tables', () => {
  it('labels and numbers in columns', () => {
    const rows = [
      ['Country', '2000', '2005', '2010'],
      ['Finland', '3.7', '5.0', '1.5'],
      ['Sweden', '4.1', '4.4', '2.0'],
      ['Norway', '2.9', '3.3', '1.8'],
    ];
    const runs = rows.flatMap((cells, r) => cells.map((text, c) => run(text, 72 + 100 * c, 100 + 14 * r)));
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(blocks[0]).toMatchObject({ rows: 4, cols: 4 });
    expect(rowTexts(blocks[0]!, 2)).toEqual(['Sweden', '4.1', '4.4', '2.0']);
  });

  it('evenly spaced words of a header row are not joined when they are far apart (column gaps)', () => {
    const runs = [
      ...wordByWord('Status Sample Percent Weighted', 72, 100, 40),
      ...wordByWord('Total 39695 100.0 100.0', 72, 114, 40),
      ...wordByWord('Examined 30818 77.6 73.4', 72, 128, 40),
    ];
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(rowTexts(blocks[0]!, 0)).toEqual(['Status', 'Sample', 'Percent', 'Weighted']);
  });

  it('a Chinese borderless form row of evenly spaced labels is not joined (Han text is not Latin words)', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '200'],
      ['效益指标', '社会效益', '满意度', '95%'],
    ];
    const han = (text: string, x: number, y: number): TextRun => ({ text, box: [x, y, x + 10 * text.length, y + 10], size: 10 });
    const runs = rows.flatMap((cells, r) => {
      let x = 72;
      return cells.map((text) => {
        const t = han(text, x, 100 + 14 * r);
        x = t.box[2] + 8;
        return t;
      });
    });
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(blocks[0]!.cols).toBe(4);
  });
});
