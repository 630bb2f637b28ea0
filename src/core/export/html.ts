/** `isdeck export --html` and `--present`: one self-contained HTML file, written atomically. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Deck } from '../deck/types';
import { writeFileAtomic } from '../io/atomic-write';
import { checkNewOutput } from '../io/output-policy';
import { renderPresentationHtml } from '../render/present';
import { type RenderWarning, renderStandaloneHtml } from '../render/render';

export interface HtmlExportResult {
  outPath: string;
  slideCount: number;
  bytes: number;
  /** Pictures left out or not embedded (see {@link renderStandaloneHtml}). */
  warnings: RenderWarning[];
  /** The document written (the drawn checks load it). */
  html: string;
}

export interface ExportHtmlOptions {
  /** Files never to overwrite (the inputs); the deck itself is always protected. */
  protect?: readonly string[];
  /** The folder pictures must be inside (default: the deck's workspace). */
  workspaceRoot?: string;
  /** The deck's text, when already read. */
  source?: string;
  /** The deck's model of that text, when already parsed (the presentation takes its notes from it). */
  deck?: Deck;
  /** Draw raw HTML through Marp's allowlist (the configuration's `html: true`). */
  html?: boolean;
  /** Write the presentation (one slide at a time, presenter view) instead of the document. */
  present?: boolean;
}

/**
 * Renders `deckPath` to a standalone HTML document at `outPath` (with `present`, the
 * presentation: one slide at a time, presenter view; see present.ts). The document is written to
 * a temporary file in the target folder and renamed over `outPath`, so a reader never sees
 * a half-written file and a failed export leaves any earlier file as it was.
 */
export async function exportHtml(deckPath: string, outPath: string, options: ExportHtmlOptions = {}): Promise<HtmlExportResult> {
  const target = resolve(outPath);
  const protect = [deckPath, ...(options.protect ?? [])];
  // Refused before any work; writeFileAtomic checks again at the write.
  checkNewOutput(target, protect);
  const source = options.source ?? (await readFile(deckPath, 'utf8'));
  const render = options.present ? renderPresentationHtml : renderStandaloneHtml;
  const result = render(source, {
    deckPath: resolve(deckPath),
    ...(options.workspaceRoot ? { workspaceRoot: options.workspaceRoot } : {}),
    html: options.html ?? false,
    ...(options.present && options.deck ? { deck: options.deck } : {}),
  });
  await writeFileAtomic(target, result.html, { protect });
  return { outPath: target, slideCount: result.slideCount, bytes: Buffer.byteLength(result.html), warnings: result.warnings, html: result.html };
}
