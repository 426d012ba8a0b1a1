// Builds the copied-text dev set: for every corpus page, the text a person
// gets by selecting all and copying, approximated by `document.body.innerText`
// of the page rendered by Chromium with JavaScript off and no network.
//
//   cd tools/devset && npm install && node build.mjs
//
// Reads the corpus from $GLEANER_SHARED (default: ../shared beside the
// repository) and writes
//   tests/data/copied/scrapinghub/text/<id>.txt + ground-truth.json
//   tests/data/copied/readability/text/<case>.txt + ground-truth.json
// where the readability ground truth is the innerText of the case's
// expected.html, rendered the same way. A page that fails is skipped and
// reported; the exit code is 1 when any page failed.

import { chromium } from 'playwright-core';
import { gunzipSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const shared = process.env.GLEANER_SHARED
  ? path.resolve(process.env.GLEANER_SHARED)
  : path.resolve(repo, '..', 'shared');
const corpus = path.join(shared, 'corpus');
const out = path.join(repo, 'tests', 'data', 'copied');

// The one URL the browser may load: the page itself, served from memory.
const PAGE_URL = 'http://devset.invalid/page.html';

function contentType(bytes) {
  // Valid UTF-8 is declared as such (as gleaner reads it); anything else is
  // left to the browser's own detection (<meta charset>, sniffing).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

// The page being rendered: served once, when the browser asks for PAGE_URL.
let current = null;

function handle(route) {
  const req = route.request();
  if (req.url() === PAGE_URL && current !== null) {
    const body = current;
    current = null;
    return route.fulfill({ status: 200, contentType: contentType(body), body });
  }
  // Everything else (images, styles, frames, refreshes) is cut off; a
  // navigation away is cancelled quietly so no error page replaces the page.
  return route.abort(req.isNavigationRequest() ? 'aborted' : 'failed');
}

async function copiedText(page, bytes) {
  current = bytes;
  await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded', timeout: 30000 });
  current = null;
  return page.evaluate(() => (document.body ? document.body.innerText : ''));
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
}

function sortedObject(map) {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function main() {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleaner-devset-'));
  const context = await chromium.launchPersistentContext(tmpDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every request is answered here: the page from memory, nothing else at all.
  await context.route('**/*', handle);
  const page = context.pages()[0] ?? (await context.newPage());
  const failed = [];
  let pages = 0;

  async function render(label, bytes) {
    try {
      const text = await copiedText(page, bytes);
      pages += 1;
      return text;
    } catch (e) {
      failed.push(`${label}: ${String(e && e.message ? e.message : e).split('\n')[0]}`);
      return null;
    }
  }

  try {
    // ScrapingHub article-extraction benchmark.
    {
      const src = path.join(corpus, 'scrapinghub');
      const dest = path.join(out, 'scrapinghub');
      fs.rmSync(dest, { recursive: true, force: true });
      fs.mkdirSync(path.join(dest, 'text'), { recursive: true });
      const truth = JSON.parse(fs.readFileSync(path.join(src, 'ground-truth.json'), 'utf8'));
      const kept = new Map();
      const ids = Object.keys(truth).sort();
      for (const [i, id] of ids.entries()) {
        const file = path.join(src, 'html', `${id}.html.gz`);
        let text = null;
        if (fs.existsSync(file)) {
          text = await render(`scrapinghub/${id}`, gunzipSync(fs.readFileSync(file)));
        } else {
          failed.push(`scrapinghub/${id}: no page`);
        }
        if (text === null) continue;
        fs.writeFileSync(path.join(dest, 'text', `${id}.txt`), text);
        kept.set(id, { articleBody: truth[id].articleBody ?? '' });
        if ((i + 1) % 20 === 0) process.stderr.write(`scrapinghub ${i + 1}/${ids.length}\n`);
      }
      writeJson(path.join(dest, 'ground-truth.json'), sortedObject(kept));
    }

    // Mozilla Readability test pages: expected.html rendered the same way is the truth.
    {
      const src = path.join(corpus, 'readability');
      const dest = path.join(out, 'readability');
      fs.rmSync(dest, { recursive: true, force: true });
      fs.mkdirSync(path.join(dest, 'text'), { recursive: true });
      const kept = new Map();
      const cases = fs
        .readdirSync(src, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      for (const [i, name] of cases.entries()) {
        const source = path.join(src, name, 'source.html');
        const expected = path.join(src, name, 'expected.html');
        if (!fs.existsSync(source) || !fs.existsSync(expected)) {
          failed.push(`readability/${name}: source.html or expected.html missing`);
          continue;
        }
        const text = await render(`readability/${name}`, fs.readFileSync(source));
        if (text === null) continue;
        const body = await render(`readability/${name} (expected)`, fs.readFileSync(expected));
        if (body === null) continue;
        fs.writeFileSync(path.join(dest, 'text', `${name}.txt`), text);
        kept.set(name, { articleBody: body });
        if ((i + 1) % 20 === 0) process.stderr.write(`readability ${i + 1}/${cases.length}\n`);
      }
      writeJson(path.join(dest, 'ground-truth.json'), sortedObject(kept));
    }
  } finally {
    await context.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }

  console.log(`rendered ${pages} documents into ${path.relative(process.cwd(), out) || out}`);
  if (failed.length > 0) {
    console.log(`${failed.length} failed (skipped):`);
    for (const f of failed) console.log(`  ${f}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
