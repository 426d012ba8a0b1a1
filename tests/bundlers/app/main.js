// The page: cleans the sample itself and asks a module worker to clean it
// too, posting the message right after the worker is created.
import { ready, clean } from 'gleaner';
import { PAGE } from './sample.js';

const show = (id, text) => { document.getElementById(id).textContent = text; };

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => show('worker', data.title ?? `error: ${data.error}`);
worker.onerror = (e) => show('worker', `error: ${e.message}`);
worker.postMessage(PAGE);

ready
  .then(() => show('page', clean(PAGE).title))
  .catch((e) => show('page', `error: ${e.message}`));
