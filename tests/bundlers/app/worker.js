// A module worker: the handler is set at once, so no message is lost, and
// each call waits for the module.
import { ready, clean } from 'gleaner';

self.onmessage = async ({ data }) => {
  try {
    await ready;
    postMessage({ title: clean(data).title });
  } catch (e) {
    postMessage({ error: e.message });
  }
};
