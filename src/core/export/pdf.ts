/**
 * PDF export through a real Chromium-family browser.
 *
 * The deck is rendered to one self-contained HTML document (fonts and in-tree images
 * embedded, see `renderStandaloneHtml`), loaded into a page of a shared browser and printed
 * at the slide size as a tagged PDF. pdf-lib then sets the document properties (title,
 * author, subject, keywords, language), writes the outline (parts, then slide titles) and
 * makes the file PDF/UA-1 (`pdf-ua/`: artifacts, structure fixes, XMP identification), the
 * PDF/UA checks run on the result, and the file is written atomically. With `notes`, the same page is re-laid out as an A4
 * handout (each slide on the top half of a page, its presenter notes beneath) and printed
 * to `<name>.notes.pdf`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { parseDeck } from '../deck/parse';
import { deckProperties } from '../deck/properties';
import type { Deck } from '../deck/types';
import type { ResolvedConfig } from '../config/schema';
import { type RenderWarning, renderStandaloneHtml } from '../render';
import { writeFileAtomic } from '../io/atomic-write';
import { checkNewOutput } from '../io/output-policy';
import { NO_REMOTE, startNetworkSession, type NetworkPolicy, type NetworkSession, type RefusedRequest } from './network';
import { deckOutline, type OutlineItem, writeOutline } from './outline';
import { updatePdf } from './pdf-update';
import { keepFilteredTextInPage } from './print-text';
import { drawnProblems, drawnWarnings, loadDocument } from './drawn-checks';
import type { ExportWarning } from './warnings';
import { makeDocumentAccessible } from './pdf-ua/accessible';
import { checkPdfUa, type PdfUaReport } from './pdf-ua/check';

export interface PdfMetadata {
  title: string;
  author: string | undefined;
  subject: string | undefined;
  keywords: string[];
  lang: string;
}

/** Where pages come from: a {@link PdfBrowser} (pages reused), or a playwright Browser or BrowserContext. */
export interface PageSource {
  newPage(): Promise<Page>;
  /** Takes the page back when the deck is done; without it, the page is closed. */
  release?(page: Page): Promise<void>;
}

export interface ExportPdfOptions {
  browser: PageSource;
  deckPath: string;
  outPath: string;
  /** Also write the handout with presenter notes. */
  notes?: boolean;
  /** Where the handout goes (default: {@link handoutPath} of `outPath`). */
  notesOutPath?: string;
  /** The deck's text, when already read. */
  source?: string;
  /** The deck model of `source`, when already parsed. */
  deck?: Deck;
  /** Files never to overwrite (the inputs); the deck itself is always protected. */
  protect?: readonly string[];
  /** Milliseconds for the page to load (default 60 s). */
  timeoutMs?: number;
  /** What the page may fetch (default: nothing from the network, see `network.ts`). */
  network?: NetworkPolicy;
  /** The folder pictures must be inside (default: the deck's workspace, `findWorkspaceRoot`). */
  workspaceRoot?: string;
  /**
   * The deck's configuration: raw HTML drawn or not (`html`), and the drawn checks it leaves on
   * (`slide-overflow`, `min-font-size`, `contrast`), run on the printed page and returned in
   * `checked`. Without it, raw HTML is left out and no check runs.
   */
  config?: ResolvedConfig;
}

export interface PdfFile {
  outPath: string;
  pages: number;
  bytes: number;
  /** The PDF/UA-1 checks on the file as written (`pdf-ua/check.ts`). */
  accessibility: PdfUaReport;
}

export interface PdfExportResult {
  pdf: PdfFile;
  handout: PdfFile | undefined;
  /** Pictures left out (refused by the picture policy, unreadable, not images) or left to the page (web addresses). */
  warnings: RenderWarning[];
  /** Requests of the page that were not answered (blocked by the network policy, timed out, failed): content left out. */
  refused: RefusedRequest[];
  /** What the drawn checks found on the printed page, each on its slide (see `drawn-checks.ts`). */
  checked: ExportWarning[];
  metadata: PdfMetadata;
}

/** `talk.pdf` → `talk.notes.pdf`. */
export function handoutPath(pdfPath: string): string {
  return /\.pdf$/i.test(pdfPath) ? pdfPath.replace(/\.pdf$/i, '.notes.pdf') : `${pdfPath}.notes.pdf`;
}

/** The deck's properties ({@link deckProperties}) as the PDF's document information and XMP. */
export function pdfMetadata(deck: Deck): PdfMetadata {
  const { title, author, subject, keywords, language } = deckProperties(deck);
  return { title, author, subject, keywords, lang: language };
}

/**
 * Sets the properties and the outline on a printed PDF; returns the bytes to write and the
 * page count. An incremental update when the file allows it (fast: Chromium's bytes are kept),
 * else a full load and save with pdf-lib.
 */
