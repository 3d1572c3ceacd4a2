#!/usr/bin/env -S node --single-threaded-gc
// The built CLI (npm ci builds dist/ through the `prepare` script).
// --single-threaded-gc: each isolate collects its own garbage on its own thread. A batch
// (`ingest`, `extract` of many files) keeps every core busy with extraction workers, so V8's
// default of marking and scavenging on helper threads only contends with the other workers: the
// flag saves 5–11% of CPU and wall time on `ingest` (alternating pairs; bench:archive, issue #6),
// for 15–25 MB more peak RSS, and a single file takes the same time either way. V8 flags are process-wide and GC flags cannot change once the heap
// is running (V8 aborts), hence the command line. `node bin/jixiao.js` runs without it: same results.
import('../dist/src/cli/run.js');
