// The extension's module service worker: the toolbar action (or its keyboard
// shortcut) reads the current tab's HTML, or the selection, cleans it here
// with gleaner, keeps the result in chrome.storage.session and opens the
// reader page on it. The page itself runs nothing but a small function that
// returns its HTML.
import { init, clean, Cleaner, version } from './gleaner/init.js';

// Module service workers cannot use top-level await: the module is
// instantiated on the first clean after the worker starts, from the
// extension's own wasm file. init() does it once and is safe to call again.
const ready = () => init(chrome.runtime.getURL('gleaner/gleaner_bg.wasm'));

/** How many results the session keeps for reader tabs that are reloaded. */
const KEEP = 8;

/**
 * @typedef {object} PageInput
 * @property {string} input      the page's HTML, or its text for text/plain documents
 * @property {'html'|'text'} kind
 * @property {string} url
 * @property {boolean} selection whether only the user's selection was taken
 */

/**
 * Injected into the tab (an isolated world; it must be self-contained):
 * returns the page's HTML, or, when something is selected, the selection
 * with the page's metadata elements, so the title and byline still come
 * from the page.
 * @returns {PageInput}
 */
function readPage() {
  const url = location.href;
  if (document.contentType === 'text/plain' && document.body) {
    return { input: document.body.innerText, kind: 'text', url, selection: false };
  }
  const sel = getSelection();
  if (sel && !sel.isCollapsed && sel.toString().trim()) {
    const article = document.createElement('article');
    for (let i = 0; i < sel.rangeCount; i++) article.append(sel.getRangeAt(i).cloneContents());
    // The page's metadata, wherever the parser put it (a stray element in
    // the head moves the rest of it into the body).
    const head = document.createElement('head');
    const metadata = 'title, meta, link[rel], script[type="application/ld+json"]';
    for (const el of document.querySelectorAll(metadata)) head.append(el.cloneNode(true));
    const root = document.documentElement.cloneNode(false);
    root.append(head);
    const body = document.createElement('body');
    body.append(article);
    root.append(body);
    return { input: root.outerHTML, kind: 'html', url, selection: true };
  }
  return { input: document.documentElement.outerHTML, kind: 'html', url, selection: false };
}

/** Where this code runs: the test asserts the clean happened in the service worker. */
function where() {
  return typeof ServiceWorkerGlobalScope !== 'undefined'
    && self instanceof ServiceWorkerGlobalScope
    && typeof document === 'undefined' ? 'service-worker' : 'elsewhere';
}

/** A message a person can act on, for the errors scripting gives. */
function explain(error, url) {
  const message = error instanceof Error ? error.message : String(error);
  if (/chrome:\/\/|chrome-extension:|edge:\/\/|about:|extensions gallery|cannot be scripted|error page/i.test(message)) {
    return `The browser does not let extensions read this page${url ? ` (${url})` : ''}: `
      + 'its own pages (chrome://, about:, the extension store), error pages and some viewers are off limits. '
      + `Open an ordinary web page and try again. (${message})`;
  }
  if (/cannot access contents|must request permission/i.test(message)) {
    return 'gleaner may read a page only after you click its toolbar button (or press its shortcut) '
      + `on that page, and only until the page changes. Click it again on the page. (${message})`;
  }
  return `The page could not be cleaned: ${message}`;
}

/** Cleans with the cross-page memory when the reader's setting turns it on. */
async function cleanInput(page) {
  const options = { input: page.kind, baseUrl: page.kind === 'html' ? page.url : null };
  const { remember = false, memory = null } = await chrome.storage.local.get(['remember', 'memory']);
  if (!remember) return clean(page.input, options);
  let cleaner;
  try {
    cleaner = memory ? Cleaner.import(memory, options) : new Cleaner(options);
  } catch {
    cleaner = new Cleaner(options); // a memory from another version: start again
  }
  try {
    const article = cleaner.clean(page.input);
    await chrome.storage.local.set({ memory: cleaner.export() });
    return article;
  } finally {
    cleaner.free();
  }
}

/**
 * Keeps a result for the reader page, dropping the oldest ones; when the
 * session's storage is full, the others go, and a result too large to keep
 * becomes an error the reader shows.
 */
async function store(id, result) {
  const { ids = [] } = await chrome.storage.session.get('ids');
  const next = [...ids, id];
  const old = next.splice(0, Math.max(0, next.length - KEEP));
  await chrome.storage.session.remove(old.map((x) => `result:${x}`));
  try {
    await chrome.storage.session.set({ ids: next, [`result:${id}`]: result });
  } catch (e) {
    await chrome.storage.session.remove(next.filter((x) => x !== id).map((x) => `result:${x}`));
    const error = `The result is too large to keep for the reader (${e instanceof Error ? e.message : e}).`;
    await chrome.storage.session.set({ ids: [id], [`result:${id}`]: { error, url: result.url, ranIn: result.ranIn, at: result.at } });
  }
}

/**
 * Cleans a tab and opens the reader on the result (or on the error). The
 * toolbar action and its shortcut call it; so does the browser test.
 * @param {number} tabId
 * @returns {Promise<{id: string, readerTabId: number|undefined, ranIn: string, title: string|null, error: string|null}>}
 */
async function cleanTab(tabId) {
  const id = crypto.randomUUID();
  const tab = await chrome.tabs.get(tabId);
  /** @type {Record<string, unknown>} */
  let result;
  try {
    const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: readPage });
    /** @type {PageInput} */
    const page = injection?.result;
    if (!page || typeof page.input !== 'string') throw new Error('The page returned nothing to clean.');
    await ready();
    const started = performance.now();
    const article = await cleanInput(page);
    result = {
      article,
      url: page.url,
      selection: page.selection,
      ranIn: where(),
      ms: Math.round(performance.now() - started),
      version,
      at: Date.now(),
    };
  } catch (e) {
    result = { error: explain(e, tab.url), url: tab.url ?? null, ranIn: where(), at: Date.now() };
  }
  await store(id, result);
  const reader = await chrome.tabs.create({
    url: chrome.runtime.getURL(`reader.html#${id}`),
    index: tab.index + 1,
    openerTabId: tabId,
  });
  return {
    id,
    readerTabId: reader.id,
    ranIn: /** @type {string} */ (result.ranIn),
    title: /** @type {any} */ (result.article)?.title ?? null,
    error: /** @type {string|null} */ (result.error ?? null),
  };
}

// The toolbar action and the `_execute_action` command (Alt+Shift+R) both
// arrive here, and both grant activeTab for the tab.
chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) cleanTab(tab.id).catch((e) => console.error('gleaner:', e));
});

// Exposed so that a test (or the worker's DevTools console) can clean a tab
// the way the toolbar action does: `await cleanTab(tabId)`.
/** @type {any} */ (self).cleanTab = cleanTab;
