#!/usr/bin/env node
// Copies the Carlito woff2 files the house theme names (themes/improvement-service.css)
// from node_modules/@fontsource/carlito/files/ into themes/fonts/.
// The copies are committed (about 120 KB), so a checkout renders without this step;
// run it after upgrading @fontsource/carlito. `--check` exits 1 if a copy is missing or stale.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = [
  'carlito-latin-400-normal.woff2',
  'carlito-latin-700-normal.woff2',
  'carlito-latin-400-italic.woff2',
  'carlito-latin-700-italic.woff2',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceDir() {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('@fontsource/carlito/package.json')), 'files');
}

export function copyFonts({ check = false, log = console.log } = {}) {
  const from = sourceDir();
  const to = join(root, 'themes', 'fonts');
  mkdirSync(to, { recursive: true });
  let stale = 0;
  for (const file of FONT_FILES) {
    const src = join(from, file);
    const dest = join(to, file);
    const same = existsSync(dest) && readFileSync(dest).equals(readFileSync(src));
    if (same) continue;
    if (check) {
      log(`stale or missing: themes/fonts/${file}`);
      stale += 1;
      continue;
    }
    copyFileSync(src, dest);
    log(`copied ${file}`);
  }
  if (!check) copyFileSync(join(from, '..', 'LICENSE'), join(to, 'LICENSE-Carlito-OFL.txt'));
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = copyFonts({ check: process.argv.includes('--check') });
  process.exitCode = stale > 0 ? 1 : 0;
}
