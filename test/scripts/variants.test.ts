import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { describeChoices, FAMILY_DIMENSIONS } from '../../scripts/lib/variants/choices.js';
import { expectedFindings } from '../../scripts/lib/variants/findings.js';
import { amountDigits } from '../../scripts/lib/variants/grid.js';
import { makeVariant, plantInto } from '../../scripts/lib/variants/make-variant.js';
import { splitRow } from '../../scripts/lib/variants/measures.js';
import { PLANT_KINDS, type PlantKind } from '../../scripts/lib/variants/plant.js';
import { Rng } from '../../scripts/lib/variants/prng.js';
import { loadBases } from '../../scripts/lib/variants/sources.js';
import { cloneRecord, type TruthRecord } from '../../scripts/lib/variants/truth.js';
import { gridToText } from '../../scripts/lib/variants/write-text.js';

const bases = loadBases();
const baseOf = (origin: string) => cloneRecord(bases.find((b) => b.origin === origin)!.record);
const DRAWS = 200;
const variants = Array.from({ length: DRAWS }, (_, k) => makeVariant(bases, 11, k));

describe('variant generator', () => {
  it('reads every golden record and hand-made variant as a base', () => {
    expect(bases.length).toBeGreaterThanOrEqual(45);
    expect(bases.some((b) => b.origin.startsWith('golden/changning'))).toBe(true);
    expect(bases.some((b) => b.origin.startsWith('variants/evaluation-scoring'))).toBe(true);
  });

  it('is deterministic for a seed and index, and differs between seeds', () => {
    for (const k of [0, 7, 42]) {
      const a = makeVariant(bases, 11, k);
      const b = variants[k]!;
      expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
      expect(a.choices).toEqual(b.choices);
      expect(gridToText(a.grid)).toBe(gridToText(b.grid));
    }
    const other = Array.from({ length: 20 }, (_, k) => JSON.stringify(describeChoices(makeVariant(bases, 12, k).choices)));
    const same = variants.slice(0, 20).filter((v, k) => JSON.stringify(describeChoices(v.choices)) === other[k]);
    expect(same.length).toBe(0);
  });

  it('varies every dimension of the self-evaluation layout over 200 draws', () => {
    const drawn = variants.filter((v) => v.choices.family === 'project-self-evaluation').map((v) => describeChoices(v.choices));
    expect(drawn.length).toBeGreaterThan(80);
    const constant = FAMILY_DIMENSIONS['project-self-evaluation'].filter((key) => new Set(drawn.map((d) => d[key])).size < 2);
    expect(constant).toEqual([]);
    // Every family is drawn, and some variants have no title row, a planted error, a text export.
    expect(new Set(variants.map((v) => v.choices.family)).size).toBe(4);
    expect(variants.some((v) => !v.choices.titleRow && v.grid.rows.every((row) => row.every((c) => c?.role !== 'title')))).toBe(true);
    expect(variants.filter((v) => v.planted).length).toBeGreaterThan(DRAWS * 0.2);
    expect(variants.filter((v) => v.choices.txt).length).toBeGreaterThan(DRAWS * 0.15);
  });

  it('prints 万元 as 元 ÷ 10000 with every digit, and the truth stays in 元', () => {
    const cases: Array<[string, string]> = [
      ['371129.24', '37.112924'], ['600000.00', '60.00'], ['29894080.12', '2989.408012'], ['9073.23', '0.907323'], ['0', '0'], ['160000', '16'],
    ];
    for (const [yuan, wan] of cases) {
      expect(amountDigits(yuan, '万元')).toBe(wan);
      expect(new Decimal(wan).times(10000).equals(yuan)).toBe(true);
      expect(amountDigits(yuan, '元')).toBe(yuan);
    }
    const v = variants.find((x) => x.choices.unit === '万元' && x.truth.funds?.total?.annualBudget && x.choices.family === 'project-self-evaluation')!;
    const printed = amountDigits(v.truth.funds!.total!.annualBudget!, '万元');
    expect(gridToText(v.grid).replace(/,/g, '')).toContain(printed);
    expect(v.truth.amountUnit).toBe('万元');
  });

  it('prints the unit and the year whenever the truth has them', () => {
    const printed = (v: (typeof variants)[number]) => v.grid.rows.flat().filter((c) => c && c.role !== 'text' && c.role !== 'number').map((c) => c!.text);
    const check = (v: (typeof variants)[number]) => {
      const labels = printed(v);
      const unit = v.truth.amountUnit;
      if (unit) expect(labels.some((t) => new RegExp(`[（(]${unit}[)）]|单位：${unit}`).test(t)), `${v.id}: unit ${unit}`).toBe(true);
      if (v.truth.year !== null) expect(labels.some((t) => t.includes(String(v.truth.year))), `${v.id}: year`).toBe(true);
      else expect(labels.some((t) => /20\d\d年/.test(t) || /年度：/.test(t)), `${v.id}: no year`).toBe(false);
    };
    variants.forEach(check);
    // Hand-set layouts (ablations) are made consistent too: a corner label without a unit.
    const labels = ['预算执行情况', '项目资金', '预算执行情况(10分)'];
    labels.forEach((label, k) => check(makeVariant(bases, 11, k, { override: { fundsCornerLabel: label }, family: 'project-self-evaluation' })));
    check(makeVariant(bases, 11, 3, { override: { titleRow: false }, family: 'project-self-evaluation' }));
  });

  it('never adds an error to a variant without a planted one', () => {
    for (const v of variants.filter((x) => !x.planted)) {
      const base = bases.find((b) => b.origin === v.origin)!.record;
      const baseErrors = expectedFindings(base).filter((f) => f.severity === 'error').map((f) => f.rule);
      for (const f of v.truth.findings.filter((x) => x.severity === 'error')) expect(baseErrors).toContain(f.rule);
    }
  });

  it('splits 指标性质 / 度量单位 columns as the contract reads them', () => {
    const t = { text: '≥95%', op: '>=' as const, value: '95', unit: '%' };
    const a = { text: '98%', op: null, value: '98', unit: '%' };
    expect(splitRow(t, a, 'comparator', 'after-target')).toEqual({
      nature: '≥',
      unitCell: '%',
      target: { text: '95', op: '>=', value: '95', unit: '%' },
      actual: { text: '98', op: '>=', value: '98', unit: '%' },
    });
    expect(splitRow(t, a, 'direction', 'none')).toEqual({ nature: '正向', unitCell: null, target: t, actual: a });
    expect(splitRow(t, null, 'quantity', 'after-actual').target).toEqual({ text: '≥95', op: '>=', value: '95', unit: '%' });
    // Free text keeps its whole cell; the comparator stays in it.
    const free = { text: '以常住人口计算参保率为101.88%', op: null, value: '101.88', unit: '%' };
    const q = { text: '大于等于95%', op: '>=' as const, value: '95', unit: '%' };
    expect(splitRow(q, free, 'comparator', 'after-target')).toEqual({ nature: null, unitCell: null, target: q, actual: free });
    const words = { text: '按时', op: null, value: null, unit: null };
    expect(splitRow(words, words, 'quantity', 'after-target')).toEqual({ nature: '定性', unitCell: null, target: words, actual: words });
  });
});

