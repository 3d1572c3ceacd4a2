import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

describe('an HTML table saved as .xls', () => {
  // Read by src/html (htmlparser2), not SheetJS: SheetJS's HTML reader took `data-v=">=95%"` for the
  // end of the tag (text `=95%"id="sjs-E13">>=95%`) and left `&#x000d;` undecoded.
  it('is read as an HTML page, rowspans and colspans included', async () => {
    const workbook = XLSX.read(readFileSync(join(FIXTURES_DIR, 'rendered', 'changning-2023-self-evaluation.xlsx')), { type: 'buffer' });
    const html = XLSX.utils.sheet_to_html(workbook.Sheets[workbook.SheetNames[1]!]!);
    expect(html).toContain('rowspan');
    const result = await extract(Buffer.from(html, 'utf8'), 'export.xls');
    expect(result.kind).toBe('html');
    expect(result.records).toHaveLength(1);
    const [record] = result.records;
    expect(record).toMatchObject({ projectName: '监督检查专项经费', totalWeight: '100', totalScore: '99.42', source: { method: 'text' } });
    expect(record!.funds?.total).toMatchObject({ executed: '371129.24', executionRate: '94.20', score: '9.42' });
    expect(record!.indicators).toHaveLength(9);
    expect(record!.indicators[4]).toMatchObject({ level1: '效益指标', level2: '社会效益指标', level3: '文明检查情况' });
    expect(record!.indicators[3]!.target).toMatchObject({ text: '>=90%', op: '>=', value: '90' });
  });
});
