/**
 * Writes the scanned-form fixtures of fixtures/scan/ (dev-time; committed): image-only PDFs made
 * from the fully ruled renderings fixtures/pdf/<seed-id>.ruled.pdf, for the OCR reader.
 *
 * Each page is rasterized in grey by `pdftoppm`, then "scanned" with @napi-rs/canvas (already a
 * dependency; no ImageMagick needed): ink lifted off pure black, a red round seal stamped
 * (multiply) over the amounts of the funds table on chosen pages, laid on off-white paper with a
 * fixed skew, gaussian noise from a seeded generator, a slight gaussian blur, JPEG quality 75 with
 * the scan resolution in its JFIF header. `img2pdf` wraps the JPEGs into PDF pages (no text layer);
 * `qpdf` joins a text page and a scanned page for the mixed document.
 *
 *   npx tsx scripts/make-scan-fixtures.ts && npx tsx scripts/update-manifest.ts
 *
 * Needs poppler-utils (`pdftoppm`, `pdftotext -bbox` to place the seals), img2pdf and qpdf. The
 * output is byte-identical on rerun with the same tools and @napi-rs/canvas version: every random
 * draw comes from a generator seeded by the file and page, img2pdf runs with --nodate and qpdf with
 * --deterministic-id. The parameters of every page, and the words each seal covers, are written to
 * fixtures/scan/scan-params.json (see fixtures/scan/README.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type Canvas } from '@napi-rs/canvas';
import { FIXTURES_DIR, readJsonl } from './lib/manifest.js';

const SEAL_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc';
const SEAL_FONT = 'JixiaoSealSerif';
/** Seal diameter: 4 cm. */
const SEAL_DIAMETER_CM = 4;

/** Where a seal goes: over the amounts printed right of the label `anchor` and on the row below. */
interface SealPlacement {
  /** The funds row label the amounts belong to (first word matching, `pdftotext -bbox`). */
  anchor: RegExp;
  /** The seal is centred across the amount words `from`..`to` of the anchor row (0-based, left to right). */
  from: number;
  to: number;
  /** Text around the ring (an invented office). */
  text: string;
  /** Rotation of the stamp itself, degrees clockwise. */
  tilt: number;
}

interface PageScan {
  /** 1-based page of the source PDF. */
  page: number;
  seal?: SealPlacement;
}

interface ScanLook {
  /** Scan resolution, dots per inch. */
  dpi: number;
  /** Skew of the page on the scanner glass, degrees clockwise. */
  skew: number;
  /** Gaussian noise, standard deviation in grey levels (0–255). */
  noise: number;
  /** Gaussian blur, standard deviation in millimetres on the paper (pixels = mm / 25.4 × dpi). */
  blurMm: number;
  jpegQuality: number;
  /** Grey level the blackest ink is lifted to (toner and scanner never give pure black). */
  inkLift: number;
  /** Turn the finished scan a quarter turn clockwise (a landscape image). */
  quarterTurn?: boolean;
}

interface ScanJob {
  /** Output path relative to fixtures/. */
  file: string;
  seed: string;
  look: ScanLook;
  pages: PageScan[];
  /** A text-layer page copied in front of the scanned pages (1-based page of the source PDF). */
  textPageFirst?: number;
  /** Expected records: golden lines (1-based) written beside the file as NAME.expected.jsonl; omitted: the whole golden file. */
  goldenLines?: number[];
  note: string;
}

const SEEDS = ['changning-2023-self-evaluation', 'putuo-2024-goal-declaration', 'shanghai-2019-self-assessment', 'yuanjiang-2023-self-evaluation-report'] as const;
type Seed = (typeof SEEDS)[number];

/** The funds row whose amounts a seal covers, per seed (self-evaluation: the 预算数/执行数 columns of 年度资金总额). */
const SEALS: Record<Seed, (text: string, tilt: number) => SealPlacement> = {
  // 全年预算数 and 全年执行数 of 年度资金总额 and 当年财政拨款.
  'changning-2023-self-evaluation': (text, tilt) => ({ anchor: /^年度资金总/, from: 1, to: 2, text, tilt }),
  // 年度资金申请总额 and 当年财政拨款 (one merged amount column).
  'putuo-2024-goal-declaration': (text, tilt) => ({ anchor: /^年度资金申请总额/, from: 0, to: 0, text, tilt }),
  // 当年预算数 and 预算执行数 (label/value lines above the indicators).
  'shanghai-2019-self-assessment': (text, tilt) => ({ anchor: /^当年预算数/, from: 0, to: 0, text, tilt }),
  'yuanjiang-2023-self-evaluation-report': (text, tilt) => ({ anchor: /^年度资金总/, from: 1, to: 2, text, tilt }),
};

