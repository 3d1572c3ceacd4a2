// SheetJS parsing, shared by the spreadsheet parser's thread (xlsx-worker.js, for single files) and
// the archive's document workers (which are throwaway threads already, so they parse in place).
// Plain JavaScript: xlsx-worker.js runs without a loader, under tsx, vitest and the built package.
import XLSX from 'xlsx';

/**
 * Reads a workbook into plain sheets (see ParsedSheet in parse-workbook.ts): nothing SheetJS-made
 * is kept.
 * @param {Uint8Array} bytes
 * @param {boolean} raw HTML tables: keep the text as displayed instead of re-reading it as numbers.
 * @returns {import('./parse-workbook.js').ParsedSheet[]}
 */
export function parseSheets(bytes, raw) {
  const workbook = XLSX.read(bytes, {
    type: 'buffer',
    cellFormula: false,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    bookVBA: false,
    sheetStubs: false,
    WTF: false,
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

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, String: String.prototype, Function: Function.prototype };
/** Every own property of a prototype, with its value or accessors. */
const snapshot = (proto) => new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]));
const same = (a, b) => a && b && a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/**
 * SheetJS 0.18.5 can pollute prototypes (through a comment ref). Takes a snapshot of the built-in
 * prototypes now, and returns a check that lists what has changed since (`Object.prototype.c`…):
 * a thread whose realm changed must not be used again.
 * @returns {() => string[]}
 */
export function realmGuard() {
  const before = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, snapshot(proto)]));
  return () => {
    const changes = [];
    for (const [name, proto] of Object.entries(PROTOTYPES)) {
      const now = snapshot(proto);
      const keys = new Set([...before[name].keys(), ...now.keys()]);
      for (const key of keys) if (!same(before[name].get(key), now.get(key))) changes.push(`${name}.prototype.${String(key)}`);
    }
    return changes;
  };
}
