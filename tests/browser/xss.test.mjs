// XSS and hostile input in real Chromium: the wasm package cleans every
// vector of tests/data/xss/vectors.txt (alone and inside an article) in a
// test page served WITHOUT a Content-Security-Policy, so a script that got
// through would really run. Each `html` output is inserted with innerHTML,
// re-parsed (DOMParser and <template> round trips, for mutation XSS) and
// inserted again; then the page is searched for what could run a script,
// the sentinel (window.__pwned, set by every payload; alert/confirm/prompt
// set it too) is read, and every request the browser made is checked.
// The module then cleans hostile inputs (deep, wide, huge) and must still
// work, and a trap must be recovered from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { startBrowser } from './harness.mjs';
import { ROOT } from '../js/shared.mjs';

const PKG = join(ROOT, 'pkg');

/** The vectors by family, as tests/xss.rs reads them. */
function vectors() {
  const text = readFileSync(join(ROOT, 'tests/data/xss/vectors.txt'), 'utf8');
  let family = '';
  const out = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) family = line.slice(3).trim();
    else if (!line.startsWith('#') && line.trim() !== '') {
      const v = line.replaceAll('{TAB}', '\t').replaceAll('{LF}', '\n').replaceAll('{CR}', '\r')
        .replaceAll('{FF}', '\f').replaceAll('{NUL}', '\0');
      out.push({ family, vector: v });
    }
  }
  return out;
}

/** The same article around a vector as tests/xss.rs. */
function inArticle(vector) {
  const para = 'The council met on Tuesday evening and voted on the new budget, which '
    + 'sets aside money for schools, roads and the library, after a long debate.';
  return '<!doctype html><html><head><title>Council passes the budget</title></head><body>'
    + `<article><h1>Council passes the budget</h1><p>${para}</p>${vector}<p>${para} `
    + `Members said the plan would be reviewed next year.</p><ul><li>${vector}</li></ul>`
    + `<blockquote>${vector}</blockquote><p>${para} The mayor thanked the staff.</p>`
    + '</article></body></html>';
}