const BASE_LOOK = { noise: 2, blurMm: 0.1, jpegQuality: 75, inkLift: 30 };
const pageCount = (seed: Seed) => readJsonl(join(FIXTURES_DIR, 'golden', `${seed}.jsonl`)).length;
const allPages = (seed: Seed, sealed: Record<number, SealPlacement>): PageScan[] =>
  Array.from({ length: pageCount(seed) }, (_, k) => ({ page: k + 1, ...(sealed[k + 1] ? { seal: sealed[k + 1] } : {}) }));

const JOBS: ScanJob[] = [
  {
    file: 'scan/changning-2023-self-evaluation.scan.pdf',
    seed: 'changning-2023-self-evaluation',
    look: { ...BASE_LOOK, dpi: 150, skew: 1.2 },
    pages: allPages('changning-2023-self-evaluation', {
      1: SEALS['changning-2023-self-evaluation']('某某区财政局', -9),
      6: SEALS['changning-2023-self-evaluation']('某某区财政局', 14),
    }),
    note: 'whole document, 150 dpi',
  },
  {
    file: 'scan/putuo-2024-goal-declaration.scan.pdf',
    seed: 'putuo-2024-goal-declaration',
    look: { ...BASE_LOOK, dpi: 300, skew: -0.8 },
    pages: allPages('putuo-2024-goal-declaration', {
      1: SEALS['putuo-2024-goal-declaration']('某某区医疗保障局', 7),
      5: SEALS['putuo-2024-goal-declaration']('某某区医疗保障局', -16),
    }),
    note: 'whole document, 300 dpi',
  },
  {
    file: 'scan/shanghai-2019-self-assessment.scan.pdf',
    seed: 'shanghai-2019-self-assessment',
    look: { ...BASE_LOOK, dpi: 200, skew: 0.5 },
    pages: allPages('shanghai-2019-self-assessment', {
      1: SEALS['shanghai-2019-self-assessment']('某某市财政局', 11),
      3: SEALS['shanghai-2019-self-assessment']('某某市财政局', -5),
    }),
    note: 'whole document, 200 dpi',
  },
  {
    file: 'scan/yuanjiang-2023-self-evaluation-report.scan.pdf',
    seed: 'yuanjiang-2023-self-evaluation-report',
    look: { ...BASE_LOOK, dpi: 200, skew: -1.4 },
    pages: allPages('yuanjiang-2023-self-evaluation-report', {
      1: SEALS['yuanjiang-2023-self-evaluation-report']('某某县财政局', -12),
      4: SEALS['yuanjiang-2023-self-evaluation-report']('某某县财政局', 6),
    }),
    note: 'whole document, 200 dpi',
  },
  {
    file: 'scan/special/rotated-90.pdf',
    seed: 'yuanjiang-2023-self-evaluation-report',
    look: { ...BASE_LOOK, dpi: 200, skew: 0.7, quarterTurn: true },
    pages: [{ page: 1, seal: SEALS['yuanjiang-2023-self-evaluation-report']('某某县财政局', 20) }],
    goldenLines: [1],
    note: 'page 1 scanned at 200 dpi, then the whole image turned a quarter turn clockwise: a landscape page whose text runs top to bottom (no /Rotate)',
  },
  {
    file: 'scan/special/mixed-text-and-scan.pdf',
    seed: 'putuo-2024-goal-declaration',
    look: { ...BASE_LOOK, dpi: 200, skew: -1.0 },
    textPageFirst: 1,
    pages: [{ page: 2, seal: SEALS['putuo-2024-goal-declaration']('某某区医疗保障局', -4) }],
    goldenLines: [1, 2],
    note: 'page 1 is page 1 of the ruled PDF with its text layer (qpdf), page 2 a 200 dpi scan of page 2',
  },
  {
    file: 'scan/special/low-quality.pdf',
    seed: 'changning-2023-self-evaluation',
    look: { dpi: 110, skew: -1.5, noise: 8, blurMm: 0.25, jpegQuality: 60, inkLift: 70 },
    pages: [{ page: 2, seal: SEALS['changning-2023-self-evaluation']('某某区财政局', 3) }],
    goldenLines: [2],
    note: 'page 2 at 110 dpi, heavier blur and noise, faded ink, JPEG quality 60: meant to give low-confidence values',
  },
];

