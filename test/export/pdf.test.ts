/**
 * PDF export with a real browser (Debian's Chromium on CI): page count, tags, properties,
 * outline and text of the seed deck and the template; the handout; failures leave nothing.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, List } from '../../src/core/deck/types';
import { writeFileAtomic } from '../../src/core/io/atomic-write';
import { OutputRefusedError } from '../../src/core/io/output-policy';
import { browserArgs, BrowserNotFoundError, findBrowser, HOW_TO_GET_ONE, launchBrowser, wellKnownBrowserPaths, type PdfBrowser } from '../../src/core/export/browser';
import { deckOutline, readOutline } from '../../src/core/export/outline';
import { exportPdf, finishPdf, handoutPath, pdfMetadata } from '../../src/core/export/pdf';
import { updatePdf } from '../../src/core/export/pdf-update';
import { resolveConfig } from '../../src/core/config/schema';
import { allRules } from '../../src/core/rules';
import { isA4, readPdf } from '../helpers/pdf';

const ROOT = resolve(__dirname, '..', '..');
const SEED = join(ROOT, 'decks', 'masterclass-2010-03-24.md');
const TEMPLATE = join(ROOT, 'decks', 'template.md');

/** Compares text as a reader sees it: compatibility forms (ligatures), case, and no spaces, hyphens or punctuation (line wraps and CSS upper-casing differ). */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Every list item's text. Items that lead with bold text (`**Name** – text`) are drawn by the
 * models and statistics layouts as two boxes without the dash: their two halves are checked.
 */
function listTexts(lists: readonly List[]): string[] {
  return lists.flatMap((list) =>
    list.items.flatMap((item) => [...(item.boldLead ? [item.boldLead.bold, item.boldLead.rest] : [item.text]), ...listTexts(item.children)]),
  );
}

/**
 * Checks every cross-reference section, following /Prev: each in-use entry points at
 * `N G obj`. (Readers rebuild a broken table: poppler silently, pdf.js with a warning;
 * neither fails on a wrong offset.)
 */
function checkXref(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1');
  let offset: number | undefined = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024))?.[1]);
  let sections = 0;
  while (offset !== undefined && Number.isFinite(offset)) {
    expect(text.startsWith('xref', offset)).toBe(true);
    const end = text.indexOf('trailer', offset);
    const lines = text.slice(offset + 4, end).trim().split(/\r?\n/).map((line) => line.trim());
    let number = 0;
    for (const line of lines) {
      const header = /^(\d+) (\d+)$/.exec(line);
      if (header) {
        number = Number(header[1]);
        continue;
      }
      const [at, generation, kind] = line.split(/\s+/);
      if (kind === 'n') expect(text.slice(Number(at), Number(at) + 24)).toMatch(new RegExp(`^${number} ${Number(generation)} obj\\b`));
      number++;
    }
    const prev = /\/Prev (\d+)/.exec(text.slice(end, text.indexOf('>>', end) + 2));
    offset = prev ? Number(prev[1]) : undefined;
    sections++;
  }
  return sections;
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

