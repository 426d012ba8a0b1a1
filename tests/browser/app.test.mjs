// Browser tests of the web app: the built app (dist/www) served by
// scripts/serve.mjs on a free port, driven in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, startBrowser } from './harness.mjs';
import { ROOT, SEEDS, sharedDir } from '../js/shared.mjs';

const SHARED = sharedDir();
const OUT = join(ROOT, 'tests', 'browser', 'out');
const HTML_CASE = 'aclu';

let server;
let browser;
let page;

/** The native command line's article for a file. */
function native(file) {
  const r = spawnSync(join(ROOT, 'target', 'release', 'gleaner'), ['--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  assert.equal(r.status, 0, `the CLI failed on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function generation() {
  return Number(await page.locator('#result').getAttribute('data-generation') ?? 0);
}

/** Runs an action, then waits until the app has shown a new result. */
async function afterNewResult(action) {
  const g = await generation();
  await action();
  await page.waitForFunction((g) => Number(document.getElementById('result').dataset.generation ?? 0) > g, g, { timeout: 30_000 });
}

/** Pastes text with the real clipboard and Ctrl+V, as a person would. */
async function paste(text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.top h1').click(); // focus on the page, not the text box
  await afterNewResult(() => page.keyboard.press('Control+V'));
}

/** Drops files onto the page, as dragging them from a file manager does. */
async function drop(files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await afterNewResult(async () => {
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  });
}

/** The article's paragraphs as the reader view shows them (without the headline). */
async function readerParagraphs() {
  return page.$$eval('#reader > :not(h1)', (els) => els.map((e) => e.textContent.trim()));
}

async function selectTab(name) {
  await page.locator(`#tab-${name}`).click();
  assert.equal(await page.locator(`#tab-${name}`).getAttribute('aria-selected'), 'true');
}

before(async () => {
  execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'gleaner-cli'], { cwd: ROOT, stdio: 'inherit' });
  server = await startServer();
  browser = await startBrowser(server.url);
  page = browser.page;
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// First, while the app is in its empty state.
test('the example button cleans the built-in sample page in one click', async () => {
  const example = join(ROOT, 'www', 'example.html');
  const article = native(example);
  assert.equal(article.title, 'The library that lends out seeds');
  assert.ok(await page.locator('#example-button').isVisible(), 'the empty state offers the example');
  await afterNewResult(() => page.locator('#example-button').click());
  assert.equal(await page.locator('#meta-title').textContent(), article.title);
  assert.equal(await page.locator('#out-text').textContent(), article.text);
  assert.equal(await page.locator('#source').inputValue(), readFileSync(example, 'utf8'), 'the page it cleaned is in the text box');
  const reasons = await page.$$eval('#removed-list li', (lis) => lis.map((li) => li.textContent));
  for (const r of ['cookie', 'navigation', 'comments', 'related stories', 'copyright']) {
    assert.ok(reasons.some((t) => t.includes(r)), `a block removed as ${r}`);
  }
  assert.ok(await page.locator('#example').isHidden(), 'the offer goes once there is a result');
});

test('pasting a seed page shows exactly its expected paragraphs and title', async () => {
  for (const name of SEEDS) {
    const expected = JSON.parse(readFileSync(join(SHARED, 'seeds', 'expected', `${name}.json`), 'utf8'));
    await paste(readFileSync(join(SHARED, 'seeds', `${name}.txt`), 'utf8'));
    assert.equal(await page.locator('#meta-title').textContent(), expected.title, `${name}: title`);
    assert.equal(await page.locator('#reader h1').textContent(), expected.title, `${name}: reader headline`);
    assert.deepEqual(await readerParagraphs(), expected.paragraphs, `${name}: reader paragraphs`);
    assert.equal(await page.locator('#out-text').textContent(), expected.paragraphs.join('\n\n'), `${name}: text`);
  }
});

test('dropping an HTML page from the corpus shows its title and article', async () => {
  const file = join(SHARED, 'corpus', 'readability', HTML_CASE, 'source.html');
  const meta = JSON.parse(readFileSync(join(SHARED, 'corpus', 'readability', HTML_CASE, 'expected-metadata.json'), 'utf8'));
  const article = native(file);
  await drop([{ name: `${HTML_CASE}.html`, type: 'text/html', text: readFileSync(file, 'utf8') }]);
  assert.equal(await page.locator('#meta-title').textContent(), meta.title);
  assert.equal(await page.locator('#out-text').textContent(), article.text);
  assert.ok(article.text.length > 1000);
  const metaCard = await page.locator('#meta-list').textContent();
  assert.match(metaCard, /Input\s*HTML/);
  assert.match(metaCard, new RegExp(`Words\\s*${article.word_count}`));
  // Remote images stay off until the user allows them.
  const loaded = await page.$$eval('#reader img[src]', (imgs) => imgs.map((i) => i.src).filter((s) => !s.startsWith('data:')));
  assert.deepEqual(loaded, []);
  await page.screenshot({ path: join(OUT, 'html-result.png') });
});

test('pasting a copied page prefers its HTML over its plain text', async () => {
  const file = join(SHARED, 'corpus', 'readability', HTML_CASE, 'source.html');
  const article = native(file);
  const html = readFileSync(file, 'utf8');
  // Chromium sanitises HTML written to the clipboard by parsing it in this
  // page, so the page's CSP reports the page's inline styles and handlers:
  // those messages come from the test's clipboard write, not from the app.
  const before = browser.consoleErrors.length;
  await page.evaluate((html) => navigator.clipboard.write([new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob(['Home | About | Contact'], { type: 'text/plain' }),
  })]), html);
  await page.waitForTimeout(300);
  const fromWrite = browser.consoleErrors.splice(before);
  assert.ok(fromWrite.every((e) => /Content Security Policy/.test(e)), fromWrite.join('\n'));
  await page.locator('.top h1').click();
  await afterNewResult(() => page.keyboard.press('Control+V'));
  assert.match(await page.locator('#meta-list').textContent(), /Input\s*HTML/);
  // The browser sanitises HTML on the clipboard, so compare the start of the article.
  const lead = article.text.split('\n\n')[0];
  assert.ok((await page.locator('#out-text').textContent()).includes(lead), 'the lead paragraph is there');
});

