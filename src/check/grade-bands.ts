import type { GradeBand } from '../forms/draft.js';
import { foldFullWidth, removeWhitespace } from '../normalize/text.js';

/** The national scheme: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. */
export const NATIONAL_GRADE_BANDS: readonly GradeBand[] = Object.freeze([
  { grade: '优', min: '90', max: null, maxInclusive: true },
  { grade: '良', min: '80', max: '90', maxInclusive: false },
  { grade: '中', min: '60', max: '80', maxInclusive: false },
  { grade: '差', min: '0', max: '60', maxInclusive: false },
]);

/** Names of the same grade in different schemes. */
const SAME_GRADE: readonly (readonly string[])[] = [
  ['优', '优秀'],
  ['良', '良好'],
  ['中', '合格', '一般', '及格'],
  ['差', '不合格', '较差', '不及格'],
];

export function sameGrade(a: string, b: string): boolean {
  if (a === b) return true;
  return SAME_GRADE.some((names) => names.includes(a) && names.includes(b));
}

const GRADE_WORD = '(优秀|良好|合格|不合格|优|良|中|差|一般|较差)';

/**
 * Reads a grading scheme printed in the document. Common phrasings:
 * `自评分合计90（含）-100分为优秀，75（含）-90分为良好，…，0-60分为不合格`,
 * `90分（含）以上为优秀，80（含）-90分为良好，…，60分以下为不合格`, and
 * `优（得分≥90分）；良（80≤得分<90分）；…；差（得分<60分）`. Returns null when none is printed.
 */
export function parseGradeBands(text: string): GradeBand[] | null {
  const s = foldFullWidth(removeWhitespace(text)).replace(/（/g, '(').replace(/）/g, ')').replace(/[—－~～至到]/g, '-');
  const NUM = '(\\d+(?:\\.\\d+)?)';
  const bands: GradeBand[] = [];
  for (const m of s.matchAll(new RegExp(`${NUM}分?(?:\\(含\\))?-${NUM}分?(\\(含\\))?(?:为|评为|:)?${GRADE_WORD}`, 'g'))) {
    bands.push({ grade: m[4]!, min: m[1]!, max: m[2]!, maxInclusive: m[3] !== undefined });
  }
  for (const m of s.matchAll(new RegExp(`${NUM}分?(?:\\(含\\))?(?:以上|及以上)(?:的)?(?:为|评为|:)?${GRADE_WORD}`, 'g'))) {
    bands.push({ grade: m[2]!, min: m[1]!, max: null, maxInclusive: true });
  }
  for (const m of s.matchAll(new RegExp(`${NUM}分?(\\(含\\))?以下(?:的)?(?:为|评为|:)?${GRADE_WORD}`, 'g'))) {
    bands.push({ grade: m[3]!, min: '0', max: m[1]!, maxInclusive: m[2] !== undefined });
  }
  if (bands.length >= 2) {
    // The top range includes its upper bound (`90（含）-100分`) unless another band starts there.
    for (const band of bands) {
      if (band.max !== null && !bands.some((b) => b !== band && Number(b.min) === Number(band.max))) band.maxInclusive = true;
    }
    return dedupe(bands);
  }
  const bounds = [...s.matchAll(new RegExp(`${GRADE_WORD}\\(([^()]*?得分[^()]*?)\\)`, 'g'))];
  if (bounds.length >= 2) {
    const out: GradeBand[] = [];
    for (const m of bounds) {
      const expr = m[2]!.replace(/分/g, '');
      const lower = /(\d+(?:\.\d+)?)(?:≤|<=)得|得(?:≥|>=)(\d+(?:\.\d+)?)/.exec(expr);
      const upper = /得(?:<|＜)(\d+(?:\.\d+)?)/.exec(expr);
      const upperIncl = /得(?:≤|<=)(\d+(?:\.\d+)?)/.exec(expr);
      out.push({
        grade: m[1]!,
        min: lower ? (lower[1] ?? lower[2])! : '0',
        max: upper?.[1] ?? upperIncl?.[1] ?? null,
        maxInclusive: !upper,
      });
    }
    return dedupe(out);
  }
  return null;
}

/** One band per grade, highest first. */
function dedupe(bands: GradeBand[]): GradeBand[] {
  const seen = new Set<string>();
  return bands.filter((b) => !seen.has(b.grade) && seen.add(b.grade)).sort((a, b) => Number(b.min) - Number(a.min));
}
