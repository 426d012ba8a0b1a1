// The page side of the browser benchmark: the pages are handed over once
// (not timed); then, page by page, each extractor runs in turn in this tab,
// timed with performance.now() around exactly one call:
//   readability  new DOMParser().parseFromString(html, 'text/html') + new Readability(doc).parse()
//   gleaner      clean(html) from the wasm package, on this (the main) thread
//   worker       the same clean(html) inside a Web Worker (timed there); its
//                `rt` is the round trip seen from here: posting the page to
//                the worker and getting the article's text back
import { clean } from '/pkg/index.js';

/* global Readability */

let pages = [];
const worker = new Worker('worker.js', { type: 'module' });
let pending = null;
worker.onmessage = (e) => {
  const p = pending;
  pending = null;
  p(e.data);
};
function ask(message) {
  return new Promise((resolve) => {
    pending = resolve;
    worker.postMessage(message);
  });
}

const RUN = {
  readability(html) {
    const t0 = performance.now();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const article = new Readability(doc).parse();
    const ms = performance.now() - t0;
    return { ms, chars: article && article.textContent ? article.textContent.length : 0 };
  },
  gleaner(html) {
    const t0 = performance.now();
    const article = clean(html);
    const ms = performance.now() - t0;
    return { ms, chars: article.text.length };
  },
  async worker(html) {
    const t0 = performance.now();
    const r = await ask({ html });
    const rt = performance.now() - t0;
    return { ms: r.ms, rt, chars: r.chars };
  },
};

window.bench = {
  ready: (async () => {
    await ask({ ping: true });
    return true;
  })(),
  add(some) {
    pages.push(...some);
    return pages.length;
  },
  // One pass over every page; `rotate` shifts which extractor goes first.
  async pass(rotate) {
    const names = ['readability', 'gleaner', 'worker'];
    const out = [];
    for (let i = 0; i < pages.length; i++) {
      const row = {};
      const k = (i + rotate) % names.length;
      for (const name of [...names.slice(k), ...names.slice(0, k)]) {
        try {
          row[name] = await RUN[name](pages[i]);
        } catch (e) {
          row[name] = { ms: NaN, error: String(e && e.message ? e.message : e) };
        }
      }
      out.push(row);
    }
    return out;
  },
};
