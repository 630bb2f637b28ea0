#!/usr/bin/env node
// Copies the fonts the renderer embeds into themes/fonts/:
//  - the Carlito woff2 files the house theme names (themes/improvement-service.css), from
//    node_modules/@fontsource/carlito/files/;
//  - KaTeX's woff2 files, for math (src/core/render/math.ts embeds them as data: URLs so
//    math draws offline), from node_modules/katex/dist/fonts/ into themes/fonts/katex/.
// The copies are committed (about 120 KB and 300 KB), so a checkout renders without this
// step; run it after upgrading @fontsource/carlito or katex. `--check` exits 1 if a copy is
// missing or stale.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
const require = createRequire(join(root, 'package.json'));
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** What is copied from where: each font set with its licence. */
function fontSets() {
  const katexFonts = join(packageDir('katex'), 'dist', 'fonts');
  return [
    {
      from: join(packageDir('@fontsource/carlito'), 'files'),
      to: join(root, 'themes', 'fonts'),
      files: FONT_FILES,
      license: [join(packageDir('@fontsource/carlito'), 'LICENSE'), 'LICENSE-Carlito-OFL.txt'],
    },
    {
      from: katexFonts,
      to: join(root, 'themes', 'fonts', 'katex'),
      files: readdirSync(katexFonts).filter((file) => file.endsWith('.woff2')),
      license: [join(packageDir('katex'), 'LICENSE'), 'LICENSE-KaTeX-MIT.txt'],
    },
  ];
}

export function copyFonts({ check = false, log = console.log } = {}) {
  let stale = 0;
  for (const set of fontSets()) {
    mkdirSync(set.to, { recursive: true });
    for (const file of set.files) {
      const src = join(set.from, file);
      const dest = join(set.to, file);
      const same = existsSync(dest) && readFileSync(dest).equals(readFileSync(src));
      if (same) continue;
      if (check) {
        log(`stale or missing: ${dest.slice(root.length + 1)}`);
        stale += 1;
        continue;
      }
      copyFileSync(src, dest);
      log(`copied ${file}`);
    }
    if (!check) copyFileSync(set.license[0], join(set.to, set.license[1]));
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = copyFonts({ check: process.argv.includes('--check') });
  process.exitCode = stale > 0 ? 1 : 0;
}
