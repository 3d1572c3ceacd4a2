import type { DocumentFile, ReportItem } from './build-report.js';
import { escapeHtml as e } from './escape.js';
import type { Region } from './locate.js';
import type { CropLimits } from './render-crops.js';

export interface PageInput {
  db: string;
  extractorVersion: string;
  generatedAt: string;
  items: ReportItem[];
  documents: DocumentFile[];
  limits: CropLimits;
}

const SEVERITY_RANK: { [severity: string]: number } = { error: 0, warning: 1, info: 2 };
const rank = (severity: string) => SEVERITY_RANK[severity] ?? 3;

/**
 * The review page: one self-contained file (inline CSS and script, images as data: URIs, a
 * Content-Security-Policy that allows nothing from the network). Findings are grouped by rule
 * (server-side, so the page reads without script too); the script adds the filters (rule,
 * severity, document, free text), the per-rule counts of what is shown, and grouping by document.
 */
export function renderHtml(input: PageInput): string {
  const documents = [...input.documents].sort((a, b) => compare(a.document.path, b.document.path) || compare(a.document.sha256, b.document.sha256));
  const docId = new Map(documents.map((d, k) => [d.document, `d${k + 1}`]));
  const docOrder = new Map(documents.map((d, k) => [d.document, k]));
  // Document order: path, form, finding (the query's order within a document).
  const inDocumentOrder = [...input.items].sort((a, b) => docOrder.get(a.finding.document)! - docOrder.get(b.finding.document)!);
  const order = new Map(inDocumentOrder.map((item, k) => [item, k]));

  const rules = new Map<string, { severity: string; count: number }>();
  for (const item of input.items) {
    const rule = rules.get(item.finding.rule);
    if (rule) rule.count++;
    else rules.set(item.finding.rule, { severity: item.finding.severity, count: 1 });
  }
  const ruleList = [...rules.entries()].sort((a, b) => rank(a[1].severity) - rank(b[1].severity) || compare(a[0], b[0]));
  const severities = [...new Set(input.items.map((i) => i.finding.severity))].sort((a, b) => rank(a) - rank(b));
  const severityCounts = new Map<string, number>();
  for (const item of input.items) severityCounts.set(item.finding.severity, (severityCounts.get(item.finding.severity) ?? 0) + 1);
  const bySeverity = (s: string) => severityCounts.get(s) ?? 0;
  const itemsOfRule = new Map<string, ReportItem[]>(ruleList.map(([rule]) => [rule, []]));
  for (const item of inDocumentOrder) itemsOfRule.get(item.finding.rule)!.push(item);
  const byRule = ruleList.map(([rule]) => ({ rule, items: itemsOfRule.get(rule)! }));

  const card = (item: ReportItem) => renderCard(item, docId.get(item.finding.document)!, order.get(item)!);
  const ruleSections = byRule
    .map(
      ({ rule, items }) =>
        `<section class="group" data-group="${e(rule)}"><h2><span class="rule">${e(rule)}</span> ${severityBadge(rules.get(rule)!.severity)} <span class="count" data-total="${items.length}">${items.length}</span></h2>\n${items.map(card).join('\n')}\n</section>`,
    )
    .join('\n');
  const perDocument = new Map<DocumentFile['document'], { count: number; projects: Set<string> }>();
  for (const item of input.items) {
    const entry = perDocument.get(item.finding.document) ?? { count: 0, projects: new Set<string>() };
    entry.count++;
    entry.projects.add(item.finding.record.projectName ?? '—');
    perDocument.set(item.finding.document, entry);
  }
  const documentSections = documents
    .map((d) => {
      const { count, projects } = perDocument.get(d.document) ?? { count: 0, projects: new Set<string>() };
      return `<section class="group" data-group="${docId.get(d.document)}"><h2><span class="path">${e(d.document.path)}</span> <span class="kind">${e(d.document.kind ?? '?')}${d.document.pages ? `, ${d.document.pages} pages` : ''}</span> <span class="count" data-total="${count}">${count}</span></h2>${
        d.note ? `<p class="file-note">${e(d.note)}</p>` : ''
      }<p class="projects">${[...projects].map(e).join(' · ')}</p></section>`;
    })
    .join('\n');

  const ruleRows = ruleList
    .map(
      ([rule, { severity, count }]) =>
        `<tr data-rule="${e(rule)}"><td><button type="button" class="rule-link" data-rule="${e(rule)}">${e(rule)}</button></td><td>${severityBadge(severity)}</td><td class="num total">${count}</td><td class="num shown">${count}</td></tr>`,
    )
    .join('');
  const missing = documents.filter((d) => d.note);
  const imagesShown = input.items.filter((i) => i.image?.ok).length;

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>jixiao review — ${e(baseName(input.db))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>jixiao review <small>${e(input.db)} · extractor ${e(input.extractorVersion)} · ${e(input.generatedAt)}</small></h1>
<p class="summary"><b id="total">${input.items.length}</b> findings in <b>${documents.length}</b> documents, <b>${ruleList.length}</b> rules${severities
    .map((s) => ` · ${severityBadge(s)} ${bySeverity(s)}`)
    .join('')} · ${imagesShown} with images${missing.length ? ` · <span class="warn">${missing.length} document file(s) missing or changed</span>` : ''}</p>
<form id="filters" onsubmit="return false">
<label>Rule <select id="f-rule"><option value="">all rules</option>${ruleList.map(([rule, { count }]) => `<option value="${e(rule)}">${e(rule)} (${count})</option>`).join('')}</select></label>
<label>Severity <select id="f-severity"><option value="">all</option>${severities.map((s) => `<option value="${e(s)}">${e(s)} (${bySeverity(s)})</option>`).join('')}</select></label>
<label>Document <select id="f-doc"><option value="">all documents</option>${documents
    .map((d) => `<option value="${docId.get(d.document)}">${e(d.document.path)}</option>`)
    .join('')}</select></label>
<label>Search <input id="f-text" type="search" placeholder="project, message, field, value…"></label>
<span class="group-by">Group by <label><input type="radio" name="group" value="rule" checked> rule</label> <label><input type="radio" name="group" value="document"> document</label></span>
<button type="reset" id="f-reset">clear</button>
<span id="status" aria-live="polite">showing ${input.items.length} of ${input.items.length}</span>
</form>
</header>
<main>
<details open class="rules"><summary>Findings per rule</summary>
<table class="rule-table"><thead><tr><th>rule</th><th>severity</th><th class="num">findings</th><th class="num">shown</th></tr></thead><tbody>${ruleRows}</tbody></table>
</details>
${input.items.length === 0 ? '<p class="empty">The archive has no findings for this extractor version.</p>' : ''}
<div id="by-rule">
${ruleSections}
</div>
<div id="by-document" hidden>
${documentSections}
</div>
<p id="none" hidden>No finding matches the filters.</p>
</main>
<footer>Images: PDF pages rendered with pdf.js, the finding's cell outlined in red (at most ${input.limits.maxImages} images, ${input.limits.width} px wide). Text exports and spreadsheets: the row rebuilt from the record, the field highlighted; amounts in 元.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderCard(item: ReportItem, docId: string, order: number): string {
  const f = item.finding;
  const record = f.record;
  const kind = f.document.kind ?? '';
  const where = location(item);
  const form = [record.title, record.year, `form ${f.recordOrdinal + 1}`].filter((x) => x !== null && x !== '').join(' · ');
  return `<article class="finding sev-${e(f.severity)}" id="f-${e(f.id)}" data-rule="${e(f.rule)}" data-severity="${e(f.severity)}" data-doc="${docId}" data-order="${order}" data-kind="${e(kind)}">
<div class="meta">
<div class="head"><span class="rule">${e(f.rule)}</span> ${severityBadge(f.severity)} <code class="field">${e(f.field)}</code></div>
<p class="message">${e(f.message)}</p>
<dl>
<dt>expected</dt><dd class="expected">${value(f.expected)}</dd>
<dt>found</dt><dd class="found">${value(f.found)}</dd>
<dt>project</dt><dd class="project">${e(record.projectName ?? '—')}</dd>
<dt>form</dt><dd>${e(form)}</dd>
<dt>document</dt><dd class="doc">${e(f.document.path)}</dd>
<dt>${where.label}</dt><dd class="where">${e(where.text)}</dd>
</dl>
</div>
<div class="evidence">
${evidence(item)}
<div class="snippet">${item.snippet}</div>
</div>
</article>`;
}

function evidence(item: ReportItem): string {
  if (item.finding.document.kind !== 'pdf') return '';
  const image = item.image;
  if (!image) return '<div class="noimage">no image</div>';
  if (!image.ok) return `<div class="noimage">${e(image.reason)}</div>`;
  const region = item.region!;
  const caption = `page ${region.page}${CAPTIONS[region.basis]}`;
  return `<figure><img src="${image.dataUri}" width="${image.width}" height="${image.height}" alt="${e(`${item.finding.field}, page ${region.page}`)}" decoding="async"><figcaption>${e(caption)}</figcaption></figure>`;
}

const CAPTIONS: { [B in Region['basis']]: string } = {
  field: ', the cell outlined',
  inferred: ": the field's cell is empty; outlined where its column meets the indicator's row",
  related: ': the field has no cell of its own; a cell of the same row is outlined',
  form: ": the field has no cell of its own; the form's first cell is outlined",
  page: ': the field has no cell of its own; the whole page',
};

function location(item: ReportItem): { label: string; text: string } {
  const f = item.finding;
  const kind = f.document.kind;
  const page = f.page ?? item.region?.page ?? null;
  if (kind === 'pdf') return { label: 'page', text: page === null ? '—' : String(page) };
  if (kind === 'xlsx' || kind === 'xls' || f.record.source.method === 'xlsx') {
    const prov = f.record.provenance[f.field];
    return { label: 'sheet', text: page === null ? '—' : `${page}${prov ? `, row ${prov.row + 1}, col ${prov.col + 1}` : ''}` };
  }
  return { label: 'line', text: f.line === null ? '—' : String(f.line) };
}

function value(text: string | null): string {
  return text === null ? '<i>none</i>' : e(text);
}

function severityBadge(severity: string): string {
  return `<span class="sev ${e(severity)}">${e(severity)}</span>`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const CSS = `
:root { --fg:#1d2329; --muted:#5f6b76; --line:#d6dce1; --bg:#f5f7f9; --card:#fff; --err:#c62828; --warn:#b26a00; --info:#1565c0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 20px 8px; box-shadow: 0 1px 4px rgba(0,0,0,.05); }
h1 { font-size: 18px; margin: 0 0 4px; }
h1 small { font-size: 12px; font-weight: normal; color: var(--muted); margin-left: 8px; }
.summary { margin: 0 0 8px; color: var(--muted); }
.summary b { color: var(--fg); }
.warn { color: var(--warn); font-weight: 600; }
#filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
#filters label { white-space: nowrap; }
#filters select, #filters input[type=search] { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; max-width: 320px; }
#filters input[type=search] { width: 240px; }
#status { color: var(--muted); margin-left: auto; }
main { max-width: 1320px; margin: 0 auto; padding: 12px 20px 40px; }
.rules { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin-bottom: 16px; }
.rules summary { cursor: pointer; font-weight: 600; }
.rule-table { border-collapse: collapse; margin-top: 6px; }
.rule-table th, .rule-table td { padding: 3px 12px 3px 0; text-align: left; border-bottom: 1px solid #eef1f3; }
.rule-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.rule-table tr.active td { background: #fff6d6; }
.rule-link { font: inherit; font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: none; border: 0; padding: 0; color: #0b5cad; cursor: pointer; text-decoration: underline; }
.group { margin-bottom: 22px; }
.group h2 { font-size: 16px; margin: 0 0 8px; padding: 4px 0; border-bottom: 2px solid var(--line); display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.group h2 .count { margin-left: auto; background: #e8ecef; border-radius: 10px; padding: 0 9px; font-size: 13px; }
.group h2 .kind { color: var(--muted); font-weight: normal; font-size: 13px; }
.file-note { color: var(--warn); margin: 4px 0 8px; }
.projects { color: var(--muted); margin: 0 0 8px; font-size: 13px; }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.sev { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 3px; padding: 0 6px; color: #fff; text-transform: uppercase; letter-spacing: .02em; }
.sev.error { background: var(--err); } .sev.warning { background: var(--warn); } .sev.info { background: var(--info); }
.finding { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(0, 620px); gap: 16px; background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 12px 14px; margin-bottom: 10px; }
.finding.sev-error { border-left-color: var(--err); } .finding.sev-warning { border-left-color: var(--warn); } .finding.sev-info { border-left-color: var(--info); }
.head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.field { background: #eef1f3; border-radius: 3px; padding: 0 5px; font-size: 13px; }
.message { margin: 6px 0; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
dd.expected, dd.found { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
dd.found { color: var(--err); }
.evidence { min-width: 0; }
figure { margin: 0 0 8px; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.noimage { padding: 14px; border: 1px dashed var(--warn); color: var(--warn); border-radius: 4px; margin-bottom: 8px; background: #fffaf0; }
.snippet { overflow-x: auto; }
table.row { border-collapse: collapse; font-size: 13px; }
table.row caption { text-align: left; color: var(--muted); font-size: 12px; }
table.row th, table.row td { border: 1px solid #c3cbd2; padding: 3px 7px; text-align: left; vertical-align: top; }
table.row th { background: #f0f3f5; font-weight: 600; }
table.row tr.hit-row th, table.row tr.hit-row td { background: #fff8e1; }
table.row td.hit { background: #ffe0e0; outline: 2px solid #e00000; outline-offset: -2px; font-weight: 700; }
#none, .empty { color: var(--muted); font-size: 15px; }
footer { max-width: 1320px; margin: 0 auto; padding: 0 20px 30px; color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { .finding { grid-template-columns: 1fr; } }
`;

/** Filters, counts and grouping; plain DOM, no library. */
const SCRIPT = `
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  cards.forEach(function (c) { c.dataset.search = c.querySelector('.meta').textContent.replace(/\\s+/g, ' ').toLowerCase() + ' ' + c.querySelector('.snippet').textContent.toLowerCase(); });
  var byRule = $('by-rule'), byDocument = $('by-document');
  var rule = $('f-rule'), severity = $('f-severity'), doc = $('f-doc'), text = $('f-text');
  var ruleRows = Array.prototype.slice.call(document.querySelectorAll('.rule-table tbody tr'));

  function mode() { var r = document.querySelector('input[name=group]:checked'); return r ? r.value : 'rule'; }

  function regroup() {
    var m = mode();
    var target = m === 'rule' ? byRule : byDocument;
    var sorted = cards.slice().sort(function (a, b) { return a.dataset.order - b.dataset.order; });
    var sections = {};
    Array.prototype.forEach.call(target.querySelectorAll('section.group'), function (g) { sections[g.dataset.group] = g; });
    sorted.forEach(function (c) {
      var section = sections[m === 'rule' ? c.dataset.rule : c.dataset.doc];
      if (section) section.appendChild(c);
    });
    byRule.hidden = m !== 'rule';
    byDocument.hidden = m === 'rule';
    apply();
  }

  function apply() {
    var r = rule.value, s = severity.value, d = doc.value;
    var terms = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0, perRule = {};
    cards.forEach(function (c) {
      var ok = (!r || c.dataset.rule === r) && (!s || c.dataset.severity === s) && (!d || c.dataset.doc === d) &&
        terms.every(function (t) { return c.dataset.search.indexOf(t) >= 0; });
      c.hidden = !ok;
      if (ok) { shown++; perRule[c.dataset.rule] = (perRule[c.dataset.rule] || 0) + 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.group'), function (g) {
      var visible = g.querySelectorAll('article.finding:not([hidden])').length;
      var count = g.querySelector('.count');
      if (count) count.textContent = visible === Number(count.dataset.total) ? String(visible) : visible + ' of ' + count.dataset.total;
      g.hidden = visible === 0;
    });
    ruleRows.forEach(function (row) {
      row.querySelector('.shown').textContent = perRule[row.dataset.rule] || 0;
      row.classList.toggle('active', r === row.dataset.rule);
    });
    $('status').textContent = 'showing ' + shown + ' of ' + cards.length;
    $('none').hidden = shown > 0 || cards.length === 0;
  }

  [rule, severity, doc].forEach(function (el) { el.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('input[name=group]'), function (el) { el.addEventListener('change', regroup); });
  $('filters').addEventListener('reset', function () { setTimeout(regroup, 0); });
  Array.prototype.forEach.call(document.querySelectorAll('.rule-link'), function (b) {
    b.addEventListener('click', function () { rule.value = rule.value === b.dataset.rule ? '' : b.dataset.rule; apply(); });
  });
  apply();
})();
`;
