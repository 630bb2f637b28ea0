/**
 * PNG pictures of slides, for pasting into an e-mail or an intranet page: each slide drawn in
 * the shared Chromium at the slide's own size (1280×720 for 16:9, 960×720 for 4:3) from the
 * same self-contained document the PDF prints, under the same network policy, and written
 * through the output policy like every other export (atomically, never over an input).
 *
 * Files are `<name>.slide-NN.png` (numbered from 1, at least two digits), the same name
 * whether one slide or all are exported.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { writeFileAtomic } from '../io/atomic-write';
import { checkNewOutput } from '../io/output-policy';
import { type RenderWarning, renderStandaloneHtml, type SlideSize } from '../render/render';
import { NO_REMOTE, startNetworkSession, type NetworkPolicy, type RefusedRequest } from './network';
import { deckName } from './output-names';
import type { PageSource } from './pdf';

export interface ExportPngOptions {
  browser: PageSource;
  deckPath: string;
  /** The folder the pictures go into. */
  outDir: string;
  /** 1-based slide numbers to draw; every slide when absent. */
  slides?: readonly number[];
  /** The deck's text, when already read. */
  source?: string;
  /** Files never to overwrite (the inputs); the deck itself is always protected. */
  protect?: readonly string[];
  network?: NetworkPolicy;
  workspaceRoot?: string;
  /** Raw HTML drawn through Marp's allowlist (the configuration's `html`); off by default. */
  html?: boolean;
  /** Milliseconds for the page to load (default 60 s). */
  timeoutMs?: number;
}

export interface PngFile {
  slide: number;
  outPath: string;
  bytes: number;
}

export interface PngExportResult {
  files: PngFile[];
  slideCount: number;
  size: SlideSize;
  warnings: RenderWarning[];
  refused: RefusedRequest[];
}

/** A slide number that is not in the deck. */
export class SlideNotFoundError extends Error {
  readonly code = 'ISDECK_SLIDE_NOT_FOUND';
  constructor(slide: number, slideCount: number) {
    super(`there is no slide ${slide}: the deck has ${slideCount} slide${slideCount === 1 ? '' : 's'}`);
    this.name = 'SlideNotFoundError';
  }
}

/** `talk.md`, slide 3 of 45 → `talk.slide-03.png` in `outDir`. */
export function pngPath(deckPath: string, outDir: string, slide: number, slideCount: number): string {
  const name = deckName(deckPath);
  const digits = Math.max(2, String(slideCount).length);
  return join(outDir, `${name}.slide-${String(slide).padStart(digits, '0')}.png`);
}

/** Slides laid out at their size, one under another, nothing around them. */
const SHOT_CSS = `
html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; }
div.marpit { display: block !important; }
div.marpit > svg[data-marpit-svg] { display: block; margin: 0 !important; box-shadow: none !important; }
`;

export async function exportPng(options: ExportPngOptions): Promise<PngExportResult> {
  const deckPath = resolve(options.deckPath);
  const protect = [deckPath, ...(options.protect ?? [])];
  const source = options.source ?? (await readFile(deckPath, 'utf8'));
  const standalone = renderStandaloneHtml(source, { deckPath, html: options.html ?? false, ...(options.workspaceRoot ? { workspaceRoot: options.workspaceRoot } : {}) });
  const wanted = options.slides ?? Array.from({ length: standalone.slideCount }, (_, index) => index + 1);
  for (const slide of wanted) if (!Number.isInteger(slide) || slide < 1 || slide > standalone.slideCount) throw new SlideNotFoundError(slide, standalone.slideCount);
  const targets = wanted.map((slide) => ({ slide, outPath: pngPath(deckPath, resolve(options.outDir), slide, standalone.slideCount) }));
  // Refused before any work; writeFileAtomic checks again at each write.
  for (const target of targets) checkNewOutput(target.outPath, protect);

  const page = await options.browser.newPage();
  const network = await startNetworkSession(page, options.network ?? NO_REMOTE);
  let clean = false;
  try {
    await page.setContent(standalone.html, { waitUntil: 'load', timeout: options.timeoutMs ?? 60_000 });
    await page.addStyleTag({ content: SHOT_CSS });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    // Every picture is taken before any is written: a failure midway leaves no partial set.
    const pictures = [];
    for (const target of targets) pictures.push({ ...target, data: await shoot(page, target.slide - 1) });
    clean = true;
    const files: PngFile[] = [];
    for (const picture of pictures) {
      await writeFileAtomic(picture.outPath, picture.data, { protect, createFolder: true });
      files.push({ slide: picture.slide, outPath: picture.outPath, bytes: picture.data.byteLength });
    }
    return { files, slideCount: standalone.slideCount, size: standalone.size, warnings: standalone.warnings, refused: network.end() };
  } finally {
    network.end();
    // A page that loaded only its own document goes back for the next deck; any other is closed.
    if (clean && network.reusable && options.browser.release) await options.browser.release(page).catch(() => undefined);
    else await page.close().catch(() => undefined);
  }
}

/** One slide, exactly its own box (the theme draws its background; nothing of the page around it). */
async function shoot(page: Page, index: number): Promise<Uint8Array> {
  return page.locator('div.marpit > svg[data-marpit-svg]').nth(index).screenshot({ type: 'png', animations: 'disabled', timeout: 30_000 });
}
