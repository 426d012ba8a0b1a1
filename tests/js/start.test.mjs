// `npm start` serves the web app: the built app (rebuilt only when stale) on
// $PORT, here a free one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ROOT } from './shared.mjs';

test('npm start serves the app, its example page and the wasm', async () => {
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', npm_config_update_notifier: 'false' },
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL: ${out}`)), 120_000);
      proc.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited with ${code}: ${out}`)); });
    });
    const index = await fetch(url);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /id="example-button"/);
    const example = await fetch(new URL('example.html', url));
    assert.match(await example.text(), /<h1>The library that lends out seeds<\/h1>/);
    const wasm = await fetch(new URL('pkg/gleaner_bg.wasm', url));
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  } finally {
    process.kill(-proc.pid); // npm and the server it started
  }
});
