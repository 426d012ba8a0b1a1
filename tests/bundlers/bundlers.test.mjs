// The package as users meet it in a bundler: the packed tarball installed
// into a small project (tests/bundlers/app), built in production mode by
// Vite and by webpack with no configuration beyond paths (and by esbuild,
// with the wasm copied beside the bundle as the README says), served
// statically, and loaded in Debian's Chromium. The page cleans a sample
// itself, and posts it to a module worker right after creating the worker;
// both must show the article's title, with no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../js/shared.mjs';
import { startBrowser } from '../browser/harness.mjs';
import { TITLE } from './app/sample.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const APP = join(HERE, 'app');

let work; // temporary: the tarball and the builds
let browser;

function npm(args, cwd) {
  const r = spawnSync('npm', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Serves a directory on a free port of 127.0.0.1. */
async function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Opens a built app and returns what its page and its worker showed. */
async function run(dir) {
  const server = await serve(dir);
  browser.consoleErrors.length = 0;
  browser.requests.length = 0;
  try {
    await browser.page.goto(server.url);
    // Both outputs start as "…"; wait until both have changed (or time out:
    // a lost message leaves the worker's as it was).
    await browser.page.waitForFunction(
      () => ['page', 'worker'].every((id) => document.getElementById(id).textContent !== '…'),
      null, { timeout: 20_000 },
    ).catch(() => {});
    const shown = await browser.page.evaluate(() => ({
      page: document.getElementById('page').textContent,
      worker: document.getElementById('worker').textContent,
    }));
    return { ...shown, errors: [...browser.consoleErrors], wasm: browser.requests.filter((u) => u.endsWith('.wasm')) };
  } finally {
    server.close();
  }
}

function check(result) {
  assert.deepEqual(
    { page: result.page, worker: result.worker, errors: result.errors },
    { page: TITLE, worker: TITLE, errors: [] },
  );
  assert.ok(result.wasm.length >= 1, 'the page or the worker fetched the .wasm');
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'gleaner-bundlers-'));
  // The bundlers, at the versions in tests/bundlers/package-lock.json.
  const stamp = join(HERE, 'node_modules', '.package-lock.json');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(join(HERE, 'package-lock.json')).mtimeMs) {
    npm(['ci', '--prefer-offline'], HERE);
  }
  // The package exactly as it would be published.
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT));
  npm(['install', '--no-save', '--prefer-offline', join(work, packed[0].filename)], HERE);
  browser = await startBrowser('http://127.0.0.1/');
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('Vite: a production build cleans in the page and in a module worker', async () => {
  const { build } = await import('vite');
  const outDir = join(work, 'vite');
  await build({ root: APP, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  check(await run(outDir));
});

test('webpack: a production build cleans in the page and in a module worker', async () => {
  const { default: webpack } = await import('webpack');
  const outDir = join(work, 'webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: APP,
      entry: './main.js',
      output: { path: outDir, filename: 'main.js', clean: true },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  // The page as html-webpack-plugin writes it: the bundle as a deferred script.
  const html = readFileSync(join(APP, 'index.html'), 'utf8')
    .replace('<script type="module" src="./main.js"></script>', '<script defer src="main.js"></script>');
  assert.match(html, /defer src="main.js"/);
  writeFileSync(join(outDir, 'index.html'), html);
  check(await run(outDir));
});

test('esbuild: an ESM bundle of the page and the worker, with the wasm copied beside them', async () => {
  // esbuild leaves `new URL('…', import.meta.url)` alone: it neither bundles
  // the worker nor copies the wasm. As the README says, the worker is a
  // second entry point and gleaner/gleaner.wasm is copied next to the
  // bundles, where the glue's `new URL('gleaner_bg.wasm', import.meta.url)`
  // finds it.
  const esbuild = await import('esbuild');
  const outDir = join(work, 'esbuild');
  await esbuild.build({
    absWorkingDir: APP, entryPoints: ['main.js', 'worker.js'], bundle: true, format: 'esm',
    minify: true, outdir: outDir, logLevel: 'warning',
  });
  const wasm = createRequire(join(HERE, 'package.json')).resolve('gleaner/gleaner.wasm');
  copyFileSync(wasm, join(outDir, 'gleaner_bg.wasm'));
  copyFileSync(join(APP, 'index.html'), join(outDir, 'index.html'));
  check(await run(outDir));
});
