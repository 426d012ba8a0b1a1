// The paste-a-page web app: input, files, the worker, and the result view.
import { zip } from './zip.js';

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'), cleanButton: $('clean-button'), openButton: $('open-button'), fileInput: $('file-input'),
  inputKind: $('input-kind'), remember: $('remember'), memorySize: $('memory-size'), forget: $('forget-button'),
  status: $('status'), progress: $('progress'), files: $('files'), fileList: $('file-list'),
  prev: $('prev-file'), next: $('next-file'), zipFormat: $('zip-format'), downloadAll: $('download-all'),
  result: $('result'), metaTitle: $('meta-title'), metaList: $('meta-list'), reader: $('reader'),
  outText: $('out-text'), outMarkdown: $('out-markdown'), outJson: $('out-json'),
  copy: $('copy-button'), copyWhat: $('copy-what'), download: $('download-button'), downloadWhat: $('download-what'),
  imagesBar: $('images-bar'), imagesNote: $('images-note'), imagesButton: $('images-button'),
  removedList: $('removed-list'), removedGroups: $('removed-groups'), removedCount: $('removed-count'), help: $('help'), helpButton: $('help-button'),
  dropOverlay: $('drop-overlay'), version: $('version'), example: $('example'), exampleButton: $('example-button'),
};

const FORMATS = {
  reader: { label: 'HTML', ext: 'html', mime: 'text/html' },
  text: { label: 'text', ext: 'txt', mime: 'text/plain' },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown' },
  json: { label: 'JSON', ext: 'json', mime: 'application/json' },
};
const STORE_REMEMBER = 'gleaner.remember';
const STORE_MEMORY = 'gleaner.memory';

/** @type {{id:number, name:string, input:string, fallback?:string, article?:object, error?:string, restore:number[], ms?:number}[]} */
let docs = [];
let current = -1;
let format = 'reader';
let imagesAllowed = false;
let nextId = 1;
let shownCount = 0; // how many results were shown (tests wait on it)
const pending = new Map(); // message id -> {resolve, reject}

// ---------------------------------------------------------------- worker
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  switch (data.type) {
    case 'ready':
      els.version.textContent = data.version;
      showMemory(data.size);
      document.body.dataset.ready = 'true';
      break;
    case 'memory':
      showMemory(data.size);
      saveMemory(data.saved);
      break;
    case 'result':
    case 'decoded':
    case 'error': {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (data.size !== undefined) showMemory(data.size);
      if (p) data.type === 'error' ? p.reject(new Error(data.message)) : p.resolve(data);
      break;
    }
    case 'fatal':
      setStatus(data.message, true);
      break;
  }
};
worker.onerror = (e) => setStatus(`The cleaner stopped: ${e.message ?? 'unknown error'}`, true);

function storage() {
  try { return window.localStorage; } catch { return null; }
}
function saveMemory(saved) {
  const s = storage();
  if (!s) return;
  try {
    if (saved && els.remember.checked) s.setItem(STORE_MEMORY, saved);
    else s.removeItem(STORE_MEMORY);
  } catch {
    setStatus('The boilerplate memory is too large for this browser’s storage; it works for this visit only.', true);
  }
}
function showMemory(size) {
  els.memorySize.textContent = els.remember.checked ? `${size} block${size === 1 ? '' : 's'} remembered` : '';
  els.forget.hidden = !els.remember.checked;
}

els.remember.checked = storage()?.getItem(STORE_REMEMBER) === '1';
worker.postMessage({ type: 'init', remember: els.remember.checked, memory: els.remember.checked ? storage()?.getItem(STORE_MEMORY) : null });
showMemory(0);

function cleanInWorker(doc) {
  const id = nextId++;
  const options = { input: els.inputKind.value };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: 'clean', id, input: doc.input, fallback: doc.fallback, options, restore: doc.restore });
  });
}

// ---------------------------------------------------------------- cleaning
function setStatus(text, error = false) {
  els.status.textContent = text;
  els.status.classList.toggle('error', error);
}

