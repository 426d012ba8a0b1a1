// gleaner: the default entry for pages, Web Workers and bundlers. It fetches
// and instantiates gleaner_bg.wasm (next to this file) before it resolves.
// Module service workers cannot use top-level await: import "gleaner/init".
import { init } from './init.js';

await init();

export * from './init.js';
