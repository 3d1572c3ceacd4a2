import type { CheckContext } from './rule.js';
import { runChecks } from './run-checks.js';
import type { Finding, Record } from '../schema/record.js';

/** An OCR value recognized with less confidence than this is shown to a person. */
export const DOUBTFUL_CONFIDENCE = 0.7;

/** Digits OCR confuses with each other (shapes alike in print and in scans). */
const LOOKALIKES: { readonly [digit: string]: string } = {
  '0': '869', '1': '74', '2': '73', '3': '852', '4': '19', '5': '638', '6': '580', '7': '12', '8': '03695', '9': '084',
};

/** A numeric field a correction may be tried on: amounts, rates, weights, scores. */
const NUMERIC = /^(funds\.\w+\.\w+|indicators\[\d+\]\.(weight|score|level1Weight|level2Weight)|totalWeight|totalScore)$/;
const MEASURE = /^indicators\[\d+\]\.(target|actual)$/;
/** Texts up to this many characters are flagged when unsure (names, units, grades). */
const SHORT_TEXT = 20;

/**
 * `ocr.doubtful` findings for a record read (partly) by OCR. A value is doubtful when its
 * recognition confidence is under `DOUBTFUL_CONFIDENCE`, or when reading one of its digits as a
 * look-alike (0↔8, 1↔7, 5↔6…) would make a failing consistency check pass. The value is never
 * changed: the finding names the field, the value read, its confidence and the alternative.
 */
export function flagDoubtfulOcr(record: Record, ctx: CheckContext, names?: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const failing = record.findings.filter((f) => f.severity !== 'info' && !f.rule.startsWith('ocr.'));
  const key = (f: Finding) => `${f.rule}|${f.field}`;
  const failingKeys = new Set(failing.map(key));
  for (const [field, prov] of Object.entries(record.provenance)) {
    if (prov.method !== 'ocr' || prov.confidence === undefined) continue;
    const value = valueAt(record, field);
    if (value === null) continue;
    // A long text always has an unsure word somewhere; its doubt says little. Numbers, targets and short labels do.
    const short = NUMERIC.test(field) || MEASURE.test(field) || [...value].length <= SHORT_TEXT;
    if (prov.confidence < DOUBTFUL_CONFIDENCE && short) {
      out.push({
        rule: 'ocr.doubtful',
        severity: 'warning',
        field,
        expected: null,
        found: value,
        message: `read by OCR with confidence ${prov.confidence.toFixed(2)}: check ${value} against the page`,
      });
      continue;
    }
    if (failingKeys.size === 0 || !NUMERIC.test(field)) continue;
    for (const candidate of lookalikeReadings(value)) {
      const trial = structuredClone(record);
      setAt(trial, field, candidate);
      const after = runChecks(trial, ctx, names).filter((f) => f.severity !== 'info');
      const afterKeys = new Set(after.map(key));
      const cleared = [...failingKeys].filter((k) => !afterKeys.has(k));
      const added = [...afterKeys].filter((k) => !failingKeys.has(k));
      if (cleared.length > 0 && added.length === 0) {
        out.push({
          rule: 'ocr.doubtful',
          severity: 'warning',
          field,
          expected: candidate,
          found: value,
          message: `read by OCR as ${value} (confidence ${prov.confidence.toFixed(2)}); read as ${candidate}, ${cleared.map((k) => k.split('|')[0]).join(', ')} would pass: check it against the page`,
        });
        break;
      }
    }
  }
  return out;
}

/** The value read with one digit swapped for a look-alike. */
export function lookalikeReadings(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const alt of LOOKALIKES[value[i]!] ?? '') {
      const candidate = value.slice(0, i) + alt + value.slice(i + 1);
      if (/^-?0\d/.test(candidate)) continue; // a leading zero is not how a number is printed
      out.push(candidate);
    }
  }
  return out;
}

const STEP = /([A-Za-z]+)(?:\[(\d+)\])?/g;

/** The value at a record path (`funds.total.executed`, `indicators[3].score`), as a string. */
export function valueAt(record: Record, path: string): string | null {
  let node: unknown = record;
  for (const [, name, index] of path.matchAll(STEP)) {
    node = (node as { [k: string]: unknown } | null)?.[name!];
    if (index !== undefined) node = (node as unknown[] | null)?.[Number(index)];
  }
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && 'text' in node) return String((node as { text: unknown }).text);
  return null;
}

function setAt(record: Record, path: string, value: string): void {
  const steps = [...path.matchAll(STEP)];
  let node: { [k: string]: unknown } = record as unknown as { [k: string]: unknown };
  steps.forEach(([, name, index], k) => {
    const last = k === steps.length - 1;
    if (index !== undefined) {
      const list = node[name!] as Array<{ [k: string]: unknown }>;
      if (last) (list as unknown[])[Number(index)] = value;
      else node = list[Number(index)]!;
    } else if (last) node[name!] = value;
    else node = node[name!] as { [k: string]: unknown };
  });
}
