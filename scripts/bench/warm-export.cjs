// The extension's export path, as Export Deck… runs it (dist/core.js, the browser kept warm
// between exports): PDF of the seed deck three times, the third after an edit. Prints one JSON
// line of milliseconds. Run by scripts/bench.mjs: node warm-export.cjs <root> <work folder>.
const { copyFileSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [root, work] = process.argv.slice(2);
const core = require(join(root, 'dist', 'core.js'));
const deckPath = join(work, 'masterclass-2010-03-24.md');
copyFileSync(join(root, 'decks', 'masterclass-2010-03-24.md'), deckPath);
const job = { deckPath, outPath: join(work, 'masterclass-2010-03-24.pdf'), browserPath: process.env.ISDECK_BROWSER || undefined };

async function timed() {
  const started = performance.now();
  const result = await core.exportPdfFile(job);
  if (result.slideCount !== 45) throw new Error(`the PDF has ${result.slideCount} pages`);
  return performance.now() - started;
}

(async () => {
  const cold = await timed();
  const warm = await timed();
  // An author's edit: one more slide at the end.
  writeFileSync(deckPath, `${readFileSync(deckPath, 'utf8')}\n---\n\n## One More Slide\n\n- A point\n`);
  const started = performance.now();
  const edited = await core.exportPdfFile(job);
  const afterEdit = performance.now() - started;
  if (edited.slideCount !== 46) throw new Error(`the edited PDF has ${edited.slideCount} pages`);
  const launches = core.warmBrowser.launches;
  await core.closeWarmBrowser();
  console.log(JSON.stringify({ cold, warm, afterEdit, launches }));
})().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
