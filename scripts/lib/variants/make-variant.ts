/**
 * One variant from a seed and an index: a base record, a drawn layout, the truth as that layout
 * prints it, maybe one planted arithmetic error, the expected findings, and the printed grid.
 */
import { consistentChoices, controlChoices, drawChoices, type BaseFacts, type Choices } from './choices.js';
import { addedKeys, expectedFindings, scoredKeys } from './findings.js';
import type { Grid } from './grid.js';
import { layoutGoalDeclaration } from './layout/goal-declaration.js';
import { layoutScoring } from './layout/scoring.js';
import { layoutSelfAssessment } from './layout/self-assessment.js';
import { layoutSelfEvaluation } from './layout/self-evaluation.js';
import { plantError, PLANT_KINDS, type PlantKind, type Planted } from './plant.js';
import { fitPage } from './page-fit.js';
import { Rng } from './prng.js';
import type { BaseRecord } from './sources.js';
import { cloneRecord, deriveTruth, type PrintPlan, type TruthRecord } from './truth.js';

export interface Variant {
  id: string;
  origin: string;
  choices: Choices;
  truth: TruthRecord;
  planted: Planted | null;
  /** `rule@field` of the error/warning findings the plant added (empty when clean). */
  plantedKeys: string[];
  grid: Grid;
}

export interface VariantOptions {
  /** Fraction of variants with a planted error. */
  plantRate?: number;
  /** Draw only fonts and page; lay out as the current fixtures do (a check of the generator). */
  control?: boolean;
  /** Dimensions set by hand over the control layout (an ablation: one dimension changed). */
  override?: Partial<Choices>;
  /** Bases of this family only. */
  family?: Choices['family'];
}

export function baseFacts(record: TruthRecord): BaseFacts {
  return {
    formType: record.formType,
    title: record.title,
    year: record.year,
    amountUnit: record.amountUnit,
    hasFunds: record.funds != null,
    hasTotalScore: record.totalScore != null,
    hasGoal: record.goal != null,
    indicatorCount: record.indicators.length,
    hasCategoryWeights: record.indicators.some((i) => i.level1Weight != null),
  };
}

export function layoutTruth(truth: TruthRecord, plan: PrintPlan, choices: Choices): Grid {
  switch (choices.family) {
    case 'project-self-assessment':
      return layoutSelfAssessment(truth, plan, choices);
    case 'project-goal-declaration':
      return layoutGoalDeclaration(truth, plan, choices);
    case 'evaluation-scoring':
      return layoutScoring(truth, plan, choices);
    default:
      return layoutSelfEvaluation(truth, plan, choices);
  }
}

/** Weights of the planted kinds (the six of the brief first). */
const PLANT_WEIGHT: Record<PlantKind, number> = {
  'funds.rate': 3, 'funds.score': 3, 'total.score': 3, 'total.weight': 2, 'score.exceedsWeight': 3, 'funds.sum': 3,
  'target.unmetFullScore': 3, 'category.weight': 1, 'grade.mismatch': 1,
};

/** Plants one error of a kind that fires its own rule; null when no kind applies. */
export function plantInto(truth: TruthRecord, rng: Rng, only?: PlantKind): { truth: TruthRecord; planted: Planted; keys: string[] } | null {
  const before = scoredKeys(expectedFindings(truth));
  let kinds = only ? [only] : [...PLANT_KINDS];
  while (kinds.length) {
    const kind = only ?? rng.weighted(kinds.map((k) => [k, PLANT_WEIGHT[k]] as const));
    kinds = kinds.filter((k) => k !== kind);
    const copy = cloneRecord(truth);
    const planted = plantError(copy, kind, rng);
    if (!planted) continue;
    const keys = addedKeys(before, scoredKeys(expectedFindings(copy)));
    if (keys.some((k) => k.startsWith(`${kind}@`))) return { truth: copy, planted, keys };
  }
  return null;
}

export function makeVariant(bases: readonly BaseRecord[], seed: number, index: number, options: VariantOptions = {}): Variant {
  const rng = new Rng(seed, index);
  const pool = options.family ? bases.filter((b) => b.record.formType === options.family) : bases;
  const base = rng.pick(pool);
  const id = `v${String(index).padStart(4, '0')}-${base.tag}`;
  const facts = baseFacts(base.record);
  const control = options.control || options.override ? controlChoices(drawChoices(rng, facts), facts) : null;
  const drawn = control ? consistentChoices({ ...control, ...options.override }, facts) : drawChoices(rng, facts);
  const derived = deriveTruth(base.record, drawn);
  const plan = derived.plan;
  let truth = derived.truth;

  // A layout alone must never make an arithmetic error the base does not have.
  const baseErrors = scoredKeys(expectedFindings(base.record));
  const layoutAdded = addedKeys(baseErrors, scoredKeys(expectedFindings(truth)));
  if (layoutAdded.length) throw new Error(`${id}: the layout alone adds findings ${layoutAdded.join(', ')} (a bug in truth.ts)`);

  let planted: Planted | null = null;
  let plantedKeys: string[] = [];
  if (rng.chance(options.plantRate ?? 0.35)) {
    const result = plantInto(truth, rng);
    if (result) ({ truth, planted, keys: plantedKeys } = result);
  }
  truth.findings = expectedFindings(truth);
  truth.source = { file: `${id}.xlsx`, pages: [], method: 'xlsx' };
  const grid = layoutTruth(truth, plan, drawn);
  return { id, origin: base.origin, choices: fitPage(grid, drawn), truth, planted, plantedKeys, grid };
}
