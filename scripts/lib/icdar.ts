/**
 * Pure scoring for the ICDAR 2013 Table Competition (Göbel, Hassan, Oro, Orsi) benchmark:
 * ground-truth parsing (`-reg.xml`, `-str.xml`), table matching by region overlap, the
 * competition's cell adjacency relations, and micro-averaged precision/recall/F1.
 *
 * Adjacency relations (the competition's structure measure): every non-empty cell is related to
 * its nearest non-empty neighbour to the right (in every row it spans) and below (in every column
 * it spans); blank cells in between are skipped, a cell is never related to itself, and a pair of
 * cells gives one relation per direction however many rows/columns they share. A relation is
 * (content of A, content of B, direction), content normalised by NFKC, all whitespace removed and
 * case folded. Two tables are compared as multisets of relations.
 *
 * No I/O here: the XML is handed in as strings, so tests run without the corpus.
 */

// ---------------------------------------------------------------------------------------------
// Types

/** [x0, y0, x1, y1] with x0 ≤ x1 and y0 ≤ y1, in whatever frame the caller uses. */
export type Rect = [number, number, number, number];

/** A cell on a grid; rows and columns 0-based, spans ≥ 1. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** One region of a ground-truth table: 1-based page, box in PDF points, origin bottom-left. */
export interface GtRegion {
  page: number;
  box: Rect;
}

export interface GtTable {
  id: string;
  /** Location ground truth (`-reg.xml`). */
  regions: GtRegion[];
  /** Structure ground truth (`-str.xml`), regions merged with their row/col increments. */
  cells: GridCell[];
}

export type Direction = 'right' | 'down';

export interface Relation {
  from: string;
  to: string;
  dir: Direction;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

// ---------------------------------------------------------------------------------------------
// A small XML reader, enough for the competition files (elements, attributes in either quote,
// text, the five predefined entities and character references; comments, PIs, doctype skipped).

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Parses an XML document into a tree; returns a synthetic `#document` root. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let last = 0;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    top.text += decodeEntities(xml.slice(last, m.index));
    last = m.index! + m[0].length;
    if (m[1] !== undefined) {
      top.text += m[1];
      continue;
    }
    const name = m[3];
    if (!name) continue; // comment, PI, doctype
    if (m[2] === '/') {
      // Close the nearest open element of that name (tolerates stray closers).
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.name === name) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    const node: XmlNode = { name, attrs: parseAttrs(m[4] ?? ''), children: [], text: '' };
    top.children.push(node);
    if (m[5] !== '/') stack.push(node);
  }
  stack[stack.length - 1]!.text += decodeEntities(xml.slice(last));
  return root;
}

function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

function num(attrs: Record<string, string>, key: string, fallback?: number): number {
  const v = attrs[key];
  if (v === undefined || v.trim() === '') {
    if (fallback === undefined) throw new Error(`missing attribute ${key}`);
    return fallback;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`attribute ${key}="${v}" is not a number`);
  return n;
}

