// Single-file extraction speed from the built package, in this plain Node process: the files
// extracted one after another, each alone, as `jixiao extract` does them one by one. `warmup`
// passes over all of them first (the JIT keeps optimizing for hundreds of documents: one pass over
// a few dozen files leaves it half warm, and the reference slow), then `passes` timed passes. A
// file's time is its mean over the timed passes, not its best: the best run of a file, or the best
// pass, is the one no garbage collection fell into (collections come every pass or two), and
// leaving them out would leave out work any real run of many files does.
// Prints JSON on standard output: {passes: [{seconds, cpuSeconds}], files: {file: {seconds,
// cpuSeconds, pages, kind}}}, per-file means over the timed passes. CPU: every thread of the process.
//
//   node scripts/lib/measure-single.mjs <passes> <warmup passes> <files…>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract } from '../../dist/src/extract.js';

const [count, warmup, ...files] = process.argv.slice(2);
const read = async (file) => {
  const bytes = readFileSync(file);
  try {
    return await extract(bytes, basename(file));
  } catch {
    return null;
  }
};
for (let k = 0; k < Number(warmup); k++) for (const file of files) await read(file);
const passes = [];
for (let k = 0; k < Number(count); k++) {
  const pass = { seconds: 0, cpuSeconds: 0, files: {} };
  for (const file of files) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await read(file);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    pass.seconds += seconds;
    pass.cpuSeconds += cpuSeconds;
    pass.files[file] = { seconds, cpuSeconds, pages: result?.pageCount ?? 0, kind: result?.kind ?? 'error' };
  }
  passes.push(pass);
}
const mean = (file, field) => passes.reduce((sum, pass) => sum + pass.files[file][field], 0) / passes.length;
const out = Object.fromEntries(files.map((file) => [file, { ...passes[0].files[file], seconds: mean(file, 'seconds'), cpuSeconds: mean(file, 'cpuSeconds') }]));
process.stdout.write(JSON.stringify({ passes: passes.map(({ seconds, cpuSeconds }) => ({ seconds, cpuSeconds })), files: out }) + '\n');
