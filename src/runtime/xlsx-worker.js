// Parses one workbook in a disposable worker thread, so that SheetJS 0.18.5's known problems
// (prototype pollution through a comment ref, ReDoS on `<!--`) stay in a thread that is thrown away.
// Plain JavaScript: it runs the same under tsx, vitest and the built package.
import { parentPort, workerData } from 'node:worker_threads';
import XLSX from 'xlsx';

const { bytes, raw } = workerData;
// Built-in prototypes before parsing: a workbook that changes them is hostile, and nothing read
// in a polluted realm is trusted.
const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, String: String.prototype, Function: Function.prototype };
const before = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).join(',')]));
function tampered() {
  return Object.entries(PROTOTYPES)
    .filter(([name, proto]) => Object.getOwnPropertyNames(proto).join(',') !== before[name])
    .map(([name, proto]) => `${name}.prototype.${Object.getOwnPropertyNames(proto).filter((p) => !before[name].split(',').includes(p)).join('/') || '?'}`);
}
try {
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
  const sheets = workbook.SheetNames.map((name) => {
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
  const polluted = tampered();
  if (polluted.length) parentPort.postMessage({ ok: false, hostile: true, message: `parsing it modified ${polluted.join(', ')}` });
  else parentPort.postMessage({ ok: true, sheets });
} catch (err) {
  const polluted = tampered();
  if (polluted.length) parentPort.postMessage({ ok: false, hostile: true, message: `parsing it modified ${polluted.join(', ')}` });
  else parentPort.postMessage({ ok: false, message: String(err && err.message ? err.message : err) });
}
