// Where the time of one deck's PDF export goes: each phase of `isdeck export --pdf` timed on
// its own, in one process, as the command runs them. Bundled by scripts/bench/export.mjs and
// run as a child (`node pdf-phases.cjs <root> <deck> <runs>`); prints one JSON line of medians.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config/schema';
import { parseDeck } from '../../src/core/deck/parse';
import { launchBrowser, loadPlaywright } from '../../src/core/export/browser';
import { drawnProblems, loadDocument } from '../../src/core/export/drawn-checks';
import { finishPdf, pdfMetadata } from '../../src/core/export/pdf';
import { deckOutline } from '../../src/core/export/outline';
import { renderStandaloneHtml } from '../../src/core/render';
import { allRules } from '../../src/core/rules';

const [, , root = process.cwd(), deckPath = join(root, 'decks', 'masterclass-2010-03-24.md'), runsText = '5'] = process.argv;
const runs = Math.max(1, Number(runsText) || 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const phases: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (phases[name] ??= []).push(ms);
  let at = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    add(name, now - at);
    at = now;
  };
  await loadPlaywright();
  lap('load playwright-core');
  const browser = await launchBrowser({});
  lap('start the browser');
  const config = resolveConfig(allRules, []);
  const source = readFileSync(deckPath, 'utf8');
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    at = performance.now();
    const deck = parseDeck(source, deckPath);
    lap('parse the deck');
    const standalone = renderStandaloneHtml(source, { deckPath });
    lap('render the HTML');
    await loadDocument(page, standalone.html);
    lap('load the page');
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
    lap('print');
    await drawnProblems(page, deck, config);
    lap('drawn checks');
    const metadata = pdfMetadata(deck);
    await finishPdf(printed, metadata, deckOutline(deck, metadata.title, standalone.slideCount));
    lap('properties and outline');
    await browser.release(page);
  }
  at = performance.now();
  await browser.close();
  lap('close the browser');
  process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(phases).map(([name, values]) => [name, median(values)])))}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