test('copy and download give the right content', async () => {
  const file = join(SHARED, 'seeds', `${SEEDS[1]}.txt`);
  const article = native(file);
  await paste(readFileSync(file, 'utf8'));

  await selectTab('markdown');
  await page.locator('#copy-button').click();
  await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), article.markdown);

  await selectTab('text');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-button').click()]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  assert.equal(readFileSync(await download.path(), 'utf8'), article.text);

  // The keyboard does the same: 4 = JSON, d = download.
  await page.locator('.top h1').click();
  await page.keyboard.press('4');
  assert.equal(await page.locator('#tab-json').getAttribute('aria-selected'), 'true');
  const [json] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('d')]);
  const saved = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(saved.text, article.text);
  assert.equal(saved.wordCount, article.word_count);
  await selectTab('reader');
});

test('the removed blocks list their reasons and a restore puts a block back', async () => {
  const file = join(SHARED, 'seeds', `${SEEDS[0]}.txt`);
  const article = native(file);
  await paste(readFileSync(file, 'utf8'));
  const dropped = article.blocks.map((b, i) => ({ ...b, i })).filter((b) => !b.kept);
  const items = page.locator('#removed-list li');
  assert.equal(await items.count(), dropped.length);
  const reasons = await page.$$eval('#removed-list .reason', (els) => els.map((e) => e.textContent));
  assert.deepEqual(reasons, dropped.map((b) => b.reason));
  // Restore the first dropped block that is not the headline.
  const target = dropped.find((b) => b.kind !== 'title' && b.text.length > 20);
  assert.ok(!(await page.locator('#out-text').textContent()).includes(target.text));
  await afterNewResult(() => page.locator(`#removed-list li[data-index="${target.i}"] button`).click());
  assert.ok((await page.locator('#out-text').textContent()).includes(target.text), 'the restored block is in the text');
  assert.equal(await page.locator(`#removed-list li[data-index="${target.i}"] .reason`).textContent(), 'restored');
  // The reader shows a list item without its marker.
  const shown = target.text.replace(/^([-*•–]|\d+[.)])\s+/, '');
  assert.ok((await page.locator('#reader').textContent()).includes(shown), 'and in the reader view');
});

