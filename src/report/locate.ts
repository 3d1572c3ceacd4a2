import type { Record } from '../schema/record.js';
import type { Box } from './query.js';

/** The page region a finding is about, and how it was chosen. */
export interface Region {
  page: number;
  /** The cell to outline; null when only the page (or nothing more precise) is known. */
  box: Box | null;
  /**
   * `field`: the finding's own cell; `inferred`: where the field's column (read from other rows)
   * meets its row (an empty cell has no provenance); `related`: a cell of the same row or group;
   * `form`: the form's first cell on the page; `page`: the whole page.
   */
  basis: 'field' | 'inferred' | 'related' | 'form' | 'page';
}

/**
 * Where to look for a finding: its own cell (`findings.page`/`box`); else a cell of the same
 * indicator or funds row (`indicators[7].actual` missing → `indicators[7].level3`); else the
 * form's first provenance box on that page; else the whole page (the finding's page or the form's
 * first page). Null when the form has no page at all (text exports).
 */
export function locateFinding(finding: { field: string; page: number | null; box: Box | null }, record: Record): Region | null {
  if (finding.page !== null && finding.box) return { page: finding.page, box: finding.box, basis: 'field' };
  const entries = Object.entries(record.provenance);
  const own = record.provenance[finding.field];
  const page = finding.page ?? own?.page ?? relatedPage(finding.field, entries) ?? record.source.pages[0] ?? null;
  if (page === null) return null;
  if (own?.box && own.page === page) return { page, box: own.box, basis: 'field' };
  const inferred = inferIndicatorCell(finding.field, page, record);
  if (inferred) return { page, box: inferred.box, basis: inferred.basis };
  for (const prefix of prefixes(finding.field)) {
    const hit = entries.find(([key, p]) => key.startsWith(prefix) && p.page === page && p.box);
    if (hit) return { page, box: hit[1].box, basis: 'related' };
  }
  const first = entries.find(([, p]) => p.page === page && p.box);
  if (first) return { page, box: first[1].box, basis: 'form' };
  return { page, box: null, basis: 'page' };
}

/** Row-specific columns first: the 一级/二级 cells span several rows. */
const ROW_KEYS = ['level3', 'target', 'actual', 'weight', 'score', 'explanation', 'deviation', 'level2', 'level1'];

/**
 * An indicator field with no cell of its own (`indicators[7].actual` of a row whose 实际完成值 is
 * blank): its column's left and right edges from another row on the page, its row's top and
 * bottom from a row-specific cell of the same indicator; or that row cell alone.
 */
function inferIndicatorCell(field: string, page: number, record: Record): { box: Box; basis: 'inferred' | 'related' } | null {
  const match = /^indicators\[(\d+)\]\.(\w+)$/.exec(field);
  if (!match) return null;
  const [k, key] = [Number(match[1]), match[2]!];
  const rowCell = ROW_KEYS.map((c) => record.provenance[`indicators[${k}].${c}`]).find((p) => p?.page === page && p.box);
  if (!rowCell?.box) return null;
  const column = key === 'level1Weight' ? 'level1' : key === 'level2Weight' ? 'level2' : key;
  let nearest: Box | null = null;
  let distance = Infinity;
  for (let j = 0; j < record.indicators.length; j++) {
    const other = record.provenance[`indicators[${j}].${column}`];
    if (j === k || other?.page !== page || !other.box) continue;
    if (Math.abs(j - k) < distance) [nearest, distance] = [other.box, Math.abs(j - k)];
  }
  if (nearest) return { box: [nearest[0], rowCell.box[1], nearest[2], rowCell.box[3]], basis: 'inferred' };
  return { box: rowCell.box, basis: 'related' };
}

/** `indicators[7].actual` → [`indicators[7].`]; `funds.total.score` → [`funds.total.`, `funds.`]. */
function prefixes(field: string): string[] {
  const out: string[] = [];
  const parts = field.split('.');
  for (let n = parts.length - 1; n >= 1; n--) out.push(`${parts.slice(0, n).join('.')}.`);
  return out;
}

function relatedPage(field: string, entries: Array<[string, { page: number | null }]>): number | null {
  for (const prefix of prefixes(field)) {
    const hit = entries.find(([key, p]) => key.startsWith(prefix) && p.page !== null);
    if (hit) return hit[1].page;
  }
  return null;
}
