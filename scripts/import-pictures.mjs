#!/usr/bin/env node
// Before-and-after pictures for docs/import.md: slides of the 2010-style test deck
// (test/import/old-style-deck.ts, written with pptxgenjs) as LibreOffice draws them, and the
// same slides of the deck `isdeck import` makes of it, as isdeck's PDF export draws them.
// Needs soffice, pdftoppm and a Chromium (the PDF export's).
//
//   npm run build && node scripts/import-pictures.mjs   → docs/images/import-<slide>-{before,after}.png
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'isdeck-import-pictures-'));
/** Slide numbers in the PowerPoint file → in the imported deck (slide 4 is hidden), and their names. */
const SLIDES = [
  { name: 'cover', before: 1, after: 1 },
  { name: 'models', before: 3, after: 3 },
  { name: 'spectrum', before: 8, after: 7 },
];

try {
  const bundle = join(work, 'deck.cjs');
  await build({
    stdin: { contents: "export { oldStyleDeck } from './test/import/old-style-deck'; export { tinyPng } from './test/import/helpers';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    // Bundled whole, so it runs from a temporary folder; pptxgenjs's browser-only imports stay out.
    external: ['node:*'],
    logLevel: 'error',
  });
  const { oldStyleDeck, tinyPng } = createRequire(import.meta.url)(bundle);
  const pptx = join(work, 'masterclass-2010.pptx');
  writeFileSync(pptx, await oldStyleDeck(tinyPng(60, 40), tinyPng(20, 8)));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, pptx], { stdio: 'ignore' });
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'import', pptx, '--out', join(work, 'deck')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'export', '--pdf', join(work, 'deck', 'masterclass-2010.md'), '--out', join(work, 'deck')], { stdio: 'ignore' });
  for (const slide of SLIDES) {
    for (const [side, pdf, page] of [
      ['before', join(work, 'masterclass-2010.pdf'), slide.before],
      ['after', join(work, 'deck', 'masterclass-2010.pdf'), slide.after],
    ]) {
      const prefix = join(work, `${slide.name}-${side}`);
      execFileSync('pdftoppm', ['-png', '-r', '64', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
      const target = join(root, 'docs', 'images', `import-${slide.name}-${side}.png`);
      renameSync(`${prefix}.png`, target);
      console.log(target);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
