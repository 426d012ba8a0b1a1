// Builds the copied-text dev set: for every corpus page, the text a person
// gets by selecting all and copying, approximated by `document.body.innerText`
// of the page rendered by Chromium with JavaScript off and no network.
//
//   cd tools/devset && npm install && node build.mjs [SET...]
//
// SET is scrapinghub, readability or wcxb (default: all three). Reads the
// corpus from $GLEANER_SHARED (default: ../shared beside the repository) and
// writes
//   tests/data/copied/scrapinghub/text/<id>.txt + ground-truth.json
//   tests/data/copied/readability/text/<case>.txt + ground-truth.json
//   tests/data/copied/wcxb/text/<id>.txt.gz + ground-truth.json.gz
// where the readability ground truth is the innerText of the case's
// expected.html, rendered the same way, and the WCXB ground truth is the
// benchmark's own (reference text, page type, title, author, date, URL).
// The WCXB set is gzipped (1,497 pages; git stores text compressed anyway,
// but a checkout would hold ~30 MB of plain text). A page that fails is
// skipped and reported; the exit code is 1 when any page failed.

import { chromium } from 'playwright-core';
import { gunzipSync, gzipSync } from 'node:zlib';
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

const SETS = ['scrapinghub', 'readability', 'wcxb'];

async function main() {
  const chosen = process.argv.slice(2);
  for (const s of chosen) {
    if (!SETS.includes(s)) throw new Error(`unknown set '${s}' (one of ${SETS.join(', ')})`);
  }
  const wanted = (s) => chosen.length === 0 || chosen.includes(s);
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
    if (wanted('scrapinghub')) {
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
    if (wanted('readability')) {
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

    // WCXB development split (gzipped pages, seven page types): the
    // benchmark's ground truth is kept as it is, without its snippets.
    if (wanted('wcxb')) {
      const src = path.join(corpus, 'wcxb-dev');
      const dest = path.join(out, 'wcxb');
      fs.rmSync(path.join(dest, 'text'), { recursive: true, force: true });
      fs.rmSync(path.join(dest, 'ground-truth.json.gz'), { force: true });
      fs.mkdirSync(path.join(dest, 'text'), { recursive: true });
      const truth = JSON.parse(fs.readFileSync(path.join(src, 'ground-truth.json'), 'utf8'));
      const kept = new Map();
      const ids = Object.keys(truth).sort();
      const start = Date.now();
      for (const [i, id] of ids.entries()) {
        const file = path.join(src, 'html', `${id}.html.gz`);
        let text = null;
        if (fs.existsSync(file)) {
          text = await render(`wcxb/${id}`, gunzipSync(fs.readFileSync(file)));
        } else {
          failed.push(`wcxb/${id}: no page`);
        }
        if (text !== null) {
          fs.writeFileSync(path.join(dest, 'text', `${id}.txt.gz`), gzipSync(text, { level: 9 }));
          const t = truth[id];
          kept.set(id, {
            articleBody: t.articleBody ?? '',
            page_type: t.page_type ?? null,
            title: t.title ?? null,
            author: t.author ?? null,
            publish_date: t.publish_date ?? null,
            url: t.url ?? null,
          });
        }
        if ((i + 1) % 50 === 0 || i + 1 === ids.length) {
          const s = Math.round((Date.now() - start) / 1000);
          process.stderr.write(`wcxb ${i + 1}/${ids.length} (${s} s, ${failed.length} failed)\n`);
        }
      }
      const json = JSON.stringify(sortedObject(kept), null, 1) + '\n';
      fs.writeFileSync(path.join(dest, 'ground-truth.json.gz'), gzipSync(json, { level: 9 }));
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
