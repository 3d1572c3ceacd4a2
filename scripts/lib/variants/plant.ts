/**
 * Planted arithmetic errors: one printed value of the truth changed so that one rule of
 * CONTRACT.md fails. The findings are then recomputed from the printed values (findings.ts), so a
 * change that also breaks a second rule (a score above its weight also breaks the total) expects
 * both.
 */
import { Decimal } from 'decimal.js';
import type { Rng } from './prng.js';
import type { TruthRecord } from './truth.js';
import { runsOf } from './truth.js';

export const PLANT_KINDS = [
  'funds.rate', 'funds.score', 'total.score', 'total.weight', 'score.exceedsWeight', 'funds.sum', 'target.unmetFullScore',
  'category.weight', 'grade.mismatch',
] as const;
export type PlantKind = (typeof PLANT_KINDS)[number];

export interface Planted {
  kind: PlantKind;
  /** Path of the changed value. */
  field: string;
  from: string | null;
  to: string;
}

const places = (v: string) => (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0);
const fixed = (d: Decimal, like: string) => d.toFixed(places(like));
const SOURCES_OF_SUM = ['currentYear', 'carryOver', 'other'] as const;

type Planter = (truth: TruthRecord, rng: Rng) => Planted | null;

const planters: Record<PlantKind, Planter> = {
  'funds.rate': (truth, rng) => {
    const row = truth.funds?.total;
    const budget = row?.annualBudget ?? row?.initialBudget;
    if (!row?.executionRate || row.executed == null || budget == null || new Decimal(budget).isZero()) return null;
    const rate = new Decimal(row.executionRate);
    const delta = new Decimal(rng.pick(['1.5', '2.37', '4', '6.8', '11']));
    const next = rate.greaterThan(50) ? rate.minus(delta) : rate.plus(delta);
    const to = fixed(next, row.executionRate);
    const from = row.executionRate;
    row.executionRate = to;
    return { kind: 'funds.rate', field: 'funds.total.executionRate', from, to };
  },
  'funds.score': (truth, rng) => {
    const row = truth.funds?.total;
    if (row?.weight == null || row.score == null) return null;
    const weight = new Decimal(row.weight);
    const score = new Decimal(row.score);
    const next = score.lessThan(weight) ? weight : weight.minus(rng.pick(['1', '1.5', '2']));
    const to = fixed(next, row.score);
    const from = row.score;
    row.score = to;
    return { kind: 'funds.score', field: 'funds.total.score', from, to };
  },
  'total.score': (truth, rng) => {
    if (truth.totalScore == null) return null;
    const d = new Decimal(rng.pick(['1', '2', '3', '0.5', '4']));
    const total = new Decimal(truth.totalScore);
    const next = total.greaterThan(50) ? total.minus(d) : total.plus(d);
    const from = truth.totalScore;
    truth.totalScore = fixed(next, truth.totalScore);
    return { kind: 'total.score', field: 'totalScore', from, to: truth.totalScore };
  },
  'total.weight': (truth, rng) => {
    if (truth.totalWeight == null) return null;
    const d = new Decimal(rng.pick(['5', '10']));
    const total = new Decimal(truth.totalWeight);
    const from = truth.totalWeight;
    truth.totalWeight = fixed(total.greaterThan(d) && rng.chance(0.5) ? total.minus(d) : total.plus(d), truth.totalWeight);
    return { kind: 'total.weight', field: 'totalWeight', from, to: truth.totalWeight };
  },
  'score.exceedsWeight': (truth, rng) => {
    const candidates = truth.indicators.map((i, k) => [i, k] as const).filter(([i]) => i.weight != null && i.score != null && new Decimal(i.weight).greaterThan(0));
    if (!candidates.length) return null;
    const [indicator, k] = rng.pick(candidates);
    const from = indicator.score!;
    indicator.score = fixed(new Decimal(indicator.weight!).plus(rng.pick(['1', '2', '3'])), indicator.score!);
    return { kind: 'score.exceedsWeight', field: `indicators[${k}].score`, from, to: indicator.score };
  },
  'funds.sum': (truth, rng) => {
    const funds = truth.funds;
    if (!funds?.total) return null;
    for (const key of ['initialBudget', 'requested', 'annualBudget'] as const) {
      const total = funds.total[key];
      const parts = SOURCES_OF_SUM.map((s) => funds[s]?.[key]).filter((v): v is string => v != null);
      if (total == null || parts.length === 0) continue;
      // A whole number of 万元, so the changed value prints exactly in either unit.
      const next = new Decimal(total).plus(new Decimal(rng.int(1, 9)).times(10000));
      funds.total[key] = fixed(next, total);
      return { kind: 'funds.sum', field: `funds.total.${key}`, from: total, to: funds.total[key]! };
    }
    return null;
  },
  'target.unmetFullScore': (truth, rng) => {
    const candidates = truth.indicators
      .map((i, k) => [i, k] as const)
      .filter(([i]) => {
        const { target, actual, weight, score } = i;
        if (!target?.op || target.value == null || actual?.value == null || weight == null || score == null) return false;
        if (new Decimal(weight).isZero() || !new Decimal(score).equals(weight)) return false;
        if (target.unit && actual.unit && target.unit !== actual.unit) return false;
        return actual.text.includes(actual.value) && new Decimal(target.value).greaterThan(1);
      });
    if (!candidates.length) return null;
    const [indicator, k] = rng.pick(candidates);
    const target = new Decimal(indicator.target!.value!);
    const step = Decimal.max(1, target.times(0.1).floor());
    const op = indicator.target!.op!;
    const next = op === '>=' || op === '>' ? target.minus(step) : target.plus(step);
    const actual = indicator.actual!;
    const to = fixed(next, actual.value!);
    const at = actual.text.indexOf(actual.value!);
    const from = actual.value;
    actual.text = `${actual.text.slice(0, at)}${to}${actual.text.slice(at + actual.value!.length)}`;
    actual.value = to;
    return { kind: 'target.unmetFullScore', field: `indicators[${k}].actual`, from, to };
  },
  'category.weight': (truth, rng) => {
    const runs = runsOf(truth.indicators, (i) => i.level1).filter((r) => truth.indicators[r.from]!.level1Weight != null);
    if (!runs.length) return null;
    const run = rng.pick(runs);
    const from = truth.indicators[run.from]!.level1Weight!;
    const to = fixed(new Decimal(from).plus(rng.pick(['2', '5'])), from);
    for (let k = run.from; k <= run.to; k++) truth.indicators[k]!.level1Weight = to;
    return { kind: 'category.weight', field: `indicators[${run.from}].level1Weight`, from, to };
  },
  'grade.mismatch': (truth) => {
    if (truth.grade == null || truth.totalScore == null) return null;
    const wrong: Record<string, string> = { 优: '差', 优秀: '中', 良: '优', 良好: '优秀', 中: '优', 合格: '优秀', 差: '良' };
    const to = wrong[truth.grade];
    if (!to) return null;
    const from = truth.grade;
    truth.grade = to;
    return { kind: 'grade.mismatch', field: 'grade', from, to };
  },
};

/** Plants one error of the given kind; null when the record has nothing it applies to. */
export function plantError(truth: TruthRecord, kind: PlantKind, rng: Rng): Planted | null {
  return planters[kind](truth, rng);
}
