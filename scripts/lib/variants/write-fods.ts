/**
 * A grid as a flat OpenDocument spreadsheet (.fods, plain XML) that LibreOffice converts to PDF:
 * the font and size, page orientation, ruled / partly ruled / borderless cells, column widths
 * scaled to the printable width, taller rows, manual page breaks and print-title rows. (SheetJS
 * writes no cell styles, so the PDF is made from this file, written from the same grid.)
 */
import type { Choices } from './choices.js';
import type { Grid, GridCell, Role } from './grid.js';
import { columnWidths, printableWidth } from './page-fit.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Sides = [boolean, boolean, boolean, boolean];

class CellStyles {
  private readonly names = new Map<string, string>();
  private readonly numberNames = new Map<string, string>();
  readonly xml: string[] = [];
  readonly numberXml: string[] = [];

  constructor(private readonly choices: Choices) {}

  private numberStyle(z: string): string {
    let name = this.numberNames.get(z);
    if (name) return name;
    name = `N${this.numberNames.size + 1}`;
    this.numberNames.set(z, name);
    const m = /^(#,##0|0)(?:\.(0+))?(%)?$/.exec(z);
    if (!m) throw new Error(`Expected a number format such as #,##0.00 or 0.00%, got ${z}`);
    const decimals = m[2]?.length ?? 0;
    const number = `<number:number number:decimal-places="${decimals}" number:min-decimal-places="${decimals}" number:min-integer-digits="1"${m[1] === '#,##0' ? ' number:grouping="true"' : ''}/>`;
    this.numberXml.push(
      m[3]
        ? `<number:percentage-style style:name="${name}">${number}<number:text>%</number:text></number:percentage-style>`
        : `<number:number-style style:name="${name}">${number}</number:number-style>`,
    );
    return name;
  }

  get(role: Role, sides: Sides, z: string | undefined, align: 'start' | 'center' | 'end' | null = null): string {
    const key = `${role}|${sides.join('')}|${z ?? ''}|${align ?? ''}`;
    let name = this.names.get(key);
    if (name) return name;
    name = `ce${this.names.size + 1}`;
    this.names.set(key, name);
    const line = '0.5pt solid #000000';
    const [top, right, bottom, left] = sides.map((s) => (s ? line : 'none'));
    const textAlign = align ?? (role === 'title' || role === 'header' ? 'center' : role === 'number' ? 'end' : 'start');
    const size = role === 'title' ? this.choices.fontSize + 5 : this.choices.fontSize;
    const bold = role === 'title' || role === 'header';
    const wrap = role === 'subtitle' ? 'no-wrap' : 'wrap';
    this.xml.push(
      `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${z ? ` style:data-style-name="${this.numberStyle(z)}"` : ''}>` +
        `<style:table-cell-properties fo:wrap-option="${wrap}" style:vertical-align="middle" fo:border-top="${top}" fo:border-right="${right}" fo:border-bottom="${bottom}" fo:border-left="${left}" fo:padding="0.06cm"/>` +
        `<style:paragraph-properties fo:text-align="${textAlign}"/>` +
        `<style:text-properties fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>` +
        `</style:style>`,
    );
    return name;
  }
}

export function gridToFods(grid: Grid, choices: Choices): string {
  const styles = new CellStyles(choices);
  const [pageW, pageH] = choices.landscape ? [29.7, 21] : [21, 29.7];
  const margins = { top: 1.5, right: 1.2, bottom: 1.5, left: 1.2 };
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const widths = columnWidths(grid, choices) ?? grid.widths.map((w) => (w / total) * printableWidth(choices));
  const columnXml = widths.map((_, c) => `<table:table-column table:style-name="co${c}"/>`).join('');
  const columnStyles = widths.map((w, c) => `<style:style style:name="co${c}" style:family="table-column"><style:table-column-properties style:column-width="${w.toFixed(3)}cm"/></style:style>`).join('\n');

  const anchors = new Map<string, { r: number; c: number; rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of grid.merges) {
    anchors.set(`${m.s.r},${m.s.c}`, { r: m.s.r, c: m.s.c, rows: m.e.r - m.s.r + 1, cols: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  const inTable = (r: number) => r >= grid.table.first && r <= grid.table.last;
  const rules = new Set(grid.rules);
  /** Borders [top, right, bottom, left] of the area rows r0..r1, columns c0..c1. */
  const sides = (r0: number, c0: number, r1: number, c1: number): Sides => {
    if (!inTable(r0) || choices.borders === 'none') return [false, false, false, false];
    if (choices.borders === 'all') return [true, true, true, true];
    return [r0 === grid.table.first || rules.has(r0 - 1), c1 === grid.width - 1, r1 === grid.table.last || rules.has(r1), c0 === 0];
  };
  const align = (cell: GridCell | null, r: number, c: number): 'start' | 'center' | 'end' | null => {
    if (cell?.role === 'subtitle') return c === 0 && !cell.text.startsWith('单位') ? (cell.text.startsWith('(') ? 'center' : 'start') : 'end';
    return null;
  };

  const tall = new Set(grid.tall);
  const breaks = new Set(grid.breaks);
  const rowXml = grid.rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      const key = `${r},${c}`;
      if (covered.has(key)) return `<table:covered-table-cell table:style-name="${styles.get('text', sides(r, c, r, c), undefined)}"/>`;
      const m = anchors.get(key);
      const area = m ? sides(m.r, m.c, m.r + m.rows - 1, m.c + m.cols - 1) : sides(r, c, r, c);
      const spans = m ? ` table:number-columns-spanned="${m.cols}" table:number-rows-spanned="${m.rows}"` : '';
      const numeric = cell?.number && choices.cellType === 'number' ? cell.number : undefined;
      const style = styles.get(cell?.role ?? 'text', area, numeric?.z, align(cell, r, c));
      if (!cell) return `<table:table-cell table:style-name="${style}"${spans}/>`;
      const p = `<text:p>${esc(cell.text)}</text:p>`;
      if (numeric) {
        const type = numeric.z.endsWith('%') ? 'percentage' : 'float';
        return `<table:table-cell table:style-name="${style}"${spans} office:value-type="${type}" office:value="${numeric.v}">${p}</table:table-cell>`;
      }
      return `<table:table-cell table:style-name="${style}"${spans} office:value-type="string">${p}</table:table-cell>`;
    });
    const rowStyle = `${tall.has(r) ? 'rt' : 'ro'}${breaks.has(r) ? 'b' : ''}`;
    return `<table:table-row table:style-name="${rowStyle}">${cells.join('')}</table:table-row>`;
  });
  if (choices.repeatHeader && grid.header) {
    const { first, last } = grid.header;
    rowXml[first] = `<table:table-header-rows>${rowXml[first]}`;
    rowXml[last] = `${rowXml[last]}</table:table-header-rows>`;
  }
  const name = esc(choices.sheetName);
  const lastCol = String.fromCharCode(65 + grid.width - 1);
  const range = `'${name}'.A1:'${name}'.${lastCol}${grid.rows.length}`;
  const font = esc(choices.font);
  const onePage = choices.pageBreak === 'none';
  const rowStyle = (n: string, tallRow: boolean, brk: boolean) =>
    `<style:style style:name="${n}" style:family="table-row"><style:table-row-properties ${tallRow ? 'style:row-height="1.7cm" style:use-optimal-row-height="false"' : 'style:use-optimal-row-height="true"'} fo:break-before="${brk ? 'page' : 'auto'}"/></style:style>`;
  const ns = [
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  ].join(' ');
  const body = `<table:table table:name="${name}" table:style-name="ta1" table:print-ranges="${esc(range)}">${columnXml}${rowXml.join('\n')}</table:table>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="&apos;${font}&apos;" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties style:font-name="${font}" style:font-name-asian="${font}" style:font-name-complex="${font}" fo:font-size="${choices.fontSize}pt" style:font-size-asian="${choices.fontSize}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/>
${styles.numberXml.join('\n')}
</office:styles>
<office:automatic-styles>
${columnStyles}
${rowStyle('ro', false, false)}
${rowStyle('rob', false, true)}
${rowStyle('rt', true, false)}
${rowStyle('rtb', true, true)}
<style:style style:name="ta1" style:family="table" style:master-page-name="PM1"><style:table-properties table:display="true"/></style:style>
${styles.xml.join('\n')}
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${pageW}cm" fo:page-height="${pageH}cm" style:print-orientation="${choices.landscape ? 'landscape' : 'portrait'}" fo:margin-top="${margins.top}cm" fo:margin-right="${margins.right}cm" fo:margin-bottom="${margins.bottom}cm" fo:margin-left="${margins.left}cm" style:print="objects charts drawings zero-values" style:print-page-order="ttb" style:table-centering="horizontal"${onePage ? ' style:scale-to-pages="1"' : ' style:scale-to="100%"'}/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="PM1" style:page-layout-name="pm1"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>
${body}
</office:spreadsheet></office:body>
</office:document>
`;
}
