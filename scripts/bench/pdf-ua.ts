// What the PDF/UA pass and the checks cost on the seed deck (issue 14): bundled by
// scripts/bench.mjs and run once. Chromium prints the seed deck once; the pass (with the
// properties and outline it shares an incremental update with) and the checks then run in
// process, each the median of 10 runs after 3 warm-ups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../src/core/export/browser';
import { deckOutline } from '../../src/core/export/outline';
import { finishPdf, pdfMetadata } from '../../src/core/export/pdf';
import { checkPdfUa } from '../../src/core/export/pdf-ua/check';
import { parseDeck } from '../../src/core/deck/parse';
import { renderStandaloneHtml } from '../../src/core/render';

const root = process.argv[2] ?? process.cwd();
const deckPath = join(root, 'decks/masterclass-2010-03-24.md');
const source = readFileSync(deckPath, 'utf8');

async function median(work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  for (let i = 0; i < 3; i++) await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    await work();
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { ms: mid(wall), cpuMs: mid(cpu) };
}

async function main(): Promise<void> {
  const browser = await launchBrowser();
  let printed: Uint8Array;
  try {
    const page = await browser.newPage();
    await page.setContent(renderStandaloneHtml(source, { deckPath }).html, { waitUntil: 'load' });
    printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
  } finally {
    await browser.close();
  }
  const deck = parseDeck(source, deckPath);
  const metadata = pdfMetadata(deck);
  const outline = deckOutline(deck, metadata.title);
  const finished = await finishPdf(printed, metadata, outline);
  const pass = await median(() => finishPdf(printed, metadata, outline));
  const checks = await median(() => checkPdfUa(finished.bytes));
  console.log(JSON.stringify({ pass, checks, printedBytes: printed.byteLength, finishedBytes: finished.bytes.byteLength }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
