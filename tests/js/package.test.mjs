// Tests of the npm package: `npm pack`, install the tarball into a fresh
// project, and compare what `import { clean } from 'gleaner'` returns with
// the native command line; then the JavaScript API itself.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { ROOT, SEEDS, CORPUS_CASES, sharedDir } from './shared.mjs';

/** The size budget of the WebAssembly module, gzipped. Issue 7 asks for
 * 300 KB. The module was 334,179 bytes until gleaner's copy of html5ever
 * (`vendor/html5ever`) compiled out the tokenizer's profiling and exact error
 * messages (21.8 KB; they brought in float formatting) and matched named
 * character references in a compact sorted table instead of web_atoms' phf
 * map (72.1 KB): 240,310. Ten more languages (Turkish to Bulgarian, 9.4 KB)
 * made it 249,340. The budget keeps 2% above that, and only goes down,
 * except when a feature asked for brings its own code: typed reasons, the
 * tuning table, page types and their profiles (about 8 KB) and code, math
 * and footnotes in Markdown and HTML (11.5 KB) made it 273,523, under the
 * 300 KB the issues that asked for them allow. Callouts, tables, figures,
 * embeds and links that run code (4 KB), a listing's repeated items, the
 * main-column fallback, page types of copied text, text hygiene, headline
 * titles and a thread's author (14 KB) made it 296,507: the budget is now
 * the issues' 300 KB itself. */
const WASM_GZIP_BUDGET_BYTES = 300_000;

const SHARED = sharedDir();
const seedFile = (name) => join(SHARED, 'seeds', `${name}.txt`);
const corpusFile = (name) => join(SHARED, 'corpus', 'readability', name, 'source.html');
const INPUTS = [
  ...SEEDS.map((name) => ({ name: `seed ${name}`, file: seedFile(name) })),
  ...CORPUS_CASES.map((name) => ({ name: `readability ${name}`, file: corpusFile(name) })),
];

let work; // the temporary consumer project
let gleaner; // the package as installed there