test('several files make a list to step through and download together', async () => {
  const files = [SEEDS[2], SEEDS[3], SEEDS[4]].map((name) => ({ name: `${name}.txt`, type: 'text/plain', text: readFileSync(join(SHARED, 'seeds', `${name}.txt`), 'utf8') }));
  await drop(files);
  await page.waitForFunction(() => /Cleaned 3 files/.test(document.getElementById('status').textContent));
  assert.equal(await page.locator('#file-list li').count(), 3);
  const titles = SEEDS.slice(2).map((n) => JSON.parse(readFileSync(join(SHARED, 'seeds', 'expected', `${n}.json`), 'utf8')).title);
  assert.equal(await page.locator('#meta-title').textContent(), titles[0]);
  await page.locator('.top h1').click();
  await afterNewResult(() => page.keyboard.press('j'));
  assert.equal(await page.locator('#meta-title').textContent(), titles[1]);
  await afterNewResult(() => page.locator('#next-file').click());
  assert.equal(await page.locator('#meta-title').textContent(), titles[2]);
  await page.locator('#zip-format').selectOption('txt');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('#download-all').click()]);
  assert.equal(zip.suggestedFilename(), 'gleaner-articles.zip');
  const bytes = readFileSync(await zip.path());
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a zip file');
  for (const f of files) assert.ok(bytes.includes(Buffer.from(f.name)), `the zip holds ${f.name}`);
});

test('remembering boilerplate keeps a memory across reloads until Forget', async () => {
  await page.locator('#remember').check();
  await paste(readFileSync(join(SHARED, 'seeds', `${SEEDS[0]}.txt`), 'utf8'));
  await paste(readFileSync(join(SHARED, 'seeds', `${SEEDS[1]}.txt`), 'utf8'));
  await page.waitForFunction(() => /[1-9]\d* blocks? remembered/.test(document.getElementById('memory-size').textContent));
  await page.waitForFunction(() => (localStorage.getItem('gleaner.memory') ?? '').length > 20);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#remember').isChecked(), true);
  await page.waitForFunction(() => /[1-9]\d* blocks? remembered/.test(document.getElementById('memory-size').textContent));
  await page.locator('#forget-button').click();
  await page.waitForFunction(() => /^0 blocks remembered/.test(document.getElementById('memory-size').textContent));
  await page.locator('#remember').uncheck();
});

test('works offline after the first load', async () => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const expected = JSON.parse(readFileSync(join(SHARED, 'seeds', 'expected', `${SEEDS[3]}.json`), 'utf8'));
    await paste(readFileSync(join(SHARED, 'seeds', `${SEEDS[3]}.txt`), 'utf8'));
    assert.equal(await page.locator('#meta-title').textContent(), expected.title);
  } finally {
    await browser.context.setOffline(false);
  }
});

test('the result view at phone width and a screenshot for the README', async () => {
  await paste(readFileSync(join(SHARED, 'seeds', `${SEEDS[0]}.txt`), 'utf8'));
  mkdirSync(OUT, { recursive: true });
  await page.locator('.top h1').click();
  await page.screenshot({ path: join(OUT, 'result.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
  await page.screenshot({ path: join(OUT, 'result-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  if (process.env.GLEANER_UPDATE_SCREENSHOT) copyFileSync(join(OUT, 'result.png'), join(ROOT, 'docs', 'screenshot.png'));
});

test('the app sends the strict Content-Security-Policy', async () => {
  const res = await fetch(server.url);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const wasm = await fetch(new URL('pkg/gleaner_bg.wasm', server.url));
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const html = await (await fetch(server.url)).text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline styles');
});

test('no request went to another origin and nothing was logged as an error', () => {
  const origin = new URL(server.url).origin;
  const foreign = browser.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(browser.requests.length > 5);
  // The offline reload makes Chromium log the failed network fetch the
  // service worker answered; everything else must be clean.
  const errors = browser.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
  assert.deepEqual(errors, []);
});