// The test page: no CSP on purpose. The sentinel is set up before the
// package loads; alert and friends count as a script that ran.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>xss</title>
<script>
window.__pwned = 0;
for (const k of ['alert', 'confirm', 'prompt', 'print']) window[k] = () => { window.__pwned++; };
</script>
<script type="module">
import * as gleaner from '/pkg/index.js';
window.gleaner = gleaner;
await gleaner.ready;
document.body.dataset.ready = 'true';
</script></head><body><div id="out"></div></body></html>`;

function startPlainServer() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (path.startsWith('/pkg/')) {
      const file = normalize(join(PKG, path.slice(5)));
      if (file.startsWith(PKG + sep)) {
        try {
          const body = await readFile(file);
          const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
          res.writeHead(200, { 'Content-Type': type }).end(body);
          return;
        } catch { /* fall through */ }
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() });
    });
  });
}

let server;
let browser;
let page;
let origin;
const requests = []; // { url, type }

before(async () => {
  server = await startPlainServer();
  origin = new URL(server.url).origin;
  browser = await startBrowser(server.url);
  page = browser.page;
  browser.context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  // Nothing may leave: requests to other origins are recorded, then refused.
  await browser.context.route((url) => !url.href.startsWith(`${origin}/`), (route) => route.abort());
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

function foreign() {
  return requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
}

/**
 * Cleans each case in the page and inserts the html three ways; returns
 * for each case the html and what the live DOM holds that could run.
 */
async function cleanAndInsert(cases) {
  return page.evaluate((cases) => {
    const out = document.getElementById('out');
    const ALLOWED = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'CODE',
      'TABLE', 'TBODY', 'TR', 'TD', 'FIGURE', 'FIGCAPTION', 'IMG', 'A', 'EM', 'STRONG', 'BR']);
    const URL_ATTRS = ['href', 'src', 'data-src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset'];
    const results = [];
    for (const c of cases) {
      let html;
      try {
        html = window.gleaner.clean(c.input, c.options).html;
      } catch (e) {
        results.push({ error: String(e) });
        continue;
      }
      const hosts = [];
      const a = document.createElement('div');
      a.innerHTML = html;
      hosts.push(a);
      // Mutation XSS: serialise what the parser built and parse it again.
      const b = document.createElement('div');
      b.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      hosts.push(b);
      const t = document.createElement('template');
      t.innerHTML = a.innerHTML;
      const d = document.createElement('div');
      d.append(t.content.cloneNode(true));
      d.innerHTML = d.innerHTML;
      hosts.push(d);
      const problems = [];
      for (const h of hosts) {
        out.append(h);
        for (const el of h.querySelectorAll('*')) {
          if (!ALLOWED.has(el.tagName)) problems.push(`element <${el.tagName.toLowerCase()}>`);
          if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`namespace ${el.namespaceURI}`);
          for (const attr of el.attributes) {
            const n = attr.name.toLowerCase();
            if (n.startsWith('on')) problems.push(`handler ${n}`);
            if (n === 'style' || n === 'srcdoc') problems.push(`attribute ${n}`);
            if (URL_ATTRS.includes(n)) {
              const v = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
              if (/^(javascript|vbscript|livescript|data):/.test(v)) problems.push(`${n}=${attr.value}`);
            }
          }
        }
      }
      const imgs = [...a.querySelectorAll('img[src]')].map((i) => i.src);
      results.push({ html, problems, imgs });
    }
    return results;
  }, cases);
}

test('no XSS vector runs a script, leaves a handler or a script URL, or sends any request to another origin', async (t) => {
  const all = vectors();
  assert.ok(all.length >= 100, `${all.length} vectors`);
  const cases = [];
  for (const { family, vector } of all) {
    const page = inArticle(vector);
    for (const [input, options] of [
      [vector, { input: 'html' }],
      [vector, undefined],
      [vector, { input: 'text' }],
      [page, { input: 'html' }],
      [page, { input: 'html', baseUrl: 'https://news.example/city/budget.html' }],
    ]) cases.push({ family, vector, input, options });
  }
  const images = new Set();
  for (let i = 0; i < cases.length; i += 100) {
    const batch = cases.slice(i, i + 100);
    const results = await cleanAndInsert(batch.map(({ input, options }) => ({ input, options })));
    results.forEach((r, j) => {
      const c = batch[j];
      const what = `[${c.family}] ${JSON.stringify(c.vector)} ${JSON.stringify(c.options)}`;
      assert.equal(r.error, undefined, `${what}: ${r.error}`);
      assert.deepEqual(r.problems, [], `${what}\n${r.html}`);
      for (const src of r.imgs) images.add(src);
    });
    // Give anything that was let in time to run: image errors, autofocus, animations.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), 0, `a payload ran in batch ${i / 100}`);
  }
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.__pwned), 0, 'a payload ran');
  // No request to another origin at all: no script, frame, style, font,
  // form, ping or prefetch, and no image either (remote images wait in
  // data-src unless the caller passes remoteImages: true).
  t.diagnostic(`${cases.length} outputs; ${images.size} <img src> in them; ${foreign().length} requests to other origins`);
  assert.deepEqual(foreign(), [], 'requests to other origins');
  const pageRequests = requests.filter((r) => r.url.startsWith(`${origin}/`)).map((r) => new URL(r.url).pathname);
  assert.ok(pageRequests.every((p) => p === '/' || p.startsWith('/pkg/') || !p.includes('evil')), pageRequests.join(' '));
});

test('the html output inserted through a <template> (remote images deferred) sends no request at all', async () => {
  const before = requests.length;
  const cases = vectors().map(({ vector }) => inArticle(vector));
  const n = await page.evaluate((cases) => {
    let images = 0;
    for (const input of cases) {
      const t = document.createElement('template');
      t.innerHTML = window.gleaner.clean(input, { input: 'html' }).html;
      for (const img of t.content.querySelectorAll('img[src]')) {
        img.dataset.src = img.getAttribute('src');
        img.removeAttribute('src');
        images++;
      }
      document.getElementById('out').append(t.content);
    }
    return images;
  }, cases);
  await page.waitForTimeout(1000);
  assert.deepEqual(requests.slice(before), [], `${n} images deferred`);
  assert.equal(await page.evaluate(() => window.__pwned), 0);
});

test('remote images are off by default; with remoteImages: true the request log sees one (the control)', async () => {
  const page0 = inArticle('<figure><img src="http://evil.invalid/photo.jpg" alt="A photo of the council"><figcaption>The council at work.</figcaption></figure>');
  const insert = (options) => page.evaluate(([input, options]) => {
    const html = window.gleaner.clean(input, options).html;
    const div = document.createElement('div');
    div.innerHTML = html;
    for (const img of div.querySelectorAll('img')) img.loading = 'eager';
    document.getElementById('out').prepend(div);
    return html;
  }, [page0, options]);
  let before = requests.length;
  const off = await insert({ input: 'html' });
  assert.match(off, /<img data-src="http:\/\/evil\.invalid\/photo\.jpg"/);
  assert.doesNotMatch(off, / src=/);
  await page.waitForTimeout(1000);
  assert.deepEqual(requests.slice(before), [], 'no request with remote images off');
  before = requests.length;
  const on = await insert({ input: 'html', remoteImages: true });
  assert.match(on, /<img src="http:\/\/evil\.invalid\/photo\.jpg"/);
  await page.waitForTimeout(1000);
  const seen = requests.slice(before).filter((r) => r.url === 'http://evil.invalid/photo.jpg');
  assert.equal(seen.length, 1, JSON.stringify(requests.slice(before)));
  assert.equal(seen[0].type, 'image');
});

test('the module survives hostile inputs in Chromium and still cleans a page', async () => {
  const summary = await page.evaluate(() => {
    const g = window.gleaner;
    const out = {};
    const run = (name, f) => {
      const t0 = performance.now();
      try {
        out[name] = { ok: f(), ms: Math.round(performance.now() - t0) };
      } catch (e) {
        out[name] = { error: String(e.message ?? e), ms: Math.round(performance.now() - t0) };
      }
    };
    const prose = '<p>A sibling paragraph with a few words in it, and a comma.</p>';
    run('empty', () => g.clean('').text === '');
    run('blank', () => g.clean(' \n\t ').text === '');
    run('nul', () => g.clean('\u0000<p>\u0000nul\u0000</p>'));
    run('deep', () => g.clean('<div>'.repeat(1_000_000) + '<p>Deep text that is long enough to be an article paragraph, with words.</p>', { input: 'html' }).text.includes('Deep text'));
    run('siblings', () => g.clean(prose.repeat(100_000), { input: 'html' }).blocks.length > 0);
    run('attribute', () => g.clean(`<p title="${'x'.repeat(5 << 20)}">Text after a huge attribute.</p>`, { input: 'html' }).blocks.some((b) => b.text.includes('huge attribute')));
    run('unclosed', () => typeof g.clean('<b><i><span><a href=x>'.repeat(5_000) + 'text', { input: 'html' }).html === 'string');
    run('lists', () => typeof g.clean('<ul><li>'.repeat(20_000) + 'item', { input: 'html' }).html === 'string');
    run('quotes', () => typeof g.clean('<blockquote>'.repeat(20_000) + 'quoted', { input: 'html' }).html === 'string');
    run('table', () => typeof g.clean(`<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(20_000)}</table>`, { input: 'html' }).html === 'string');
    run('line', () => {
      const s = 'The committee said that the plan would be ready by the end of the year. ';
      return g.clean(s.repeat(Math.floor((20 << 20) / s.length)), { input: 'text' }).blocks.length === 1;
    });
    run('tooLarge', () => g.clean('x'.repeat(100), { maxInputBytes: 10 }));
    run('invalidUtf8', () => {
      const enc = new TextEncoder();
      const bytes = new Uint8Array([...enc.encode('<meta charset="utf-8"><p>Before '), 0xff, 0xfe, 0xc3, 0x28, ...enc.encode(' after.</p>')]);
      return g.cleanBytes(bytes).text.includes('\ufffd');
    });
    run('trap', () => g._trapForTesting());
    run('after', () => g.clean('<title>After</title><article><h1>After</h1><p>The module still works after all of this, and it cleans a page as before.</p></article>').text.includes('still works'));
    return out;
  });
  for (const name of ['empty', 'blank', 'deep', 'siblings', 'attribute', 'unclosed', 'lists', 'quotes', 'table', 'line', 'invalidUtf8', 'after']) {
    assert.equal(summary[name].ok, true, `${name}: ${JSON.stringify(summary[name])}`);
  }
  assert.match(summary.nul.error, /binary/);
  assert.match(summary.tooLarge.error, /too large/);
  assert.match(summary.trap.error, /crashed.*restarted/);
  assert.equal(await page.evaluate(() => window.__pwned), 0);
});

test('the sentinel works: the same payloads inserted raw do run (control)', async () => {
  const ran = await page.evaluate(async () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="/missing.png" onerror="top.__pwned=1"><svg><a><set attributeName="href" to="x"/></a></svg>';
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 500));
    return window.__pwned;
  });
  assert.equal(ran, 1, 'a raw handler must set the sentinel, or the XSS test proves nothing');
});
