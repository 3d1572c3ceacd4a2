/**
 * Renders every golden record and hand-made variant into random layouts (a seeded draw over the
 * dimensions of scripts/lib/variants/choices.ts), some with a planted arithmetic error, as
 * `<id>.xlsx`, `<id>.pdf` (LibreOffice), sometimes `<id>.txt`, each beside `<id>.expected.jsonl`;
 * `manifest.jsonl` lists every variant's origin, dimensions and planted error. Dev-time only:
 *
 *   npx tsx scripts/make-variants.ts --seed 1 --count 50 --out out/variants [--kinds xlsx,pdf,txt] [--plant-rate 0.35]
 *
 * Without `soffice` on the PATH no PDFs are written (said so on stderr).
 */
import { resolve } from 'node:path';
import { generateVariants } from './lib/variants/generate.js';
import type { InputKind } from './lib/variants/write-variant.js';

function parseArgs(argv: string[]) {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new TypeError(`Expected \`${name}\` to be a number, got \`${raw}\``);
    return n;
  };
  const kinds = (value('--kinds') ?? 'xlsx,pdf,txt').split(',').map((k) => k.trim());
  for (const k of kinds) if (!['xlsx', 'pdf', 'txt'].includes(k)) throw new TypeError(`Expected \`--kinds\` to list xlsx, pdf, txt, got \`${k}\``);
  return {
    seed: number('--seed', 1),
    count: number('--count', 50),
    out: resolve(value('--out') ?? 'out/variants'),
    kinds: new Set(kinds as InputKind[]),
    plantRate: number('--plant-rate', 0.35),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseArgs(process.argv.slice(2));
  const { made, convertPdfs } = generateVariants({ ...options, log: (l) => console.error(l) });
  await convertPdfs();
  const planted = made.filter((m) => m.variant.planted).length;
  console.log(`${made.length} variants (${planted} with a planted error) in ${options.out}`);
}