let browser: PdfBrowser;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'isdeck-pdf-test-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the seed deck', () => {
  let deck: Deck;
  let out: string;
  let result: Awaited<ReturnType<typeof exportPdf>>;
  const before = () => sha(SEED);
  let seedHash: string;

  beforeAll(async () => {
    seedHash = before();
    deck = parseDeck(readFileSync(SEED, 'utf8'), SEED);
    out = join(work, 'seed.pdf');
    result = await exportPdf({ browser, deckPath: SEED, outPath: out, notes: true });
  });

  it('writes the properties, outline and PDF/UA pass as one compact file: one cross-reference section, every entry at its object', async () => {
    expect(checkXref(readFileSync(out))).toBe(1);
    expect(checkXref(readFileSync(handoutPath(out)))).toBe(1);
    expect((await readPdf(out)).warnings).toEqual([]);
    expect((await readPdf(handoutPath(out))).warnings).toEqual([]);
  });

  it('has a page a slide, tags and the document properties', async () => {
    expect(deck.slides).toHaveLength(45);
    const pdf = await readPdf(out);
    expect(pdf.pages).toBe(deck.slides.length);
    expect(result.pdf.pages).toBe(45);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info.Title).toBe('Delivering Outcomes - Co-production with Service Users & Communities');
    expect(pdf.info.Author).toBe('Bob Christie');
    expect(pdf.info.Subject).toBe('Elected Members Masterclass');
    expect(pdf.info.Creator).toBe('isdeck');
    expect(pdf.info.Producer).toBe('isdeck');
    expect(pdf.pageSize).toEqual({ width: 960, height: 540 });
  });

  it('contains every slide title and every bullet as text', async () => {
    const text = normalise((await readPdf(out)).text);
    const titles = deck.slides.map((slide) => slide.title?.text).filter((title): title is string => !!title);
    const bullets = deck.slides.flatMap((slide) => listTexts(slide.lists));
    expect(titles.length).toBeGreaterThan(35);
    expect(bullets.length).toBeGreaterThan(150);
    const missing = [...titles, ...bullets].filter((item) => !text.includes(normalise(item)));
    expect(missing).toEqual([]);
  });

  it('has an outline of parts, then slide titles, and the language', async () => {
    const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    const outline = readOutline(doc);
    const parts = outline.filter((item) => item.depth === 0);
    expect(parts.map((item) => item.title)).toEqual([
      'Delivering Outcomes - Co-production with Service Users & Communities',
      'Implications of Co-Production',
      'Co-production: Transforming Services',
    ]);
    expect(parts.map((item) => item.pageIndex)).toEqual(deck.parts.map((part) => part.slideIndices[0]));
    // Every slide is reachable: the part entry opens its cover, its slides sit beneath it.
    const pages = new Set(outline.map((item) => item.pageIndex));
    expect(pages.size).toBe(45);
    expect(outline.find((item) => item.pageIndex === 1)).toEqual({ title: 'The Purpose of the Masterclass Series', depth: 1, pageIndex: 1 });
    // Titles keep their spaces (Chromium's heading outline loses them at line wraps).
    expect(outline.map((item) => item.title)).toContain('Co-production & Outcomes - what is the role of the elected member?');
    expect(outline.every((item) => item.depth <= 1)).toBe(true);
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('en-GB');
    expect(doc.catalog.lookup(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('writes the handout: a page a slide, A4, with the notes', async () => {
    const notes = handoutPath(out);
    expect(notes).toBe(join(work, 'seed.notes.pdf'));
    const handout = await readPdf(notes);
    expect(handout.pages).toBe(45);
    expect(handout.tagged).toBe(true);
    expect(isA4(handout.pageSize), JSON.stringify(handout.pageSize)).toBe(true);
    const text = normalise(handout.text);
    for (const slide of deck.slides) for (const note of slide.notes) expect(text).toContain(normalise(note.text));
    expect(text).toContain(normalise('The Purpose of the Masterclass Series'));
  });

  it('leaves the source untouched', () => {
    expect(sha(SEED)).toBe(seedHash);
  });
});

describe('the template', () => {
  it('prints 9 pages with its title, presenter and notes in the handout', async () => {
    const out = join(work, 'template.pdf');
    const result = await exportPdf({ browser, deckPath: TEMPLATE, outPath: out, notes: true });
    const pdf = await readPdf(out);
    expect(pdf.pages).toBe(9);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info.Title).toBe('Deck Title');
    expect(pdf.info.Author).toBe('Presenter Name');
    expect(result.handout?.pages).toBe(9);
    const deck = parseDeck(readFileSync(TEMPLATE, 'utf8'), TEMPLATE);
    const text = normalise((await readPdf(handoutPath(out))).text);
    const notes = deck.slides.flatMap((slide) => slide.notes.map((note) => note.text));
    expect(notes.length).toBeGreaterThanOrEqual(9);
    for (const note of notes) expect(text).toContain(normalise(note));
    // A one-part deck without a part title: a flat outline of its slides.
    const doc = await PDFDocument.load(readFileSync(out));
    expect(readOutline(doc).map((item) => [item.depth, item.pageIndex])).toEqual(deck.slides.map((slide) => [0, slide.index]));
  });
});

describe('images', () => {
  it('embeds an image inside the deck folder and refuses one outside, naming its path', async () => {
    const folder = join(work, 'images', 'deck');
    mkdirSync(join(folder, 'pictures'), { recursive: true });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    writeFileSync(join(folder, 'pictures', 'inside.png'), png);
    writeFileSync(join(work, 'images', 'outside.png'), png);
    const deckPath = join(folder, 'deck.md');
    writeFileSync(
      deckPath,
      '---\nmarp: true\ntheme: improvement-service\ntitle: Images\n---\n\n<!-- _class: content -->\n\n## Pictures\n\n![A dot](pictures/inside.png)\n\n![Another dot](../outside.png)\n',
    );
    const result = await exportPdf({ browser, deckPath, outPath: join(folder, 'deck.pdf') });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.path).toBe('../outside.png');
    expect(result.warnings[0]).toMatchObject({ kind: 'left-out', message: expect.stringContaining('`../outside.png` is outside the workspace') });
    expect(result.refused).toEqual([]);
    expect(result.checked).toEqual([]);
    expect((await readPdf(join(folder, 'deck.pdf'))).pages).toBe(1);
  });

  it('fits a large image under bullets into the room left: the drawn checks find nothing', async () => {
    const deckPath = join(ROOT, 'test', 'fixtures', 'render', 'figure.md');
    const result = await exportPdf({ browser, deckPath, outPath: join(work, 'figure.pdf'), config: resolveConfig(allRules, []) });
    expect(result.warnings).toEqual([]);
    expect(result.checked).toEqual([]);
    expect((await readPdf(join(work, 'figure.pdf'))).pages).toBe(5);
  });
});

