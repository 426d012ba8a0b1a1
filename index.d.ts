// Types of the `gleaner` npm package's default entry ("gleaner"): the API of
// "gleaner/init" (init.d.ts), plus `ready`.
export * from './init.js';

/**
 * Resolves once the WebAssembly module is instantiated (importing "gleaner"
 * starts loading it); rejects with an Error if it cannot be loaded. Until
 * then the functions throw. In Node it is already resolved.
 *
 * ```js
 * import { ready, clean } from 'gleaner';
 * self.onmessage = async (e) => { await ready; postMessage(clean(e.data)); };
 * ```
 */
export const ready: Promise<void>;
