// Conservation figures for `npm run bench`: every deck of the Marp-features corpus and the
// bundled decks exported to HTML, PDF and PPTX, their words compared with Marp's own rendering
// (test/helpers/conservation.ts). Bundled by scripts/bench.mjs and run once; prints JSON.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../src/core/export/browser';
import { measureDeck, percentKept, type MeasuredDeck } from '../../test/helpers/conservation';

const root = process.argv[2] ?? process.cwd();
const corpus = join(root, 'test', 'fixtures', 'marp-features');
const decks = [
  ...readdirSync(corpus).filter((file) => file.endsWith('.md')).sort().map((file) => join(corpus, file)),
  join(root, 'decks', 'masterclass-2010-03-24.md'),
  join(root, 'decks', 'template.md'),
];
async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'isdeck-bench-conservation-'));
  const browser = await launchBrowser().catch(() => undefined);
  const results: MeasuredDeck[] = [];
  try {
    for (const deck of decks) results.push(await measureDeck(deck, { browser, outDir: out }));
  } finally {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  }
  const figures = results.map((result) => ({
    deck: result.deck,
    slides: result.slides,
    formats: Object.fromEntries(Object.entries(result.formats).map(([format, kept]) => [format, { kept: kept.kept, total: kept.total, percent: percentKept(kept) }])),
  }));
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