describe('math', () => {
  it('prints formulas in the embedded KaTeX fonts as text, and money as prose', async () => {
    const deckPath = join(ROOT, 'test', 'fixtures', 'render', 'math.md');
    const out = join(work, 'math.pdf');
    const result = await exportPdf({ browser, deckPath, outPath: out, config: resolveConfig(allRules, []) });
    expect(result.checked).toEqual([]);
    // The fonts embedded, by their subset names (`/BaseFont /ABCDEF+KaTeX_Main-Regular`).
    const bytes = readFileSync(out).toString('latin1');
    for (const font of ['KaTeX_Main', 'KaTeX_Math', 'Carlito']) expect(bytes).toMatch(new RegExp(`/BaseFont\\s*/[A-Z]{6}\\+${font}`));
    const text = (await readPdf(out)).text.replace(/\s+/g, ' ');
    expect(text).toContain('A meal costs $5 and a ticket $10: £3bn in all');
    expect(text).toContain('Between $5-$10 a head, and a lone $ sign');
    // The formulas as KaTeX's glyphs (pdf.js reads inline math out of line order).
    expect(text).toContain('A circle of radius');
    expect(text).toMatch(/πr ?2/);
    expect(text).toContain('∑');
  });
});

describe('fitted headings and code', () => {
  it('prints a long `<!-- fit -->` heading on one line, inside the slide; only the shrunk code line is reported', async () => {
    const deckPath = join(ROOT, 'test', 'fixtures', 'render', 'code-and-fit.md');
    const out = join(work, 'code-and-fit.pdf');
    const result = await exportPdf({ browser, deckPath, outPath: out, config: resolveConfig(allRules, []) });
    expect(result.checked.map(({ cause, slide }) => ({ cause, slide }))).toEqual([{ cause: 'min-font-size', slide: 5 }]);
    const lines = (await readPdf(out)).text.split('\n').map((line) => line.trim());
    expect(lines).toContain('Delivering better outcomes through co-production in every council area');
  });
});

