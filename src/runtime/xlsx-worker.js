// Parses workbooks in a worker thread, so that SheetJS 0.18.5's known problems (prototype pollution
// through a comment ref, ReDoS on `<!--`) stay in a thread that can be thrown away. The thread is
// reused for the next workbook only while its realm is untouched: after every parse the built-in
// prototypes are compared with the snapshot taken before the first one (names, values, accessors),
// and a workbook that changed anything is refused as hostile and the thread terminated by the parent.
// Plain JavaScript: it runs the same under tsx, vitest and the built package.
import { parentPort } from 'node:worker_threads';
import { parseSheets, realmGuard } from './sheet-parser.js';

const tampered = realmGuard();

parentPort.on('message', ({ id, bytes, raw }) => {
  let reply;
  try {
    reply = { ok: true, sheets: parseSheets(bytes, raw) };
  } catch (err) {
    reply = { ok: false, message: String(err && err.message ? err.message : err) };
  }
  // Nothing read in a polluted realm is used.
  const polluted = tampered();
  if (polluted.length) reply = { ok: false, hostile: true, message: `parsing it modified ${polluted.join(', ')}` };
  parentPort.postMessage({ id, ...reply, heapUsed: process.memoryUsage().heapUsed });
});
