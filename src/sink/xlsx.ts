import XLSX from 'xlsx';
import type { Measure, Record } from '../schema/record.js';

type CellValue = string | number | null;
interface Column {
  header: string;
  kind: 'text' | 'amount' | 'number';
}

const MONEY_FORMAT = '#,##0.00';

/**
 * The analyst workbook: sheets 记录 (one row per form), 指标 (one row per indicator with its form's
 * keys) and 发现 (one row per finding). Amounts are numbers in 元 with a 2-decimal format, headers
 * are Chinese, the header row is frozen and column widths fit their content.
 */
export function recordsToWorkbook(records: readonly Record[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, buildSheet(RECORD_COLUMNS, records.map(recordRow)), 'records');
  XLSX.utils.book_append_sheet(
    workbook,
    buildSheet(INDICATOR_COLUMNS, records.flatMap((r) => r.indicators.map((i, k) => indicatorRow(r, k, i)))),
    'indicators',
  );
  XLSX.utils.book_append_sheet(
    workbook,
    buildSheet(FINDING_COLUMNS, records.flatMap((r) => r.findings.map((f) => findingRow(r, f)))),
    'findings',
  );
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return freezeHeaderRows(bytes);
}

const RECORD_COLUMNS: Column[] = [
  { header: '文件', kind: 'text' },
  { header: '页码', kind: 'text' },
  { header: '表类型', kind: 'text' },
  { header: '标题', kind: 'text' },
  { header: '年度', kind: 'number' },
  { header: '项目名称', kind: 'text' },
  { header: '主管部门', kind: 'text' },
  { header: '实施单位', kind: 'text' },
  { header: '金额单位(原表)', kind: 'text' },
  { header: '年初预算数(元)', kind: 'amount' },
  { header: '全年预算数(元)', kind: 'amount' },
  { header: '全年执行数(元)', kind: 'amount' },
  { header: '资金申请总额(元)', kind: 'amount' },
  { header: '上年预算数(元)', kind: 'amount' },
  { header: '执行率(%)', kind: 'number' },
  { header: '资金分值', kind: 'number' },
  { header: '资金得分', kind: 'number' },
  { header: '预期目标', kind: 'text' },
  { header: '实际完成情况', kind: 'text' },
  { header: '指标数', kind: 'number' },
  { header: '总分值', kind: 'number' },
  { header: '总得分', kind: 'number' },
  { header: '等级', kind: 'text' },
  { header: '错误数', kind: 'number' },
  { header: '警告数', kind: 'number' },
  { header: '其他信息', kind: 'text' },
];

function recordRow(r: Record): CellValue[] {
  const total = r.funds?.total;
  const count = (severity: string) => r.findings.filter((f) => f.severity === severity).length;
  return [
    r.source.file,
    r.source.pages.join(','),
    r.formType,
    r.title,
    r.year,
    r.projectName,
    r.department,
    r.implementingUnit,
    r.amountUnit,
    total?.initialBudget ?? null,
    total?.annualBudget ?? null,
    total?.executed ?? null,
    total?.requested ?? null,
    total?.previousYearBudget ?? null,
    total?.executionRate ?? null,
    total?.weight ?? null,
    total?.score ?? null,
    r.goal?.planned ?? null,
    r.goal?.achieved ?? null,
    r.indicators.length,
    r.totalWeight,
    r.totalScore,
    r.grade,
    count('error'),
    count('warning'),
    Object.keys(r.extra).length ? JSON.stringify(r.extra) : null,
  ];
}

const INDICATOR_COLUMNS: Column[] = [
  { header: '文件', kind: 'text' },
  { header: '项目名称', kind: 'text' },
  { header: '序号', kind: 'number' },
  { header: '一级指标', kind: 'text' },
  { header: '一级分值', kind: 'number' },
  { header: '二级指标', kind: 'text' },
  { header: '二级分值', kind: 'number' },
  { header: '三级指标', kind: 'text' },
  { header: '指标解释', kind: 'text' },
  { header: '指标值', kind: 'text' },
  { header: '指标值比较', kind: 'text' },
  { header: '指标值数值', kind: 'number' },
  { header: '指标值单位', kind: 'text' },
  { header: '实际完成值', kind: 'text' },
  { header: '实际数值', kind: 'number' },
  { header: '实际单位', kind: 'text' },
  { header: '分值', kind: 'number' },
  { header: '得分', kind: 'number' },
  { header: '偏差原因', kind: 'text' },
];

function indicatorRow(r: Record, k: number, i: Record['indicators'][number]): CellValue[] {
  const m = (x: Measure | null) => [x?.text ?? null, x?.op ?? null, x?.value ?? null, x?.unit ?? null];
  const [actualText, , actualValue, actualUnit] = m(i.actual);
  return [
    r.source.file,
    r.projectName,
    k + 1,
    i.level1,
    i.level1Weight ?? null,
    i.level2,
    i.level2Weight ?? null,
    i.level3,
    i.explanation,
    ...m(i.target),
    actualText ?? null,
    actualValue ?? null,
    actualUnit ?? null,
    i.weight,
    i.score,
    i.deviation,
  ];
}

const FINDING_COLUMNS: Column[] = [
  { header: '文件', kind: 'text' },
  { header: '页码', kind: 'text' },
  { header: '项目名称', kind: 'text' },
  { header: '规则', kind: 'text' },
  { header: '级别', kind: 'text' },
  { header: '字段', kind: 'text' },
  { header: '应为', kind: 'text' },
  { header: '表上为', kind: 'text' },
  { header: '说明', kind: 'text' },
];

function findingRow(r: Record, f: Record['findings'][number]): CellValue[] {
  const page = r.provenance[f.field]?.page ?? r.source.pages[0] ?? null;
  return [r.source.file, page === null ? null : String(page), r.projectName, f.rule, f.severity, f.field, f.expected, f.found, f.message];
}

function buildSheet(columns: readonly Column[], rows: readonly CellValue[][]): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([columns.map((c) => c.header)]);
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === '') return;
      const address = XLSX.utils.encode_cell({ r: r + 1, c });
      const kind = columns[c]!.kind;
      if ((kind === 'amount' || kind === 'number') && /^-?\d+(\.\d+)?$/.test(String(value))) {
        // Excel stores doubles; the decimal string is kept as the cell's text for exact reading back.
        sheet[address] = { t: 'n', v: Number(value), w: String(value), ...(kind === 'amount' ? { z: MONEY_FORMAT } : {}) };
      } else {
        sheet[address] = { t: 's', v: String(value) };
      }
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } });
  sheet['!cols'] = columns.map((column, c) => ({ wch: fitWidth(column.header, rows.map((row) => row[c] ?? null)) }));
  sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } }) };
  return sheet;
}

/** Display width in characters: a Han character is two columns wide. Capped so prose stays readable. */
function fitWidth(header: string, values: readonly CellValue[]): number {
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widest = Math.max(width(header), ...values.map((v) => (v === null ? 0 : width(String(v)))));
  return Math.min(Math.max(widest + 2, 6), 60);
}

/** SheetJS community edition cannot write frozen panes, so the pane is added to each sheet's XML. */
function freezeHeaderRows(bytes: Buffer): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  zip.FullPaths.forEach((path: string, k: number) => {
    if (!/xl\/worksheets\/sheet\d+\.xml$/.test(path)) return;
    const entry = zip.FileIndex[k]!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const frozen = xml.replace(
      /<sheetView workbookViewId="0"\/>/,
      '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>',
    );
    entry.content = Buffer.from(frozen, 'utf8');
    entry.size = entry.content.length;
  });
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer);
}