describe('drawn checks', () => {
  it('reports what the rendered rules find on the printed page, on its slide and line; none without a configuration', async () => {
    const deckPath = join(ROOT, 'test', 'fixtures', 'render-check', 'overflow.md');
    const config = resolveConfig(allRules, []);
    const checked = await exportPdf({ browser, deckPath, outPath: join(work, 'overflow.pdf'), config });
    expect(checked.checked).toEqual([
      { source: 'drawn', cause: 'slide-overflow', slide: 2, line: 18, message: expect.stringMatching(/^Content runs past the edge of the slide by \d+ px \(“ABERDEEN_CITY_COUNCIL_REVENUE_AND_CAPITAL_OUTTURN…”\)/) },
    ]);
    const off = resolveConfig(allRules, [{ rules: { 'slide-overflow': 'off' } }]);
    expect((await exportPdf({ browser, deckPath, outPath: join(work, 'overflow.pdf'), config: off })).checked).toEqual([]);
    expect((await exportPdf({ browser, deckPath, outPath: join(work, 'overflow.pdf') })).checked).toEqual([]);
  });
});

describe('failures leave no partial file', () => {
  it('a browser that dies while printing: no PDF, no temporary file, source untouched', async () => {
    const own = await launchBrowser();
    const folder = join(work, 'killed');
    mkdirSync(folder);
    const deckPath = join(folder, 'seed.md');
    copyFileSync(SEED, deckPath);
    const hash = sha(deckPath);
    // The browser goes 150 ms after the page is handed over: while the deck loads or prints.
    let handedOver: () => void = () => undefined;
    const pageGiven = new Promise<void>((done) => (handedOver = done));
    const pages = { newPage: () => own.newPage().finally(() => handedOver()) };
    const settled = exportPdf({ browser: pages, deckPath, outPath: join(folder, 'seed.pdf'), notes: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await pageGiven;
    await new Promise((done) => setTimeout(done, 150));
    await own.close();
    expect(await settled).toBeInstanceOf(Error);
    expect(readdirSync(folder)).toEqual(['seed.md']);
    expect(sha(deckPath)).toBe(hash);
  });

  it('a failed write (target is a folder): earlier files stay, no temporary file', async () => {
    const folder = join(work, 'blocked');
    mkdirSync(join(folder, 'template.pdf'), { recursive: true });
    await expect(exportPdf({ browser, deckPath: TEMPLATE, outPath: join(folder, 'template.pdf') })).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['template.pdf']);
  });

  it('refuses to write over the deck', async () => {
    const folder = join(work, 'self');
    mkdirSync(folder);
    const deckPath = join(folder, 'talk.pdf');
    copyFileSync(TEMPLATE, deckPath);
    const hash = sha(deckPath);
    await expect(exportPdf({ browser, deckPath, outPath: deckPath })).rejects.toBeInstanceOf(OutputRefusedError);
    expect(sha(deckPath)).toBe(hash);
    expect(readdirSync(folder)).toEqual(['talk.pdf']);
    await expect(writeFileAtomic(join(folder, 'x'), 'x', { protect: [join(folder, 'x')] })).rejects.toThrow(/input/);
  });
});

describe('finding a browser', () => {
  const none = () => false;
  it('prefers --browser-path, then ISDECK_BROWSER, then the usual places', () => {
    const all = () => true;
    expect(findBrowser({ browserPath: '/opt/a', env: { ISDECK_BROWSER: '/opt/b' }, isExecutable: all })).toEqual({ path: '/opt/a', source: 'option' });
    expect(findBrowser({ env: { ISDECK_BROWSER: '/opt/b' }, isExecutable: all })).toEqual({ path: '/opt/b', source: 'env' });
    expect(findBrowser({ env: {}, platform: 'linux', isExecutable: (p) => p === '/usr/bin/google-chrome' })).toEqual({ path: '/usr/bin/google-chrome', source: 'well-known' });
  });

  it('knows Chrome, Chromium and Edge on Linux, macOS and Windows', () => {
    const linux = wellKnownBrowserPaths('linux', { PATH: '' });
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) expect(linux).toContain(`/usr/bin/${name}`);
    expect(wellKnownBrowserPaths('darwin', {})).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const windows = wellKnownBrowserPaths('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('says how to install one or point to one', () => {
    let error: unknown;
    try {
      findBrowser({ env: {}, platform: 'linux', isExecutable: none });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    for (const hint of ['apt-get install chromium', '--browser-path', 'ISDECK_BROWSER', 'isdeck.browserPath', 'Edge']) expect(message).toContain(hint);
    expect(() => findBrowser({ browserPath: '/nonexistent', isExecutable: none })).toThrow(/No browser at the given browser path \/nonexistent/);
    expect(HOW_TO_GET_ONE).toContain('PPTX and HTML export do not need a browser');
  });

  it('a path that is not a browser fails to launch with the same kind of error', async () => {
    await expect(launchBrowser({ browserPath: '/bin/true', timeoutMs: 10_000 })).rejects.toBeInstanceOf(BrowserNotFoundError);
  });

  it('turns the sandbox off only as root or on Linux CI', () => {
    expect(browserArgs({ platform: 'linux', env: {}, isRoot: false })).not.toContain('--no-sandbox');
    expect(browserArgs({ platform: 'linux', env: {}, isRoot: true })).toContain('--no-sandbox');
    expect(browserArgs({ platform: 'linux', env: { CI: 'true' }, isRoot: false })).toContain('--no-sandbox');
    expect(browserArgs({ platform: 'darwin', env: { CI: 'true' }, isRoot: false })).not.toContain('--no-sandbox');
    expect(browserArgs({ platform: 'linux', env: {}, isRoot: false })).toEqual(
      expect.arrayContaining(['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']),
    );
  });
});

describe('finishing a PDF that is not laid out as Chromium writes it', () => {
  it('falls back to a full rewrite with pdf-lib (cross-reference stream)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([960, 540]);
    doc.addPage([960, 540]);
    const bytes = await doc.save({ useObjectStreams: true });
    const metadata = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], lang: 'cy' };
    const outline = [{ title: 'One', pageIndex: 0, children: [{ title: 'Two', pageIndex: 1, children: [] }] }];
    expect(updatePdf(bytes, { ...metadata, creator: 'isdeck', producer: 'isdeck', date: new Date() }, outline)).toBeUndefined();
    const finished = await finishPdf(bytes, metadata, outline);
    expect(finished.pages).toBe(2);
    const file = join(work, 'fallback.pdf');
    writeFileSync(file, finished.bytes);
    const { info } = await readPdf(file);
    expect([info.Title, info.Author, info.Subject, info.Creator]).toEqual(['T', 'A', 'S', 'isdeck']);
    const reread = await PDFDocument.load(finished.bytes);
    expect(readOutline(reread)).toEqual([
      { title: 'One', depth: 0, pageIndex: 0 },
      { title: 'Two', depth: 1, pageIndex: 1 },
    ]);
  });
});

