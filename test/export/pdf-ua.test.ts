/**
 * PDF/UA-1 through Debian's Chromium: every fixture deck's PDF (and the handouts) passes
 * every check of `pdf-ua/check.ts`; pdf.js, an independent reader, finds no text outside
 * marked content, the theme's decoration as artifacts and the structure the pass writes;
 * Chromium's own print fails the checks the pass fixes, on both ways of finishing a file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PdfBrowser } from '../../src/core/export/browser';
import { deckOutline } from '../../src/core/export/outline';
import { exportPdf, finishPdf, pdfMetadata, type PdfExportResult, rewritePdf } from '../../src/core/export/pdf';
import { checkPdfUa, formatPdfUaReport } from '../../src/core/export/pdf-ua/check';
import { parseDeck } from '../../src/core/deck/parse';
import { renderStandaloneHtml } from '../../src/core/render';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readTagging, type StructElement } from '../helpers/pdf';

const ROOT = resolve(__dirname, '..', '..');
const SEED = join(ROOT, 'decks', 'masterclass-2010-03-24.md');
const TEMPLATE = join(ROOT, 'decks', 'template.md');
const ALL_TYPES = join(ROOT, 'test', 'fixtures', 'render', 'all-types.md');
const MARP_FEATURES = join(ROOT, 'test', 'fixtures', 'marp-features');
const CHECK_IDS = [
  'tagged-content',
  'structure-tree',
  'pdfua-identification',
  'display-doc-title',
  'language',
  'mark-info',
  'tab-order',
  'figure-alt',
  'table-headers',
  'heading-levels',
  'role-map',
  'list-structure',
  'annotations',
  'fonts-embedded',
  'to-unicode',
];
const TIMEOUT = 240_000;

let browser: PdfBrowser;
let work: string;
const results = new Map<string, PdfExportResult>();

/** The house decks with their handouts, and every deck of the Marp-features corpus (other themes, pictures, math, code). */
const DECKS = [SEED, TEMPLATE, ALL_TYPES, ...readdirSync(MARP_FEATURES).filter((file) => file.endsWith('.md')).map((file) => join(MARP_FEATURES, file))];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'isdeck-pdfua-test-'));
  browser = await launchBrowser();
  for (const deckPath of DECKS) {
    const notes = !deckPath.startsWith(MARP_FEATURES);
    results.set(deckPath, await exportPdf({ browser, deckPath, outPath: join(work, `${basename(deckPath, '.md')}.pdf`), notes, workspaceRoot: ROOT }));
  }
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function flatten(elements: readonly StructElement[]): StructElement[] {
  return elements.flatMap((element) => [element, ...flatten(element.children)]);
}

describe('PDF/UA-1 export', () => {
  it('passes every check on every fixture deck, its handout too', () => {
    const reports = [...results].flatMap(([deck, result]) => [
      [basename(deck), result.pdf.accessibility] as const,
      ...(result.handout ? [[`${basename(deck)} (handout)`, result.handout.accessibility] as const] : []),
    ]);
    expect(reports).toHaveLength(DECKS.length + 3);
    for (const [, report] of reports) expect(report.checks.map((check) => check.id)).toEqual(CHECK_IDS);
    const failing = reports.filter(([, report]) => report.failed > 0).map(([deck, report]) => `${deck}: ${formatPdfUaReport(report)}`);
    expect(failing).toEqual([]);
    expect(formatPdfUaReport(results.get(SEED)!.pdf.accessibility)).toBe('PDF/UA checks: 15 passed');
  });

  it('leaves no text outside marked content, and the tagline, wordmark and page number are artifacts (pdf.js)', async () => {
    for (const file of [results.get(SEED)!.pdf.outPath, results.get(SEED)!.handout!.outPath]) {
      const tagging = await readTagging(file);
      expect(tagging.pages).toHaveLength(45);
      expect(tagging.pages.flatMap((page) => page.untagged)).toEqual([]);
      tagging.pages.forEach((page, index) => {
        expect(page.artifacts).toContain('efficiency | quality | accountability');
        expect(page.artifacts.join(' ')).toMatch(/Improvement\s*is\./);
        expect(page.artifacts).toContain(String(index + 1));
        expect(page.tagged.join(' ')).not.toMatch(/efficiency \| quality|improvement service/);
      });
      // The slide's own text is content: slide 2's title and bullets.
      expect(tagging.pages[1]!.tagged.join(' ')).toMatch(/^The Purpose of the Masterclass Series To allow elected members/);
    }
  });

  it('identifies itself as PDF/UA-1 with the title and language in XMP (pdf.js)', async () => {
    const seed = await readTagging(results.get(SEED)!.pdf.outPath);
    expect(seed.xmp).toEqual({ part: '1', title: 'Delivering Outcomes - Co-production with Service Users & Communities', language: 'en-GB' });
    const handout = await readTagging(results.get(SEED)!.handout!.outPath);
    expect(handout.xmp.part).toBe('1');
    expect(handout.xmp.title).toBe('Delivering Outcomes - Co-production with Service Users & Communities (handout with notes)');
  });

  it('nests headings without skips, lists as L/LI/Lbl/LBody, tables with TH, charts as figures with alt (pdf.js)', async () => {
    const pages = (await readTagging(results.get(ALL_TYPES)!.pdf.outPath)).pages;
    const elements = pages.flatMap((page) => flatten(page.structure));
    const headings = elements.filter((element) => /^H\d$/.test(element.role)).map((element) => Number(element.role.slice(1)));
    expect(headings[0]).toBe(1);
    expect(headings.every((level, i) => i === 0 || level <= headings[i - 1]! + 1)).toBe(true);
    expect(headings.filter((level) => level === 2).length).toBeGreaterThanOrEqual(7);
    const items = elements.filter((element) => element.role === 'LI');
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.children.map((child) => child.role).filter((role) => role !== 'Lbl')).toEqual(['LBody']);
    expect(elements.some((element) => element.role === 'Table' && flatten(element.children).some((cell) => cell.role === 'TH'))).toBe(true);
    const figures = elements.filter((element) => element.role === 'Figure');
    expect(figures.length).toBeGreaterThanOrEqual(1);
    for (const figure of figures) expect(figure.alt).toMatch(/Bar chart of/);
    // Bold and italic are PDF 2.0 types, role-mapped for PDF/UA-1 readers.
    const doc = await PDFDocument.load(readFileSync(results.get(SEED)!.pdf.outPath), { updateMetadata: false });
    const root = doc.context.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
    const roleMap = root.lookup(PDFName.of('RoleMap'), PDFDict);
    expect(roleMap.get(PDFName.of('Strong'))).toBe(PDFName.of('Span'));
    expect(roleMap.get(PDFName.of('Em'))).toBe(PDFName.of('Span'));
  });

  it('links each footnote marker to its source line: a Link element, an internal link annotation that says so', async () => {
    const file = results.get(ALL_TYPES)!.pdf.outPath;
    const loading = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false });
    try {
      const doc = await loading.promise;
      const page = await doc.getPage(2);
      const links = (await page.getAnnotations()).filter((annotation) => annotation.subtype === 'Link');
      expect(links.map((link) => [link.dest, link.contentsObj?.str])).toEqual([['is-fn-2-1', 'Footnote 1']]);
      const destination = await doc.getDestination('is-fn-2-1');
      expect(await doc.getPageIndex(destination![0])).toBe(1);
    } finally {
      await loading.destroy();
    }
    const structure = flatten((await readTagging(file)).pages[1]!.structure);
    expect(structure.filter((element) => element.role === 'Link')).toHaveLength(1);
  });

  it('marks the header and footer bands as pagination artifacts, other decoration as layout artifacts', async () => {
    const doc = await PDFDocument.load(readFileSync(results.get(SEED)!.pdf.outPath), { updateMetadata: false });
    const page = doc.getPage(1);
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
    expect(contents).toBeInstanceOf(PDFRawStream);
    const text = inflateSync((contents as PDFRawStream).contents).toString('latin1');
    const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
    // The band and its accent rule, then the tagline; the footer band, rule, page number and wordmark.
    expect(count(/\/Artifact <<\/Type \/Pagination \/Subtype \/Header>> BDC/g)).toBeGreaterThanOrEqual(2);
    expect(count(/\/Artifact <<\/Type \/Pagination \/Subtype \/Footer>> BDC/g)).toBeGreaterThanOrEqual(3);
    expect(count(/\/Artifact <<\/Type \/Layout>> BDC/g)).toBeGreaterThanOrEqual(1);
    expect(count(/\bBDC\b/g) + count(/\bBMC\b/g)).toBe(count(/\bEMC\b/g));
  });
});