async function cleanDocs(newDocs) {
  if (!newDocs.length) return;
  docs = newDocs;
  current = 0;
  renderFileList();
  const many = docs.length > 1;
  els.progress.hidden = !many;
  els.progress.max = docs.length;
  els.progress.value = 0;
  let done = 0;
  setStatus(many ? `Cleaning ${docs.length} files…` : 'Cleaning…');
  let shown = false;
  for (const doc of docs) {
    await runDoc(doc);
    done++;
    els.progress.value = done;
    if (many) setStatus(`Cleaned ${done} of ${docs.length} files…`);
    renderFileList();
    if (!shown) { shown = true; show(0); }
  }
  els.progress.hidden = true;
  if (many) {
    const failed = docs.filter((d) => d.error).length;
    setStatus(`Cleaned ${docs.length} files${failed ? `, ${failed} failed` : ''}. Step through them with j and k.`, failed > 0);
  }
  if (els.remember.checked) worker.postMessage({ type: 'save' });
}

async function runDoc(doc) {
  try {
    const r = await cleanInWorker(doc);
    doc.article = r.article;
    doc.ms = r.ms;
    doc.error = undefined;
  } catch (e) {
    doc.article = undefined;
    doc.error = e.message;
  }
}

function cleanSource() {
  const input = els.source.value;
  if (!input.trim()) { setStatus('Paste or type a page first.', true); els.source.focus(); return; }
  cleanDocs([{ id: nextId++, name: 'pasted page', input, restore: [] }]);
}

/** The empty state's example: a page written for gleaner (www/example.html). */
async function cleanExample() {
  setStatus('Loading the example page…');
  let html;
  try {
    const r = await fetch('example.html');
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    html = await r.text();
  } catch (e) {
    setStatus(`Could not load the example page: ${e.message}`, true);
    return;
  }
  els.source.value = html;
  els.inputKind.value = 'auto';
  await cleanDocs([{ id: nextId++, name: 'example.html', input: html, restore: [] }]);
}

// ---------------------------------------------------------------- view
function show(i) {
  if (i < 0 || i >= docs.length) return;
  current = i;
  const doc = docs[i];
  renderFileList();
  if (doc.error) {
    setStatus(`${docs.length > 1 ? doc.name + ': ' : ''}${doc.error}`, true);
    els.result.hidden = true;
    return;
  }
  if (!doc.article) return;
  const a = doc.article;
  els.result.hidden = false;
  els.example.hidden = true; // the empty state is over
  if (docs.length === 1) {
    setStatus(`Cleaned in ${Math.max(1, Math.round(doc.ms ?? 0))} ms: ${a.wordCount} words kept, ${a.blocks.filter((b) => !b.kept).length} blocks removed.`);
  }
  renderMeta(a);
  renderReader(a);
  els.outText.textContent = a.text;
  els.outMarkdown.textContent = a.markdown;
  els.outJson.textContent = articleJson(a);
  renderRemoved(doc);
  els.result.dataset.generation = String(++shownCount);
}

function articleJson(a) {
  // The Readability aliases repeat other fields; the JSON keeps one copy.
  const { publishedTime, content, textContent, length, ...rest } = a;
  return JSON.stringify(rest, null, 2);
}