function bbox(node: XmlNode): Rect {
  const b = child(node, 'bounding-box');
  if (!b) throw new Error(`<${node.name}> without <bounding-box>`);
  const x1 = num(b.attrs, 'x1');
  const y1 = num(b.attrs, 'y1');
  const x2 = num(b.attrs, 'x2');
  const y2 = num(b.attrs, 'y2');
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** `-reg.xml`: table id → its regions (page 1-based, box with origin bottom-left). */
export function parseRegXml(xml: string): Array<{ id: string; regions: GtRegion[] }> {
  return descendants(parseXml(xml), 'table').map((t, k) => ({
    id: t.attrs.id ?? String(k + 1),
    regions: descendants(t, 'region').map((r) => ({ page: num(r.attrs, 'page'), box: bbox(r) })),
  }));
}

/**
 * `-str.xml`: table id → cells. A table's regions are merged into one grid: each region's
 * `row-increment`/`col-increment` is added to its cells' rows/columns (us-035a lays one table out
 * as three side-by-side regions with col-increment 0, 2, 4). Missing end-row/end-col mean no span.
 * Grids are shifted so the smallest row and column are 0.
 */
export function parseStrXml(xml: string): Array<{ id: string; cells: GridCell[] }> {
  return descendants(parseXml(xml), 'table').map((t, k) => {
    const cells: GridCell[] = [];
    for (const region of descendants(t, 'region')) {
      const dr = num(region.attrs, 'row-increment', 0);
      const dc = num(region.attrs, 'col-increment', 0);
      for (const c of descendants(region, 'cell')) {
        const sr = num(c.attrs, 'start-row');
        const sc = num(c.attrs, 'start-col');
        const er = num(c.attrs, 'end-row', sr);
        const ec = num(c.attrs, 'end-col', sc);
        const content = child(c, 'content');
        cells.push({
          row: Math.min(sr, er) + dr,
          col: Math.min(sc, ec) + dc,
          rowSpan: Math.abs(er - sr) + 1,
          colSpan: Math.abs(ec - sc) + 1,
          text: content ? content.text : '',
        });
      }
    }
    const r0 = Math.min(0, ...cells.map((c) => c.row));
    const c0 = Math.min(0, ...cells.map((c) => c.col));
    for (const c of cells) {
      c.row -= r0;
      c.col -= c0;
    }
    return { id: t.attrs.id ?? String(k + 1), cells };
  });
}

/** Pairs the tables of `-reg.xml` and `-str.xml` by id (by position when ids disagree). */
export function loadGroundTruth(regXml: string, strXml: string): GtTable[] {
  const reg = parseRegXml(regXml);
  const str = parseStrXml(strXml);
  const sameIds = reg.length === str.length && reg.every((r, k) => r.id === str[k]!.id);
  return reg.map((r, k) => ({
    id: r.id,
    regions: r.regions,
    cells: (sameIds ? str[k] : str.find((s) => s.id === r.id) ?? str[k])?.cells ?? [],
  }));
}

// ---------------------------------------------------------------------------------------------
// Adjacency relations

/** NFKC, every whitespace character removed, case folded. */
export function normalizeContent(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\u200c\u200d\u2060\ufeff]+/gu, '').toLowerCase();
}

/**
 * The adjacency relations of one table. Cells overlapping on the grid: the later one wins where
 * they overlap (does not happen in the ground truth).
 */
