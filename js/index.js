// gleaner: the default entry for pages, Web Workers, service workers and
// bundlers. Importing it starts fetching gleaner_bg.wasm (next to this file);
// `ready` resolves once the module is instantiated, and the functions work
// from then on. There is no top-level await, so a worker that imports this
// sets its `onmessage` at once and loses no message, and bundlers may build
// it into any format (Vite's workers are IIFE by default).
import { init } from './init.js';

export * from './init.js';

/** Resolves once the WebAssembly module is instantiated; rejects if it cannot load. */
export const ready = init();
