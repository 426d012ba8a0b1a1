// gleaner/init for Node: `init()` reads gleaner_bg.wasm from disk, since
// Node's fetch does not read file: URLs. It also takes a file: URL, bytes or
// a WebAssembly.Module; everything else is the same as in init.js.
import { readFile } from 'node:fs/promises';
import { init as initFrom, isInitialized } from './init.js';

export * from './init.js';

/**
 * Instantiates the module. Without an argument it reads `gleaner_bg.wasm`
 * next to this file; a file: URL (a URL object or a string) is read from
 * disk too. Safe to call more than once.
 */
export function init(input) {
  if (isInitialized()) return Promise.resolve();
  const file = input === undefined ? new URL('./gleaner_bg.wasm', import.meta.url) : fileUrl(input);
  // init.js takes a promise of the bytes, so a call made while the file is
  // read already says "still loading", and a read error is reported as a
  // load error.
  return initFrom(file ? readFile(file) : input);
}

function fileUrl(input) {
  if (input instanceof URL) return input.protocol === 'file:' ? input : null;
  if (typeof input === 'string' && /^file:/i.test(input)) return new URL(input);
  return null;
}