export function adjacencyRelations(cells: readonly GridCell[]): Relation[] {
  const norm = cells.map((c) => normalizeContent(c.text));
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row + c.rowSpan);
    cols = Math.max(cols, c.col + c.colSpan);
  }
  const grid: Int32Array = new Int32Array(rows * cols).fill(-1);
  cells.forEach((c, k) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let q = c.col; q < c.col + c.colSpan; q++) grid[r * cols + q] = k;
  });
  const at = (r: number, q: number): number => grid[r * cols + q]!;
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number, dir: Direction): void => {
    const key = `${a}:${b}:${dir}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({ from: norm[a]!, to: norm[b]!, dir });
  };
  cells.forEach((c, k) => {
    if (norm[k] === '') return;
    // Right: in every row the cell spans (where it is still the occupant), nearest non-empty cell.
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      if (at(r, c.col + c.colSpan - 1) !== k) continue;
      for (let q = c.col + c.colSpan; q < cols; q++) {
        const o = at(r, q);
        if (o >= 0 && o !== k && norm[o] !== '') {
          add(k, o, 'right');
          break;
        }
      }
    }
    for (let q = c.col; q < c.col + c.colSpan; q++) {
      if (at(c.row + c.rowSpan - 1, q) !== k) continue;
      for (let r = c.row + c.rowSpan; r < rows; r++) {
        const o = at(r, q);
        if (o >= 0 && o !== k && norm[o] !== '') {
          add(k, o, 'down');
          break;
        }
      }
    }
  });
  return relations;
}

export function relationKey(r: Relation): string {
  return `${r.dir === 'right' ? '→' : '↓'}\u0000${r.from}\u0000${r.to}`;
}

export function formatRelation(r: Relation): string {
  return `${JSON.stringify(r.from)} ${r.dir === 'right' ? '→' : '↓'} ${JSON.stringify(r.to)}`;
}

function multiset(relations: readonly Relation[]): Map<string, { rel: Relation; n: number }> {
  const m = new Map<string, { rel: Relation; n: number }>();
  for (const r of relations) {
    const k = relationKey(r);
    const e = m.get(k);
    if (e) e.n++;
    else m.set(k, { rel: r, n: 1 });
  }
  return m;
}

export interface RelationComparison extends Counts {
  /** GT relations we lack (with multiplicity). */
  missed: Relation[];
  /** Our relations the GT lacks (with multiplicity). */
  extra: Relation[];
}

/** Multiset comparison of relations. */
export function compareRelations(gt: readonly Relation[], ours: readonly Relation[]): RelationComparison {
  const g = multiset(gt);
  const o = multiset(ours);
  let tp = 0;
  const missed: Relation[] = [];
  const extra: Relation[] = [];
  for (const [k, { rel, n }] of g) {
    const m = o.get(k)?.n ?? 0;
    tp += Math.min(n, m);
    for (let i = m; i < n; i++) missed.push(rel);
  }
  for (const [k, { rel, n }] of o) {
    const m = g.get(k)?.n ?? 0;
    for (let i = m; i < n; i++) extra.push(rel);
  }
  return { tp, fp: ours.length - tp, fn: gt.length - tp, missed, extra };
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : tp + fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : tp + fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function addCounts(...all: Counts[]): Counts {
  return all.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });
}

// ---------------------------------------------------------------------------------------------
// Geometry and table matching

/** A GT box (origin bottom-left) in the top-left frame of a page of the given height. */
export function toTopLeft(box: Rect, pageHeight: number): Rect {
  return [box[0], pageHeight - box[3], box[2], pageHeight - box[1]];
}

export function area(b: Rect): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

export function intersection(a: Rect, b: Rect): number {
  return area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
}

export function union(boxes: readonly Rect[]): Rect | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Rect>((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])], [...boxes[0]!] as Rect);
}

/** A table's footprint: page → box (same frame on both sides of a comparison). */
export type Footprint = Map<number, Rect>;

export interface Overlap {
  inter: number;
  iou: number;
  /** Intersection over the smaller footprint's area. */
  containment: number;
}

export function overlap(a: Footprint, b: Footprint): Overlap {
  let inter = 0;
  let areaA = 0;
  let areaB = 0;
  for (const box of a.values()) areaA += area(box);
  for (const box of b.values()) areaB += area(box);
  for (const [page, box] of a) {
    const other = b.get(page);
    if (other) inter += intersection(box, other);
  }
  const uni = areaA + areaB - inter;
  const small = Math.min(areaA, areaB);
  return { inter, iou: uni > 0 ? inter / uni : 0, containment: small > 0 ? inter / small : 0 };
}

/** Share of `a`'s area that lies inside `b`. */
export function insideShare(a: Footprint, b: Footprint): number {
  let inter = 0;
  let areaA = 0;
  for (const [page, box] of a) {
    areaA += area(box);
    const other = b.get(page);
    if (other) inter += intersection(box, other);
  }
  return areaA > 0 ? inter / areaA : 0;
}

export const MIN_IOU = 0.1;
export const MIN_CONTAINMENT = 0.9;

export function overlapQualifies(o: Overlap): boolean {
  return o.inter > 0 && (o.iou > MIN_IOU || o.containment >= MIN_CONTAINMENT);
}

/**
 * One-to-one matching of GT tables to ours: qualifying pairs (IoU > 0.1, or one footprint ≥ 90 %
 * inside the other) taken greedily by largest intersection area, then IoU. Returns, per GT
 * table, the index of our table or -1.
 */
export function matchTables(gt: readonly Footprint[], ours: readonly Footprint[]): { gtToOurs: number[]; overlaps: Array<Overlap | null> } {
  const pairs: Array<{ g: number; o: number; ov: Overlap }> = [];
  gt.forEach((g, gi) =>
    ours.forEach((o, oi) => {
      const ov = overlap(g, o);
      if (overlapQualifies(ov)) pairs.push({ g: gi, o: oi, ov });
    }),
  );
  pairs.sort((a, b) => b.ov.inter - a.ov.inter || b.ov.iou - a.ov.iou || a.g - b.g || a.o - b.o);
  const gtToOurs = gt.map(() => -1);
  const overlaps: Array<Overlap | null> = gt.map(() => null);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (gtToOurs[p.g] !== -1 || taken.has(p.o)) continue;
    gtToOurs[p.g] = p.o;
    overlaps[p.g] = p.ov;
    taken.add(p.o);
  }
  return { gtToOurs, overlaps };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: what kind of mistake a table's missed relations come from

export interface TableDiagnosis {
  /** Rows/columns that hold a non-empty cell, GT and ours. */
  gtShape: [number, number];
  ourShape: [number, number];
  gtCells: number;
  ourCells: number;
  /** GT cell texts found as a whole cell of ours. */
  cellsExact: number;
  /** GT cell texts found only inside a larger cell of ours (cells merged: rows or columns joined). */
  cellsMerged: number;
  /** GT cell texts of which ours hold only pieces (a cell split across rows or columns). */
  cellsSplit: number;
  /** GT cell texts not found at all (text lost, or read differently). */
  cellsMissing: number;
  /** Missed relations whose two texts are both whole cells of ours: structure, not segmentation. */
  missedBothCellsPresent: number;
  /** Labels, most telling first: 'merged columns', 'split rows', 'lost text', ... */
  labels: string[];
}

function shape(cells: readonly GridCell[]): [number, number] {
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const c of cells) {
    if (normalizeContent(c.text) === '') continue;
    rows.add(c.row);
    cols.add(c.col);
  }
  return [rows.size, cols.size];
}

export function diagnoseTable(gt: readonly GridCell[], ours: readonly GridCell[], missed: readonly Relation[]): TableDiagnosis {
  const gtTexts = gt.map((c) => normalizeContent(c.text)).filter((t) => t !== '');
  const ourTexts = ours.map((c) => normalizeContent(c.text)).filter((t) => t !== '');
  const pool = new Map<string, number>();
  for (const t of ourTexts) pool.set(t, (pool.get(t) ?? 0) + 1);
  const ourSet = new Set(ourTexts);
  let cellsExact = 0;
  let cellsMerged = 0;
  let cellsSplit = 0;
  let cellsMissing = 0;
  const rest: string[] = [];
  for (const t of gtTexts) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      pool.set(t, n - 1);
      cellsExact++;
    } else rest.push(t);
  }
  for (const t of rest) {
    if (ourTexts.some((o) => o.length > t.length && o.includes(t))) cellsMerged++;
    else if (ourTexts.some((o) => o.length < t.length && o.length > 0 && t.includes(o))) cellsSplit++;
    else cellsMissing++;
  }
  const missedBothCellsPresent = missed.filter((r) => ourSet.has(r.from) && ourSet.has(r.to)).length;
  const gtShape = shape(gt);
  const ourShape = shape(ours);
  const labels: string[] = [];
  if (ourShape[1] < gtShape[1]) labels.push(`merged columns (${gtShape[1]}→${ourShape[1]})`);
  if (ourShape[1] > gtShape[1]) labels.push(`split columns (${gtShape[1]}→${ourShape[1]})`);
  if (ourShape[0] < gtShape[0]) labels.push(`merged rows (${gtShape[0]}→${ourShape[0]})`);
  if (ourShape[0] > gtShape[0]) labels.push(`split rows (${gtShape[0]}→${ourShape[0]})`);
  if (cellsMerged > 0) labels.push(`${cellsMerged} cells joined to neighbours`);
  if (cellsSplit > 0) labels.push(`${cellsSplit} cells split`);
  if (cellsMissing > 0) labels.push(`${cellsMissing} cell texts missing`);
  if (missedBothCellsPresent > 0) labels.push(`${missedBothCellsPresent} misplaced (cells right, adjacency wrong)`);
  return { gtShape, ourShape, gtCells: gtTexts.length, ourCells: ourTexts.length, cellsExact, cellsMerged, cellsSplit, cellsMissing, missedBothCellsPresent, labels };
}

// ---------------------------------------------------------------------------------------------
// Scoring a document

/** The parts of the pipeline's `Table` (src/schema/table.ts) the scorer reads. */
export interface PredictedTable {
  cells: ReadonlyArray<{ row: number; col: number; rowSpan: number; colSpan: number; text: string; page: number | null; box: Rect | readonly number[] | null }>;
}

/** Footprint of a predicted table: per page, the union of its cell boxes (top-left frame). */
export function predictedFootprint(table: PredictedTable): Footprint {
  const byPage = new Map<number, Rect[]>();
  for (const c of table.cells) {
    if (c.page == null || !c.box || c.box.length !== 4) continue;
    const [x0, y0, x1, y1] = c.box as Rect;
    const list = byPage.get(c.page) ?? [];
    list.push([Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)]);
    byPage.set(c.page, list);
  }
  const fp: Footprint = new Map();
  for (const [page, boxes] of byPage) fp.set(page, union(boxes)!);
  return fp;
}

/** Footprint of a GT table in the top-left frame; pages whose height is unknown are left out. */
export function gtFootprint(table: GtTable, pageHeight: (page: number) => number | undefined): Footprint {
  const fp: Footprint = new Map();
  for (const r of table.regions) {
    const h = pageHeight(r.page);
    if (h === undefined) continue;
    const box = toTopLeft(r.box, h);
    const prev = fp.get(r.page);
    fp.set(r.page, prev ? union([prev, box])! : box);
  }
  return fp;
}

export function gridCells(table: PredictedTable): GridCell[] {
  return table.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: Math.max(1, c.rowSpan), colSpan: Math.max(1, c.colSpan), text: c.text }));
}

export interface TableScore extends Counts {
  gtId: string;
  /** Index of our matched table, -1 when the GT table was missed. */
  ours: number;
  overlap: Overlap | null;
  missed: Relation[];
  extra: Relation[];
  diagnosis: TableDiagnosis | null;
}

export interface DocumentScore extends Counts {
  tables: TableScore[];
  /**
   * Our tables matched to no GT table: all their relations count as false positives. `insideGt`:
   * at least half of it lies inside a GT table (a fragment or duplicate), else a false detection.
   */
  unmatched: Array<{ ours: number; relations: number; insideGt: boolean }>;
  gtTables: number;
  ourTables: number;
  matchedTables: number;
}

/**
 * Scores one document: GT tables matched one-to-one to ours by footprint overlap (see
 * matchTables); a matched pair contributes its relation TP/FP/FN, an unmatched GT table all its
 * relations as FN, an unmatched table of ours all its relations as FP.
 */
export function scoreDocument(gt: readonly GtTable[], gtFootprints: readonly Footprint[], ours: readonly PredictedTable[], ourFootprints: readonly Footprint[] = ours.map(predictedFootprint)): DocumentScore {
  const { gtToOurs, overlaps } = matchTables(gtFootprints, ourFootprints);
  const ourCells = ours.map(gridCells);
  const ourRelations = ourCells.map((cells) => adjacencyRelations(cells));
  const tables: TableScore[] = gt.map((t, k) => {
    const gtRel = adjacencyRelations(t.cells);
    const o = gtToOurs[k]!;
    if (o < 0) return { gtId: t.id, ours: -1, overlap: null, tp: 0, fp: 0, fn: gtRel.length, missed: gtRel, extra: [], diagnosis: null };
    const cmp = compareRelations(gtRel, ourRelations[o]!);
    return { gtId: t.id, ours: o, overlap: overlaps[k]!, tp: cmp.tp, fp: cmp.fp, fn: cmp.fn, missed: cmp.missed, extra: cmp.extra, diagnosis: diagnoseTable(t.cells, ourCells[o]!, cmp.missed) };
  });
  const matched = new Set(gtToOurs.filter((o) => o >= 0));
  const unmatched = ours
    .map((_, o) => o)
    .filter((o) => !matched.has(o))
    .map((o) => ({ ours: o, relations: ourRelations[o]!.length, insideGt: gtFootprints.some((g) => insideShare(ourFootprints[o]!, g) >= 0.5) }));
  const counts = addCounts(...tables, ...unmatched.map((u) => ({ tp: 0, fp: u.relations, fn: 0 })));
  return { ...counts, tables, unmatched, gtTables: gt.length, ourTables: ours.length, matchedTables: matched.size };
}
