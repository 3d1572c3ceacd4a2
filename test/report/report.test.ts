import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { buildReport, type Report } from '../../src/report/build-report.js';
import { ingest } from '../../src/runtime/ingest.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const TEXT = join(FIXTURES_DIR, 'seeds/changning-2023-self-evaluation.txt');
const PDF = join(FIXTURES_DIR, 'pdf/changning-2023-self-evaluation.ruled.pdf');
const FUNDS_SUM = join(FIXTURES_DIR, 'variants/funds-sum.txt');
const CHROMIUM = '/usr/bin/chromium';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `jixiao-report-${name}-`));

/** The findings (`<article>`s) of the page, each with its attributes and inner HTML. */
function articles(html: string): Array<{ rule: string; severity: string; kind: string; body: string }> {
  return [...html.matchAll(/<article class="finding[^"]*"[^>]*data-rule="([^"]+)" data-severity="([^"]+)"[^>]*data-kind="([^"]*)">([\s\S]*?)<\/article>/g)].map((m) => ({
    rule: m[1]!,
    severity: m[2]!,
    kind: m[3]!,
    body: m[4]!,
  }));
}

let dir: string;
let db: string;
let report: Report;

beforeAll(async () => {
  dir = tempDir('db');
  db = join(dir, 'archive.sqlite');
  const result = await ingest([TEXT, PDF, FUNDS_SUM], { db, concurrency: 2 });
  expect(result).toMatchObject({ done: 3, failed: 0, forms: 9 + 9 + 2 });
  report = await buildReport({ db });
}, 120_000);

describe('jixiao report', () => {
  it('lists every finding of the archive by rule, with exact counts', () => {
    expect(report.stats).toMatchObject({ findings: 10, documents: 3, rules: 3, missingFiles: 0 });
    const found = articles(report.html);
    expect(found).toHaveLength(10);
    const count = (rule: string, kind?: string) => found.filter((a) => a.rule === rule && (!kind || a.kind === kind)).length;
    expect([count('funds.rate', 'text'), count('funds.rate', 'pdf'), count('actual.missing'), count('funds.sum')]).toEqual([3, 3, 2, 2]);
    // The per-rule table and the rule filter carry the same counts, errors before warnings.
    const rows = [...report.html.matchAll(/<tr data-rule="([^"]+)">.*?<td class="num total">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual([
      ['funds.rate', 6],
      ['funds.sum', 2],
      ['actual.missing', 2],
    ]);
    expect(report.html).toContain('<option value="funds.rate">funds.rate (6)</option>');
    // Self-contained: no external resource of any kind.
    expect(report.html).not.toMatch(/(src|href)="(?!data:)/);
    expect(report.html).toContain("default-src 'none'; img-src data:");
  });

  it('shows a PDF finding beside a crop of its page with the cell outlined', () => {
    const pdfRate = report.items.filter((i) => i.finding.rule === 'funds.rate' && i.finding.document.kind === 'pdf');
    expect(pdfRate.map((i) => [i.finding.record.projectName, i.region?.page, i.region?.basis])).toEqual([
      ['区级医疗保障专项资金', 3, 'field'],
      ['医疗保障综合管理平台', 7, 'field'],
      ['中央财政医疗救助补助资金', 9, 'field'],
    ]);
    for (const item of pdfRate) {
      expect(item.image).toMatchObject({ ok: true, width: 600 });
      if (!item.image?.ok) continue;
      expect(item.image.dataUri).toMatch(/^data:image\/jpeg;base64,/);
      expect(item.image.bytes).toBeGreaterThan(8_000);
      // A real JPEG, not a blank canvas: the crop of a ruled table with text compresses to well over 8 KB.
      expect(Buffer.from(item.image.dataUri.split(',')[1]!, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    const article = articles(report.html).find((a) => a.kind === 'pdf' && a.rule === 'funds.rate' && a.body.includes('区级医疗保障专项资金'))!;
    const uri = /src="(data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+)"/.exec(article.body)?.[1];
    expect(uri?.length).toBeGreaterThan(10_000);
    expect(article.body).toContain('<dd class="expected">86.13</dd>');
    expect(article.body).toContain('<dd class="found">86.14</dd>');
    expect(article.body).toMatch(/<dt>page<\/dt><dd class="where">3<\/dd>/);
    // A blank 实际完成值 has no cell of its own: its column (from the other rows) meets its row.
    const missing = report.items.find((i) => i.finding.rule === 'actual.missing' && i.finding.document.kind === 'pdf')!;
    expect(missing.finding.box).toBeNull();
    expect(missing.region).toMatchObject({ page: 7, basis: 'inferred' });
    expect(missing.image?.ok).toBe(true);
  });

  it('shows a text finding with its row rebuilt from the record, the field highlighted', () => {
    const found = articles(report.html);
    const sums = found.filter((a) => a.rule === 'funds.sum');
    expect(sums.every((a) => a.kind === 'text' && !a.body.includes('<img'))).toBe(true);
    const first = sums.find((a) => a.body.includes('滨河绿道苗木补植养护'))!;
    expect(first.body).toContain('<tr class="hit-row"><th>年度资金总额</th><td class="hit">500000.00</td><td>480000.00</td><td>456000.00</td>');
    expect(first.body).toContain('<tr><th>其中：当年财政拨款</th><td>450000</td>');
    expect(first.body).toMatch(/<dt>line<\/dt><dd class="where">8<\/dd>/);
    const rate = found.find((a) => a.kind === 'text' && a.rule === 'funds.rate' && a.body.includes('中央财政医疗救助补助资金'))!;
    expect(rate.body).toContain('<td class="hit">100.33</td>');
    const missing = found.find((a) => a.kind === 'text' && a.rule === 'actual.missing')!;
    expect(missing.body).toContain('<caption>indicator 8</caption>');
    expect(missing.body).toMatch(/<td>受益人员满意度<\/td><td>=100%<\/td><td class="hit"><i>\(empty\)<\/i><\/td><td>10<\/td><td>10<\/td>/);
  });

  it('says so when a PDF is gone, and caps the number of images', async () => {
    const copies = tempDir('gone');
    const gone = join(copies, 'gone.pdf');
    copyFileSync(PDF, gone);
    const otherDb = join(copies, 'archive.sqlite');
    await ingest([gone, FUNDS_SUM], { db: otherDb, concurrency: 2 });
    rmSync(gone);
    const withoutFile = await buildReport({ db: otherDb });
    expect(withoutFile.stats).toMatchObject({ findings: 6, images: 0, missingFiles: 1 });
    expect(withoutFile.html).toContain(`the document file is missing: ${gone} not found; no image`);
    expect(withoutFile.html).not.toContain('data:image/');

    const capped = await buildReport({ db, limits: { maxImages: 2 } });
    expect(capped.stats.images).toBe(2);
    expect(capped.html.match(/<img /g)).toHaveLength(2);
    expect(capped.html.match(/image limit reached \(2 images per report\)/g)).toHaveLength(2);
  });

  it('`jixiao report --db … -o …` writes the page atomically; usage errors exit 1', async () => {
    const out = join(tempDir('cli'), 'nested', 'review.html');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let printed = '';
    stdout.on('data', (chunk) => (printed += chunk));
    expect(await run(['report', '--db', db, '-o', out], { stdout, stderr })).toBe(0);
    expect(printed).toMatch(/^wrote .*review\.html: 10 finding\(s\) under 3 rule\(s\) in 3 document\(s\), \d+ image\(s\)/);
    expect(articles(readFileSync(out, 'utf8'))).toHaveLength(10);
    expect(await run(['report', '--db', db], { stdout, stderr })).toBe(1);
    expect(await run(['report', '--db', join(dir, 'nope.sqlite'), '-o', out], { stdout, stderr })).toBe(2);
    expect(existsSync(join(dir, 'nope.sqlite'))).toBe(false);
  });
});

describe('the review page in headless Chromium', () => {
  it('loads offline without errors, filters by rule, and shows its images', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing on CI: .ci/run installs the Debian chromium package`);
      console.warn(`[report.test] skipped the headless Chromium test: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
      ctx.skip(`${CHROMIUM} is not installed (apt-get install -y chromium)`);
    }
    const { chromium } = await import('playwright-core');
    const out = tempDir('browser');
    const file = join(out, 'review.html');
    await run(['report', '--db', db, '-o', file], { stdout: new PassThrough(), stderr: new PassThrough() });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 1100 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
      page.on('request', (r) => requests.push(r.url().slice(0, 40)));
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));

      const visible = () => page.locator('article.finding:visible');
      expect(await visible().count()).toBe(10);
      expect(await page.locator('#status').textContent()).toBe('showing 10 of 10');

      // Every PDF finding has a decoded picture.
      const images = await page.evaluate(() => Array.from(document.images).map((img) => ({ w: img.naturalWidth, h: img.naturalHeight })));
      expect(images).toHaveLength(4);
      for (const image of images) {
        expect(image.w).toBe(600);
        expect(image.h).toBeGreaterThan(100);
      }

      await page.screenshot({ path: join(out, 'review-all.png') });

      // Filter by rule: the other rules' findings are hidden, their groups too.
      await page.selectOption('#f-rule', 'funds.sum');
      expect(await visible().count()).toBe(2);
      expect(await page.locator('article.finding:visible:not([data-rule="funds.sum"])').count()).toBe(0);
      expect(await page.locator('section.group:visible').count()).toBe(1);
      expect(await page.locator('tr[data-rule="funds.rate"] .shown').textContent()).toBe('0');
      await page.selectOption('#f-rule', 'funds.rate');
      expect(await visible().count()).toBe(6);
      expect(await page.locator('article.finding:visible:not([data-rule="funds.rate"])').count()).toBe(0);

      // Severity, document and free text combine with it; grouping by document moves the cards.
      await page.selectOption('#f-rule', '');
      await page.selectOption('#f-severity', 'warning');
      expect(await visible().count()).toBe(2);
      await page.selectOption('#f-severity', '');
      await page.fill('#f-text', '医疗保障综合管理平台');
      expect(await visible().count()).toBe(4);
      await page.locator('input[name=group][value=document]').check();
      expect(await page.locator('#by-document section.group:visible').count()).toBe(2);
      expect(await page.locator('#by-document article.finding:visible').count()).toBe(4);
      await page.fill('#f-text', '');
      await page.selectOption('#f-rule', 'funds.rate');
      await page.selectOption('#f-doc', { label: PDF });
      expect(await visible().count()).toBe(3);
      expect(await page.locator('#status').textContent()).toBe('showing 3 of 10');
      await page.locator('article.finding:visible').first().scrollIntoViewIfNeeded();
      const shot = join(out, 'review-pdf-funds-rate.png');
      await page.screenshot({ path: shot });
      console.log(`[report.test] screenshots: ${join(out, 'review-all.png')}, ${shot}`);
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