describe('properties and outline from the deck model', () => {
  const deckOf = (front: string, body = '<!-- _class: cover -->\n\nSeries Name\n01/02/2026\n\n# Cover Title\n\nAnna Presenter\nThe Improvement Service\n') =>
    parseDeck(`---\nmarp: true\n${front}---\n\n${body}`);

  it('title: front-matter, else the cover; language: front-matter, else en-GB', () => {
    expect(pdfMetadata(deckOf('title: Front Title\nlang: gd\nkeywords: [a, b]\n'))).toEqual({
      title: 'Front Title',
      author: 'Anna Presenter',
      subject: 'Series Name',
      keywords: ['a', 'b'],
      lang: 'gd',
    });
    const fallback = pdfMetadata(deckOf(''));
    expect(fallback.title).toBe('Cover Title');
    expect(fallback.lang).toBe('en-GB');
    expect(fallback.keywords).toEqual(['Series Name', 'The Improvement Service']);
    expect(pdfMetadata(deckOf('keywords: "x, y"\n')).keywords).toEqual(['x', 'y']);
  });

  it('a slide without a title is named by its number', () => {
    const deck = deckOf('', '<!-- _class: content -->\n\nJust a paragraph.\n');
    expect(deckOutline(deck, 'T')).toEqual([{ title: 'Slide 1', pageIndex: 0, children: [] }]);
  });
});