/** A word of `pdftotext -bbox`: PDF points, origin top-left. */
interface Word {
  text: string;
  box: [number, number, number, number];
}

/** What scan-params.json records for each page. */
interface PageParams {
  page: number;
  sourcePage: number | null;
  kind: 'scan' | 'text';
  dpi?: number;
  pixels?: [number, number];
  skew?: number;
  noise?: number;
  blurPx?: number;
  jpegQuality?: number;
  quarterTurn?: boolean;
  noiseSeed?: number;
  bytes?: number;
  seal?: {
    text: string;
    tilt: number;
    /** Centre and radius in PDF points of the source page (origin top-left), before skew. */
    centre: [number, number];
    radius: number;
    /** Bounding box of the seal in the page image, pixels (origin top-left), after skew (and turn). */
    pixelBox: [number, number, number, number];
    /** Words of the source page that the seal's disc touches, with their boxes in points. */
    covers: Word[];
  };
}

const AMOUNT = /^[\d,]+(\.\d+)?%?$/;

async function main(): Promise<void> {
  if (!GlobalFonts.registerFromPath(SEAL_FONT_FILE, SEAL_FONT)) throw new Error(`Expected the seal font at ${SEAL_FONT_FILE} (fonts-noto-cjk), got nothing`);
  const work = mkdtempSync(join(tmpdir(), 'jixiao-scan-'));
  const params: Record<string, { source: string; golden: string; note: string; pages: PageParams[] }> = {};
  try {
    mkdirSync(join(FIXTURES_DIR, 'scan', 'special'), { recursive: true });
    for (const job of JOBS) params[job.file] = await runJob(job, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(FIXTURES_DIR, 'scan', 'scan-params.json'), JSON.stringify(params, null, 2) + '\n');
  let total = 0;
  for (const job of JOBS) {
    const size = readFileSync(join(FIXTURES_DIR, job.file)).length;
    total += size;
    const p = params[job.file]!.pages;
    console.log(`fixtures/${job.file}: ${p.length} page(s), ${(size / 1024).toFixed(0)} KiB, ${(size / 1024 / p.length).toFixed(0)} KiB/page`);
    for (const page of p.filter((x) => x.seal)) {
      const s = page.seal!;
      console.log(`  seal on page ${page.page}: centre ${s.centre.map((v) => v.toFixed(1)).join(',')} pt r ${s.radius.toFixed(1)} pt, pixels ${s.pixelBox.join(',')}; covers ${s.covers.map((w) => w.text).join(' ')}`);
    }
  }
  console.log(`total ${(total / 1024 / 1024).toFixed(2)} MiB`);
}

async function runJob(job: ScanJob, work: string): Promise<{ source: string; golden: string; note: string; pages: PageParams[] }> {
  const source = `pdf/${job.seed}.ruled.pdf`;
  const sourcePath = join(FIXTURES_DIR, source);
  const jpegs: string[] = [];
  const pages: PageParams[] = [];
  if (job.textPageFirst) pages.push({ page: 1, sourcePage: job.textPageFirst, kind: 'text' });
  for (const scan of job.pages) {
    const { jpeg, info } = await scanPage(sourcePath, scan, job.look, `${job.file}#${scan.page}`, work);
    const path = join(work, `page-${jpegs.length + 1}.jpg`);
    writeFileSync(path, jpeg);
    jpegs.push(path);
    pages.push({ page: pages.length + 1, ...info });
  }
  const out = join(FIXTURES_DIR, job.file);
  if (job.textPageFirst) {
    const scanned = join(work, 'scanned.pdf');
    execFileSync('img2pdf', ['--nodate', '--engine', 'internal', '-o', scanned, ...jpegs]);
    execFileSync('qpdf', ['--deterministic-id', '--empty', '--pages', sourcePath, String(job.textPageFirst), scanned, '--', out]);
  } else {
    execFileSync('img2pdf', ['--nodate', '--engine', 'internal', '-o', out, ...jpegs]);
  }
  let golden = `golden/${job.seed}.jsonl`;
  if (job.goldenLines) {
    const lines = readFileSync(join(FIXTURES_DIR, golden), 'utf8').split('\n').filter((l) => l.trim() !== '');
    golden = job.file.replace(/\.pdf$/, '.expected.jsonl');
    writeFileSync(join(FIXTURES_DIR, golden), job.goldenLines.map((n) => lines[n - 1]! + '\n').join(''));
  }
  return { source, golden, note: job.note, pages };
}

/** One page of `pdfPath` as a scanner would give it: a JPEG with the resolution in its header. */
async function scanPage(pdfPath: string, scan: PageScan, look: ScanLook, key: string, work: string): Promise<{ jpeg: Buffer; info: Omit<PageParams, 'page'> }> {
  const prefix = join(work, 'raster');
  execFileSync('pdftoppm', ['-r', String(look.dpi), '-gray', '-png', '-singlefile', '-f', String(scan.page), '-l', String(scan.page), pdfPath, prefix]);
  const noiseSeed = seedOf(key);
  const random = mulberry32(noiseSeed);
  const image = await loadImage(readFileSync(`${prefix}.png`));
  const { width, height } = image;
  const px = look.dpi / 72;

  // The printed sheet: page, lifted ink, seal.
  const sheet = createCanvas(width, height);
  const s = sheet.getContext('2d');
  s.fillStyle = '#ffffff';
  s.fillRect(0, 0, width, height);
  s.drawImage(image, 0, 0);
  s.globalCompositeOperation = 'screen';
  s.fillStyle = `rgb(${look.inkLift},${look.inkLift},${look.inkLift})`;
  s.fillRect(0, 0, width, height);
  let seal: PageParams['seal'];
  if (scan.seal) {
    const words = readWords(pdfPath, scan.page);
    const { centre, radius } = placeSeal(words, scan.seal, pdfPath, scan.page);
    const stamp = drawSeal(radius * px, scan.seal, random);
    s.globalCompositeOperation = 'multiply';
    s.drawImage(stamp, centre[0] * px - stamp.width / 2, centre[1] * px - stamp.height / 2);
    const covers = words.filter((w) => discTouchesBox(centre, radius, w.box));
    if (covers.filter((w) => AMOUNT.test(w.text)).length < 2) throw new Error(`${key}: expected the seal over at least 2 amounts, got ${covers.map((w) => w.text).join(' ') || 'nothing'}`);
    seal = { text: scan.seal.text, tilt: scan.seal.tilt, centre: round2(centre), radius: round2([radius])[0]!, pixelBox: [0, 0, 0, 0], covers };
    // The disc's box after skew: the centre turns with the sheet, the radius stays.
    const r = radius * px;
    const [cx, cy] = rotateAbout([centre[0] * px, centre[1] * px], [width / 2, height / 2], look.skew);
    seal.pixelBox = [cx - r, cy - r, cx + r, cy + r].map(Math.round) as [number, number, number, number];
  }

  // On the glass: off-white paper with a faint fall-off of light towards the bottom, the sheet skewed.
  const scanCanvas = createCanvas(width, height);
  const g = scanCanvas.getContext('2d');
  const light = g.createLinearGradient(0, 0, 0, height);
  light.addColorStop(0, 'rgb(248,246,240)');
  light.addColorStop(1, 'rgb(241,239,232)');
  g.fillStyle = light;
  g.fillRect(0, 0, width, height);
  g.globalCompositeOperation = 'multiply';
  g.translate(width / 2, height / 2);
  g.rotate((look.skew * Math.PI) / 180);
  g.translate(-width / 2, -height / 2);
  g.drawImage(sheet, 0, 0);

  const data = g.getImageData(0, 0, width, height);
  addNoise(data.data, look.noise, random);
  const blurPx = (look.blurMm / 25.4) * look.dpi;
  gaussianBlur(data.data, width, height, blurPx);
  let out: Canvas = scanCanvas;
  if (look.quarterTurn) {
    out = createCanvas(height, width);
    const turned = out.getContext('2d').createImageData(height, width);
    turnQuarterClockwise(data.data, width, height, turned.data);
    out.getContext('2d').putImageData(turned, 0, 0);
    if (seal) {
      const [x0, y0, x1, y1] = seal.pixelBox;
      seal.pixelBox = [height - y1, x0, height - y0, x1];
    }
  } else {
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.putImageData(data, 0, 0);
  }
  const jpeg = withJfifDensity(out.encodeSync('jpeg', look.jpegQuality), look.dpi);
  return {
    jpeg,
    info: {
      sourcePage: scan.page,
      kind: 'scan',
      dpi: look.dpi,
      pixels: [out.width, out.height],
      skew: look.skew,
      noise: look.noise,
      blurPx: Math.round(blurPx * 100) / 100,
      jpegQuality: look.jpegQuality,
      ...(look.quarterTurn ? { quarterTurn: true } : {}),
      noiseSeed,
      bytes: jpeg.length,
      ...(seal ? { seal } : {}),
    },
  };
}

/** Words of a page with their boxes (PDF points, origin top-left), from `pdftotext -bbox`. */
function readWords(pdfPath: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfPath, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ text: m[5]!, box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])].map((v) => Math.round(v * 10) / 10) as Word['box'] });
  }
  return words;
}

