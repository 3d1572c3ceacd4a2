/**
 * Renders golden records into PDFs laid out like the printed forms, in three looks, as test
 * fixtures for the PDF reader. Each document is written as a flat OpenDocument spreadsheet (.fods,
 * plain XML: borders, merged cells, number formats, column widths, wrapping, page setup) and
 * converted by LibreOffice, which embeds Noto CJK subsets, so the text layer is real text.
 * Dev-time only (needs `soffice` and fonts-noto-cjk; `pdftotext` for the self-check):
 *
 *   npx tsx scripts/render-golden-pdfs.ts && npx tsx scripts/update-manifest.ts
 *
 * Writes fixtures/pdf/<seed-id>.<look>.pdf for every seed with a golden file, and three special
 * cases into fixtures/pdf/special/ (see fixtures/pdf/README.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { layoutRecord, type Layout, type LayoutCell, type Range } from './lib/form-layout.js';
import { FIXTURES_DIR, readJsonl } from './lib/manifest.js';

type Json = Record<string, any>;
type Borders = 'all' | 'frame' | 'none';

interface Look {
  name: string;
  landscape: boolean;
  font: string;
  fontSize: number;
  borders: Borders;
  /** Shrink each sheet onto one page (one form per page). */
  onePage: boolean;
  /** Vertical cell padding in cm (taller rows make tables run over pages). */
  padding: number;
  /** Page margins in cm: [top, right, bottom, left]. */
  margins: [number, number, number, number];
  /** Whether the indicator header row repeats on every page (print-title rows), per seed. */
  repeatHeader?: (seed: string) => boolean;
}

const LOOKS: Look[] = [
  { name: 'ruled', landscape: false, font: 'Noto Sans CJK SC', fontSize: 9, borders: 'all', onePage: true, padding: 0.05, margins: [1.5, 1.2, 1.5, 1.2] },
  { name: 'partly-ruled', landscape: false, font: 'Noto Serif CJK SC', fontSize: 9, borders: 'frame', onePage: true, padding: 0.05, margins: [1.5, 1.2, 1.5, 1.2] },
  {
    name: 'landscape-split',
    landscape: true,
    font: 'Noto Sans CJK SC',
    fontSize: 10,
    borders: 'all',
    onePage: false,
    padding: 0.2,
    margins: [2.0, 1.5, 2.0, 1.5],
    // Print-title rows in two documents, none in the other two.
    repeatHeader: (seed) => seed.startsWith('changning') || seed.startsWith('shanghai'),
  },
];

/** Relative column widths per form family (scaled to the printable width). */
const COLUMN_WEIGHTS: Record<string, number[]> = {
  'project-self-evaluation': [1.5, 2.0, 2.7, 2.8, 2.7, 2.1, 1.5, 1.2, 2.2],
  'project-self-assessment': [3.4, 3.0, 4.5, 3.5, 1.6, 2.6],
  'project-goal-declaration': [2.4, 3.0, 3.2, 3.6, 2.4, 4.0],
  'evaluation-scoring': [2.2, 1.1, 2.4, 1.1, 3.0, 1.1, 6.0, 1.1],
};

