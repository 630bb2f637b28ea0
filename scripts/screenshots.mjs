#!/usr/bin/env node
// Saves PNGs of rendered slides, from the same page the browser test checks
// (test/render/browser-page.ts: renderStandaloneHtml in Debian's Chromium).
//
//   node scripts/screenshots.mjs                 one PNG per slide type → docs/images/slide-<type>.png
//   node scripts/screenshots.mjs --size 4:3      the same at 4:3 → docs/images/slide-<type>-4x3.png
//   node scripts/screenshots.mjs --deck decks/masterclass-2010-03-24.md --all --out .cache/shots
//                                                every slide → slide-01.png …, with a report of any overflow
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    deck: { type: 'string' },
    size: { type: 'string', default: '16:9' },
    out: { type: 'string', default: join(root, 'docs', 'images') },
    all: { type: 'boolean', default: false },
  },
});
if (values.size !== '16:9' && values.size !== '4:3') throw new Error('--size must be 16:9 or 4:3');

// The page helpers are TypeScript: bundle them (packages stay external) and load the bundle.
const bundle = join(root, '.cache', 'screenshots.cjs');
await build({
  stdin: { contents: "export * from './test/render/browser-page';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const pageKit = createRequire(import.meta.url)(bundle);

if (!pageKit.chromiumAvailable()) {
  console.error(`Chromium not found at ${pageKit.CHROMIUM_PATH}`);
  process.exit(2);
}
const deckPath = values.deck ? resolve(values.deck) : pageKit.browserDeckPath();
const markdown = pageKit.withSize(readFileSync(deckPath, 'utf8'), values.size);
const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });
const browser = await pageKit.launchBrowser();
try {
  const page = await pageKit.openDeck(browser, markdown, deckPath);
  const reports = await pageKit.measureSlides(page);
  const suffix = values.size === '4:3' ? '-4x3' : '';
  if (values.all) {
    for (const report of reports) {
      const file = join(outDir, `slide-${String(report.slide).padStart(2, '0')}${suffix}.png`);
      await pageKit.screenshotSlide(page, report.slide - 1, file);
    }
    console.log(`${reports.length} slides → ${outDir}`);
  } else {
    for (const [type, index] of await pageKit.firstSlideOfEachType(page)) {
      const file = join(outDir, `slide-${type}${suffix}.png`);
      await pageKit.screenshotSlide(page, index, file);
      console.log(file);
    }
  }
  for (const report of reports) {
    const flag = report.problems.length > 0 ? 'PROBLEM' : 'ok';
    console.log(`slide ${report.slide} ${report.type} fit=${report.fit} ${flag}${report.carlito ? '' : ' (no Carlito)'}`);
    for (const problem of report.problems) console.log(`   ${problem}`);
  }
} finally {
  await browser.close();
}
