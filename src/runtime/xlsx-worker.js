// Parses workbooks in a worker thread, so that SheetJS 0.18.5's known problems (prototype pollution
// through a comment ref, ReDoS on `<!--`) stay in a thread that can be thrown away. The thread is
// reused for the next workbook only while its realm is untouched: after every parse the built-in
// prototypes are compared with the snapshot taken before the first one (names, values, accessors),
// and a workbook that changed anything is refused as hostile and the thread terminated by the parent.
// Plain JavaScript: it runs the same under tsx, vitest and the built package.
import { parentPort } from 'node:worker_threads';
import XLSX from 'xlsx';

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, String: String.prototype, Function: Function.prototype };
/** Every own property of each prototype, with its value or accessors, as first seen. */
const snapshot = (proto) => new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]));
const before = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, snapshot(proto)]));
const same = (a, b) => a && b && a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
function tampered() {
  const changes = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    const now = snapshot(proto);
    const keys = new Set([...before[name].keys(), ...now.keys()]);
    for (const key of keys) if (!same(before[name].get(key), now.get(key))) changes.push(`${name}.prototype.${String(key)}`);
  }
  return changes;
}

function parse(bytes, raw) {
  const workbook = XLSX.read(bytes, {
    type: 'buffer',
    cellFormula: false,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    bookVBA: false,
    sheetStubs: false,
    WTF: false,
    // HTML tables: keep the text as displayed instead of re-reading it as numbers.
    raw: Boolean(raw),
  });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    const cells = [];
    for (const address of Object.keys(sheet)) {
      if (address.startsWith('!')) continue;
      const cell = sheet[address];
      if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      // `w` is the text as displayed; for numbers, String(v) is the shortest text that reads back
      // to the same double, i.e. the digits the file stored.
      const stored = cell.t === 'n' ? String(cell.v) : cell.t === 'b' ? String(cell.v) : cell.t === 'd' ? cell.v.toISOString() : String(cell.v);
      cells.push({ r, c, text: cell.w ?? stored, stored, type: cell.t });
    }
    const merges = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
    const hidden = workbook.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden ?? 0;
    return { name, cells, merges, hidden };
  });
}

parentPort.on('message', ({ id, bytes, raw }) => {
  let reply;
  try {
    reply = { ok: true, sheets: parse(bytes, raw) };
  } catch (err) {
    reply = { ok: false, message: String(err && err.message ? err.message : err) };
  }
  // Nothing read in a polluted realm is used.
  const polluted = tampered();
  if (polluted.length) reply = { ok: false, hostile: true, message: `parsing it modified ${polluted.join(', ')}` };
  parentPort.postMessage({ id, ...reply, heapUsed: process.memoryUsage().heapUsed });
});