/**
 * The seal's centre and radius in points: across the amounts `from`..`to` right of the anchor
 * label, and halfway down to the amount printed below the first of them; kept 8 pt inside the page.
 */
function placeSeal(words: Word[], placement: SealPlacement, pdfPath: string, page: number): { centre: [number, number]; radius: number } {
  const anchor = words.find((w) => placement.anchor.test(w.text));
  if (!anchor) throw new Error(`Expected a word matching ${placement.anchor} on page ${page} of ${pdfPath}, got none`);
  const midY = (b: Word['box']) => (b[1] + b[3]) / 2;
  const row = words
    .filter((w) => AMOUNT.test(w.text) && w.box[0] > anchor.box[2] && midY(w.box) >= anchor.box[1] - 2 && midY(w.box) <= anchor.box[1] + 20)
    .sort((a, b) => a.box[0] - b.box[0]);
  const first = row[placement.from];
  const last = row[placement.to];
  if (!first || !last) throw new Error(`Expected amounts ${placement.from}..${placement.to} right of ${anchor.text} on page ${page} of ${pdfPath}, got ${row.map((w) => w.text).join(' ')}`);
  const below = words
    .filter((w) => AMOUNT.test(w.text) && w.box[0] < first.box[2] && w.box[2] > first.box[0] && midY(w.box) > midY(first.box) + 5 && midY(w.box) <= midY(first.box) + 40)
    .sort((a, b) => midY(a.box) - midY(b.box))[0];
  const radius = (SEAL_DIAMETER_CM / 2.54) * 72 * 0.5;
  const pageWidth = 595.304;
  const x = Math.min((first.box[0] + last.box[2]) / 2, pageWidth - 8 - radius);
  const y = below ? (midY(first.box) + midY(below.box)) / 2 : midY(first.box);
  return { centre: [x, y], radius };
}

