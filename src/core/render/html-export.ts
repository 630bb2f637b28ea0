/** `isdeck export --html`: one self-contained HTML file, written atomically. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write';
import { type RenderWarning, renderStandaloneHtml } from './render';

export interface HtmlExportResult {
  outPath: string;
  slideCount: number;
  bytes: number;
  /** Images left out or not embedded (see {@link renderStandaloneHtml}). */
  warnings: RenderWarning[];
}

/**
 * Renders `deckPath` to a standalone HTML document at `outPath`. The document is written to
 * a temporary file in the target folder and renamed over `outPath`, so a reader never sees
 * a half-written file and a failed export leaves any earlier file as it was.
 */
export async function exportHtml(deckPath: string, outPath: string): Promise<HtmlExportResult> {
  const source = await readFile(deckPath, 'utf8');
  const result = renderStandaloneHtml(source, { deckPath: resolve(deckPath) });
  const target = resolve(outPath);
  await writeFileAtomic(target, result.html, { protect: [deckPath] });
  return { outPath: target, slideCount: result.slideCount, bytes: Buffer.byteLength(result.html), warnings: result.warnings };
}