function renderMeta(a) {
  els.metaTitle.textContent = a.title ?? '(no title found)';
  const rows = [
    ['Author', a.byline],
    ['Published', formatDate(a.published)],
    ['Modified', formatDate(a.modified)],
    ['Site', a.siteName],
    ['Language', a.lang ? `${a.lang}${a.dir === 'rtl' ? ' (right to left)' : ''}` : null],
    ['Dateline', a.dateline ? [a.dateline.places.join(' / '), a.dateline.agency && `(${a.dateline.agency})`].filter(Boolean).join(' ') : null],
    ['Page type', a.pageType],
    ['Words', String(a.wordCount)],
    ['Reading time', a.readingMinutes ? `${a.readingMinutes} min` : null],
    ['Input', a.inputKind === 'html' ? 'HTML' : 'copied text'],
    ['Tags', a.tags.length ? a.tags.join(', ') : null],
    ['URL', a.canonicalUrl],
  ];
  els.metaList.replaceChildren();
  for (const [k, v] of rows) {
    if (v == null || v === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    if (k === 'URL' && /^https?:\/\//.test(v)) {
      const link = document.createElement('a');
      link.href = v;
      link.textContent = v;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      dd.append(link);
    } else {
      dd.textContent = v;
    }
    els.metaList.append(dt, dd);
  }
}

function formatDate(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return d.toLocaleString(undefined, dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' });
}

// The article's HTML is already safe (allowlisted by the library); here its
// images wait in data-src until the user allows remote images, and links
// open in a new tab without a referrer.
function renderReader(a) {
  const t = document.createElement('template');
  t.innerHTML = a.html;
  const frag = t.content;
  let remote = 0;
  for (const img of frag.querySelectorAll('img')) {
    // Remote images come as data-src (the library's default); any other
    // image waits too until the user allows images.
    const src = img.getAttribute('src');
    img.removeAttribute('srcset');
    if (src && !src.startsWith('data:')) {
      img.dataset.src = src;
      img.removeAttribute('src');
    }
    if (img.dataset.src) remote++;
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
  }
  for (const link of frag.querySelectorAll('a[href]')) {
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
  }
  for (const el of frag.querySelectorAll('[style]')) el.removeAttribute('style');
  if (a.title) {
    const h = document.createElement('h1');
    h.textContent = a.title;
    frag.prepend(h);
  }
  els.reader.replaceChildren(frag);
  if (a.lang) els.reader.lang = a.lang; else els.reader.removeAttribute('lang');
  if (a.dir) els.reader.dir = a.dir; else els.reader.removeAttribute('dir');
  els.imagesBar.hidden = remote === 0;
  els.imagesNote.textContent = `${remote} remote image${remote === 1 ? '' : 's'} not loaded.`;
  if (imagesAllowed) loadImages();
}

function loadImages() {
  for (const img of els.reader.querySelectorAll('img[data-src]')) {
    img.src = img.dataset.src;
    delete img.dataset.src;
  }
  els.imagesBar.hidden = true;
}

function renderRemoved(doc) {
  const a = doc.article;
  const items = [];
  let removed = 0;
  a.blocks.forEach((b, i) => {
    const restored = doc.restore.includes(i);
    if (b.kept && !restored) return;
    if (!restored) removed++;
    const li = document.createElement('li');
    li.dataset.index = String(i);
    li.dataset.code = restored ? 'restored' : (b.reasonCode ?? 'dropped');
    li.classList.toggle('is-restored', restored);
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = restored ? 'restored' : (b.reason ?? 'dropped');
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = b.text.length > 400 ? `${b.text.slice(0, 400)}…` : b.text;
    text.title = b.kind.replace('_', ' ');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = restored ? 'Undo' : 'Restore';
    button.setAttribute('aria-label', `${restored ? 'Remove again' : 'Restore'} block ${i + 1}: ${b.text.slice(0, 60)}`);
    button.addEventListener('click', () => toggleRestore(doc, i));
    li.append(reason, text, button);
    items.push(li);
  });
  els.removedList.replaceChildren(...items);
  els.removedCount.textContent = `(${removed})`;
  renderGroups(items);
}

/** The reason shown alone in the removed blocks, by its code (null: all). */
let shownCode = null;

/** One toggle per reason code, with its count: shows that group alone. */
function renderGroups(items) {
  const counts = new Map();
  for (const li of items) counts.set(li.dataset.code, (counts.get(li.dataset.code) ?? 0) + 1);
  if (!counts.has(shownCode)) shownCode = null;
  const buttons = [...counts].sort((x, y) => y[1] - x[1]).map(([code, n]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.dataset.code = code;
    button.textContent = `${code} ${n}`;
    button.setAttribute('aria-pressed', String(code === shownCode));
    button.addEventListener('click', () => {
      shownCode = shownCode === code ? null : code;
      renderGroups(items);
    });
    return button;
  });
  els.removedGroups.replaceChildren(...buttons);
  for (const li of items) li.hidden = shownCode !== null && li.dataset.code !== shownCode;
}

async function toggleRestore(doc, i) {
  doc.restore = doc.restore.includes(i) ? doc.restore.filter((x) => x !== i) : [...doc.restore, i].sort((x, y) => x - y);
  setStatus('Cleaning again…');
  await runDoc(doc);
  if (docs[current] === doc) {
    show(current);
    const li = els.removedList.querySelector(`li[data-index="${i}"] button`);
    li?.focus();
    setStatus(doc.restore.includes(i) ? `Block ${i + 1} restored.` : `Block ${i + 1} removed again.`);
  }
}

function renderFileList() {
  els.files.hidden = docs.length < 2;
  if (docs.length < 2) return;
  const items = docs.map((d, i) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = d.name;
    b.setAttribute('aria-current', String(i === current));
    b.addEventListener('click', () => show(i));
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = d.error ? 'failed' : d.article ? `${d.article.wordCount} words` : 'waiting';
    li.append(b, state);
    return li;
  });
  els.fileList.replaceChildren(...items);
}

// ---------------------------------------------------------------- formats
function setFormat(f, focus = false) {
  format = f;
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.format === f;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
  els.copyWhat.textContent = FORMATS[f].label;
  els.downloadWhat.textContent = `.${FORMATS[f].ext}`;
}

function contentOf(a, f) {
  if (f === 'reader') return standaloneHtml(a);
  if (f === 'text') return a.text;
  if (f === 'markdown') return a.markdown;
  return articleJson(a);
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function standaloneHtml(a) {
  const lang = a.lang ? ` lang="${escapeHtml(a.lang)}"` : '';
  const title = escapeHtml(a.title ?? 'Article');
  return `<!doctype html>\n<html${lang}>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<article>\n<h1>${title}</h1>\n${a.html}\n</article>\n</body>\n</html>\n`;
}

function baseName(doc) {
  const fromTitle = (doc.article?.title ?? '').normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60).toLowerCase();
  const fromFile = doc.name.replace(/\.[^.]+$/, '');
  return (doc.name === 'pasted page' ? fromTitle : fromFile) || 'article';
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyCurrent() {
  const doc = docs[current];
  if (!doc?.article) return;
  const a = doc.article;
  try {
    if (format === 'reader' && typeof ClipboardItem === 'function') {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([a.html], { type: 'text/html' }),
        'text/plain': new Blob([a.text], { type: 'text/plain' }),
      })]);
    } else {
      await navigator.clipboard.writeText(contentOf(a, format));
    }
    setStatus(`Copied the ${FORMATS[format].label}.`);
  } catch (e) {
    setStatus(`Could not copy: ${e.message}`, true);
  }
}

