/**
 * The exporters as the extension calls them: from a deck file to an output file, cancellable.
 * Part of the core bundle (dist/core.js); no `vscode` import here.
 */
import { readFile } from 'node:fs/promises';
import { parseDeck } from '../core/deck/parse';
import { launchBrowser } from '../core/export/browser';
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

/** Starts a browser (the `isdeck.browserPath` setting, else one found on the machine), prints, and closes it. */
export async function exportPdfFile(job: FileExportJob): Promise<FileExportResult> {
  throwIfAborted(job.signal);
  const browser = await launchBrowser({ browserPath: job.browserPath });
  // Cancelling closes the browser: the print fails and, the write being atomic, no file is left.
  const abort = () => void browser.close().catch(() => undefined);
  job.signal?.addEventListener('abort', abort, { once: true });
  try {
    throwIfAborted(job.signal);
    const result = await exportPdf({ browser, deckPath: job.deckPath, outPath: job.outPath });
    throwIfAborted(job.signal);
    return { slideCount: result.pdf.pages, warnings: result.warnings.map(describeWarning) };
  } finally {
    job.signal?.removeEventListener('abort', abort);
    await browser.close().catch(() => undefined);
  }
}
