// A usage example checked by `tsc -p tests/types` against index.d.ts and init.d.ts, through
// the package's own exports map (a self-reference to "gleaner").
import { ready, clean, isProbablyReadable, Cleaner, version, type Article, type Block, type Options } from 'gleaner';
import { init, initSync, isInitialized, clean as cleanFromInit, type Article as InitArticle } from 'gleaner/init';
// @ts-expect-error: "gleaner/init" does not start loading by itself, so it has no `ready`
import { ready as notThere } from 'gleaner/init';

const options: Options = { input: 'auto', baseUrl: 'https://example.org/news/1', maxInputBytes: 1 << 20, restore: [3, 4], lang: 'en', wordsPerMinute: 200, remoteImages: false };
const article: Article = clean('<html><body><p>Hello</p></body></html>', options);
const textOnly: Options = { outputs: ['text'] };

const title: string = article.title ?? '(untitled)';
const words: number = article.wordCount + article.readingMinutes + article.length;
const html: string = article.content === article.html ? article.html : article.textContent;
const places: string[] = article.dateline?.places ?? [];
const agency: string | null = article.dateline ? article.dateline.agency : null;
const kind: 'auto' | 'html' | 'text' = article.inputKind;
const dropped: Block[] = article.blocks.filter((b) => !b.kept);
const reasons: string[] = dropped.map((b) => `${b.kind}: ${b.reason ?? ''}`);
const published: string | null = article.publishedTime ?? article.published;

const cleaner = new Cleaner({ input: 'text' });
cleaner.clean('a page');
const saved: string = cleaner.export();
const again: Cleaner = Cleaner.import(saved, null);
const size: number = again.size;
again.setOptions({ wordsPerMinute: 180 });
again.forget();
again.free();

const readable: boolean = isProbablyReadable('text');
const v: string = version;

// The README's worker: the handler is set at once and each call waits for the module.
declare const self: { onmessage: ((e: { data: string }) => void) | null; postMessage(m: unknown): void };
self.onmessage = async (e) => {
  await ready;
  self.postMessage(clean(e.data).title);
};
const same: InitArticle = cleanFromInit('x');

async function inServiceWorker(bytes: ArrayBuffer): Promise<void> {
  await init();
  await init(new URL('https://example.org/gleaner_bg.wasm'));
  initSync(bytes);
  if (isInitialized()) clean('page', { input: 'text' });
}

// @ts-expect-error: restore takes block indices
clean('x', { restore: ['3'] });
// @ts-expect-error: the input kind is one of three
clean('x', { input: 'pdf' });
// @ts-expect-error: size is read-only
cleaner.size = 3;
// @ts-expect-error: remoteImages is a boolean
clean('x', { remoteImages: 'yes' });
// @ts-expect-error: ready is a promise, not a function
ready();

export { textOnly, notThere, same, title, words, html, places, agency, kind, reasons, published, size, readable, v, inServiceWorker };
