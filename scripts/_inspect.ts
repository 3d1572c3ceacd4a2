import { readFileSync } from 'node:fs';
import { extractFile } from '../src/extract.js';
for (const id of process.argv.slice(2)) {
  const truth = JSON.parse(readFileSync(`/tmp/s1/${id}.expected.jsonl`, 'utf8'));
  const r = await extractFile(`/tmp/s1/${id}.xlsx`, { ocr: false }).catch((e) => ({ records: [], error: e.code }));
  const o: any = r.records[0];
  console.log('==', id, (r as any).error ?? '');
  if (!o) continue;
  console.log(' funds truth', JSON.stringify(truth.funds?.total), '\n funds read ', JSON.stringify(o.funds?.total));
  console.log(' totals truth', truth.totalWeight, truth.totalScore, 'read', o.totalWeight, o.totalScore);
  truth.indicators.slice(0, 4).forEach((t: any, k: number) => { const x = o.indicators[k] ?? {}; console.log('  t', t.level1, t.level1Weight, t.level3, t.weight, t.score, '| r', x.level1, x.level1Weight, x.level3, x.weight, x.score); });
  console.log(' findings read', o.findings.filter((f: any) => f.severity !== 'info').map((f: any) => `${f.rule}@${f.field} exp ${f.expected} found ${f.found}`).slice(0, 4));
}