function downloadCurrent() {
  const doc = docs[current];
  if (!doc?.article) return;
  const f = FORMATS[format];
  saveBlob(new Blob([contentOf(doc.article, format)], { type: `${f.mime};charset=utf-8` }), `${baseName(doc)}.${f.ext}`);
}

function downloadAll() {
  const ext = els.zipFormat.value;
  const f = Object.keys(FORMATS).find((k) => FORMATS[k].ext === ext);
  const used = new Set();
  const files = [];
  for (const doc of docs) {
    if (!doc.article) continue;
    let name = `${baseName(doc)}.${ext}`;
    for (let n = 2; used.has(name); n++) name = `${baseName(doc)}-${n}.${ext}`;
    used.add(name);
    files.push({ name, text: contentOf(doc.article, f) });
  }
  saveBlob(zip(files), 'gleaner-articles.zip');
}

// ---------------------------------------------------------------- input
async function readFile(file) {
  // The worker decodes the bytes as a browser would: BOM, <meta charset>,
  // UTF-8, else windows-1252 (HTML pages are often not UTF-8).
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = nextId++;
  const { text } = await new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: 'decode', id, bytes }, [bytes.buffer]);
  });
  return text;
}

async function openFiles(fileList) {
  const files = [...fileList].filter((f) => /\.(x?html?|txt)$/i.test(f.name) || /^text\/(html|plain)/.test(f.type));
  if (!files.length) { setStatus('Drop or open .html, .htm or .txt files.', true); return; }
  const newDocs = [];
  for (const f of files) {
    try {
      newDocs.push({ id: nextId++, name: f.name, input: await readFile(f), restore: [] });
    } catch (e) {
      setStatus(`Could not read ${f.name}: ${e.message}`, true);
      return;
    }
  }
  if (newDocs.length === 1) els.source.value = newDocs[0].input;
  await cleanDocs(newDocs);
}