function discTouchesBox(centre: [number, number], radius: number, box: Word['box']): boolean {
  const dx = Math.max(box[0] - centre[0], 0, centre[0] - box[2]);
  const dy = Math.max(box[1] - centre[1], 0, centre[1] - box[3]);
  return dx * dx + dy * dy <= radius * radius;
}

/** A red round seal of radius `r` pixels on a transparent canvas: ring, five-pointed star, text around the top. */
function drawSeal(r: number, placement: SealPlacement, random: () => number): Canvas {
  const size = Math.ceil(2 * r + 8);
  const canvas = createCanvas(size, size);
  const c = canvas.getContext('2d');
  const red = 'rgb(214,38,46)';
  c.translate(size / 2, size / 2);
  c.rotate((placement.tilt * Math.PI) / 180);
  const ring = r * 0.055;
  c.strokeStyle = red;
  c.fillStyle = red;
  c.lineWidth = ring;
  c.beginPath();
  c.arc(0, 0, r - ring / 2, 0, 2 * Math.PI);
  c.stroke();
  // Star.
  const outer = r * 0.3;
  const inner = outer * 0.382;
  c.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 ? inner : outer;
    c[k ? 'lineTo' : 'moveTo'](rr * Math.cos(a), rr * Math.sin(a));
  }
  c.closePath();
  c.fill();
  // Text clockwise along the top 240°, upright towards the centre.
  const chars = [...placement.text];
  const fontPx = r * 0.3;
  c.font = `${fontPx.toFixed(1)}px ${SEAL_FONT}`;
  c.textAlign = 'center';
  c.textBaseline = 'middle';
  const span = (Math.min(240, 36 * chars.length) * Math.PI) / 180;
  const textRadius = r - ring - fontPx * 0.62;
  chars.forEach((ch, k) => {
    const a = -Math.PI / 2 - span / 2 + (chars.length === 1 ? span / 2 : (k * span) / (chars.length - 1));
    c.save();
    c.rotate(a + Math.PI / 2);
    c.translate(0, -textRadius);
    c.fillText(ch, 0, 0);
    c.restore();
  });
  // Uneven ink: alpha modulated by smooth value noise (cells of ~r/10 px).
  const img = c.getImageData(0, 0, size, size);
  const cell = Math.max(4, Math.round(r / 10));
  const gw = Math.ceil(size / cell) + 2;
  const grid = Array.from({ length: gw * gw }, () => random());
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = gx - x0;
      const fy = gy - y0;
      const v =
        grid[y0 * gw + x0]! * (1 - fx) * (1 - fy) + grid[y0 * gw + x0 + 1]! * fx * (1 - fy) + grid[(y0 + 1) * gw + x0]! * (1 - fx) * fy + grid[(y0 + 1) * gw + x0 + 1]! * fx * fy;
      const i = (y * size + x) * 4 + 3;
      img.data[i] = Math.round(img.data[i]! * (0.7 + 0.28 * v));
    }
  }
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.putImageData(img, 0, 0);
  return canvas;
}

