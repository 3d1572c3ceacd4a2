// Single-file extraction speed from the built package, in this plain Node process, one file after
// another: every file once to warm up, then `rounds` rounds over all the files, each file timed
// alone and its best round kept. Rounds go over all the files in turn (not one file `rounds` times
// in a row) so that a slow spell of a shared machine does not spoil every round of the same files.
// Prints JSON {file: {seconds, cpuSeconds, pages, kind}} (CPU: every thread of the process) on
// standard output.
//
//   node scripts/lib/measure-single.mjs <rounds> <files…>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract } from '../../dist/src/extract.js';

const [rounds, ...files] = process.argv.slice(2);
const read = async (file) => {
  const bytes = readFileSync(file);
  try {
    return await extract(bytes, basename(file));
  } catch {
    return null;
  }
};
for (const file of files) await read(file);
const out = Object.fromEntries(files.map((file) => [file, { seconds: Infinity, cpuSeconds: Infinity, pages: 0, kind: 'error' }]));
for (let k = 0; k < Number(rounds); k++) {
  for (const file of files) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await read(file);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const best = out[file];
    best.seconds = Math.min(best.seconds, seconds);
    best.cpuSeconds = Math.min(best.cpuSeconds, (used.user + used.system) / 1e6);
    best.pages = result?.pageCount ?? 0;
    best.kind = result?.kind ?? 'error';
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
