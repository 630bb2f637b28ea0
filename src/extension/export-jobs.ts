/**
 * The exporters as the extension calls them: from a deck file to an output file, cancellable.
 * Part of the core bundle (dist/core.js); no `vscode` import here.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigLoader } from '../core/config/load';
import { parseDeck } from '../core/deck/parse';
import { launchBrowser } from '../core/export/browser';
import { leftOutPictures, leftOutRequests, slidePrefix, type LeftOut } from '../core/export/left-out';
import { exportPdf } from '../core/export/pdf';
import { exportPptx } from '../core/export/pptx';
import { describeWarning } from '../core/export/warnings';

export interface FileExportJob {
  deckPath: string;
  outPath: string;
  browserPath?: string | undefined;
  signal?: AbortSignal;
}

export interface FileExportResult {
  slideCount?: number;
  warnings: string[];
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('Export cancelled.');
}

export async function exportPptxFile(job: FileExportJob): Promise<FileExportResult> {
  const source = await readFile(job.deckPath, 'utf8');
  throwIfAborted(job.signal);
  const deck = parseDeck(source, job.deckPath);
  const result = await exportPptx(deck, { deckPath: job.deckPath, outPath: job.outPath });
  return { slideCount: result.slideCount, warnings: result.warnings.map(describeWarning) };
}

/** `allowRemote` of the deck's configuration (`.isdeckrc.*`); a broken file allows nothing. */
function allowsRemote(deckPath: string): boolean {
  try {
    return new ConfigLoader().configFor(dirname(deckPath)).allowRemote;
  } catch {
    return false;
  }
}

/** `slide 2 (line 14): …`, as the output channel shows what an export left out. */
export function describeLeftOut(item: LeftOut): string {
  const line = item.line === undefined ? '' : `line ${item.line}: `;
  return `${line}${slidePrefix(item)}${item.message}`;
}

/** Starts a browser (the `isdeck.browserPath` setting, else one found on the machine), prints, and closes it. */
export async function exportPdfFile(job: FileExportJob): Promise<FileExportResult> {
  throwIfAborted(job.signal);
  const browser = await launchBrowser({ browserPath: job.browserPath });
  // Cancelling closes the browser: the print fails and, the write being atomic, no file is left.
  const abort = () => void browser.close().catch(() => undefined);
  job.signal?.addEventListener('abort', abort, { once: true });
  try {
    throwIfAborted(job.signal);
    const network = { allowRemote: allowsRemote(job.deckPath) };
    const source = await readFile(job.deckPath, 'utf8');
    const deck = parseDeck(source, job.deckPath);
    const result = await exportPdf({ browser, deckPath: job.deckPath, outPath: job.outPath, source, deck, network });
    throwIfAborted(job.signal);
    const leftOut = [...leftOutPictures(deck, result.warnings), ...leftOutRequests(deck, result.refused, network)];
    return { slideCount: result.pdf.pages, warnings: leftOut.map(describeLeftOut) };
  } finally {
    job.signal?.removeEventListener('abort', abort);
    await browser.close().catch(() => undefined);
  }
}
