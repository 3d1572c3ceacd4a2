/**
 * Generates variants into a directory: each variant's files and a manifest.jsonl; the PDFs are
 * converted by LibreOffice in batches when the caller asks (`convertPdfs`), so it can read the
 * other files meanwhile.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Choices } from './choices.js';
import { convertToPdf, hasSoffice } from './convert-pdf.js';
import { makeVariant, type Variant } from './make-variant.js';
import { loadBases } from './sources.js';
import { manifestLine, writeVariant, type InputKind, type WrittenVariant } from './write-variant.js';

export interface GenerateOptions {
  seed: number;
  count: number;
  out: string;
  kinds: ReadonlySet<InputKind>;
  plantRate?: number;
  /** The control layout only (see controlChoices). */
  control?: boolean;
  /** Variant k: the control layout with `overrides[k]` (an ablation), of `family` only. */
  overrides?: ReadonlyArray<Partial<Choices>>;
  family?: Choices['family'];
  /** Called with a line of progress or a warning. */
  log?: (line: string) => void;
}

export interface Generated {
  made: Array<{ variant: Variant; written: WrittenVariant }>;
  /** The kinds written (pdf dropped without LibreOffice). */
  kinds: Set<InputKind>;
  /** Converts the PDFs (once); resolves to the ids LibreOffice failed on. */
  convertPdfs: () => Promise<string[]>;
}

export function generateVariants(options: GenerateOptions): Generated {
  const log = options.log ?? (() => undefined);
  const bases = loadBases();
  mkdirSync(options.out, { recursive: true });
  const kinds = new Set(options.kinds);
  if (kinds.has('pdf') && !hasSoffice()) {
    log('soffice (LibreOffice) not found: PDFs skipped (apt-get install libreoffice-calc fonts-noto-cjk)');
    kinds.delete('pdf');
  }
  const fodsDir = mkdtempSync(join(tmpdir(), 'jixiao-fods-'));
  const made: Generated['made'] = [];
  for (let k = 0; k < options.count; k++) {
    const variant = makeVariant(bases, options.seed, k, { plantRate: options.plantRate, control: options.control, override: options.overrides?.[k], family: options.family });
    made.push({ variant, written: writeVariant(variant, options.out, kinds, fodsDir) });
  }
  writeFileSync(join(options.out, 'manifest.jsonl'), made.map((m) => manifestLine(m.variant)).join('\n') + '\n');
  let conversion: Promise<string[]> | null = null;
  const convertPdfs = () =>
    (conversion ??= (async () => {
      if (!kinds.has('pdf')) return [];
      const started = performance.now();
      try {
        const failed = await convertToPdf(made.map((m) => m.written.fods!), options.out);
        log(`LibreOffice: ${made.length - failed.length} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s${failed.length ? `, ${failed.length} failed` : ''}`);
        const lost = new Set(failed.map((f) => basename(f).replace(/\.fods$/, '')));
        for (const m of made) if (lost.has(m.variant.id)) delete m.written.files.pdf;
        return [...lost];
      } finally {
        rmSync(fodsDir, { recursive: true, force: true });
      }
    })());
  if (!kinds.has('pdf')) rmSync(fodsDir, { recursive: true, force: true });
  return { made, kinds, convertPdfs };
}
