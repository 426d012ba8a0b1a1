// The reader page: shows a result the service worker kept in
// chrome.storage.session (its id is the URL's hash). It runs no cleaning
// itself and loads nothing but the extension's own files: the article's
// remote images become links, so opening a result makes no request.

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @typedef {any} Article  the package's Article (see index.d.ts)
 * @typedef {{article?: Article, error?: string, url: string|null, selection?: boolean,
 *   ranIn: string, ms?: number, version?: string, at: number}} Result
 */

/** @type {Result|null} */
let result = null;

function setStatus(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('is-error', isError);
}

function fail(message) {
  document.title = 'gleaner: nothing to show';
  $('error').textContent = message;
  $('error').hidden = false;
  document.body.dataset.state = 'error';
}

/** A date as the reader's locale writes it; dates without a time stay dates. */
function formatDate(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return d.toLocaleString(undefined, dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' });
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  return a;
}

/**
 * The article's HTML is safe by construction (the library builds it from an
 * allowlist of tags and escapes every text). It is parsed in an inert
 * template; remote images become links so nothing is fetched.
 * @param {Article} a
 */
function renderArticle(a) {
  const t = document.createElement('template');
  t.innerHTML = a.html;
  const frag = t.content;
  for (const img of frag.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? img.dataset.src ?? '';
    const label = `Image${img.alt ? `: ${img.alt}` : ''}`;
    const replacement = /^https?:/i.test(src) ? link(src, label) : document.createElement('span');
    replacement.classList.add('image-link');
    if (!replacement.textContent) replacement.textContent = label;
    img.replaceWith(replacement);
  }
  for (const a of frag.querySelectorAll('a[href]')) {
    a.setAttribute('rel', 'noopener noreferrer');
    a.setAttribute('target', '_blank');
  }
  const reader = $('reader');
  if (a.title) {
    const h = document.createElement('h1');
    h.textContent = a.title;
    frag.prepend(h);
  }
  reader.replaceChildren(frag);
  if (a.lang) reader.lang = a.lang;
  if (a.dir) reader.dir = a.dir;
}

/** @param {Result} r */
function renderMeta(r) {
  const a = /** @type {Article} */ (r.article);
  const rows = [
    ['Title', a.title],
    ['Author', a.byline],
    ['Site', a.siteName],
    ['Published', formatDate(a.published)],
    ['Modified', formatDate(a.modified)],
    ['Language', a.lang],
    ['Dateline', a.dateline ? [a.dateline.places.join(' / '), a.dateline.agency && `(${a.dateline.agency})`].filter(Boolean).join(' ') : null],
    ['Words', String(a.wordCount)],
    ['Reading time', `${a.readingMinutes} min`],
    ['Tags', a.tags.length ? a.tags.join(', ') : null],
    ['Input', r.selection ? 'the selection' : a.inputKind === 'text' ? 'the page (text)' : 'the page (HTML)'],
  ];
  const items = [];
  for (const [label, value] of rows) {
    if (!value) continue;
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.field = label.toLowerCase().replace(/\s+/g, '-');
    items.push(dt, dd);
  }
  $('meta').replaceChildren(...items);
  const source = $('source');
  source.replaceChildren('Cleaned from ', r.url ? link(r.url, new URL(r.url).host || r.url) : 'the page',
    ` in ${r.ms ?? '?'} ms, in the extension's ${r.ranIn === 'service-worker' ? 'service worker' : r.ranIn} (gleaner ${r.version ?? ''}).`);
  source.dataset.ranIn = r.ranIn;
}

/** @param {Article} a */
function renderRemoved(a) {
  // Grouped by the reason's code, the largest group first, in page order inside each.
  const dropped = a.blocks.filter((b) => !b.kept);
  const sizes = new Map();
  for (const b of dropped) sizes.set(b.reasonCode, (sizes.get(b.reasonCode) ?? 0) + 1);
  const order = [...sizes.keys()].sort((x, y) => sizes.get(y) - sizes.get(x));
  dropped.sort((x, y) => order.indexOf(x.reasonCode) - order.indexOf(y.reasonCode));
  const items = [];
  for (const b of dropped) {
    const li = document.createElement('li');
    li.dataset.code = b.reasonCode ?? 'dropped';
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = b.reason ?? 'dropped';
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = b.text.length > 400 ? `${b.text.slice(0, 400)}…` : (b.text || `(${b.kind.replace('_', ' ')})`);
    li.append(reason, text);
    items.push(li);
  }
  $('removed-list').replaceChildren(...items);
  $('removed-count').textContent = `(${items.length})`;
}

/** What the copy buttons put on the clipboard: the title, then the body. */
function asMarkdown(a) {
  return a.title ? `# ${a.title}\n\n${a.markdown}` : a.markdown;
}
function asText(a) {
  return a.title ? `${a.title}\n\n${a.text}` : a.text;
}

async function copy(kind) {
  if (!result?.article) return;
  const text = kind === 'markdown' ? asMarkdown(result.article) : asText(result.article);
  try {
    await navigator.clipboard.writeText(text);
    setStatus(kind === 'markdown' ? 'Markdown copied.' : 'Text copied.');
  } catch (e) {
    setStatus(`Could not copy: ${e instanceof Error ? e.message : e}`, true);
  }
}

function toggleRemoved() {
  const d = /** @type {HTMLDetailsElement} */ ($('removed'));
  d.open = !d.open;
  if (d.open) d.scrollIntoView({ block: 'start' });
}

function toggleHelp() {
  const help = $('help');
  help.hidden = !help.hidden;
  $('toggle-help').setAttribute('aria-expanded', String(!help.hidden));
}

async function setupSettings() {
  const box = /** @type {HTMLInputElement} */ ($('remember'));
  const { remember = false } = await chrome.storage.local.get('remember');
  box.checked = remember;
  box.addEventListener('change', async () => {
    await chrome.storage.local.set({ remember: box.checked });
    setStatus(box.checked ? 'Later pages will be cleaned with the memory of earlier ones.' : 'Pages will be cleaned one by one.');
  });
  $('forget').addEventListener('click', async () => {
    await chrome.storage.local.remove('memory');
    setStatus('The memory of earlier pages is forgotten.');
  });
}

async function load() {
  const id = decodeURIComponent(location.hash.slice(1));
  const key = `result:${id}`;
  const stored = id ? await chrome.storage.session.get(key) : {};
  result = stored[key] ?? null;
  if (!result) {
    fail('This result is no longer kept (the browser was restarted or many pages were cleaned since). Clean the page again with the toolbar button.');
    return;
  }
  if (result.error || !result.article) {
    fail(result.error ?? 'The page could not be cleaned.');
    return;
  }
  const a = result.article;
  document.title = a.title ? `${a.title} (gleaner)` : 'gleaner reader';
  renderArticle(a);
  renderMeta(result);
  renderRemoved(a);
  for (const b of ['copy-markdown', 'copy-text', 'toggle-removed']) /** @type {HTMLButtonElement} */ ($(b)).disabled = false;
  $('result').hidden = false;
  document.body.dataset.state = 'ready';
  document.body.dataset.ranIn = result.ranIn;
}

$('copy-markdown').addEventListener('click', () => copy('markdown'));
$('copy-text').addEventListener('click', () => copy('text'));
$('toggle-removed').addEventListener('click', toggleRemoved);
$('toggle-help').addEventListener('click', toggleHelp);
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
  const actions = { m: () => copy('markdown'), t: () => copy('text'), r: toggleRemoved, '?': toggleHelp };
  const action = actions[/** @type {keyof typeof actions} */ (e.key)];
  if (action) {
    e.preventDefault();
    action();
  }
});
window.addEventListener('hashchange', load);

setupSettings();
load().catch((e) => fail(`The reader could not open the result: ${e instanceof Error ? e.message : e}`));
