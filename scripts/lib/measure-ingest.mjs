// Runs one `ingest` from the built package in this plain Node process (no loader, no source maps;
// bench-archive starts it under the CLI's Node flags, as `jixiao ingest` runs) and prints its figures as JSON on standard output: the result, the
// seconds (wall and CPU), and the peak RSS of the whole process, worker threads included (getrusage maxrss).
//
//   node scripts/lib/measure-ingest.mjs <db> <concurrency> <file list (one path a line)>
import { readFileSync } from 'node:fs';
import { ingest } from '../../dist/src/runtime/ingest.js';

const [db, concurrency, list] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
const started = performance.now();
const result = await ingest(files, { db, concurrency: Number(concurrency) });
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU seconds of the whole process (every thread): the work done, whatever else the machine runs.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(JSON.stringify({ result, seconds, cpuSeconds, peakRssMb: usage.maxRSS / 1024 }) + '\n');