/** Adds the same gaussian noise (standard deviation `sigma` grey levels) to the three colour channels. */
function addNoise(rgba: Uint8ClampedArray, sigma: number, random: () => number): void {
  for (let i = 0; i < rgba.length; i += 8) {
    // Box–Muller: two normal draws per pair of pixels.
    const u = Math.max(random(), 1e-12);
    const v = random();
    const m = sigma * Math.sqrt(-2 * Math.log(u));
    const n0 = m * Math.cos(2 * Math.PI * v);
    const n1 = m * Math.sin(2 * Math.PI * v);
    for (let c = 0; c < 3; c++) {
      rgba[i + c] = rgba[i + c]! + n0;
      if (i + 4 + c < rgba.length) rgba[i + 4 + c] = rgba[i + 4 + c]! + n1;
    }
  }
}

/** Separable gaussian blur of the colour channels, in place (edges clamped). */
function gaussianBlur(rgba: Uint8ClampedArray, width: number, height: number, sigma: number): void {
  const radius = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  for (let k = 0; k < kernel.length; k++) kernel[k] = kernel[k]! / sum;
  const tmp = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * rgba[(y * width + Math.min(width - 1, Math.max(0, x + k))) * 4 + c]!;
        tmp[(y * width + x) * 3 + c] = acc;
      }
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * tmp[(Math.min(height - 1, Math.max(0, y + k)) * width + x) * 3 + c]!;
        rgba[(y * width + x) * 4 + c] = Math.round(acc);
      }
    }
  }
}

/** Copies a width × height RGBA image turned a quarter turn clockwise into `out` (height × width). */
function turnQuarterClockwise(rgba: Uint8ClampedArray, width: number, height: number, out: Uint8ClampedArray): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = (x * height + (height - 1 - y)) * 4;
      for (let c = 0; c < 4; c++) out[dst + c] = rgba[src + c]!;
    }
  }
}

/** Sets the JFIF APP0 density of a JPEG to `dpi` dots per inch, as a scanner writes it (img2pdf sizes the page from it). */
function withJfifDensity(jpeg: Buffer, dpi: number): Buffer {
  if (jpeg.readUInt16BE(2) !== 0xffe0 || jpeg.toString('latin1', 6, 11) !== 'JFIF\0') throw new Error(`Expected a JPEG starting with a JFIF APP0 segment, got ${jpeg.subarray(0, 12).toString('hex')}`);
  const out = Buffer.from(jpeg);
  out[13] = 1;
  out.writeUInt16BE(dpi, 14);
  out.writeUInt16BE(dpi, 16);
  return out;
}

function rotateAbout([x, y]: [number, number], [cx, cy]: [number, number], degreesClockwise: number): [number, number] {
  const a = (degreesClockwise * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

const round2 = (v: number[]) => v.map((x) => Math.round(x * 100) / 100) as [number, number];

/** A 32-bit seed from a key (the file and page), as ImageMagick's -seed would take. */
function seedOf(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0);
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

await main();
