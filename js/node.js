// gleaner for Node >= 18: reads gleaner_bg.wasm from disk (Node's fetch does
// not read file: URLs) and instantiates it synchronously, so the functions
// work as soon as the import resolves. No DOM needed.
import { readFileSync } from 'node:fs';
import { initSync } from './init.js';

initSync(readFileSync(new URL('./gleaner_bg.wasm', import.meta.url)));

export * from './init-node.js';

/** Already resolved: in Node the module is instantiated on import. */
export const ready = Promise.resolve();
