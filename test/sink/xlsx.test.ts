import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { recordsToWorkbook } from '../../src/sink/xlsx.js';
import { extractFixture } from '../support/extract-fixture.js';

describe('analyst workbook', () => {
  it('round-trips: records, indicators and findings read back with the same values', async () => {
    const records = await extractFixture('seeds/changning-2023-self-evaluation.txt');
    const workbook = XLSX.read(recordsToWorkbook(records), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['records', 'indicators', 'findings']);

    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets.records!);
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r['项目名称'])).toEqual(records.map((r) => r.projectName));
    expect(rows[1]).toMatchObject({ '全年执行数(元)': 371129.24, '执行率(%)': 94.2, '总得分': 99.42, '年度': 2023 });

    const indicators = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets.indicators!);
    expect(indicators).toHaveLength(records.reduce((n, r) => n + r.indicators.length, 0));
    expect(indicators[0]).toMatchObject({ '三级指标': '改造面积', '指标值': '>=95%', '指标值比较': '>=', '指标值数值': 95, '分值': 20 });

    const findings = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets.findings!);
    const errors = findings.filter((f) => f['级别'] === 'error');
    expect(errors.map((f) => [f['规则'], f['字段'], f['应为'], f['表上为']])).toEqual([
      ['funds.rate', 'funds.total.executionRate', '86.13', '86.14'],
      ['funds.rate', 'funds.total.executionRate', '84.71', '84.72'],
      ['funds.rate', 'funds.total.executionRate', '100.32', '100.33'],
    ]);
  });

  it('formats amounts with two decimals and freezes the header row of every sheet', async () => {
    const records = await extractFixture('seeds/putuo-2024-goal-declaration.txt');
    const bytes = recordsToWorkbook(records);
    const workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    const sheet = workbook.Sheets.records!;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const col = header.indexOf('资金申请总额(元)');
    const cell = sheet[XLSX.utils.encode_cell({ r: 1, c: col })]!;
    expect(cell.t).toBe('n');
    expect(cell.v).toBe(539800);
    expect(cell.z).toBe('#,##0.00');
    const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
    const sheets = zip.FullPaths.map((p: string, k: number) => [p, zip.FileIndex[k]!] as const).filter(([p]) => /sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(3);
    for (const [, entry] of sheets) {
      expect(Buffer.from(entry.content as Uint8Array).toString('utf8')).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    }
  });
});