export async function finishPdf(
  printed: Uint8Array,
  metadata: PdfMetadata,
  outline: readonly OutlineItem[],
  now = new Date(),
): Promise<{ bytes: Uint8Array; pages: number }> {
  const updated = updatePdf(printed, { ...metadata, creator: 'isdeck', producer: 'isdeck', date: now }, outline);
  return updated ?? rewritePdf(printed, metadata, outline, now);
}

/** The full rewrite with pdf-lib (the fallback of {@link finishPdf}). */
export async function rewritePdf(
  printed: Uint8Array,
  metadata: PdfMetadata,
  outline: readonly OutlineItem[],
  now = new Date(),
): Promise<{ bytes: Uint8Array; pages: number }> {
  // Fastest / objectsPerTick: no yielding to the event loop every few objects (it only adds waiting).
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords.length > 0) doc.setKeywords(metadata.keywords);
  doc.setCreator('isdeck');
  doc.setProducer('isdeck');
  doc.setLanguage(metadata.lang);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  writeOutline(doc, outline);
  makeDocumentAccessible(doc, { ...metadata, creator: 'isdeck', producer: 'isdeck', date: now });
  return { bytes: await doc.save({ objectsPerTick: Infinity }), pages: doc.getPageCount() };
}

const PRINT = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false } as const;

/** Exports one deck to PDF (and the handout) with a running browser. */
export async function exportPdf(options: ExportPdfOptions): Promise<PdfExportResult> {
  const deckPath = resolve(options.deckPath);
  const protect = [deckPath, ...(options.protect ?? [])];
  const outPath = resolve(options.outPath);
  const notesOutPath = resolve(options.notesOutPath ?? handoutPath(outPath));
  // Refused before any work; writeFileAtomic checks again at the write.
  for (const target of options.notes ? [outPath, notesOutPath] : [outPath]) checkNewOutput(target, protect);
  const source = options.source ?? (await readFile(deckPath, 'utf8'));
  // Asked for first: a new page is made by the browser while the deck renders here.
  const pagePromise = options.browser.newPage();
  pagePromise.catch(() => undefined);
  let page: Page | undefined;
  let network: NetworkSession | undefined;
  let pageIsClean = false;
  try {
    const deck = options.deck ?? parseDeck(source, deckPath);
    const standalone = renderStandaloneHtml(source, {
      deckPath,
      ...(options.workspaceRoot ? { workspaceRoot: options.workspaceRoot } : {}),
      html: options.config?.html ?? false,
    });
    const metadata = pdfMetadata(deck);
    const outline = deckOutline(deck, metadata.title, standalone.slideCount);
    page = await pagePromise;
    const printPage = page;
    network = await startNetworkSession(printPage, options.network ?? NO_REMOTE);

    const printed = await printDocument(printPage, standalone.html, options.timeoutMs ?? 60_000);
    // The drawn checks measure the page as printed (before the handout moves its slides), in
    // the browser, while the PDF is finished here.
    const checked = options.config ? drawnProblems(printPage, deck, options.config) : Promise.resolve([]);
    checked.catch(() => undefined);
    const slides = await finishPdf(printed, metadata, outline);
    const problems = await checked;

    const handoutPrint = options.notes
      ? (async () => {
          const notes = deck.slides.map((slide) => slide.notes.map((note) => note.text));
          await printPage.evaluate(layOutHandout, { notes, css: HANDOUT_CSS, notesHeading: 'Notes', noNotes: 'No presenter notes.' });
          lastPrints.delete(printPage);
          await fontsReady(printPage);
          return printPage.pdf(PRINT);
        })()
      : undefined;
    handoutPrint?.catch(() => undefined);
    const handout = handoutPrint
      ? await finishPdf(await handoutPrint, { ...metadata, title: `${metadata.title} (handout with notes)` }, outline)
      : undefined;
    const accessibility = await checkPdfUa(slides.bytes);
    const handoutAccessibility = handout ? await checkPdfUa(handout.bytes) : undefined;
    pageIsClean = true;

    // Both printed before either is written: a failed print leaves neither file.
    await writeFileAtomic(outPath, slides.bytes, { protect });
    if (handout) await writeFileAtomic(notesOutPath, handout.bytes, { protect });
    return {
      pdf: { outPath, pages: slides.pages, bytes: slides.bytes.byteLength, accessibility },
      handout:
        handout && handoutAccessibility
          ? { outPath: notesOutPath, pages: handout.pages, bytes: handout.bytes.byteLength, accessibility: handoutAccessibility }
          : undefined,
      warnings: standalone.warnings,
      refused: network.end(),
      checked: drawnWarnings(deck, problems),
      metadata,
    };
  } finally {
    network?.end();
    page ??= await pagePromise.catch(() => undefined);
    if (page) {
      // A page that printed is reused for the next deck; one that failed midway is closed.
      if (pageIsClean && network?.reusable !== false && options.browser.release) await options.browser.release(page).catch(() => undefined);
      else await page.close().catch(() => undefined);
    }
  }
}

