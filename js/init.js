// gleaner/init: the entry that does not initialise itself, for callers that
// bring their own bytes or URL (an extension's own file, a custom loader).
// Call `await init()` or `initSync(bytes)` once, then use the API. The
// default entry ("gleaner") is this plus a `ready` promise that has already
// started `init()`.
//
// Every call is guarded: if the WebAssembly module traps (a bug, or memory
// exhausted), the module is re-instantiated and a clear Error is thrown, so
// the next call works again.
import wasmInit, {
  initSync as wasmInitSync,
  __wbg_reset_state,
  clean as rawClean,
  isProbablyReadable as rawIsProbablyReadable,
  sniffEncoding as rawSniffEncoding,
  version as rawVersion,
  Cleaner as RawCleaner,
  __gleanerTrap,
} from './gleaner.js';

let ready = false;
let initPromise; // the load in progress
let loadError; // why the last load failed

/** The crate's version, e.g. "0.1.0" (a live binding, set by init). */
export let version;

function finish() {
  ready = true;
  version = rawVersion();
}

/**
 * Instantiates the module. Without an argument it fetches `gleaner_bg.wasm`
 * next to this file; it also takes a URL, a Response, bytes or a
 * WebAssembly.Module, or a promise of one of those. Safe to call more than
 * once.
 */
export function init(input) {
  if (ready) return Promise.resolve();
  if (!initPromise) {
    loadError = undefined;
    initPromise = wasmInit(input === undefined ? undefined : { module_or_path: input })
      .then(finish)
      .catch((e) => {
        initPromise = undefined;
        loadError = e;
        throw new Error(`gleaner could not load its WebAssembly module: ${e?.message ?? e}`, { cause: e });
      });
  }
  return initPromise;
}

/** Instantiates the module synchronously from bytes or a WebAssembly.Module. */
export function initSync(module) {
  if (ready) return;
  wasmInitSync({ module });
  finish();
}

/** Whether the module is instantiated. */
export function isInitialized() {
  return ready;
}

function needReady() {
  if (ready) return;
  if (initPromise) {
    throw new Error('gleaner is still loading its WebAssembly module: `await ready` (from "gleaner") or `await init()` before the first call');
  }
  if (loadError) {
    throw new Error(`gleaner could not load its WebAssembly module: ${loadError?.message ?? loadError}`, { cause: loadError });
  }
  throw new Error('gleaner is not initialised: call `await init()` or `initSync(bytes)` from "gleaner/init" first');
}

// Runs a call into the module; a trap re-instantiates it and becomes an Error.
function guard(what, f) {
  needReady();
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      __wbg_reset_state();
      generation++;
      throw new Error(`gleaner crashed in ${what} (${e.message}); the module was restarted, so the next call works again`, { cause: e });
    }
    if (e instanceof Error) throw e;
    throw new Error(String(e));
  }
}

let generation = 0;

// Adds Mozilla Readability's names for the article's fields. They are set
// here rather than sent from the module, so the text and the HTML cross
// from WebAssembly once each; `length` is Readability's
// `textContent.length` (UTF-16 code units, what a JavaScript string counts).
function withReadabilityNames(article) {
  article.publishedTime = article.published;
  article.content = article.html;
  article.textContent = article.text;
  article.length = article.text.length;
  return article;
}

/**
 * Cleans one page, HTML or copied text.
 * @param {string} input
 * @param {object} [options]
 */
export function clean(input, options) {
  if (typeof input !== 'string') throw new TypeError('gleaner.clean: input must be a string');
  return withReadabilityNames(guard('clean', () => rawClean(input, options)));
}

/**
 * The encoding of a page's bytes, as a WHATWG label: the byte-order mark,
 * else the page's `<meta charset>`, else "utf-8" when the bytes are valid
 * UTF-8, else "windows-1252".
 * @param {Uint8Array} bytes
 */
export function sniffEncoding(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('gleaner.sniffEncoding: bytes must be a Uint8Array');
  return guard('sniffEncoding', () => rawSniffEncoding(bytes));
}

/**
 * Decodes a page's bytes as a browser would (see `sniffEncoding`), with the
 * platform's TextDecoder; malformed sequences become U+FFFD.
 * @param {Uint8Array | ArrayBuffer} bytes
 */
export function decode(bytes) {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  const label = sniffEncoding(view);
  let decoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8'); // a label the platform does not know
  }
  return decoder.decode(view);
}

/**
 * Cleans a page given as bytes in any encoding (a file, a fetch body).
 * @param {Uint8Array | ArrayBuffer} bytes
 * @param {object} [options]
 */
export function cleanBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
    throw new TypeError('gleaner.cleanBytes: bytes must be a Uint8Array or an ArrayBuffer');
  }
  return clean(decode(bytes), options);
}

/** Whether the page holds an article at all (never throws for junk). */
export function isProbablyReadable(input) {
  if (typeof input !== 'string') throw new TypeError('gleaner.isProbablyReadable: input must be a string');
  return guard('isProbablyReadable', () => rawIsProbablyReadable(input));
}

/**
 * Cleans pages one after another and remembers their blocks, so a site's
 * template is recognised on later pages.
 */
export class Cleaner {
  #raw;
  #options;
  #generation;

  constructor(options) {
    needReady();
    this.#options = options;
    this.#raw = guard('Cleaner', () => new RawCleaner(options));
    this.#generation = generation;
  }

  /** Restores a memory written by `export()`. */
  static import(saved, options) {
    if (typeof saved !== 'string') throw new TypeError('Cleaner.import: expected the string from export()');
    const raw = guard('Cleaner.import', () => RawCleaner.import(saved, options));
    const c = new Cleaner(options);
    c.#raw.free();
    c.#raw = raw;
    return c;
  }

  // After a restart the old instance's objects are gone: start an empty memory.
  #live() {
    if (this.#generation !== generation) {
      this.#raw = guard('Cleaner', () => new RawCleaner(this.#options));
      this.#generation = generation;
    }
    return this.#raw;
  }

  clean(input) {
    if (typeof input !== 'string') throw new TypeError('Cleaner.clean: input must be a string');
    const raw = this.#live();
    return withReadabilityNames(guard('Cleaner.clean', () => raw.clean(input)));
  }

  export() {
    const raw = this.#live();
    return guard('Cleaner.export', () => raw.export());
  }

  forget() {
    const raw = this.#live();
    guard('Cleaner.forget', () => raw.forget());
  }

  setOptions(options) {
    const raw = this.#live();
    guard('Cleaner.setOptions', () => raw.setOptions(options));
    this.#options = options;
  }

  get size() {
    const raw = this.#live();
    return guard('Cleaner.size', () => raw.size);
  }

  /** Frees the memory now instead of at garbage collection. */
  free() {
    if (this.#generation === generation && this.#raw) this.#raw.free();
    this.#raw = undefined;
    this.#generation = -1;
  }
}

/** Makes the module trap, to test the recovery. Not part of the API. */
export function _trapForTesting() {
  return guard('_trapForTesting', () => __gleanerTrap());
}
