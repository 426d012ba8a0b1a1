// Browser test of the Manifest V3 extension (dist/extension, built by
// scripts/build-extension.sh): Debian's Chromium with the extension loaded
// opens a corpus page from a local server, the toolbar action (clicked
// through the DevTools protocol) or the service worker's cleanTab cleans it,
// and the reader page must show the article. The clean must have run in the
// service worker, and the extension's pages and worker must request nothing
// outside the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, sharedDir } from '../js/shared.mjs';
import { CHROMIUM } from '../browser/harness.mjs';
import { clean } from '../../pkg/node.js';

const EXTENSION = join(ROOT, 'dist', 'extension');
// A page whose article has images: the reader must not load them.
const CASE = 'bbc-1';
const CASE_DIR = join(sharedDir(), 'corpus', 'readability', CASE);
const SOURCE = readFileSync(join(CASE_DIR, 'source.html'), 'utf8');
const META = JSON.parse(readFileSync(join(CASE_DIR, 'expected-metadata.json'), 'utf8'));

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** The text of an HTML fragment: tags dropped, character references decoded. */
function htmlText(html) {
  return norm(html.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  }));
}

/**
 * The expected article's longer paragraphs (from the corpus' expected.html)
 * that the package itself keeps when it cleans the page in Node: the reader
 * must show each of them.
 */
const IN_NODE = clean(SOURCE);
const PARAGRAPHS = [...readFileSync(join(CASE_DIR, 'expected.html'), 'utf8').matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)]
  .map((m) => htmlText(m[1]))
  .filter((p) => p.length > 80 && norm(IN_NODE.text).includes(p));

let server;
let pageUrl;
let userDir;
/** @type {import('playwright-core').BrowserContext} */
let context;
/** @type {import('playwright-core').Page} */
let page;
let extensionId;
/** Every request the browser made, with who made it (worker or page URL). */
const requests = [];