/** The document a reused page holds and what it printed: the same document again is not loaded and printed again. */
const lastPrints = new WeakMap<Page, { key: string; pdf: Uint8Array }>();

/**
 * Loads `html` into the page and prints it. A page that printed this very document last (a
 * deck exported again unchanged, in a browser kept between exports) still holds it, checked
 * by a mark on its root element: its print is the same and is taken again. The document is
 * self-contained (fonts and pictures embedded), so the same text prints the same PDF; a page
 * that fetched anything is never reused.
 */
async function printDocument(page: Page, html: string, timeoutMs: number): Promise<Uint8Array> {
  const key = createHash('sha256').update(html).digest('base64');
  const last = lastPrints.get(page);
  if (last?.key === key && (await page.evaluate(() => document.documentElement.dataset.isdeckPrint).catch(() => undefined)) === key) return last.pdf;
  lastPrints.delete(page);
  await loadDocument(page, html, timeoutMs);
  await page.evaluate(keepFilteredTextInPage);
  const printed = await page.pdf(PRINT);
  await page.evaluate((mark) => (document.documentElement.dataset.isdeckPrint = mark), key);
  lastPrints.set(page, { key, pdf: printed });
  return printed;
}

async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

const HANDOUT_CSS = `
@page { size: A4 portrait; margin: 14mm 16mm; }
html, body { background: #fff !important; margin: 0; padding: 0; }
main { display: block; }
article.isdeck-handout { display: block; break-after: page; font-family: Carlito, Calibri, 'Liberation Sans', Arial, sans-serif; color: #1b365d; }
article.isdeck-handout:last-child { break-after: auto; }
article.isdeck-handout > div.marpit { display: block; }
article.isdeck-handout > div.marpit > svg[data-marpit-svg] {
  display: block; width: 100%; height: auto; max-width: 100%; aspect-ratio: var(--isdeck-ratio);
  box-shadow: none; border: 0.5pt solid #9aa8b8; break-after: auto; break-inside: avoid;
}
article.isdeck-handout > section.isdeck-notes { margin-top: 7mm; font-size: 11pt; line-height: 1.4; color: #222; }
article.isdeck-handout > section.isdeck-notes > h2 { font-size: 10pt; letter-spacing: 0.06em; text-transform: uppercase; color: #1b365d; margin: 0 0 2mm; }
article.isdeck-handout > section.isdeck-notes > p { margin: 0 0 2.5mm; white-space: pre-wrap; }
article.isdeck-handout > section.isdeck-notes > p.isdeck-none { color: #6b7785; font-style: italic; }
`;

/** Runs in the page: one A4 page a slide, the slide on top, its notes beneath. */
function layOutHandout(input: { notes: string[][]; css: string; notesHeading: string; noNotes: string }): void {
  const marpit = document.querySelector('div.marpit');
  if (!marpit || !marpit.parentNode) return;
  const slides = Array.from(marpit.children).filter((child) => child.tagName.toLowerCase() === 'svg');
  const style = document.createElement('style');
  style.textContent = input.css;
  document.head.appendChild(style);
  const container = marpit.parentNode;
  slides.forEach((svg, index) => {
    const article = document.createElement('article');
    article.className = 'isdeck-handout';
    const box = svg.getAttribute('viewBox')?.split(/\s+/).map(Number);
    if (box && box.length === 4 && box[2] && box[3]) article.style.setProperty('--isdeck-ratio', `${box[2]} / ${box[3]}`);
    // Each slide keeps a `div.marpit` parent: the theme's selectors are `div.marpit > svg > …`.
    const wrapper = document.createElement('div');
    wrapper.className = marpit.className;
    wrapper.appendChild(svg);
    article.appendChild(wrapper);
    const section = document.createElement('section');
    section.className = 'isdeck-notes';
    const heading = document.createElement('h2');
    heading.textContent = input.notesHeading;
    section.appendChild(heading);
    const notes = (input.notes[index] ?? []).flatMap((note) => note.split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
    for (const note of notes.length > 0 ? notes : [input.noNotes]) {
      const paragraph = document.createElement('p');
      paragraph.textContent = note;
      if (notes.length === 0) paragraph.className = 'isdeck-none';
      section.appendChild(paragraph);
    }
    article.appendChild(section);
    container.insertBefore(article, marpit);
  });
  marpit.remove();
}
