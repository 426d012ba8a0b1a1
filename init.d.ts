// Types of the `gleaner` npm package's entry "gleaner/init": the whole API
// and the functions that instantiate the module. The default entry
// ("gleaner", index.d.ts) is the same plus `ready`.

/** The kind of input: detected (`auto`), HTML, or text copied from a page. */
export type InputKind = 'auto' | 'html' | 'text';

/** The kind of page. */
export type PageType =
  | 'article' | 'forum' | 'product' | 'collection' | 'listing'
  | 'documentation' | 'service' | 'other';

/** What a block of the input is. */
export type BlockKind =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'list_item'
  | 'quote'
  | 'code'
  | 'table'
  | 'figure';

/** How to clean a page. Every key is optional; unknown keys are ignored. */
export interface Options {
  /** The kind of input (default `'auto'`: detected from the input). */
  input?: InputKind;
  /** The page's URL, to resolve relative links and images (HTML input). */
  baseUrl?: string | null;
  /** Inputs larger than this many bytes (UTF-8) throw (default 64 MiB). */
  maxInputBytes?: number;
  /** Indices into `Article.blocks` of dropped blocks to put back. */
  restore?: number[];
  /** Language to assume instead of detecting it (ISO 639-1 code). */
  lang?: string | null;
  /** Reading speed for `readingMinutes` (default 230). */
  wordsPerMinute?: number;
  /**
   * Whether `html` may load remote images (default false): an absolute
   * `http:`/`https:` or protocol-relative image is written as
   * `<img data-src="…">`, so inserting the HTML makes no request until you
   * copy `data-src` to `src`; relative images keep `src`. `markdown` is text
   * and always writes `![alt](url)`.
   */
  remoteImages?: boolean;
  /** The page's type, to use instead of detecting it. */
  pageType?: PageType;
  /**
   * Which title `Article.title` gives (default `'headline'`): the page's
   * headline without the site's name ("Headline | Site" gives "Headline"
   * when the page's `<h1>` says so, or when the cut part names the site), or
   * `'declared'`, the title as the page's metadata declares it (what
   * Readability.js reports).
   */
  title?: 'headline' | 'declared';
  /**
   * Which renderings to write (default all three): those not named are
   * empty strings in the `Article` and are not rendered, which saves time.
   * `textContent` and `length` follow `text`, `content` follows `html`;
   * `wordCount` and `readingMinutes` are counted in any case.
   */
  outputs?: ('text' | 'markdown' | 'html')[];
}

/** One block of the input, kept or dropped. */
export interface Block {
  /** The block's text. */
  text: string;
  /** What the block is. */
  kind: BlockKind;
  /** Whether the article keeps the block. */
  kept: boolean;
  /** Why the block was dropped (or why a doubtful block was kept), in words. */
  reason: string | null;
  /**
   * The reason's stable machine code (`"navigation"`, `"link-farm"`,
   * `"repeated"`, …): group or filter by this, never by `reason`'s words.
   */
  reasonCode: ReasonCode | null;
}

/** The stable codes of {@link Block.reasonCode}. */
export type ReasonCode =
  | 'comments' | 'cookie-banner' | 'share-buttons' | 'related' | 'newsletter'
  | 'advertisement' | 'navigation' | 'sidebar' | 'footer' | 'furniture-class'
  | 'hidden' | 'form-control' | 'site-banner' | 'dialog'
  | 'furniture-words' | 'furniture-at-end' | 'markup' | 'code-line' | 'separator'
  | 'no-words' | 'copyright' | 'ad-label' | 'date-line' | 'byline' | 'link-farm'
  | 'addresses' | 'menu' | 'not-prose' | 'title' | 'headline' | 'repeats-title'
  | 'site-name' | 'repeated-across-pages' | 'repeated' | 'short-among-boilerplate'
  | 'short-at-edge' | 'doubtful' | 'outside-article' | 'tail-teasers' | 'teaser'
  | 'teaser-heading' | 'furniture-headed-links' | 'after-furniture-links'
  | 'author-box-head' | 'author-box' | 'kept-short' | 'kept-doubtful'
  | 'kept-with-article' | 'restored' | 'main-column'
  | 'section' | 'description';

/** The dateline that opens a news article: `BERLIN / PARIS (AGENCY) –`. */
export interface Dateline {
  places: string[];
  agency: string | null;
}

