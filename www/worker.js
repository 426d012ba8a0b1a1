// Cleans pages off the main thread, so the page never freezes.
// Messages in:  {type:'init', remember, memory} | {type:'clean', id, input, fallback, options, restore}
//               {type:'decode', id, bytes}
//               {type:'remember', on} | {type:'forget'} | {type:'save'}
// Messages out: {type:'ready', version, size} | {type:'result', id, article, ms, size}
//               {type:'decoded', id, text}
//               {type:'error', id, message} | {type:'memory', size, saved}
import { init, clean, decode, Cleaner, version } from './pkg/init.js';

let cleaner = null; // the cross-page memory, when "remember" is on

const ready = init().catch((e) => {
  postMessage({ type: 'fatal', message: `The cleaner could not start: ${e.message}` });
  throw e;
});

function memorySize() {
  return cleaner ? cleaner.size : 0;
}

function cleanOne(input, options) {
  if (!cleaner) return clean(input, options);
  // The memory recognises the same page again, so cleaning it twice (to
  // restore blocks) gives the same result plus the restored blocks.
  cleaner.setOptions(options);
  try {
    return cleaner.clean(input);
  } finally {
    cleaner.setOptions({ ...options, restore: [] });
  }
}

function run(msg) {
  switch (msg.type) {
    case 'init': {
      if (msg.remember) {
        try {
          cleaner = msg.memory ? Cleaner.import(msg.memory) : new Cleaner();
        } catch {
          cleaner = new Cleaner(); // a stale or damaged memory: start afresh
        }
      }
      postMessage({ type: 'ready', version, size: memorySize() });
      break;
    }
    case 'remember': {
      if (msg.on && !cleaner) cleaner = new Cleaner();
      if (!msg.on && cleaner) { cleaner.free(); cleaner = null; }
      postMessage({ type: 'memory', size: memorySize(), saved: cleaner ? cleaner.export() : null });
      break;
    }
    case 'forget': {
      if (cleaner) cleaner.forget();
      postMessage({ type: 'memory', size: memorySize(), saved: cleaner ? cleaner.export() : null });
      break;
    }
    case 'save': {
      postMessage({ type: 'memory', size: memorySize(), saved: cleaner ? cleaner.export() : null });
      break;
    }
    case 'decode': {
      // A file's bytes, decoded as a browser would (BOM, <meta charset>).
      try {
        postMessage({ type: 'decoded', id: msg.id, text: decode(msg.bytes) });
      } catch (e) {
        postMessage({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
      }
      break;
    }
    case 'clean': {
      const options = { ...msg.options, restore: msg.restore ?? [] };
      const t0 = performance.now();
      try {
        let article;
        try {
          article = cleanOne(msg.input, options);
          if (msg.fallback && !article.text.trim()) throw new Error('no article in the HTML');
        } catch (e) {
          // Pasted HTML that does not clean: try the clipboard's plain text.
          if (!msg.fallback) throw e;
          article = cleanOne(msg.fallback, options);
        }
        postMessage({ type: 'result', id: msg.id, article, ms: performance.now() - t0, size: memorySize() });
      } catch (e) {
        postMessage({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
      }
      break;
    }
  }
}

// Messages that arrive before the module is ready wait for it, in order.
let queue = ready;
self.onmessage = (event) => {
  queue = queue.then(() => run(event.data), () => {
    if (event.data.id !== undefined) postMessage({ type: 'error', id: event.data.id, message: 'The cleaner could not start.' });
  });
};
