// Single-file extraction speed from the built package, in this plain Node process, one file after
// another: every file once to warm up, then each timed (the best of `rounds`). Prints JSON
// {file: {seconds, cpuSeconds, pages, kind}} (CPU: every thread of the process) on standard output.
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
const out = {};
for (const file of files) {
  let best = Infinity;
  let bestCpu = Infinity;
  let result = null;
  for (let k = 0; k < Number(rounds); k++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    result = await read(file);
    best = Math.min(best, (performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  out[file] = { seconds: best, cpuSeconds: bestCpu, pages: result?.pageCount ?? 0, kind: result?.kind ?? 'error' };
}
process.stdout.write(JSON.stringify(out) + '\n');
