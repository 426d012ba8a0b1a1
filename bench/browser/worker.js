// The Web Worker side: cleans each page it is sent and reports the time of
// clean() alone, as a page's app would run it off the main thread. The
// package is imported dynamically so that this handler is in place before
// the first message (the package's entry awaits the wasm at the top level).
const gleaner = import('/pkg/index.js');

self.onmessage = async (e) => {
  const { clean } = await gleaner;
  const m = e.data;
  if (m.ping) return self.postMessage({ ok: true });
  const t0 = performance.now();
  const article = clean(m.html);
  const ms = performance.now() - t0;
  self.postMessage({ ms, chars: article.text.length });
};
