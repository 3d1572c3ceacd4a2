/**
 * A variant's files: `<id>.xlsx`, `<id>.fods` (for the PDF), `<id>.txt` when drawn, and
 * `<id>.expected.jsonl` (the truth records, contract format).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeChoices } from './choices.js';
import type { Variant } from './make-variant.js';
import { gridToFods } from './write-fods.js';
import { gridToText } from './write-text.js';
import { gridToXlsx } from './write-xlsx.js';

export type InputKind = 'xlsx' | 'pdf' | 'txt';

export interface WrittenVariant {
  id: string;
  /** Input files by kind (the pdf once converted). */
  files: Partial<Record<InputKind, string>>;
  fods: string | null;
  expected: string;
}

export function writeVariant(variant: Variant, outDir: string, kinds: ReadonlySet<InputKind>, fodsDir: string = outDir): WrittenVariant {
  const files: Partial<Record<InputKind, string>> = {};
  const path = (ext: string, dir = outDir) => join(dir, `${variant.id}.${ext}`);
  if (kinds.has('xlsx')) writeFileSync((files.xlsx = path('xlsx')), gridToXlsx(variant.grid, variant.choices));
  if (kinds.has('txt') && variant.choices.txt) writeFileSync((files.txt = path('txt')), gridToText(variant.grid));
  let fods: string | null = null;
  if (kinds.has('pdf')) {
    writeFileSync((fods = path('fods', fodsDir)), gridToFods(variant.grid, variant.choices));
    files.pdf = path('pdf');
  }
  const expected = path('expected.jsonl');
  writeFileSync(expected, `${JSON.stringify(variant.truth)}\n`);
  return { id: variant.id, files, fods, expected };
}

/** One line of the output's manifest.jsonl: where a variant came from and how it is laid out. */
export function manifestLine(variant: Variant): string {
  return JSON.stringify({ id: variant.id, origin: variant.origin, planted: variant.planted, plantedKeys: variant.plantedKeys, dimensions: describeChoices(variant.choices) });
}
