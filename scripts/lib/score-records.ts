/**
 * Fact-level precision/recall/F1 and findings precision/recall of extracted records against golden
 * records: a port of the reference scorer (shared score.py), same definitions, same pairing and
 * indicator alignment (difflib's SequenceMatcher without junk).
 */
import { Decimal } from 'decimal.js';

type Json = Record<string, unknown>;
type Group = 'header' | 'funds' | 'indicators' | 'extra';
interface Counts {
  gold: number;
  out: number;
  hit: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export interface Score {
  header: Prf;
  funds: Prf;
  indicators: Prf;
  extra: Prf;
  all: Prf;
  findings: Prf;
  records: { gold: number; out: number; unpaired_out: number };
}
export interface Miss {
  projectName: unknown;
  key: string;
  golden: unknown;
  output: unknown;
}

const HEADER = ['formType', 'year', 'projectName', 'department', 'implementingUnit', 'amountUnit', 'totalWeight', 'totalScore', 'grade'];
const IND_KEYS = ['level1', 'level1Weight', 'level2', 'level2Weight', 'level3', 'explanation', 'weight', 'score', 'deviation'];
const VAL_KEYS = ['text', 'op', 'value', 'unit'];
const PY_DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export function normText(v: unknown): string {
  return String(v).normalize('NFKC').replace(/\s+/gu, '').replace(/“/g, '"').replace(/”/g, '"');
}

function same(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  const sa = String(a);
  const sb = String(b);
  if (PY_DECIMAL.test(sa) && PY_DECIMAL.test(sb)) return new Decimal(sa.trim()).equals(sb.trim());
  return normText(a) === normText(b);
}

function facts(rec: Json, indMap?: Map<number, number>): Map<string, unknown> {
  const f = new Map<string, unknown>();
  const put = (group: Group, key: string, v: unknown) => f.set(`${group}\u0000${key}`, v);
  const isLeaf = (v: unknown) => v != null && typeof v !== 'object';
  for (const k of HEADER) if (rec[k] != null) put('header', k, rec[k]);
  const goal = (rec.goal ?? {}) as Json;
  for (const k of ['planned', 'achieved']) if (goal[k]) put('header', `goal.${k}`, goal[k]);
  for (const [src, row] of Object.entries((rec.funds ?? {}) as Json)) {
    for (const [k, v] of Object.entries((row ?? {}) as Json)) if (isLeaf(v)) put('funds', `${src}.${k}`, v);
  }
  ((rec.indicators ?? []) as Json[]).forEach((ind, i) => {
    const j = indMap ? (indMap.has(i) ? String(indMap.get(i)) : `x${i}`) : String(i);
    for (const k of IND_KEYS) if (ind[k] != null) put('indicators', `${j}.${k}`, ind[k]);
    for (const side of ['target', 'actual']) {
      for (const k of VAL_KEYS) {
        const v = ((ind[side] ?? {}) as Json)[k];
        if (v != null) put('indicators', `${j}.${side}.${k}`, v);
      }
    }
  });
  for (const [k, v] of Object.entries((rec.extra ?? {}) as Json)) if (isLeaf(v)) put('extra', normText(k), v);
  return f;
}

/** difflib.SequenceMatcher(a, b, autojunk=False).get_opcodes(), for lists of strings. */
export function opcodes(a: readonly string[], b: readonly string[]): Array<[string, number, number, number, number]> {
  const b2j = new Map<string, number[]>();
  b.forEach((x, j) => b2j.set(x, [...(b2j.get(x) ?? []), j]));
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let [besti, bestj, bestsize] = [alo, blo, 0];
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) [besti, bestj, bestsize] = [besti - 1, bestj - 1, bestsize + 1];
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  const blocks: Array<[number, number, number]> = [];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k) {
      blocks.push([i, j, k]);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const merged: Array<[number, number, number]> = [];
  let [i1, j1, k1] = [0, 0, 0];
  for (const [i2, j2, k2] of blocks) {
    if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
    else {
      if (k1) merged.push([i1, j1, k1]);
      [i1, j1, k1] = [i2, j2, k2];
    }
  }
  if (k1) merged.push([i1, j1, k1]);
  merged.push([a.length, b.length, 0]);
  const codes: Array<[string, number, number, number, number]> = [];
  let [i, j] = [0, 0];
  for (const [ai, bj, size] of merged) {
    const tag = i < ai && j < bj ? 'replace' : i < ai ? 'delete' : j < bj ? 'insert' : '';
    if (tag) codes.push([tag, i, ai, j, bj]);
    [i, j] = [ai + size, bj + size];
    if (size) codes.push(['equal', ai, i, bj, j]);
  }
  return codes;
}

