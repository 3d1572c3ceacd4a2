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

  it('a bulleted list is lines, not a two-column table', () => {
    const items = ['provide all citizens with an opportunity to learn', 'promote equality in adult learning', 'reinforce teaching methods and materials'];
    const runs = items.flatMap((text, k) => [run('•', 90, 100 + 30 * k), run(text, 108, 100 + 30 * k)]);
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['lines']);
    expect(rowTexts(blocks[0]!, 1)).toEqual(['•', 'promote equality in adult learning']);
  });

  it('numbered items (`1.`, `2.`, …) and section numbers are a list too', () => {
    const runs = ['Calculate the trip distance of each trip', 'Eliminate stop-and-go and idling periods', 'Set the acceleration rate to three'].flatMap((text, k) => [
      run(`${k + 1}.`, 90, 100 + 14 * k),
      run(text, 108, 100 + 14 * k),
    ]);
    expect(kinds(readFreeText(1, runs))).toEqual(['lines']);
  });

  it('a page set in two columns of running text is lines, not a table', () => {
    const left = ['Heart disease and stroke are the first and', 'fourth leading causes of death in the United', 'States and have been since the early years', 'of the last century in most of the states'];
    const right = ['occlusion and stenosis of cerebral arteries', 'and myocardial infarction are the main ones', 'substantial differences were found between', 'the groups that the report compares here'];
    const runs = left.flatMap((text, k) => [run(text, 36, 100 + 12 * k), run(right[k]!, 306, 100 + 12 * k)]);
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['lines']);
    expect(blocks[0]!.rows).toBe(4);
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

  it('a label column beside a column of long descriptions', () => {
    const rows = [
      ['Item', 'Description'],
      ['Tuition', 'The cost of taking a course varies by college'],
      ['Room and board', 'The cost of lodging and food varies by place'],
      ['Fees', 'Fees will depend on the school you choose'],
    ];
    const runs = rows.flatMap((cells, r) => [run(cells[0]!, 36, 100 + 14 * r), run(cells[1]!, 140, 100 + 14 * r)]);
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(blocks[0]).toMatchObject({ rows: 4, cols: 2 });
  });

  it('a numbered column with several value columns is a table, not a list', () => {
    const rows = [
      ['1', 'Office rent', '120.00', '118.50'],
      ['2', 'Travel', '35.00', '12.40'],
      ['3', 'Training', '20.00', '19.80'],
    ];
    const runs = rows.flatMap((cells, r) => cells.map((text, c) => run(text, 72 + 90 * c, 100 + 14 * r)));
    expect(kinds(readFreeText(1, runs))).toEqual(['aligned']);
  });

  it('numbered rows under a header row (`序号 | 报表名称`) are a table, not a list', () => {
    const han = (text: string, x: number, y: number): TextRun => ({ text, box: [x, y, x + 10 * text.length, y + 10], size: 10 });
    const rows = [
      ['序号', '报表名称'],
      ['一、', '收支预算总表'],
      ['二、', '收入预算总表'],
      ['三、', '支出预算总表'],
    ];
    const runs = rows.flatMap((cells, r) => [han(cells[0]!, 120, 100 + 20 * r), han(cells[1]!, 220, 100 + 20 * r)]);
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(rowTexts(blocks[0]!, 2)).toEqual(['二、', '收入预算总表']);
    // The same items without the header row are a list.
    expect(kinds(readFreeText(1, runs.slice(2)))).toEqual(['lines']);
  });

  it('group and subgroup headings between rows, even set out to the left, stay inside the table', () => {
    const row = (label: string, x: number, y: number, values: string[]) => [run(label, x, y), ...values.map((v, c) => run(v, 250 + 60 * c, y))];
    const runs = [
      ...row('Characteristics', 36, 100, ['no.', '(%)']),
      ...row('Female', 42, 116, ['1,207', '(2.4)']),
      ...row('Male', 42, 132, ['1,170', '(1.9)']),
      run('Sex, by race/ethnicity', 36, 148),
      run('Male', 42, 164),
      ...row('White', 50, 180, ['780', '(1.8)']),
      ...row('Hispanic', 50, 196, ['155', '(2.2)']),
      run('Annual income', 36, 212),
      ...row('Under 25,000', 42, 228, ['1,969', '(4.0)']),
      ...row('25,000 or more', 42, 244, ['639', '(2.1)']),
    ];
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(blocks[0]).toMatchObject({ rows: 10, cols: 3 });
    expect(rowTexts(blocks[0]!, 3)).toEqual(['Sex, by race/ethnicity']);
    expect(rowTexts(blocks[0]!, 7)).toEqual(['Annual income']);
  });

  it('dot leaders between cells are no text of their own and do not glue cells together', () => {
    // `0.99 ........ 800`: the leader starts 2 pt after the first number and ends 2 pt before the second.
    const rows = [
      ['0.99', '800', '1,360'],
      ['0.98', '900', '1,440'],
      ['0.97', '1,000', '1,520'],
    ];
    const runs = rows.flatMap((cells, r) => {
      const y = 100 + 14 * r;
      const first = run(cells[0]!, 72, y);
      const leader = run('..............', first.box[2] + 2, y);
      return [first, leader, run(cells[1]!, leader.box[2] + 2, y), run(cells[2]!, 260, y)];
    });
    const blocks = readFreeText(1, runs);
    expect(kinds(blocks)).toEqual(['aligned']);
    expect(rowTexts(blocks[0]!, 1)).toEqual(['0.98', '900', '1,440']);
    // `...` alone (not available) is kept.
    const na = readFreeText(1, [...runs, run('2010', 72, 142), run('...', 170, 142), run('1,600', 260, 142)]);
    expect(rowTexts(na[0]!, 3)).toEqual(['2010', '...', '1,600']);
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
