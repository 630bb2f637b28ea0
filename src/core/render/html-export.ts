/** `isdeck export --html`: one self-contained HTML file, written atomically. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write';
import { parseDeck } from '../deck/parse';
import type { Deck } from '../deck/types';
import { type ExportWarning, placeImageWarnings } from '../export/warnings';
import { renderStandaloneHtml } from './render';

export interface HtmlExportResult {
  outPath: string;
  slideCount: number;
  bytes: number;
  /** Images left out or not embedded (see {@link renderStandaloneHtml}), on their slides. */
  warnings: ExportWarning[];
  /** The document written. */
  html: string;
}

export interface ExportHtmlOptions {
  /** The deck's text, when already read. */
  source?: string;
  /** The deck model of `source`, when already parsed. */
  deck?: Deck;
  /** Draw raw HTML through Marp's allowlist (the configuration's `html: true`). */
  html?: boolean;
}

/**
 * Renders `deckPath` to a standalone HTML document at `outPath`. The document is written to
 * a temporary file in the target folder and renamed over `outPath`, so a reader never sees
 * a half-written file and a failed export leaves any earlier file as it was.
 */
export async function exportHtml(deckPath: string, outPath: string, options: ExportHtmlOptions = {}): Promise<HtmlExportResult> {
  const source = options.source ?? (await readFile(deckPath, 'utf8'));
  const result = renderStandaloneHtml(source, { deckPath: resolve(deckPath), html: options.html ?? false });
  const target = resolve(outPath);
  await writeFileAtomic(target, result.html, { protect: [deckPath] });
  const warnings = placeImageWarnings(options.deck ?? parseDeck(source, deckPath), 'html', result.warnings);
  return { outPath: target, slideCount: result.slideCount, bytes: Buffer.byteLength(result.html), warnings, html: result.html };
}