document.addEventListener('paste', (e) => {
  const dt = e.clipboardData;
  if (!dt) return;
  const target = e.target;
  // Editing inside a non-empty text box: an ordinary paste.
  if (target === els.source && els.source.value && !(els.source.selectionStart === 0 && els.source.selectionEnd === els.source.value.length)) return;
  if (target instanceof HTMLInputElement) return;
  if (dt.files?.length) { e.preventDefault(); openFiles(dt.files); return; }
  const html = dt.getData('text/html');
  const text = dt.getData('text/plain');
  if (!html.trim() && !text.trim()) return;
  e.preventDefault();
  els.source.value = text || html;
  const doc = html.trim()
    ? { id: nextId++, name: 'pasted page', input: html, fallback: text || undefined, restore: [] }
    : { id: nextId++, name: 'pasted page', input: text, restore: [] };
  cleanDocs([doc]);
});

let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
  dragDepth++;
  els.dropOverlay.hidden = false;
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) els.dropOverlay.hidden = true;
});
document.addEventListener('dragover', (e) => { e.preventDefault(); });
document.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  els.dropOverlay.hidden = true;
  if (e.dataTransfer?.files?.length) openFiles(e.dataTransfer.files);
  else {
    const text = e.dataTransfer?.getData('text/plain');
    if (text) { els.source.value = text; cleanSource(); }
  }
});

els.cleanButton.addEventListener('click', cleanSource);
els.exampleButton.addEventListener('click', cleanExample);
els.openButton.addEventListener('click', () => els.fileInput.click());
els.fileInput.addEventListener('change', () => { openFiles(els.fileInput.files); els.fileInput.value = ''; });
els.prev.addEventListener('click', () => show(current - 1));
els.next.addEventListener('click', () => show(current + 1));
els.downloadAll.addEventListener('click', downloadAll);
els.copy.addEventListener('click', copyCurrent);
els.download.addEventListener('click', downloadCurrent);
els.imagesButton.addEventListener('click', () => { imagesAllowed = true; loadImages(); });
els.inputKind.addEventListener('change', () => { if (docs.length) cleanDocs(docs.map((d) => ({ ...d, article: undefined, error: undefined }))); });
els.remember.addEventListener('change', () => {
  storage()?.setItem(STORE_REMEMBER, els.remember.checked ? '1' : '0');
  worker.postMessage({ type: 'remember', on: els.remember.checked });
});
els.forget.addEventListener('click', () => {
  worker.postMessage({ type: 'forget' });
  setStatus('Forgot every remembered page.');
});
els.helpButton.addEventListener('click', () => toggleHelp());

function toggleHelp(force) {
  const open = force ?? els.help.hidden;
  els.help.hidden = !open;
  els.helpButton.setAttribute('aria-expanded', String(open));
}

const tabs = [...document.querySelectorAll('[role="tab"]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => setFormat(tab.dataset.format));
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    let j = null;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j !== null) { e.preventDefault(); setFormat(tabs[j].dataset.format, true); }
  });
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); cleanSource(); return; }
  if (e.key === 'Escape') { toggleHelp(false); return; }
  const t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey || t instanceof HTMLTextAreaElement || t instanceof HTMLInputElement || t instanceof HTMLSelectElement) return;
  const hasResult = !els.result.hidden;
  switch (e.key) {
    case '?': toggleHelp(); break;
    case '/': els.source.focus(); break;
    case 'o': els.fileInput.click(); break;
    case 'j': show(current + 1); break;
    case 'k': show(current - 1); break;
    case '1': case '2': case '3': case '4':
      if (hasResult) setFormat(tabs[Number(e.key) - 1].dataset.format, true);
      break;
    case 'c': if (hasResult) copyCurrent(); break;
    case 'd': if (hasResult) downloadCurrent(); break;
    default: return;
  }
  e.preventDefault();
});

setFormat('reader');

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => { /* offline use is a bonus */ });
}