function alignIndicators(gold: Json, out: Json): Map<number, number> {
  const level3 = (r: Json) => ((r.indicators ?? []) as Json[]).map((i) => normText(i.level3 ?? ''));
  const mapping = new Map<number, number>();
  for (const [tag, i1, i2, j1, j2] of opcodes(level3(out), level3(gold))) {
    if (tag === 'equal' || tag === 'replace') for (let k = 0; k < Math.min(i2 - i1, j2 - j1); k++) mapping.set(i1 + k, j1 + k);
  }
  return mapping;
}

function pairRecords(golden: Json[], output: Json[]): { pairs: Array<[Json, Json | null]>; rest: Json[] } {
  const key = (r: Json) => `${r.formType}\u0000${normText(r.projectName ?? '')}`;
  const index = new Map<string, number[]>();
  output.forEach((r, j) => index.set(key(r), [...(index.get(key(r)) ?? []), j]));
  const used = new Set<number>();
  const pairs: Array<[Json, Json | null]> = [];
  const leftovers: Json[] = [];
  for (const g of golden) {
    const j = (index.get(key(g)) ?? []).find((c) => !used.has(c));
    if (j !== undefined) {
      used.add(j);
      pairs.push([g, output[j]!]);
    } else leftovers.push(g);
  }
  const rest = output.filter((_, j) => !used.has(j));
  for (const g of leftovers) pairs.push([g, rest.length ? rest.shift()! : null]);
  return { pairs, rest };
}

/** The reader's own doubt (`ocr.*`, `read.*`): reported, never an accusation against the form, so not scored. */
const DOUBT = /^(ocr|read)\./;

function ruleCounts(rec: Json | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of ((rec?.findings ?? []) as Json[])) {
    const rule = String(f.rule);
    if ((f.severity === 'error' || f.severity === 'warning') && !DOUBT.test(rule)) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return counts;
}

function prf(c: Counts): Prf {
  const p = c.out ? c.hit / c.out : 1;
  const r = c.gold ? c.hit / c.gold : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return { precision: round(p), recall: round(r), f1: round(f), gold: c.gold, out: c.out, hit: c.hit };
}

/** Scores output records against golden ones; `misses` lists golden facts not reproduced. */
export function scoreRecords(golden: Json[], output: Json[]): { score: Score; misses: Miss[] } {
  const groups: Record<Group, Counts> = {
    header: { gold: 0, out: 0, hit: 0 },
    funds: { gold: 0, out: 0, hit: 0 },
    indicators: { gold: 0, out: 0, hit: 0 },
    extra: { gold: 0, out: 0, hit: 0 },
  };
  const find: Counts = { gold: 0, out: 0, hit: 0 };
  const misses: Miss[] = [];
  const { pairs, rest } = pairRecords(golden, output);
  const groupOf = (k: string) => k.split('\u0000')[0] as Group;
  for (const [g, o] of pairs) {
    const gf = facts(g);
    const of = o ? facts(o, alignIndicators(g, o)) : new Map<string, unknown>();
    for (const [k, v] of gf) {
      groups[groupOf(k)].gold++;
      if (of.has(k) && same(v, of.get(k))) groups[groupOf(k)].hit++;
      else misses.push({ projectName: g.projectName, key: k.replace('\u0000', ' '), golden: v, output: of.get(k) });
    }
    for (const k of of.keys()) groups[groupOf(k)].out++;
    const gr = ruleCounts(g);
    const or = ruleCounts(o);
    for (const n of gr.values()) find.gold += n;
    for (const n of or.values()) find.out += n;
    for (const [rule, n] of gr) find.hit += Math.min(n, or.get(rule) ?? 0);
    const differs = [...new Set([...gr.keys(), ...or.keys()])].some((rule) => gr.get(rule) !== or.get(rule));
    if (differs) misses.push({ projectName: g.projectName, key: 'findings', golden: Object.fromEntries(gr), output: Object.fromEntries(or) });
  }
  for (const o of rest) {
    for (const k of facts(o).keys()) groups[groupOf(k)].out++;
    for (const n of ruleCounts(o).values()) find.out += n;
  }
  const total: Counts = { gold: 0, out: 0, hit: 0 };
  for (const c of Object.values(groups)) {
    total.gold += c.gold;
    total.out += c.out;
    total.hit += c.hit;
  }
  return {
    score: {
      header: prf(groups.header),
      funds: prf(groups.funds),
      indicators: prf(groups.indicators),
      extra: prf(groups.extra),
      all: prf(total),
      findings: prf(find),
      records: { gold: golden.length, out: output.length, unpaired_out: rest.length },
    },
    misses,
  };
}

/** Adds raw counts of several documents' scores (micro average). */
export function combineScores(scores: readonly Score[]): Pick<Score, 'all' | 'findings'> {
  const sum = (pick: (s: Score) => Counts): Prf =>
    prf(scores.reduce((acc, s) => ({ gold: acc.gold + pick(s).gold, out: acc.out + pick(s).out, hit: acc.hit + pick(s).hit }), { gold: 0, out: 0, hit: 0 }));
  return { all: sum((s) => s.all), findings: sum((s) => s.findings) };
}