/** A local server with the corpus page at /page.html (nothing else). */
function startServer() {
  const s = createServer((req, res) => {
    if (req.url === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(SOURCE);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

/** The extension's service worker (started when the extension loads). */
async function extensionWorker() {
  const isOurs = (w) => w.url().startsWith(`chrome-extension://${extensionId ?? ''}`) && w.url().endsWith('/background.js');
  return context.serviceWorkers().find(isOurs) ?? context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
}

/** Clicks the extension's toolbar action on a tab, as a person would (DevTools protocol). */
async function clickAction(tab) {
  // The action acts on the window's active tab: a tab behind another one
  // (Chromium may open one of its own at start) would not be granted.
  await tab.bringToFront();
  const cdp = await context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((t) => t.url === tab.url());
    assert.ok(target, `no tab target for ${tab.url()}`);
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Runs an action that opens the reader, then waits until the reader has shown its result. */
async function openReader(action) {
  const next = context.waitForEvent('page', { timeout: 30_000 });
  const value = await action();
  const reader = await next;
  await reader.waitForURL(/\/reader\.html#/);
  await reader.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 30_000 });
  return { reader, value };
}

/** The reader's article as one line of text, each block separated by a space. */
async function readerText(reader) {
  return norm((await reader.$$eval('#reader > *', (els) => els.map((e) => e.textContent))).join(' '));
}

/** The resources a page or worker fetched, as its Resource Timing entries name them. */
const RESOURCES = () => performance.getEntriesByType('resource').map((e) => e.name);

before(async () => {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error('dist/extension is not built: run ./scripts/build-extension.sh');
  }
  assert.ok(PARAGRAPHS.length >= 3, `${CASE}: too few expected paragraphs to compare`);
  server = await startServer();
  pageUrl = `http://127.0.0.1:${server.address().port}/page.html`;
  userDir = mkdtempSync(join(tmpdir(), 'gleaner-extension-'));
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // lets the DevTools protocol click the toolbar action (Extensions.triggerAction)
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  context.on('request', (r) => {
    let by = null;
    try {
      by = r.serviceWorker()?.url() ?? r.frame().url();
    } catch { /* a navigation, or a frame Playwright has not seen yet */ }
    requests.push({ url: r.url(), by });
  });
  const worker = await extensionWorker();
  extensionId = new URL(worker.url()).host;
  page = context.pages()[0] ?? await context.newPage();
  // The corpus page names resources on its real site: keep the test offline.
  // (Routed on the page only: routing the whole context hides the service
  // worker's requests from Playwright.)
  await page.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  await page.goto(pageUrl);
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

test('the toolbar action cleans the page in the service worker and the reader shows the article', async () => {
  const { reader } = await openReader(() => clickAction(page));
  const tabs = context.pages().map((p) => p.url()).join(', ');
  assert.equal(await reader.getAttribute('body', 'data-state'), 'ready', `${await reader.locator('#error').textContent()} (tabs: ${tabs})`);
  assert.ok(reader.url().startsWith(`chrome-extension://${extensionId}/reader.html#`));

  // Title and article text, against the corpus' expected files.
  assert.equal(await reader.locator('#reader h1').textContent(), META.title);
  assert.equal(await reader.title(), `${META.title} (gleaner)`);
  const text = await readerText(reader);
  for (const p of PARAGRAPHS) assert.ok(text.includes(p), `the reader lacks the paragraph: ${p}`);
  const id = new URL(reader.url()).hash.slice(1);
  const worker = await extensionWorker();
  const stored = await worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `result:${id}`);
  assert.equal(await reader.locator('#meta [data-field="words"]').textContent(), String(stored.article.wordCount));
  assert.ok(Number(await reader.locator('#removed-list > li').count()) > 0, 'removed blocks are listed');

  // The copy shortcuts put the article on the clipboard (the test sees
  // what is written; it may not read an extension's clipboard back).
  await reader.bringToFront();
  await reader.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => { globalThis.copied = text; return write(text); };
  });
  await reader.keyboard.press('m');
  await reader.waitForFunction(() => document.getElementById('status').textContent === 'Markdown copied.');
  const markdown = await reader.evaluate(() => globalThis.copied);
  assert.equal(markdown, `# ${META.title}\n\n${stored.article.markdown}`);
  await reader.keyboard.press('t');
  await reader.waitForFunction(() => document.getElementById('status').textContent === 'Text copied.');
  assert.equal(await reader.evaluate(() => globalThis.copied), `${META.title}\n\n${stored.article.text}`);

  // It ran in the service worker: the result says so (computed there from
  // ServiceWorkerGlobalScope), and the worker, not a page, fetched the wasm
  // (the worker instantiates it on first use, so Playwright sees the fetch).
  assert.equal(stored.ranIn, 'service-worker');
  assert.equal(stored.article.title, META.title);
  assert.equal(await reader.getAttribute('body', 'data-ran-in'), 'service-worker');
  const wasm = requests.filter((r) => r.url.endsWith('/gleaner_bg.wasm'));
  assert.deepEqual(wasm, [{ url: `chrome-extension://${extensionId}/gleaner/gleaner_bg.wasm`, by: worker.url() }]);
  assert.deepEqual(requests.filter((r) => r.by === pageUrl && r.url.startsWith('chrome-extension:')), []);

  // The article's images are links, not loads.
  const images = (stored.article.html.match(/<img\b/g) ?? []).length;
  assert.ok(images > 0, `${CASE}'s article should have images`);
  assert.equal(await reader.locator('#reader .image-link').count(), images);
  assert.equal(await reader.locator('#reader img').count(), 0);
});

test('with a selection, the service worker cleans only the selection', async () => {
  const chosen = PARAGRAPHS[1];
  await page.bringToFront();
  const selected = await page.evaluate((want) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const el = [...document.querySelectorAll('p')].find((p) => norm(p.textContent).includes(want));
    if (!el) return false;
    getSelection().selectAllChildren(el);
    return true;
  }, chosen);
  assert.ok(selected, 'the paragraph is on the page');
  const worker = await extensionWorker();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  // The same function the toolbar action calls (the earlier click granted activeTab).
  const { reader, value } = await openReader(() => worker.evaluate((id) => self.cleanTab(id), tabId));
  assert.equal(value.error, null);
  assert.equal(value.ranIn, 'service-worker');
  assert.equal(await reader.getAttribute('body', 'data-state'), 'ready', await reader.locator('#error').textContent());
  const text = await readerText(reader);
  assert.ok(text.includes(chosen), 'the reader shows the selection');
  for (const p of PARAGRAPHS.filter((p) => p !== chosen)) assert.ok(!text.includes(p), `the reader shows more than the selection: ${p}`);
  // The metadata still comes from the page's head.
  assert.equal(value.title, META.title);
  assert.equal(await reader.locator('#meta [data-field="input"]').textContent(), 'the selection');
  await page.evaluate(() => getSelection().removeAllRanges());
});

test('the setting to remember pages keeps the memory in storage until Forget', async () => {
  const worker = await extensionWorker();
  await worker.evaluate(() => chrome.storage.local.set({ remember: true }));
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  const { reader, value } = await openReader(() => worker.evaluate((id) => self.cleanTab(id), tabId));
  assert.equal(value.error, null);
  assert.equal(await reader.getAttribute('body', 'data-state'), 'ready');
  assert.equal(await reader.locator('#reader h1').textContent(), META.title);
  assert.ok(await reader.locator('#remember').isChecked());
  const memory = () => worker.evaluate(async () => (await chrome.storage.local.get('memory')).memory ?? null);
  assert.equal(typeof await memory(), 'string');
  await reader.locator('#forget').click();
  await reader.waitForFunction(() => /forgotten/.test(document.getElementById('status').textContent));
  assert.equal(await memory(), null);
  await reader.locator('#remember').uncheck();
  await reader.waitForFunction(() => /one by one/.test(document.getElementById('status').textContent));
  assert.equal(await worker.evaluate(async () => (await chrome.storage.local.get('remember')).remember), false);
});

test('a page the browser keeps from extensions gives a clear error', async () => {
  const other = await context.newPage();
  await other.goto('chrome://version/');
  const { reader } = await openReader(() => clickAction(other));
  assert.equal(await reader.getAttribute('body', 'data-state'), 'error');
  assert.match(await reader.locator('#error').textContent(), /does not let extensions read this page/);
  await other.close();
});

test("the extension's pages and worker request nothing outside the extension", async () => {
  const origin = `chrome-extension://${extensionId}/`;
  // Reload a reader with Playwright listening from the first request.
  const reader = context.pages().find((p) => p.url().startsWith(`${origin}reader.html#`));
  assert.ok(reader, 'a reader page is open');
  const own = [];
  const listen = (r) => own.push(r.url());
  reader.on('request', listen);
  await reader.reload();
  await reader.waitForSelector('body[data-state="ready"]');
  reader.off('request', listen);
  assert.ok(own.includes(`${origin}reader.js`) && own.includes(`${origin}reader.css`), `requests seen: ${own}`);
  assert.deepEqual(own.filter((u) => !u.startsWith(origin)), []);
  assert.ok(!own.some((u) => u.includes('/gleaner/')), 'the reader runs no gleaner');

  // Everything any extension page or the worker asked for, as Playwright saw it.
  const byExtension = requests.filter((r) => r.by?.startsWith('chrome-extension:') || r.url.startsWith('chrome-extension:'));
  assert.ok(byExtension.length > 0);
  assert.deepEqual(byExtension.filter((r) => !r.url.startsWith(origin)), []);

  // And as each of them recorded it: Resource Timing lists every http(s)
  // fetch (not the extension's own files), including any made before
  // Playwright attached, so it must be empty.
  const worker = await extensionWorker();
  const seen = [...await worker.evaluate(RESOURCES)];
  for (const p of context.pages().filter((p) => p.url().startsWith(origin))) seen.push(...await p.evaluate(RESOURCES));
  assert.deepEqual(seen.filter((u) => !u.startsWith(origin)), []);
});

/** The entries of a ZIP archive, read from its central directory and inflated. */
function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the archive has an end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const packedSize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(start, start + packedSize);
    entries.set(name, method === 8 ? inflateRawSync(packed) : packed);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

test('the build also writes the zip for the Chrome Web Store: the same files, manifest.json at its root', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const file = join(ROOT, 'dist', `gleaner-extension-${version}.zip`);
  assert.ok(existsSync(file), `${file} exists`);
  const entries = unzip(readFileSync(file));
  const manifest = JSON.parse(entries.get('manifest.json'));
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, version);
  const onDisk = (dir, base = '') => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? onDisk(join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]);
  const files = onDisk(EXTENSION).sort();
  assert.deepEqual([...entries.keys()].sort(), files);
  for (const f of files) assert.ok(entries.get(f).equals(readFileSync(join(EXTENSION, f))), `${f} is the built file`);
});