const FOOTER_LABELS = ['填表人：', '填表日期：', '联系电话：', '单位负责人签字：'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// Number formats: the Excel formats form-layout uses (`#,##0.00`, `0`, `0.00%`) as ODF styles,
// and the text each displays (to check the PDF shows exactly the golden digits).

interface NumberFormat {
  grouping: boolean;
  decimals: number;
  percent: boolean;
}

function parseFormat(z: string): NumberFormat {
  const m = /^(#,##0|0)(?:\.(0+))?(%)?$/.exec(z);
  if (!m) throw new Error(`unsupported number format ${z}`);
  return { grouping: m[1] === '#,##0', decimals: m[2]?.length ?? 0, percent: !!m[3] };
}

function displayed(cell: LayoutCell): string {
  if (typeof cell.v === 'string' || !cell.z) return String(cell.v);
  const f = parseFormat(cell.z);
  const value = new Decimal(cell.v).times(f.percent ? 100 : 1).toFixed(f.decimals);
  const [int, frac] = value.split('.');
  const grouped = f.grouping ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  return `${grouped}${frac ? `.${frac}` : ''}${f.percent ? '%' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// One sheet: one or more form layouts stacked vertically, with their cell roles.

type Role = 'title' | 'header' | 'label' | 'text' | 'number' | 'footer';

interface SheetCell {
  cell: LayoutCell | null;
  role: Role;
}

interface Block {
  /** First and last row of the ruled table (title rows above and footer rows below stay outside). */
  first: number;
  last: number;
  /** Rows with a rule under them in the partly-ruled look. */
  rules: Set<number>;
  /** The indicator header row. */
  header: number;
}

interface Sheet {
  name: string;
  formType: string;
  width: number;
  rows: SheetCell[][];
  merges: Range[];
  blocks: Block[];
}

function isTitleRow(layout: Layout, r: number): boolean {
  const row = layout.rows[r]!;
  return row.slice(1).every((c) => c == null) && layout.merges.some((m) => m.s.r === r && m.e.r === r && m.s.c === 0 && m.e.c === layout.width - 1);
}

function buildSheet(name: string, records: Json[]): Sheet {
  const sheet: Sheet = { name, formType: records[0]!.formType, width: 0, rows: [], merges: [], blocks: [] };
  for (const record of records) {
    const layout = layoutRecord(record);
    if (sheet.rows.length) sheet.rows.push([], []); // two blank rows between forms on one sheet
    const offset = sheet.rows.length;
    sheet.width = Math.max(sheet.width, layout.width);
    let first = 0;
    while (first < layout.rows.length && isTitleRow(layout, first)) first++;
    let last = layout.rows.length - 1;
    while (last > first && FOOTER_LABELS.includes(String(layout.rows[last]![0]?.v ?? ''))) last--;
    const rowText = (r: number) => layout.rows[r]!.map((c) => String(c?.v ?? ''));
    const header = layout.rows.findIndex((_, r) => r >= first && rowText(r).includes('一级指标') && (rowText(r).includes('三级指标') || rowText(r).includes('指标名称')));
    const funds = layout.rows.findIndex((_, r) => r >= first && rowText(r).includes('资金来源'));
    const rules = new Set([header, funds].filter((r) => r >= 0).map((r) => r + offset));
    sheet.blocks.push({ first: first + offset, last: last + offset, rules, header: header >= 0 ? header + offset : -1 });
    layout.rows.forEach((layoutRow, r) => {
      let row = layoutRow;
      if (r > last) {
        // A footer row (填表人：… 填表日期：…) prints as one line of text under the table, as on the
        // published forms, rather than as narrow label/value cells that would wrap.
        const parts: string[] = [];
        for (const cell of row) {
          if (!cell) continue;
          const v = String(cell.v);
          if (/[：:]$/.test(v) || !parts.length) parts.push(v);
          else parts[parts.length - 1] += v;
        }
        row = [{ v: parts.join('    ') }, ...Array(layout.width - 1).fill(null)];
        sheet.merges.push({ s: { r: r + offset, c: 0 }, e: { r: r + offset, c: layout.width - 1 } });
      }
      sheet.rows.push(
        row.map((cell, c) => {
          let role: Role = 'text';
          if (r < first) role = 'title';
          else if (r > last) role = 'footer';
          else if (r === header || r === funds) role = 'header';
          else if (cell && typeof cell.v === 'number') role = 'number';
          else if (cell && (c === 0 || /[：:]$/.test(String(cell.v)) || ['合计', '总分'].includes(String(cell.v)))) role = 'label';
          return { cell, role };
        }),
      );
    });
    for (const m of layout.merges) if (m.s.r <= last) sheet.merges.push({ s: { r: m.s.r + offset, c: m.s.c }, e: { r: m.e.r + offset, c: m.e.c } });
  }
  for (const row of sheet.rows) while (row.length < sheet.width) row.push({ cell: null, role: 'text' });
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// .fods writer.

interface DocOptions {
  look: Look;
  /** Per sheet: repeat its indicator header row on every page. */
  repeat: (sheet: Sheet) => boolean;
}

class Styles {
  private cells = new Map<string, string>();
  private numbers = new Map<string, string>();
  readonly xml: string[] = [];
  readonly numberXml: string[] = [];

  constructor(private look: Look) {}

  number(z: string): string {
    let name = this.numbers.get(z);
    if (name) return name;
    name = `N${this.numbers.size + 1}`;
    this.numbers.set(z, name);
    const f = parseFormat(z);
    const number = `<number:number number:decimal-places="${f.decimals}" number:min-decimal-places="${f.decimals}" number:min-integer-digits="1"${f.grouping ? ' number:grouping="true"' : ''}/>`;
    this.numberXml.push(
      f.percent
        ? `<number:percentage-style style:name="${name}">${number}<number:text>%</number:text></number:percentage-style>`
        : `<number:number-style style:name="${name}">${number}</number:number-style>`,
    );
    return name;
  }

  cell(role: Role, borders: [boolean, boolean, boolean, boolean], z?: string): string {
    const key = `${role}|${borders.join(',')}|${z ?? ''}`;
    let name = this.cells.get(key);
    if (name) return name;
    name = `ce${this.cells.size + 1}`;
    this.cells.set(key, name);
    const line = '0.5pt solid #000000';
    const [top, right, bottom, left] = borders.map((b) => (b ? line : 'none'));
    const align = role === 'title' || role === 'header' ? 'center' : role === 'number' ? 'end' : 'start';
    const size = role === 'title' ? (this.look.fontSize + 6) : this.look.fontSize;
    const bold = role === 'title' || role === 'header';
    const p = this.look.padding;
    const wrap = role === 'footer' ? 'fo:wrap-option="no-wrap"' : 'fo:wrap-option="wrap"';
    this.xml.push(
      `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${z ? ` style:data-style-name="${this.number(z)}"` : ''}>` +
        `<style:table-cell-properties ${wrap} style:vertical-align="middle" fo:border-top="${top}" fo:border-right="${right}" fo:border-bottom="${bottom}" fo:border-left="${left}" fo:padding-top="${p}cm" fo:padding-bottom="${p}cm" fo:padding-left="0.08cm" fo:padding-right="0.08cm"/>` +
        `<style:paragraph-properties fo:text-align="${align}"/>` +
        `<style:text-properties fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>` +
        `</style:style>`,
    );
    return name;
  }
}

function colName(c: number): string {
  return String.fromCharCode(65 + c);
}

function renderFods(sheets: Sheet[], options: DocOptions): string {
  const { look } = options;
  const styles = new Styles(look);
  const [pageW, pageH] = look.landscape ? [29.7, 21] : [21, 29.7];
  const [mt, mr, mb, ml] = look.margins;
  const printable = pageW - ml - mr - 0.1;
  const columnStyles: string[] = [];
  const columnStyle = new Map<string, string>();
  const colStyle = (width: number) => {
    const key = width.toFixed(3);
    let name = columnStyle.get(key);
    if (!name) {
      name = `co${columnStyle.size + 1}`;
      columnStyle.set(key, name);
      columnStyles.push(`<style:style style:name="${name}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${key}cm"/></style:style>`);
    }
    return name;
  };

  const tables = sheets.map((sheet) => {
    const weights = COLUMN_WEIGHTS[sheet.formType] ?? Array(sheet.width).fill(1);
    const sum = weights.reduce((a, b) => a + b, 0);
    const columns = weights.map((w) => `<table:table-column table:style-name="${colStyle((w / sum) * printable)}"/>`).join('');
    const anchors = new Map<string, Range>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      anchors.set(`${m.s.r},${m.s.c}`, m);
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
    }
    const blockOf = (r: number) => sheet.blocks.find((b) => r >= b.first && r <= b.last);
    /** Borders [top, right, bottom, left] of the area rows r0..r1, columns c0..c1. */
    const borders = (r0: number, c0: number, r1: number, c1: number): [boolean, boolean, boolean, boolean] => {
      const block = blockOf(r0);
      if (!block || look.borders === 'none') return [false, false, false, false];
      if (look.borders === 'all') return [true, true, true, true];
      return [r0 === block.first, c1 === sheet.width - 1, r1 === block.last || block.rules.has(r1), c0 === 0];
    };
    const repeat = options.repeat(sheet);
    const rowXml = sheet.rows.map((row, r) => {
      const cells = row.map(({ cell, role }, c) => {
        const key = `${r},${c}`;
        if (covered.has(key)) return `<table:covered-table-cell table:style-name="${styles.cell(role, borders(r, c, r, c))}"/>`;
        const m = anchors.get(key);
        const area = m ? borders(m.s.r, m.s.c, m.e.r, m.e.c) : borders(r, c, r, c);
        const spans = m ? ` table:number-columns-spanned="${m.e.c - m.s.c + 1}" table:number-rows-spanned="${m.e.r - m.s.r + 1}"` : '';
        const style = styles.cell(role, area, cell?.z);
        if (!cell) return `<table:table-cell table:style-name="${style}"${spans}/>`;
        if (typeof cell.v === 'number') {
          const type = cell.z && parseFormat(cell.z).percent ? 'percentage' : 'float';
          return `<table:table-cell table:style-name="${style}"${spans} office:value-type="${type}" office:value="${cell.v}"><text:p>${esc(displayed(cell))}</text:p></table:table-cell>`;
        }
        const paragraphs = String(cell.v)
          .split('\n')
          .map((line) => `<text:p>${esc(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p>`)
          .join('');
        return `<table:table-cell table:style-name="${style}"${spans} office:value-type="string">${paragraphs}</table:table-cell>`;
      });
      return `<table:table-row table:style-name="ro1">${cells.join('')}</table:table-row>`;
    });
    // Print-title rows: the first form's indicator header row, wrapped in <table:table-header-rows>.
    const header = sheet.blocks[0]!.header;
    if (repeat && header >= 0) rowXml[header] = `<table:table-header-rows>${rowXml[header]}</table:table-header-rows>`;
    const range = `'${sheet.name}'.A1:'${sheet.name}'.${colName(sheet.width - 1)}${sheet.rows.length}`;
    return `<table:table table:name="${esc(sheet.name)}" table:style-name="ta1" table:print-ranges="${esc(range)}">${columns}${rowXml.join('\n')}</table:table>`;
  });

  const ns = [
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  ].join(' ');
  const font = esc(look.font);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="&apos;${font}&apos;" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties style:font-name="${font}" style:font-name-asian="${font}" style:font-name-complex="${font}" fo:font-size="${look.fontSize}pt" style:font-size-asian="${look.fontSize}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/>
__NUMBERS__
</office:styles>
<office:automatic-styles>
${columnStyles.join('\n')}
<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>
<style:style style:name="ta1" style:family="table" style:master-page-name="PM1"><style:table-properties table:display="true"/></style:style>
__CELLS__
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${pageW}cm" fo:page-height="${pageH}cm" style:print-orientation="${look.landscape ? 'landscape' : 'portrait'}" fo:margin-top="${mt}cm" fo:margin-right="${mr}cm" fo:margin-bottom="${mb}cm" fo:margin-left="${ml}cm" style:print="objects charts drawings zero-values" style:print-page-order="ttb" style:table-centering="horizontal"${look.onePage ? ' style:scale-to-pages="1"' : ' style:scale-to="100%"'}/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="PM1" style:page-layout-name="pm1"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>
${tables.join('\n')}
</office:spreadsheet></office:body>
</office:document>
`
    .replace('__NUMBERS__', () => styles.numberXml.join('\n'))
    .replace('__CELLS__', () => styles.xml.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// LibreOffice conversion and PDF post-processing.

/**
 * Makes LibreOffice's output reproducible: a fixed /CreationDate, and /ID and /DocChecksum derived
 * from the content (same lengths, so no offset moves).
 */
function normalize(pdf: Buffer): Buffer {
  let text = pdf.toString('latin1').replace(/\/CreationDate\(D:\d{14}/g, '/CreationDate(D:20240601000000');
  const blank = text.replace(/\/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]/g, '').replace(/\/DocChecksum\s*\/[0-9A-Fa-f]+/g, '');
  const digest = createHash('md5').update(blank, 'latin1').digest('hex').toUpperCase();
  text = text
    .replace(/(\/ID\s*\[\s*)<[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}>/g, `$1<${digest}>$2<${digest}>`)
    .replace(/(\/DocChecksum\s*\/)[0-9A-Fa-f]{32}/g, `$1${digest}`);
  if (text.length !== pdf.length) throw new Error('normalize changed the length');
  return Buffer.from(text, 'latin1');
}

const PROFILE = 'file:///tmp/lo-profile-jixiao';

function convert(fods: string[], outDir: string): void {
  execFileSync('soffice', [`-env:UserInstallation=${PROFILE}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...fods], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Turns page 1 of a landscape PDF into a portrait MediaBox page with `/Rotate 90` whose content is
 * drawn turned a quarter counter-clockwise, so that it displays upright (as many printed-to-PDF
 * landscape forms are stored). Done as an incremental update: new objects appended after %%EOF.
 */
function rotatePage(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const pageMatch = /(\d+) 0 obj\s*<<\/Type\/Page\b(?!s)/.exec(text) ?? /(\d+) 0 obj\s*<<\s*\/Type\s*\/Page\b(?!s)/.exec(text);
  if (!pageMatch) throw new Error('no page object found');
  const pageNum = Number(pageMatch[1]);
  const start = pageMatch.index + pageMatch[0].indexOf('<<');
  const end = text.indexOf('endobj', start);
  let dict = text.slice(start, end).trim();
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(dict);
  if (!box) throw new Error('no MediaBox on the page');
  const [w, h] = [Number(box[3]), Number(box[4])];
  if (!(w > h)) throw new Error('expected a landscape page');
  const contents = /\/Contents\s*(\d+ 0 R|\[[^\]]*\])/.exec(dict);
  if (!contents) throw new Error('no Contents on the page');
  const size = Number(/\/Size\s+(\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
  const root = /\/Root\s+(\d+ 0 R)/.exec(text.slice(text.lastIndexOf('trailer')))![1];
  const info = /\/Info\s+(\d+ 0 R)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]?.replace(/\s+/g, ' ');
  const prevXref = Number(/startxref\s+(\d+)/g.exec(text.slice(text.lastIndexOf('startxref')))![1]);
  const [pre, post] = [size, size + 1];
  const inner = contents[1]!.startsWith('[') ? contents[1]!.slice(1, -1).trim() : contents[1]!;
  dict = dict
    .replace(box[0], `/MediaBox[0 0 ${h} ${w}]`)
    .replace(contents[0], `/Contents[${pre} 0 R ${inner} ${post} 0 R]`)
    .replace(/\/Rotate\s+\d+/, '')
    .replace(/>>$/, '/Rotate 90>>');
  const stream = (s: string) => `<</Length ${s.length}>>\nstream\n${s}\nendstream`;
  const objects: Array<[number, string]> = [
    [pageNum, dict],
    [pre, stream(`q 0 1 -1 0 ${h} 0 cm`)],
    [post, stream('Q')],
  ];
  let body = pdf.length && text.endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [n, obj] of objects) {
    offsets.set(n, pdf.length + Buffer.byteLength(body, 'latin1'));
    body += `${n} 0 obj\n${obj}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(body, 'latin1');
  const entry = (n: number) => `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
  body += `xref\n0 1\n0000000000 65535 f \n${pageNum} 1\n${entry(pageNum)}${pre} 2\n${entry(pre)}${entry(post)}`;
  body += `trailer\n<</Size ${post + 1}/Root ${root}${info ? `/Info ${info}` : ''}${id ? `/ID ${id}` : ''}/Prev ${prevXref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body, 'latin1')]);
}

// ---------------------------------------------------------------------------------------------
// Self-check with pdftotext: every number cell shows exactly its golden digits; report the pages.

function pdfText(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, -1);
}

function check(path: string, sheets: Sheet[]): string {
  const pages = pdfText(path);
  const all = pages.join('\n').replace(/ +/g, ' ');
  const missing: string[] = [];
  for (const sheet of sheets) for (const row of sheet.rows) for (const { cell } of row) if (cell && typeof cell.v === 'number' && !all.includes(displayed(cell))) missing.push(displayed(cell));
  if (missing.length) throw new Error(`${path}: numbers not shown as expected: ${missing.slice(0, 10).join(' ')}`);
  const titles = pages.map((p) => sheets.some((s) => s.rows.some((row) => row[0]!.role === 'title' && p.includes(String(row[0]!.cell?.v ?? '\u0000')))));
  const continued = pages.map((p, k) => (titles[k] ? null : `p${k + 1}${/一级指标/.test(p) ? ' (header repeated)' : ' (no header)'}`)).filter(Boolean);
  return `${pages.length} pages${continued.length ? `; continuation pages: ${continued.join(', ')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------

const SEEDS = readdirSync(join(FIXTURES_DIR, 'golden'))
  .filter((n) => n.endsWith('.jsonl'))
  .map((n) => n.replace(/\.jsonl$/, ''))
  .sort();
const goldenOf = (seed: string) => readJsonl(join(FIXTURES_DIR, 'golden', `${seed}.jsonl`)) as Json[];

const outDir = join(FIXTURES_DIR, 'pdf');
const specialDir = join(outDir, 'special');
mkdirSync(specialDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
const jobs: Array<{ fods: string; target: string; sheets: Sheet[]; post?: (pdf: Buffer) => Buffer }> = [];

for (const seed of SEEDS) {
  const records = goldenOf(seed);
  for (const look of LOOKS) {
    const sheets = records.map((record, k) => buildSheet(`表${k + 1}`, [record]));
    const name = `${seed}.${look.name}`;
    const fods = join(work, `${name}.fods`);
    writeFileSync(fods, renderFods(sheets, { look, repeat: () => look.repeatHeader?.(seed) ?? false }));
    jobs.push({ fods, target: join(outDir, `${name}.pdf`), sheets });
  }
}

// Special cases.
const ruled = LOOKS[0]!;
const special = (name: string, sheets: Sheet[], look: Look, post?: (pdf: Buffer) => Buffer) => {
  const fods = join(work, `special-${name}.fods`);
  writeFileSync(fods, renderFods(sheets, { look, repeat: () => false }));
  jobs.push({ fods, target: join(specialDir, `${name}.pdf`), sheets, post });
};
const SPECIAL_GOLDEN: Record<string, { seed: string; forms: number[] }> = {
  rotated: { seed: 'yuanjiang-2023-self-evaluation-report', forms: [0] },
  borderless: { seed: 'changning-2023-self-evaluation', forms: [0] },
  'two-tables-one-page': { seed: 'putuo-2024-goal-declaration', forms: [2, 3] },
};
const pick = (name: string) => SPECIAL_GOLDEN[name]!.forms.map((k) => goldenOf(SPECIAL_GOLDEN[name]!.seed)[k]!);
special('rotated', [buildSheet('表1', pick('rotated'))], { ...ruled, name: 'rotated', landscape: true }, rotatePage);
special('borderless', [buildSheet('表1', pick('borderless'))], { ...ruled, name: 'borderless', borders: 'none' });
special('two-tables-one-page', [buildSheet('表1', pick('two-tables-one-page'))], { ...ruled, name: 'two-tables-one-page', fontSize: 8 });
for (const name of Object.keys(SPECIAL_GOLDEN)) {
  writeFileSync(join(specialDir, `${name}.expected.jsonl`), pick(name).map((r) => JSON.stringify(r)).join('\n') + '\n');
}

const converted = join(work, 'out');
mkdirSync(converted);
convert(jobs.map((j) => j.fods), converted);
for (const job of jobs) {
  const produced = join(converted, job.fods.split('/').pop()!.replace(/\.fods$/, '.pdf'));
  if (!existsSync(produced)) throw new Error(`LibreOffice did not convert ${job.fods}`);
  const pdf = normalize(readFileSync(produced));
  writeFileSync(job.target, job.post ? job.post(pdf) : pdf);
  console.log(`${job.target.slice(FIXTURES_DIR.length + 1)}: ${check(job.target, job.sheets)}`);
}
rmSync(work, { recursive: true, force: true });