function npm(args, cwd) {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The native command line's JSON for a file; builds it when it is missing. */
function nativeCli() {
  const bin = join(ROOT, 'target', 'release', 'gleaner');
  execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'gleaner-cli'], { cwd: ROOT, stdio: 'inherit' });
  return (file) => {
    const r = spawnSync(bin, ['--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0) return { error: r.stderr.trim() || `exit ${r.status}` };
    return { article: JSON.parse(r.stdout) };
  };
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'gleaner-pkg-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT));
  const tarball = join(work, packed[0].filename);
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-save', '--offline', tarball], project);
  writeFileSync(join(project, 'packed-files.json'), JSON.stringify(packed[0].files.map((f) => f.path)));
  // Import the installed package exactly as a user would, from inside the project.
  writeFileSync(join(project, 'load.mjs'), "export * from 'gleaner';\n");
  gleaner = await import(join(project, 'load.mjs'));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  test('contains only what a user needs', () => {
    const files = JSON.parse(readFileSync(join(work, 'consumer', 'packed-files.json'), 'utf8')).sort();
    assert.deepEqual(files, [
      'LICENSE-APACHE',
      'LICENSE-MIT',
      'README.md',
      'index.d.ts',
      'init.d.ts',
      'package.json',
      'pkg/gleaner.js',
      'pkg/gleaner_bg.wasm',
      'pkg/index.js',
      'pkg/init-node.js',
      'pkg/init.js',
      'pkg/node.js',
    ]);
  });

  test('says where it comes from, under both licences', () => {
    const installed = join(work, 'consumer', 'node_modules', 'gleaner');
    const meta = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(meta.license, 'MIT OR Apache-2.0');
    assert.match(meta.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/gleaner\.git$/);
    assert.match(meta.homepage, /^https:\/\//);
    assert.match(meta.bugs.url, /\/issues$/);
    assert.match(readFileSync(join(installed, 'LICENSE-MIT'), 'utf8'), /^MIT License\n/);
    assert.match(readFileSync(join(installed, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004/);
    // Only the entries that start loading the module have side effects.
    assert.deepEqual(meta.sideEffects, ['./pkg/index.js', './pkg/node.js']);
  });

  test('returns the same text as the native CLI for the seeds and ten corpus pages', () => {
    const cli = nativeCli();
    const failures = [];
    for (const { name, file } of INPUTS) {
      const native = cli(file);
      let wasm;
      try {
        wasm = { article: gleaner.clean(readFileSync(file, 'utf8')) };
      } catch (e) {
        wasm = { error: e.message };
      }
      if (native.error || wasm.error) {
        failures.push(`${name}: native ${native.error ? `failed (${native.error})` : 'ok'}, wasm ${wasm.error ? `failed (${wasm.error})` : 'ok'}`);
        continue;
      }
      if (native.article.text !== wasm.article.text) failures.push(`${name}: the texts differ`);
      if (native.article.title !== wasm.article.title) failures.push(`${name}: the titles differ`);
      if (native.article.blocks.length !== wasm.article.blocks.length) failures.push(`${name}: the blocks differ`);
      if (!native.article.text.trim()) failures.push(`${name}: empty article`);
    }
    assert.deepEqual(failures, []);
  });

  const SMALL_PAGE = JSON.stringify('<html><head><title>A headline</title></head><body><article><h1>A headline</h1><p>This is a paragraph of real prose that is long enough for the cleaner to keep, and it has a full stop.</p></article></body></html>');

  /** Runs an ES module in the consumer project and returns the JSON it prints. */
  function runInProject(name, lines) {
    const project = join(work, 'consumer');
    writeFileSync(join(project, name), lines.join('\n'));
    return JSON.parse(execFileSync(process.execPath, [name], { cwd: project, encoding: 'utf8' }));
  }

  test('the "gleaner/init" entry initialises from bytes (custom loaders)', () => {
    const out = runInProject('init-bytes.mjs', [
      "import { readFileSync } from 'node:fs';",
      "import { createRequire } from 'node:module';",
      "import { initSync, isInitialized, clean, version } from 'gleaner/init';",
      "const bytes = readFileSync(createRequire(import.meta.url).resolve('gleaner/gleaner.wasm'));",
      'let before = null;',
      "try { clean('x'); } catch (e) { before = e.message; }",
      'const wasReady = isInitialized();',
      'initSync(bytes);',
      "const a = clean('A headline\\n\\nThis is a paragraph of real prose that is long enough for the cleaner to keep, and it has a full stop.', { input: 'text' });",
      'console.log(JSON.stringify({ before, wasReady, ready: isInitialized(), version, kind: a.inputKind }));',
    ]);
    assert.match(out.before, /not initialised: call `await init\(\)` or `initSync\(bytes\)`/);
    assert.equal(out.wasReady, false);
    assert.equal(out.ready, true);
    assert.equal(out.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(out.kind, 'text');
  });

  test('"gleaner/init" in Node: init() reads the wasm from disk; a call before it resolves says so', () => {
    const out = runInProject('init-node.mjs', [
      "import { init, isInitialized, clean, version } from 'gleaner/init';",
      'const loading = init();',
      'let early = null;',
      "try { clean('x'); } catch (e) { early = e.message; }",
      'await loading;',
      'await init(); // again: a no-op',
      `const a = clean(${SMALL_PAGE});`,
      'console.log(JSON.stringify({ early, ready: isInitialized(), version, title: a.title }));',
    ]);
    assert.match(out.early, /still loading/);
    assert.equal(out.ready, true);
    assert.equal(out.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(out.title, 'A headline');
  });

  test('a module that cannot be loaded: init() rejects with a clear Error, and so do the calls', () => {
    const out = runInProject('init-missing.mjs', [
      "import { init, clean } from 'gleaner/init';",
      'let rejected = null, call = null;',
      "try { await init(new URL('file:///no/such/gleaner_bg.wasm')); } catch (e) { rejected = e.message; }",
      "try { clean('x'); } catch (e) { call = e.message; }",
      'console.log(JSON.stringify({ rejected, call }));',
    ]);
    assert.match(out.rejected, /^gleaner could not load its WebAssembly module: .*ENOENT/);
    assert.match(out.call, /^gleaner could not load its WebAssembly module/);
  });

  test('the default entry in Node: ready on import, `ready` already resolved', () => {
    const out = runInProject('default-node.mjs', [
      "import { ready, isInitialized, clean } from 'gleaner';",
      'const now = isInitialized();',
      `const title = clean(${SMALL_PAGE}).title;`,
      'console.log(JSON.stringify({ now, resolved: await ready, title }));',
    ]);
    assert.deepEqual(out, { now: true, title: 'A headline' });
  });

  test('no entry and not the glue has top-level await (module service workers and IIFE workers forbid it)', async () => {
    const { default: ts } = await import('typescript');
    const topLevelAwaits = (file) => {
      const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const found = [];
      const visit = (node) => {
        if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
        if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) found.push(node.getText().slice(0, 40));
        ts.forEachChild(node, visit);
      };
      visit(src);
      return found;
    };
    for (const file of ['pkg/index.js', 'pkg/init.js', 'pkg/init-node.js', 'pkg/node.js', 'pkg/gleaner.js']) {
      assert.deepEqual(topLevelAwaits(file), [], file);
    }
  });
});

describe('the JavaScript API', () => {
  const seed = () => readFileSync(seedFile(SEEDS[0]), 'utf8');
  const expected = () => JSON.parse(readFileSync(join(SHARED, 'seeds', 'expected', `${SEEDS[0]}.json`), 'utf8'));

  test('clean returns camelCase fields and the Readability names', () => {
    const a = gleaner.clean(seed());
    const e = expected();
    assert.equal(a.title, e.title);
    assert.equal(a.siteName, e.site_name);
    assert.equal(a.lang, e.lang);
    assert.deepEqual(a.dateline.places, e.dateline);
    assert.equal(a.text, e.paragraphs.join('\n\n'));
    assert.equal(a.inputKind, 'text');
    assert.equal(typeof a.wordCount, 'number');
    assert.ok(a.readingMinutes >= 1);
    assert.ok(Array.isArray(a.tags));
    for (const key of ['byline', 'published', 'modified', 'dir', 'excerpt', 'canonicalUrl', 'image']) assert.ok(key in a, key);
    // Readability-compatible aliases.
    assert.equal(a.content, a.html);
    assert.equal(a.textContent, a.text);
    assert.equal(a.length, a.text.length);
    assert.equal(a.publishedTime, a.published);
    // Blocks are plain objects.
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
    const dropped = a.blocks.filter((b) => !b.kept);
    assert.ok(dropped.length > 0);
    for (const b of a.blocks) {
      assert.deepEqual(Object.keys(b).sort(), ['kept', 'kind', 'reason', 'reasonCode', 'text']);
    }
    for (const b of dropped) {
      assert.equal(typeof b.reason, 'string');
      // The stable code, as the native library gives it.
      assert.match(b.reasonCode, /^[a-z]+(-[a-z]+)*$/);
    }
    assert.equal(a.pageType, 'article');
    assert.ok(Array.isArray(a.pageTypeSignals));
  });

  test('title: the headline by default, the declared title on request', () => {
    const prose = 'The ferry left the harbour an hour late, and the passengers watched the fog lift off the water as it went. '.repeat(3);
    const page = `<html><head><meta property="og:title" content="The late ferry | Harbour Notes"></head>
      <body><article><h1>The late ferry</h1><p>${prose}</p><p>${prose}</p></article></body></html>`;
    assert.equal(gleaner.clean(page).title, 'The late ferry');
    assert.equal(gleaner.clean(page, { title: 'declared' }).title, 'The late ferry | Harbour Notes');
    assert.throws(() => gleaner.clean(page, { title: 'short' }), /title: unknown title style/);
  });

  test('outputs: only the renderings asked for are written', () => {
    const prose = 'The ferry left the harbour an hour late, and the passengers watched the fog lift off the water as it went. '.repeat(3);
    const page = `<html><head><title>The late ferry</title></head><body><article><h1>The late ferry</h1><p>${prose}</p><p>${prose}</p></article></body></html>`;
    const all = gleaner.clean(page);
    assert.ok(all.markdown.length > 0 && all.html.length > 0);
    const text = gleaner.clean(page, { outputs: ['text'] });
    assert.equal(text.text, all.text);
    assert.equal(text.markdown, '');
    assert.equal(text.html, '');
    assert.equal(text.wordCount, all.wordCount);
    assert.throws(() => gleaner.clean(page, { outputs: ['pdf'] }), /outputs: unknown output/);
  });

  test('length counts UTF-16 code units, as Readability does (textContent.length)', () => {
    const astral = '🎉🎉 emoji';
    assert.equal(astral.length, 10);
    const party = 'The party lasted until dawn, and every guest left with a paper crown and a story to tell about the night.';
    const page = `<html><head><title>A night of 𝒻𝒶𝓃𝒸𝓎 letters</title></head><body><article><h1>A night of 𝒻𝒶𝓃𝒸𝓎 letters</h1>
      <p>${astral} ${party}</p><p>${party} 😀 ${party}</p></article></body></html>`;
    const a = gleaner.clean(page);
    assert.match(a.text, /🎉🎉 emoji/);
    assert.equal(a.length, a.textContent.length);
    assert.equal(a.length, [...a.text].length + 3, 'three emoji count two units each');
  });

  test('images: html defers remote ones unless remoteImages; markdown always links them', () => {
    const prose = 'The harbour wall was rebuilt stone by stone over three winters, and the town came out to watch the last one set. '.repeat(3);
    const page = `<html><head><title>The wall</title></head><body><article><h1>The wall</h1><p>${prose}</p>
      <figure><img src="https://img.example.org/wall.jpg" alt="The new wall"><figcaption>The wall at low tide</figcaption></figure>
      <figure><img src="/local/stone.jpg" alt="A stone"></figure><p>${prose}</p></article></body></html>`;
    const off = gleaner.clean(page, { baseUrl: 'https://news.example.org/a/1' });
    const on = gleaner.clean(page, { baseUrl: 'https://news.example.org/a/1', remoteImages: true });
    // Resolved against baseUrl, the local image is absolute too, so both wait.
    assert.match(off.html, /<img data-src="https:\/\/img\.example\.org\/wall\.jpg" alt="The new wall"/);
    assert.match(off.html, /<img data-src="https:\/\/news\.example\.org\/local\/stone\.jpg"/);
    assert.doesNotMatch(off.html, /<img src=/);
    assert.match(on.html, /<img src="https:\/\/img\.example\.org\/wall\.jpg"/);
    const relative = gleaner.clean(page);
    assert.match(relative.html, /<img src="\/local\/stone\.jpg"/);
    assert.match(relative.html, /<img data-src="https:\/\/img\.example\.org\/wall\.jpg"/);
    for (const a of [off, on]) {
      assert.match(a.markdown, /!\[The new wall\]\(https:\/\/img\.example\.org\/wall\.jpg\)\n\n\*The wall at low tide\*/);
      assert.doesNotMatch(a.text, /wall\.jpg|low tide/, 'text has no figures');
    }
    assert.throws(() => gleaner.clean(page, { remoteImages: 'yes' }), /remoteImages/);
  });

  test('options: input, restore, wordsPerMinute, lang; unknown keys are ignored', () => {
    const base = gleaner.clean(seed(), { input: 'text', somethingElse: 42 });
    const i = base.blocks.findIndex((b) => !b.kept && b.kind !== 'title');
    assert.ok(i >= 0);
    const restored = gleaner.clean(seed(), { restore: [i] });
    assert.equal(restored.blocks[i].kept, true);
    assert.ok(restored.text.includes(base.blocks[i].text));
    const slow = gleaner.clean(seed(), { wordsPerMinute: 10 });
    assert.equal(slow.readingMinutes, Math.ceil(slow.wordCount / 10));
    assert.equal(gleaner.clean(seed(), { lang: 'de', baseUrl: 'https://example.org/a' }).lang, 'de');
    assert.deepEqual(gleaner.clean(seed(), null).text, base.text);
  });

  test('errors are thrown as Error with a clear message', () => {
    assert.throws(() => gleaner.clean(seed(), { maxInputBytes: 100 }), (e) => e instanceof Error && /too large/.test(e.message) && /100 bytes/.test(e.message));
    assert.throws(() => gleaner.clean(seed(), { maxInputBytes: 'ten' }), (e) => e instanceof Error && /maxInputBytes/.test(e.message));
    assert.throws(() => gleaner.clean(seed(), { input: 'pdf' }), (e) => e instanceof Error && /input/.test(e.message) && /pdf/.test(e.message));
    assert.throws(() => gleaner.clean(seed(), { restore: 'all' }), (e) => e instanceof Error && /restore/.test(e.message));
    assert.throws(() => gleaner.clean(seed(), 7), (e) => e instanceof Error && /options/.test(e.message));
    assert.throws(() => gleaner.clean(42), TypeError);
    assert.throws(() => gleaner.clean('\u0000\u0001\u0002\u0003binary\u0000\u0000\u0000\u0000'.repeat(50)), (e) => e instanceof Error && /binary/.test(e.message));
  });

  test('Cleaner: memory across pages, export/import round trip, forget', () => {
    const pages = SEEDS.map((name) => readFileSync(seedFile(name), 'utf8'));
    const c = new gleaner.Cleaner({ input: 'text' });
    assert.equal(c.size, 0);
    for (const p of pages.slice(0, 3)) c.clean(p);
    assert.ok(c.size > 0);
    const saved = c.export();
    assert.equal(typeof saved, 'string');
    const back = gleaner.Cleaner.import(saved, { input: 'text' });
    assert.equal(back.size, c.size);
    assert.equal(back.export(), saved);
    // Both memories judge the next page the same way.
    assert.deepEqual(back.clean(pages[3]), c.clean(pages[3]));
    // The same site's template is recognised on a later page.
    const later = c.clean(pages[4]);
    assert.ok(later.blocks.some((b) => b.reason === 'repeated on earlier pages'), 'a block is recognised as repeated');
    c.forget();
    assert.equal(c.size, 0);
    c.setOptions({ wordsPerMinute: 100 });
    assert.equal(c.clean(pages[0]).readingMinutes, Math.ceil(c.clean(pages[0]).wordCount / 100));
    assert.throws(() => gleaner.Cleaner.import('not a memory'), (e) => e instanceof Error && /memory/.test(e.message));
    assert.throws(() => new gleaner.Cleaner({ wordsPerMinute: -1 }), Error);
  });

  test('cleanBytes decodes a page as a browser would: BOM, <meta charset>, UTF-8, else windows-1252', () => {
    const prose = 'Le café était fermé ce matin, et les habitués attendaient devant la porte en discutant de la météo. '.repeat(4);
    const page = (meta) => `<html><head>${meta}<title>Un titre accentué à la une</title></head><body><article><h1>Un titre accentué à la une</h1><p>${prose}</p><p>${prose}</p></article></body></html>`;
    const latin1 = (s) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    // Declared legacy charset, undeclared legacy bytes, UTF-8 with BOM, UTF-16 with BOM.
    const declared = latin1(page('<meta charset="iso-8859-1">'));
    const undeclared = latin1(page(''));
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page(''))]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...page('')].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    assert.equal(gleaner.sniffEncoding(declared), 'iso-8859-1');
    assert.equal(gleaner.sniffEncoding(undeclared), 'windows-1252');
    assert.equal(gleaner.sniffEncoding(utf8bom), 'utf-8');
    assert.equal(gleaner.sniffEncoding(utf16), 'utf-16le');
    for (const bytes of [declared, undeclared, utf8bom, utf16, utf16.buffer]) {
      const a = gleaner.cleanBytes(bytes);
      assert.equal(a.title, 'Un titre accentué à la une');
      assert.match(a.textContent, /Le café était fermé/);
      assert.doesNotMatch(a.textContent, /\uFFFD/);
    }
    // An unknown label falls back to UTF-8; the size limit applies.
    assert.match(gleaner.decode(new TextEncoder().encode('<meta charset=no-such-thing>é')), /é$/);
    assert.throws(() => gleaner.cleanBytes(declared, { maxInputBytes: 10 }), /too large/);
    assert.throws(() => gleaner.cleanBytes('a string'), TypeError);
  });

  test('isProbablyReadable', () => {
    assert.equal(gleaner.isProbablyReadable(seed()), true);
    assert.equal(gleaner.isProbablyReadable('Home | About | Contact'), false);
    assert.equal(gleaner.isProbablyReadable(''), false);
  });

  test('version is the crate version', () => {
    const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
    assert.equal(gleaner.version, /^version = "([^"]+)"/m.exec(cargo)[1]);
  });

  test('a trap in the module becomes an Error and the next call works', () => {
    const c = new gleaner.Cleaner();
    c.clean(seed());
    assert.throws(() => gleaner._trapForTesting(), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && /crashed/.test(e.message) && /restarted/.test(e.message));
    assert.equal(gleaner.clean(seed()).title, expected().title);
    // A Cleaner made before the restart starts again with an empty memory.
    assert.equal(c.clean(seed()).title, expected().title);
  });

  test(`the .wasm is at most ${WASM_GZIP_BUDGET_BYTES} bytes gzipped`, (t) => {
    const wasm = readFileSync(join(ROOT, 'pkg', 'gleaner_bg.wasm'));
    const gz = gzipSync(wasm, { level: 9 }).length;
    const br = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    t.diagnostic(`gleaner_bg.wasm: ${wasm.length} bytes raw, ${gz} gzip, ${br} brotli`);
    assert.ok(gz <= WASM_GZIP_BUDGET_BYTES, `${gz} bytes gzipped is over the budget of ${WASM_GZIP_BUDGET_BYTES}`);
  });
});

test('test data is present', () => {
  for (const { file } of INPUTS) assert.ok(existsSync(file), file);
});
