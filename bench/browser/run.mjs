// Browser benchmark: gleaner's wasm package against Readability.js, in
// Debian's Chromium, in one tab, interleaved page by page.
//
//   cd bench && npm ci && node browser/run.mjs [DATASET_DIR] [--passes N] [--out report.json] [--limit N] [--pkg DIR]
//
// DATASET_DIR (default $GLEANER_SHARED/corpus/scrapinghub, else
// ../shared/corpus/scrapinghub beside the repository) holds html/<id>.html[.gz].
// The pages are decompressed and decoded here (not timed) and handed to
// the page once; then, after a warm-up pass, N passes time every page with
// every extractor (see bench.js for what each timing covers). Per page the
// median of the passes is kept; the report gives the median, p95 and total
// of those per extractor and the ratios gleaner / Readability.js, and is
// written as JSON (default bench/out/browser.json). The package is the
// repository's pkg/ (built first with scripts/build-wasm.sh --if-stale), or
// an already built one given with --pkg.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bench = path.resolve(here, '..');
const repo = path.resolve(bench, '..');

function parseArgs(argv) {
  const args = { passes: 5, out: path.join(bench, 'out', 'browser.json'), limit: Infinity, dir: null, pkg: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--passes') args.passes = Number(value());
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--limit') args.limit = Number(value());
    else if (a === '--pkg') args.pkg = path.resolve(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.dir = path.resolve(a);
  }
  if (!args.dir) {
    const shared = process.env.GLEANER_SHARED
      ? path.resolve(process.env.GLEANER_SHARED)
      : path.resolve(repo, '..', 'shared');
    args.dir = path.join(shared, 'corpus', 'scrapinghub');
  }
  if (!(args.passes >= 1)) throw new Error('--passes must be at least 1');
  return args;
}

function loadPages(dir, limit) {
  const htmlDir = path.join(dir, 'html');
  const names = fs.readdirSync(htmlDir).filter((n) => /\.html(\.gz)?$/.test(n)).sort();
  const decoder = new TextDecoder('utf-8');
  return names.slice(0, limit).map((name) => {
    let bytes = fs.readFileSync(path.join(htmlDir, name));
    if (name.endsWith('.gz')) bytes = gunzipSync(bytes);
    return { id: name.replace(/\.html(\.gz)?$/, ''), html: decoder.decode(bytes) };
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves bench/browser/, the built package (/pkg/) and Readability (/node_modules/). */
function serve(pkg) {
  const roots = [
    ['/pkg/', pkg],
    ['/node_modules/', path.join(bench, 'node_modules')],
    ['/', here],
  ];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, root] = roots.find(([p]) => url.startsWith(p));
    const file = path.join(root, url.slice(prefix.length) || 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length, Math.max(1, Math.ceil(q * v.length))) - 1];
}
function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
const sum = (values) => values.filter(Number.isFinite).reduce((a, b) => a + b, 0);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.pkg) {
    const built = spawnSync(path.join(repo, 'scripts', 'build-wasm.sh'), ['--if-stale'], { cwd: repo, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('scripts/build-wasm.sh failed');
  }
  const pkg = args.pkg || path.join(repo, 'pkg');
  const wasm = fs.readFileSync(path.join(pkg, 'gleaner_bg.wasm'));
  const pages = loadPages(args.dir, args.limit);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  console.log(`${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB) from ${args.dir}; 1 warm-up pass + ${args.passes} timed passes, interleaved`);

  const server = await serve(pkg);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleaner-bench-'));
  const context = await chromium.launchPersistentContext(tmpDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('crash', () => errors.push('the page crashed'));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 60000 }).catch(() => {
      throw new Error(`the benchmark page did not start: ${errors.join('; ')}`);
    });
    await page.evaluate(() => window.bench.ready);
    for (const p of pages) {
      await page.evaluate((html) => window.bench.add([html]), p.html).catch((e) => {
        throw new Error(`handing ${p.id} to the page: ${e.message}; ${errors.join('; ')}`);
      });
    }
    const browserVersion = context.browser() ? context.browser().version() : await page.evaluate(() => navigator.userAgent);

    const names = ['readability', 'gleaner', 'worker'];
    // times[name][page] = one time (ms) per timed pass; rt for the worker's round trip.
    const times = Object.fromEntries([...names, 'worker_rt'].map((n) => [n, pages.map(() => [])]));
    const failures = Object.fromEntries(names.map((n) => [n, 0]));
    for (let pass = 0; pass <= args.passes; pass++) {
      const t0 = Date.now();
      const rows = await page.evaluate((r) => window.bench.pass(r), pass);
      rows.forEach((row, i) => {
        for (const n of names) {
          if (row[n].error) failures[n] += pass === 0 ? 1 : 0;
          if (pass > 0) times[n][i].push(row[n].ms);
        }
        if (pass > 0) times.worker_rt[i].push(row.worker.rt);
      });
      console.log(`${pass === 0 ? 'warm-up' : `pass ${pass}`}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const perPage = Object.fromEntries(Object.entries(times).map(([n, t]) => [n, t.map(median)]));
    const summary = Object.fromEntries(
      Object.entries(perPage).map(([n, t]) => [n, { median_ms: median(t), p95_ms: quantile(t, 0.95), max_ms: quantile(t, 1), total_ms: sum(t) }]),
    );
    const ratio = (a, b) => {
      const per = perPage[a].map((x, i) => x / perPage[b][i]);
      return {
        of_medians: summary[a].median_ms / summary[b].median_ms,
        of_p95: summary[a].p95_ms / summary[b].p95_ms,
        of_totals: summary[a].total_ms / summary[b].total_ms,
        per_page_median: median(per),
        per_page_p95: quantile(per, 0.95),
        pages_faster: per.filter((r) => r < 1).length,
      };
    };
    const ratios = {
      gleaner_vs_readability: ratio('gleaner', 'readability'),
      worker_vs_readability: ratio('worker', 'readability'),
      worker_rt_vs_readability: ratio('worker_rt', 'readability'),
    };

    const label = { readability: 'Readability.js (DOMParser + parse)', gleaner: 'gleaner clean(), main thread', worker: 'gleaner clean(), in a Worker', worker_rt: 'gleaner via Worker, round trip' };
    console.log(`\n${'per page (ms)'.padEnd(36)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'total'.padStart(9)}`);
    for (const [n, s] of Object.entries(summary)) {
      console.log(`${label[n].padEnd(36)} ${s.median_ms.toFixed(2).padStart(8)} ${s.p95_ms.toFixed(2).padStart(8)} ${s.max_ms.toFixed(2).padStart(8)} ${s.total_ms.toFixed(0).padStart(9)}`);
    }
    console.log('');
    for (const [n, r] of Object.entries(ratios)) {
      console.log(`${n}: median ${r.of_medians.toFixed(3)}, p95 ${r.of_p95.toFixed(3)}, total ${r.of_totals.toFixed(3)}; per page: median ${r.per_page_median.toFixed(3)}, p95 ${r.per_page_p95.toFixed(3)}, faster on ${r.pages_faster} of ${pages.length}`);
    }
    if (Object.values(failures).some((n) => n > 0)) console.log(`failures (warm-up pass): ${JSON.stringify(failures)}`);

    const report = {
      dataset: args.dir,
      pages: pages.length,
      bytes,
      passes: args.passes,
      browser: browserVersion,
      package: pkg,
      wasm_bytes: wasm.length,
      summary,
      ratios,
      failures,
      per_page: pages.map((p, i) => ({ id: p.id, bytes: Buffer.byteLength(p.html), ...Object.fromEntries(Object.entries(perPage).map(([n, t]) => [n, t[i]])) })),
    };
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify(report, null, 1) + '\n');
    console.log(`\nwrote ${path.relative(process.cwd(), args.out) || args.out}`);
  } finally {
    await context.close().catch(() => {});
    server.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
