import type { Segment } from '../pdf/page-content.js';
import { pushTo } from './push-to.js';

/** Rules closer than this (points) are one rule: double borders, anti-aliasing halves. */
export const SAME_LINE = 1.5;
/** Gaps shorter than this along a rule are bridged (dashed borders, cell-by-cell strokes). */
const BRIDGE = 3;

/** Merges collinear, overlapping or nearly touching segments into maximal rules. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const sorted = segments.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    const bands: Segment[][] = [];
    for (const s of sorted) {
      const band = bands[bands.length - 1];
      if (band && s.at - band[0]!.at <= SAME_LINE) band.push(s);
      else bands.push([s]);
    }
    for (const band of bands) {
      const at = band.reduce((sum, s) => sum + s.at, 0) / band.length;
      const pieces = [...band].sort((a, b) => a.from - b.from);
      let current: Segment | null = null;
      for (const p of pieces) {
        if (current && p.from <= current.to + BRIDGE) current.to = Math.max(current.to, p.to);
        else {
          if (current) out.push(current);
          current = { dir, at, from: p.from, to: p.to };
        }
      }
      if (current) out.push(current);
    }
  }
  return out;
}

/** Groups rules that touch or cross each other: each group is one ruled table (or frame). */
export function connectedRules(segments: readonly Segment[], tolerance = 2.5): Segment[][] {
  const parent = segments.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const h = segments.map((s, k) => [s, k] as const).filter(([s]) => s.dir === 'h');
  const v = segments.map((s, k) => [s, k] as const).filter(([s]) => s.dir === 'v');
  for (const [hs, hk] of h) {
    for (const [vs, vk] of v) {
      if (vs.at >= hs.from - tolerance && vs.at <= hs.to + tolerance && hs.at >= vs.from - tolerance && hs.at <= vs.to + tolerance) {
        parent[find(hk)] = find(vk);
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, k) => pushTo(groups, find(k), s));
  return [...groups.values()];
}

/** Sorted distinct positions, positions within `tolerance` taken as one (their mean). */
export function clusterPositions(values: readonly number[], tolerance = SAME_LINE + 0.5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}