describe('Chromium print as it comes', () => {
  let raw: Uint8Array;
  beforeAll(async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(renderStandaloneHtml(readFileSync(TEMPLATE, 'utf8'), { deckPath: TEMPLATE }).html, { waitUntil: 'load' });
      raw = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    } finally {
      await page.close();
    }
  }, TIMEOUT);

  it('fails the checks the PDF/UA pass fixes', async () => {
    const report = await checkPdfUa(raw);
    const failed = report.checks.filter((check) => check.failures.length > 0).map((check) => check.id);
    // The template's footnote links: Chromium tags them NonStruct and gives them no /Contents.
    expect(failed).toEqual(['tagged-content', 'pdfua-identification', 'role-map', 'list-structure', 'annotations']);
    const untagged = report.checks[0]!.failures[0]!;
    expect(untagged).toMatch(/^page 1: \d+ text-showing operators and \d+ other painting operations outside marked content$/);
    expect(formatPdfUaReport(report)).toMatch(/^PDF\/UA checks: 10 passed, 5 failed: tagged-content \(page 1: /);
  });

  it('passes them all after the incremental update and after the full pdf-lib rewrite', async () => {
    const deck = parseDeck(readFileSync(TEMPLATE, 'utf8'), TEMPLATE);
    const metadata = pdfMetadata(deck);
    const outline = deckOutline(deck, metadata.title);
    for (const finished of [await finishPdf(raw, metadata, outline), await rewritePdf(raw, metadata, outline)]) {
      const report = await checkPdfUa(finished.bytes);
      expect(formatPdfUaReport(report)).toBe('PDF/UA checks: 15 passed');
      expect(finished.pages).toBe(9);
    }
  });
});

describe('the house font', () => {
  it('draws every character missing-glyph passes from the bundled Carlito, and the ones it names from another font', async () => {
    const deck = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'missing-glyph', 'good.md'), 'utf8') + '\n---\n\n## Not in the font\n\n- ✓ ✗ ① ‰\n';
    const page = await browser.newPage();
    try {
      await page.setContent(renderStandaloneHtml(deck, { deckPath: join(work, 'glyphs.md') }).html, { waitUntil: 'load' });
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'section li' });
      const fontsOf = async (nodeId: number) => {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.map((font) => `${font.familyName}${font.isCustomFont ? ' (bundled)' : ''}`);
      };
      const items = await Promise.all(nodeIds.map(fontsOf));
      expect(items).toHaveLength(4);
      // The latin subset and the supplement are two faces of the one bundled family.
      for (const fonts of items.slice(0, 3)) expect([...new Set(fonts)]).toEqual(['Carlito (bundled)']);
      expect(items[3]).toContain('Carlito (bundled)');
      expect(items[3]!.filter((font) => !font.endsWith('(bundled)')).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
