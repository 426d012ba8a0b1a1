// Helpers shared by the Node and browser tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The read-only test data: $GLEANER_SHARED, else ../shared beside the repository. */
export function sharedDir() {
  const dir = process.env.GLEANER_SHARED ?? resolve(ROOT, '..', 'shared');
  if (!existsSync(join(dir, 'seeds'))) {
    throw new Error(`test data not found at ${dir} (set GLEANER_SHARED)`);
  }
  return dir;
}

/** The five seed pages (copied text) with their expected title and paragraphs. */
export const SEEDS = [
  '000_3dd3a60520ecab6e',
  '001_fc4d97f0870acd60',
  '002_20dd7b780ac15aab',
  '003_bbd60e46f0b74879',
  '004_8393ffbcd8907b3d',
];

/** Ten HTML pages of the Readability corpus (fixed, so runs compare). */
export const CORPUS_CASES = [
  '001',
  '002',
  'aclu',
  'ars-1',
  'bbc-1',
  'blogger',
  'breitbart',
  'guardian-1',
  'nytimes-1',
  'wikipedia',
];