describe('planted errors', () => {
  const keyed = (truth: TruthRecord) => new Map(expectedFindings(truth).map((f) => [`${f.rule}@${f.field}`, f]));
  const plant = (origin: string, kind: PlantKind, seed = 3) => {
    const base = baseOf(origin);
    const result = plantInto(base, new Rng(seed, 0), kind);
    expect(result, `${kind} on ${origin}`).not.toBeNull();
    return { base, ...result!, findings: keyed(result!.truth) };
  };
  const WANYUAN = 'variants/wanyuan-funds.expected.jsonl#0';
  const SHANGHAI = 'golden/shanghai-2019-self-assessment.jsonl#0';

  it('has a case for every kind', () => {
    expect([...PLANT_KINDS].sort()).toEqual(['category.weight', 'funds.rate', 'funds.score', 'funds.sum', 'grade.mismatch', 'score.exceedsWeight', 'target.unmetFullScore', 'total.score', 'total.weight']);
  });

  it('funds.rate: the printed rate against executed ÷ 全年预算数 at its precision', () => {
    const { truth, planted, keys, findings } = plant(WANYUAN, 'funds.rate');
    expect(planted.field).toBe('funds.total.executionRate');
    expect(truth.funds!.total!.executionRate).toBe(planted.to);
    expect(findings.get('funds.rate@funds.total.executionRate')).toMatchObject({ severity: 'error', expected: '93.24', found: planted.to });
    // 10 × the new rate no longer gives the printed 9.32: the score check follows the printed rate.
    const score = new Decimal(10).times(Decimal.min(new Decimal(planted.to).div(100), 1)).toFixed(2);
    expect(findings.get('funds.score@funds.total.score')).toMatchObject({ expected: score, found: '9.32' });
    expect(keys.sort()).toEqual(['funds.rate@funds.total.executionRate', 'funds.score@funds.total.score']);
  });

  it('funds.score: a full score despite a rate under 100%', () => {
    const { planted, keys, findings } = plant(WANYUAN, 'funds.score');
    expect(planted).toMatchObject({ field: 'funds.total.score', from: '9.32', to: '10.00' });
    expect(findings.get('funds.score@funds.total.score')).toMatchObject({ severity: 'error', expected: '9.32', found: '10.00' });
    expect(keys).toContain('funds.score@funds.total.score');
  });

  it('total.score and total.weight: a total that is not the sum', () => {
    const s = plant(WANYUAN, 'total.score');
    expect(s.findings.get('total.score@totalScore')).toMatchObject({ severity: 'error', expected: '96.32', found: s.planted.to });
    expect(s.keys).toEqual(['total.score@totalScore']);
    const w = plant(WANYUAN, 'total.weight');
    expect(w.findings.get('total.weight@totalWeight')).toMatchObject({ severity: 'error', expected: '100', found: w.planted.to });
    expect(w.keys).toEqual(['total.weight@totalWeight']);
  });

  it('score.exceedsWeight: an item above its weight (and so a total that no longer adds up)', () => {
    const { truth, planted, keys, findings } = plant(WANYUAN, 'score.exceedsWeight');
    const k = Number(/\[(\d+)\]/.exec(planted.field)![1]);
    const item = truth.indicators[k]!;
    expect(new Decimal(item.score!).greaterThan(item.weight!)).toBe(true);
    expect(findings.get(planted.field.replace(/^/, 'score.exceedsWeight@'))).toMatchObject({ severity: 'error', expected: item.weight, found: item.score });
    const sum = [truth.funds!.total!.score!, ...truth.indicators.map((i) => i.score!)].reduce((a, b) => a.plus(b), new Decimal(0));
    expect(findings.get('total.score@totalScore')).toMatchObject({ expected: sum.toFixed(2), found: '96.32' });
    expect(keys.sort()).toEqual([`score.exceedsWeight@${planted.field}`, 'total.score@totalScore'].sort());
  });

  it('funds.sum: a 年度资金总额 that is not the sum of its sources', () => {
    const { planted, keys, findings } = plant(WANYUAN, 'funds.sum');
    expect(planted.field).toBe('funds.total.initialBudget');
    expect(new Decimal(planted.to).minus('15000').mod(10000).isZero()).toBe(true);
    expect(findings.get('funds.sum@funds.total.initialBudget')).toMatchObject({ severity: 'error', expected: '15000', found: planted.to });
    expect(keys).toEqual(['funds.sum@funds.total.initialBudget']);
    const goal = plant('variants/goal-declaration-wanyuan.expected.jsonl#0', 'funds.sum');
    expect(goal.planted.field).toBe('funds.total.requested');
    expect(goal.keys).toEqual(['funds.sum@funds.total.requested']);
  });

  it('target.unmetFullScore: a missed target given full marks (a warning)', () => {
    const { truth, planted, keys, findings } = plant(WANYUAN, 'target.unmetFullScore');
    const k = Number(/\[(\d+)\]/.exec(planted.field)![1]);
    const item = truth.indicators[k]!;
    expect(item.actual!.text).toContain(planted.to);
    expect(item.actual!.value).toBe(planted.to);
    expect(findings.get(`target.unmetFullScore@indicators[${k}].actual`)).toMatchObject({ severity: 'warning', expected: item.target!.value, found: planted.to });
    expect(keys).toEqual([`target.unmetFullScore@indicators[${k}].actual`]);
  });

  it('category.weight and grade.mismatch on the weighted form', () => {
    const c = plant(SHANGHAI, 'category.weight');
    const start = Number(/\[(\d+)\]/.exec(c.planted.field)![1]);
    const level1 = c.truth.indicators[start]!.level1;
    const items = c.truth.indicators.filter((i) => i.level1 === level1);
    const sum = items.reduce((a, i) => a.plus(i.weight ?? 0), new Decimal(0)).toFixed();
    expect(c.findings.get(`category.weight@${c.planted.field}`)).toMatchObject({ severity: 'error', expected: sum, found: c.planted.to });
    const g = plant(SHANGHAI, 'grade.mismatch');
    expect(g.planted).toMatchObject({ field: 'grade', from: '优秀', to: '中' });
    expect(g.findings.get('grade.mismatch@grade')).toMatchObject({ severity: 'error', expected: '优', found: '中' });
  });
});