/**
 * The clean article. Unknown fields are `null`, never invented.
 * It also carries the names Mozilla Readability's `parse()` result uses
 * (`title`, `byline`, `excerpt`, `siteName`, `lang`, `dir`, `content`,
 * `textContent`, `length`, `publishedTime`).
 */
export interface Article {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** Publication date, ISO 8601. */
  published: string | null;
  /** Last modification date, ISO 8601. */
  modified: string | null;
  /** Language code (ISO 639-1), declared or detected. */
  lang: string | null;
  /** `'ltr'` or `'rtl'` when the page declares it. */
  dir: string | null;
  excerpt: string | null;
  dateline: Dateline | null;
  canonicalUrl: string | null;
  /** The lead image URL. */
  image: string | null;
  tags: string[];
  wordCount: number;
  readingMinutes: number;
  /** The kind of input that was cleaned (`'html'` or `'text'`). */
  inputKind: InputKind;
  /** What kind of page it is (detected, or as `Options.pageType` says). */
  pageType: PageType;
  /** The signals that decided `pageType` (`"forum +2: 12 dated posts"`). */
  pageTypeSignals: string[];
  /** The article as plain text, paragraphs separated by one blank line. */
  text: string;
  markdown: string;
  /** The article as HTML that is safe to insert into a page. */
  html: string;
  /** Every block of the input in order, kept or not, with the reason. */
  blocks: Block[];

  /** Readability: the same as `published`. */
  publishedTime: string | null;
  /** Readability: the same as `html`. */
  content: string;
  /** Readability: the same as `text`. */
  textContent: string;
  /**
   * Readability: the length of `text` as JavaScript counts it (UTF-16 code
   * units, `text.length`), so `'🎉🎉 emoji'` is 10.
   */
  length: number;
}

/**
 * Cleans one page, HTML or copied text.
 * @throws Error when the input is too large, is binary data, or an option has the wrong type.
 */
export function clean(input: string, options?: Options | null): Article;

/**
 * Cleans a page given as bytes in any encoding (a dropped file, a fetch body):
 * decoded as a browser would (see `sniffEncoding`), then cleaned like `clean`.
 * @throws Error as `clean`; TypeError when `bytes` is not a Uint8Array or ArrayBuffer.
 */
export function cleanBytes(bytes: Uint8Array | ArrayBuffer, options?: Options | null): Article;

/**
 * The encoding of a page's bytes as a WHATWG label (`"utf-8"`, `"windows-1252"`,
 * `"shift_jis"`, …): the byte-order mark, else the page's `<meta charset>`,
 * else `"utf-8"` when the bytes are valid UTF-8, else `"windows-1252"`.
 */
export function sniffEncoding(bytes: Uint8Array): string;

/** Decodes a page's bytes with the encoding `sniffEncoding` finds (TextDecoder). */
export function decode(bytes: Uint8Array | ArrayBuffer): string;

/** Whether the page holds an article at all. Never throws for junk input. */
export function isProbablyReadable(input: string): boolean;

/** The library's version, e.g. `"0.1.0"` (set once the module is initialised). */
export const version: string;

/**
 * Cleans pages one after another and remembers their blocks: text repeated
 * on earlier pages is dropped with the reason code `"repeated-across-pages"`.
 */
export class Cleaner {
  constructor(options?: Options | null);
  /** Restores a memory written by `export()`. @throws Error if `saved` is not one. */
  static import(saved: string, options?: Options | null): Cleaner;
  /** Cleans a page, using and then extending the memory. */
  clean(input: string): Article;
  /** The memory as a compact string (to keep in localStorage, for example). */
  export(): string;
  /** Forgets every page. */
  forget(): void;
  /** Replaces the options used for the next pages. */
  setOptions(options?: Options | null): void;
  /** How many block fingerprints are remembered. */
  readonly size: number;
  /** Frees the WebAssembly memory now rather than at garbage collection. */
  free(): void;
}

/**
 * What `init` accepts: a URL of `gleaner_bg.wasm` (in Node, a `file:` URL is
 * read from disk), a Response, bytes or a compiled module, or a promise of
 * a Response, bytes or a module.
 */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Instantiates the module. Without an argument it fetches `gleaner_bg.wasm`
 * next to the package's JavaScript (in Node it reads that file from disk, as
 * it does for a `file:` URL). Safe to call more than once; the promise
 * rejects with an Error when the module cannot be loaded.
 */
export function init(input?: InitInput): Promise<void>;

/** Instantiates the module synchronously from bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** Whether the module is instantiated. */
export function isInitialized(): boolean;
