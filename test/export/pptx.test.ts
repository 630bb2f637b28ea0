import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, List, Slide } from '../../src/core/deck/types';
import { buildPresentation, exportPptx, type ExportPptxResult } from '../../src/core/export/pptx';
import { warningKind } from '../../src/core/export/warnings';
import { convertToPdf } from '../helpers/office';
import { readPdf } from '../helpers/pdf';
import { unescapeXml } from '../helpers/pptx-accessibility';
import { needTools, pdftoppm, soffice } from '../helpers/tools';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'isdeck-pptx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DECKS = [
  { name: 'seed', file: join(ROOT, 'decks/masterclass-2010-03-24.md'), slides: 45 },
  { name: 'template', file: join(ROOT, 'decks/template.md'), slides: 9 },
] as const;

interface Exported {
  deck: Deck;
  result: ExportPptxResult;
  path: string;
  zip: JSZip;
}

const exported = new Map<string, Exported>();

beforeAll(async () => {
  for (const { name, file } of DECKS) {
    const deck = parseDeck(readFileSync(file, 'utf8'), file);
    const path = join(work, `${name}.pptx`);
    const result = await exportPptx(deck, { deckPath: file, outPath: path });
    exported.set(name, { deck, result, path, zip: await JSZip.loadAsync(readFileSync(path)) });
  }
});

function get(name: string): Exported {
  const found = exported.get(name);
  if (!found) throw new Error(`${name} was not exported`);
  return found;
}

function runTexts(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => unescapeXml(match[1] ?? ''));
}

/** Each paragraph's text: its runs joined, a soft line break as `\n`. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map((match) =>
    [...(match[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/g)].map((piece) => (piece[0] === '<a:br/>' ? '\n' : unescapeXml(piece[1] ?? ''))).join(''),
  );
}

/** The paragraphs (`<a:p>…</a:p>`) of a slide whose runs joined hold `text`. */
function paragraphsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<a:p>.*?<\/a:p>/gs)].map((match) => match[0]).filter((p) => paragraphTexts(p).join('').includes(text));
}

/** A run of exactly `text` whose properties match `props` (e.g. ` b="1"`). */
function runWith(text: string, props: string): RegExp {
  return new RegExp(`<a:r><a:rPr[^>]*${props}[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>${text}</a:t></a:r>`);
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`missing part ${name}`);
  return file.async('string');
}

/** Targets of a slide's relationships of one type (`chart`, `notesSlide`, `image`, …), as zip paths. */
async function slideRelations(zip: JSZip, slide: number, type: string): Promise<string[]> {
  const rels = await part(zip, `ppt/slides/_rels/slide${slide}.xml.rels`);
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((rel) => new RegExp(`Type="[^"]*/${type}"`).test(rel))
    .map((rel) => /Target="([^"]+)"/.exec(rel)?.[1] ?? '')
    .map((target) => (target.startsWith('/') ? target.slice(1) : posix.join('ppt/slides', target)));
}

/** Every text a slide shows: its runs and paragraphs, and the runs and cached values of its charts. */
async function shownTexts(zip: JSZip, slide: number): Promise<string[]> {
  const xml = await part(zip, `ppt/slides/slide${slide}.xml`);
  const texts = [...runTexts(xml), ...paragraphTexts(xml)];
  for (const chart of await slideRelations(zip, slide, 'chart')) {
    const xml = await part(zip, chart);
    texts.push(...runTexts(xml), ...[...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((match) => unescapeXml(match[1] ?? '')));
  }
  return texts;
}

function itemTexts(list: List): string[] {
  return list.items.flatMap((item) => [
    ...(item.boldLead ? [item.boldLead.bold, item.boldLead.rest] : [item.text]),
    ...item.children.flatMap(itemTexts),
  ]);
}

/** What the deck says a slide holds: title, subtitle, cover fields, every item, paragraph line, cell and key message. */
function expectedTexts(slide: Slide): string[] {
  const texts: string[] = [];
  if (slide.cover) {
    const { series, date, deckTitle, partTitle, agenda, presenter, organisation } = slide.cover;
    texts.push(...[series, date, deckTitle, partTitle, presenter, organisation, ...agenda].flatMap((span) => (span ? [span.text] : [])));
  } else {
    if (slide.title) texts.push(slide.title.text);
    if (slide.subtitle) texts.push(slide.subtitle.text);
  }
  texts.push(...slide.lists.flatMap(itemTexts));
  texts.push(...slide.paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => line.text)));
  // A chart shows the label column as categories and the other headers as series names; its
  // values are checked as numbers below, and the label column's header has no place in a bar chart.
  const cells = (row: { cells: { text: string }[] }, header: boolean) =>
    row.cells.filter((_, column) => slide.type !== 'chart' || (header ? column > 0 : column === 0));
  texts.push(...slide.tables.flatMap((table) => [cells(table.header, true), ...table.rows.map((row) => cells(row, false))].flatMap((row) => row.map((cell) => cell.text))));
  texts.push(...slide.blockquotes.map((quote) => quote.text));
  return texts.filter((text) => text.trim() !== '');
}

describe.each(DECKS)('PPTX export of $name', ({ name, slides }) => {
  it('has one slide a deck slide', () => {
    const { deck, zip, result } = get(name);
    expect(deck.slides).toHaveLength(slides);
    expect(result.slideCount).toBe(slides);
    const slideParts = Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path));
    expect(slideParts).toHaveLength(slides);
    expect(result.warnings).toEqual([]);
  });

  it('writes well-formed XML, one paragraph-properties element a paragraph at most, first', async () => {
    const { zip } = get(name);
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      const xml = await part(zip, path);
      expect(XMLValidator.validate(xml), path).toBe(true);
      expect(xml, path).not.toMatch(/<\/a:r>\s*<a:pPr|<a:br\/>\s*<a:pPr/);
    }
  });

  it('shows every title, bullet, paragraph line, table cell and key message of every slide', async () => {
    const { deck, zip } = get(name);
    for (const slide of deck.slides) {
      const shown = await shownTexts(zip, slide.index + 1);
      const missing = expectedTexts(slide).filter((text) => !shown.some((run) => run === text || run.includes(text)));
      expect(missing, `slide ${slide.index + 1}`).toEqual([]);
      if (slide.title && !slide.cover) expect(shown, `slide ${slide.index + 1} title`).toContain(slide.title.text);
    }
  });

  it('draws titles in the title placeholder and bullets as real bullets with levels', async () => {
    const { deck, zip } = get(name);
    for (const slide of deck.slides.filter((s) => s.type === 'content' && s.lists.length > 0)) {
      const xml = await part(zip, `ppt/slides/slide${slide.index + 1}.xml`);
      expect(xml).toMatch(/<p:ph\b[^>]*type="title"/);
      expect(xml).toMatch(/<a:buChar char="&#x25AA;"\/>|<a:buAutoNum /);
      if (slide.lists.some((list) => list.items.some((item) => item.children.length > 0))) {
        expect(xml).toMatch(/<a:pPr\b[^>]*lvl="1"[^>]*>(?:(?!<\/a:pPr>).)*<a:buChar char="&#x2013;"\/>/);
      }
    }
  });

  it('draws benefits-risks as a real table with a styled header row', async () => {
    const { deck, zip } = get(name);
    const slidesOfType = deck.slides.filter((slide) => slide.type === 'benefits-risks');
    expect(slidesOfType.length).toBeGreaterThan(0);
    for (const slide of slidesOfType) {
      const xml = await part(zip, `ppt/slides/slide${slide.index + 1}.xml`);
      expect(xml).toContain('<a:tbl>');
      expect(xml).toMatch(/<a:tc>.*?<a:t>Benefits<\/a:t>.*?<a:solidFill><a:srgbClr val="1D6B39"\/><\/a:solidFill>/s);
    }
    for (const slide of deck.slides.filter((s) => s.type !== 'benefits-risks' && s.tables.length === 0)) {
      expect(await part(zip, `ppt/slides/slide${slide.index + 1}.xml`)).not.toContain('<a:tbl>');
    }
  });

  it('draws each chart slide as a native bar chart with one series a value column', async () => {
    const { deck, zip } = get(name);
    const charts = deck.slides.filter((slide) => slide.type === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    for (const slide of charts) {
      const xml = await part(zip, `ppt/slides/slide${slide.index + 1}.xml`);
      expect(xml).toContain('<c:chart');
      expect(xml).toMatch(/<p:cNvPr [^>]*descr="Bar chart, [^"]+"/);
      const [chart, ...others] = await slideRelations(zip, slide.index + 1, 'chart');
      expect(others).toEqual([]);
      expect(chart).toMatch(/^ppt\/charts\/chart\d+\.xml$/);
      const chartXml = await part(zip, chart!);
      const table = slide.tables[0]!;
      expect(chartXml).toContain('<c:barDir val="bar"/>');
      expect(chartXml.match(/<c:ser>/g)).toHaveLength(table.header.cells.length - 1);
      expect(chartXml).toMatch(/<c:showVal val="1"\/>/);
      expect(chartXml).toMatch(/<c:title>/);
      const values = [...chartXml.matchAll(/<c:val>.*?<\/c:val>/gs)].flatMap((v) => [...v[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])));
      const expected = table.header.cells.slice(1).flatMap((_, column) => table.rows.map((row) => Number((row.cells[column + 1]?.text ?? '').replace(/[%£,]/g, ''))));
      expect(values).toEqual(expected);
    }
  });

  it('puts presenter notes in the notes slide of their slide', async () => {
    const { deck, zip } = get(name);
    const withNotes = deck.slides.filter((slide) => slide.notes.length > 0);
    if (name === 'template') expect(withNotes).toHaveLength(9);
    for (const slide of withNotes) {
      const [notes] = await slideRelations(zip, slide.index + 1, 'notesSlide');
      expect(notes).toMatch(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
      const text = runTexts(await part(zip, notes!)).join('\n').replace(/\r\n/g, '\n');
      for (const note of slide.notes) expect(text).toContain(note.text.trim());
    }
  });

  it('sets the document properties and language from the deck', async () => {
    const { deck, zip } = get(name);
    const core = await part(zip, 'docProps/core.xml');
    const app = await part(zip, 'docProps/app.xml');
    const cover = deck.slides[0]!.cover!;
    expect(unescapeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '')).toBe(String(deck.frontMatter?.data.title));
    expect(unescapeXml(/<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1] ?? '')).toBe(cover.presenter?.text);
    expect(unescapeXml(/<dc:subject>([^<]*)<\/dc:subject>/.exec(core)?.[1] ?? '')).toBe(cover.series?.text);
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(unescapeXml(/<Company>([^<]*)<\/Company>/.exec(app)?.[1] ?? '')).toBe(cover.organisation?.text);
    const slide = await part(zip, 'ppt/slides/slide2.xml');
    expect(slide).toContain('lang="en-GB"');
    expect(slide).not.toMatch(/(?<![A-Za-z])lang="en-US"/);
  });

  it('draws the house frame on the master: tagline band, footer band, wordmark, slide number, 16:9 size', async () => {
    const { zip } = get(name);
    const masters = Object.keys(zip.files).filter((path) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(path));
    expect(masters).toEqual(['ppt/slideMasters/slideMaster1.xml']);
    const master = await part(zip, masters[0]!);
    expect(runTexts(master)).toEqual(expect.arrayContaining(['efficiency | quality | accountability', 'Improvement ', 'is.', 'improvement service']));
    expect(master).toMatch(/name="Header band">.*?<a:schemeClr val="tx2"\/>/s);
    expect(master).toContain('type="sldNum"');
    for (const layout of Object.keys(zip.files).filter((path) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(path))) {
      expect(await part(zip, layout), layout).toMatch(/<p:ph type="sldNum" sz="quarter" idx="12"\/>/);
    }
    expect(await part(zip, 'ppt/presentation.xml')).toMatch(/<p:sldSz cx="1219\d{4}" cy="6858000"/);
  });

  it('deflates every part of the package', async () => {
    const { zip, path } = get(name);
    const entries = Object.values(zip.files).filter((file) => !file.dir);
    for (const file of entries) {
      const data = (file as unknown as { _data: { compression: { magic: string } } })._data;
      expect(data.compression.magic, file.name).toBe('\x08\x00');
    }
    const sizes = await Promise.all(entries.map(async (file) => (await file.async('uint8array')).byteLength));
    expect(statSync(path).size).toBeLessThan(sizes.reduce((a, b) => a + b, 0) * 0.6);
  });
});

describe('PPTX export details', () => {
  it('draws the models as four rounded rectangles, the statistics as large figures, the spectrum as chevrons in order', async () => {
    const { deck, zip } = get('seed');
    const models = deck.slides.find((slide) => slide.type === 'models')!;
    const modelsXml = await part(zip, `ppt/slides/slide${models.index + 1}.xml`);
    expect(modelsXml.match(/prst="roundRect"/g)).toHaveLength(4);
    for (const name of ['Voluntarism', 'Co-production', 'Managerialism', 'Paternalism']) {
      expect(modelsXml).toMatch(new RegExp(`<a:rPr[^>]* b="1"[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>${name}</a:t>`));
    }
    const statistics = deck.slides.find((slide) => slide.type === 'statistics')!;
    const statisticsXml = await part(zip, `ppt/slides/slide${statistics.index + 1}.xml`);
    const figureSize = Number(/sz="(\d+)"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>£3bn<\/a:t>/.exec(statisticsXml)?.[1]);
    expect(figureSize).toBeGreaterThanOrEqual(2800);
    const spectrum = deck.slides.find((slide) => slide.type === 'spectrum')!;
    const spectrumXml = await part(zip, `ppt/slides/slide${spectrum.index + 1}.xml`);
    const chevrons = [...spectrumXml.matchAll(/<a:off x="(\d+)" y="\d+"\/><a:ext [^>]*\/><\/a:xfrm><a:prstGeom prst="chevron">/g)].map((m) => Number(m[1]));
    expect(chevrons).toHaveLength(4);
    expect([...chevrons].sort((a, b) => a - b)).toEqual(chevrons);
    const stageTexts = runTexts(spectrumXml).filter((text) => spectrum.lists[0]!.items.some((item) => item.text === text));
    expect(stageTexts).toEqual(spectrum.lists[0]!.items.map((item) => item.text));
  });

  it('draws the key message as a callout and footnote sources as small text', async () => {
    const { deck, zip } = get('template');
    const content = deck.slides.find((slide) => slide.blockquotes.length > 0)!;
    const xml = await part(zip, `ppt/slides/slide${content.index + 1}.xml`);
    expect(xml).toMatch(/name="Key message"/);
    expect(xml).toMatch(/sz="1100"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>¹ Source of the figure/);
  });

  it('groups the slides of each part in a PowerPoint section', async () => {
    const { zip } = get('seed');
    const presentation = await part(zip, 'ppt/presentation.xml');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*>(.*?)<\/p14:section>/gs)].map((match) => [
      unescapeXml(match[1] ?? ''),
      (match[2]?.match(/<p14:sldId /g) ?? []).length,
    ]);
    expect(sections).toEqual([
      ['Part 1', 22],
      ['Part 2: Implications of Co-Production', 9],
      ['Part 3: Co-production: Transforming Services', 14],
    ]);
  });

  it('lays out a 4:3 deck on a 10 × 7.5 in slide', async () => {
    const text = readFileSync(DECKS[1].file, 'utf8').replace('size: 16:9', 'size: 4:3');
    const deckPath = join(work, 'template-4x3.md');
    writeFileSync(deckPath, text);
    const outPath = join(work, 'template-4x3.pptx');
    await exportPptx(parseDeck(text, deckPath), { deckPath, outPath });
    const zip = await JSZip.loadAsync(readFileSync(outPath));
    expect(await part(zip, 'ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
  });

  it('embeds local images inside the deck folder and warns about the rest', async () => {
    const folder = join(work, 'images');
    mkdirSync(join(folder, 'pics'), { recursive: true });
    // A 2 × 1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADfwC/g2Rz2oAAAAASUVORK5CYII=',
      'base64',
    );
    writeFileSync(join(folder, 'pics', 'logo.png'), png);
    writeFileSync(join(work, 'outside.png'), png);
    const deckPath = join(folder, 'deck.md');
    const text = [
      '---',
      'marp: true',
      'theme: improvement-service',
      '---',
      '',
      '## Pictures',
      '',
      '- A point',
      '',
      '![The logo](pics/logo.png)',
      '',
      '![Gone](pics/missing.png)',
      '',
      '![Outside](../outside.png)',
      '',
      '![Remote](https://example.com/a.png)',
      '',
      '---',
      '',
      '<!-- _class: wibble -->',
      '',
      '## Odd class',
      '',
      'Text.',
    ].join('\n');
    writeFileSync(deckPath, text);
    const outPath = join(folder, 'deck.pptx');
    const result = await exportPptx(parseDeck(text, deckPath), { deckPath, outPath });
    const zip = await JSZip.loadAsync(readFileSync(outPath));
    expect(Object.keys(zip.files).filter((path) => path.startsWith('ppt/media/') && !zip.files[path]!.dir)).toHaveLength(1);
    const slide = await part(zip, 'ppt/slides/slide1.xml');
    expect(slide).toMatch(/<p:pic>.*descr="The logo"/s);
    expect(result.warnings.map((warning) => [warning.slide, warning.cause, warning.message])).toEqual([
      [1, 'picture-left-out', expect.stringContaining('`pics/missing.png` was not found')],
      [1, 'picture-left-out', expect.stringContaining('`../outside.png` is outside the workspace')],
      [1, 'picture-left-out', expect.stringContaining('`https://example.com/a.png` is a web address')],
      [2, 'class-not-house-type', expect.stringContaining('`wibble` is not a house slide type')],
    ]);
    expect(result.warnings[0]?.line).toBe(12);
    // Pictures left out are content the file lacks; a slide drawn as another type is not.
    expect(result.warnings.map((warning) => warningKind(warning))).toEqual(['left-out', 'left-out', 'left-out', 'changed']);
    expect(runTexts(await part(zip, 'ppt/slides/slide2.xml'))).toEqual(expect.arrayContaining(['Odd class', 'Text.']));
  });

  it('keeps a soft line break as a line break in one paragraph, and a bold lead as a bold run', async () => {
    const text = ['---', 'marp: true', '---', '', '## Lines', '', 'First line', 'second line', '', '- **Lead** – the rest'].join('\n');
    const deckPath = join(work, 'lines.md');
    const outPath = join(work, 'lines.pptx');
    await exportPptx(parseDeck(text, deckPath), { deckPath, outPath });
    const xml = await part(await JSZip.loadAsync(readFileSync(outPath)), 'ppt/slides/slide1.xml');
    expect(xml).toMatch(/<a:p><a:pPr[^>]*>(?:(?!<\/a:p>).)*<a:t>First line<\/a:t><\/a:r><a:br\/><a:r>(?:(?!<\/a:p>).)*<a:t>second line<\/a:t>/);
    expect(xml).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>Lead<\/a:t><\/a:r><a:r><a:rPr(?:(?! b="1")[^>])*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t> – the rest<\/a:t>/);
  });

  it('keeps inline bold and italic as runs in bullets, paragraphs, cards, callouts and table cells', async () => {
    const { deck, zip } = get('seed');
    const slideXml = (title: string, nth = 0) => {
      const slide = deck.slides.filter((s) => s.title?.text === title)[nth];
      if (!slide) throw new Error(`no slide ${title}`);
      return part(zip, `ppt/slides/slide${slide.index + 1}.xml`);
    };
    const finance = await slideXml('The Finance/Demand Graph');
    const [realBullet] = paragraphsWith(finance, 'in real terms');
    expect(realBullet).toMatch(/<a:buChar char="&#x25AA;"\/>/);
    expect(realBullet).toMatch(runWith('real', ' b="1"'));
    expect(realBullet).toMatch(runWith(' terms: assumes 2.5% inflation', ''));
    expect(realBullet).not.toMatch(runWith(' terms: assumes 2.5% inflation', ' b="1"'));
    expect(paragraphsWith(finance, 'on current service patterns')[0]).toMatch(runWith('current', ' b="1"'));

    const outcomes = await slideXml('Delivering Outcomes', 1);
    const [doTo] = paragraphsWith(outcomes, "We can't do outcomes to people");
    expect(paragraphTexts(doTo!)).toEqual(["We can't do outcomes to people"]);
    for (const word of ['do', 'to']) expect(doTo).toMatch(runWith(word, ' b="1"'));
    expect(doTo).toMatch(runWith(' outcomes ', ''));
    expect(doTo).not.toMatch(runWith(' outcomes ', ' b="1"'));

    const models = await part(zip, `ppt/slides/slide${deck.slides.find((s) => s.type === 'models')!.index + 1}.xml`);
    const [paternalism] = paragraphsWith(models, 'citizens as recipients of services');
    expect(paternalism).toMatch(runWith('recipients', ' i="1"'));
    expect(paternalism).not.toMatch(runWith('recipients', ' b="1"'));

    // Paragraphs, table cells and the callout, from a deck of their own.
    const text = [
      '---',
      'marp: true',
      '---',
      '',
      '## Runs',
      '',
      'A *plain* paragraph',
      'on **two** lines',
      '',
      '| Area | **Cost** |',
      '|---|---|',
      '| *Care* | £3bn |',
      '',
      '> Work **with** people, *not* to them',
    ].join('\n');
    const deckPath = join(work, 'runs.md');
    const outPath = join(work, 'runs.pptx');
    await exportPptx(parseDeck(text, deckPath), { deckPath, outPath });
    const xml = await part(await JSZip.loadAsync(readFileSync(outPath)), 'ppt/slides/slide1.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<\/a:r>\s*<a:pPr|<a:br\/>\s*<a:pPr/);
    const [paragraph] = paragraphsWith(xml, 'A plain paragraph');
    expect(paragraphTexts(paragraph!)).toEqual(['A plain paragraph\non two lines']);
    expect(paragraph).toMatch(runWith('plain', ' i="1"'));
    expect(paragraph).toMatch(runWith('two', ' b="1"'));
    const table = /<a:tbl>.*<\/a:tbl>/s.exec(xml)?.[0] ?? '';
    expect(table).toMatch(runWith('Care', ' i="1"'));
    expect(table).toMatch(runWith('Cost', ' b="1"'));
    expect(table).toMatch(/<a:tc>.*?<a:t>£3bn<\/a:t>/s);
    const callout = /<p:sp>(?:(?!<\/p:sp>).)*name="Key message"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)?.[0] ?? '';
    expect(paragraphTexts(callout)).toEqual(['Work with people, not to them']);
    expect(callout).toMatch(runWith('not', ' b="1" i="1"'));
    expect(callout).toMatch(runWith('with', ' b="1"'));
  });

  it('returns a pptxgenjs presentation from buildPresentation', async () => {
    const { deck } = get('template');
    const pptx = buildPresentation(deck, { deckPath: DECKS[1].file });
    const data = (await pptx.stream({ compression: true })) as Uint8Array;
    const zip = await JSZip.loadAsync(data);
    expect(Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))).toHaveLength(9);
  });
});

describe('PPTX atomic write', () => {
  const deckFile = DECKS[1].file;
  const deck = () => parseDeck(readFileSync(deckFile, 'utf8'), deckFile);

  function freshFolder(): string {
    const folder = join(work, `atomic-${randomBytes(4).toString('hex')}`);
    mkdirSync(folder);
    return folder;
  }

  it('fails for a folder that does not exist and creates nothing', async () => {
    const parent = freshFolder();
    const outPath = join(parent, 'missing', 'deck.pptx');
    await expect(exportPptx(deck(), { deckPath: deckFile, outPath })).rejects.toThrow(/does not exist/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('leaves no temporary file and no output when the rename fails', async () => {
    const folder = freshFolder();
    const outPath = join(folder, 'deck.pptx');
    const failing = exportPptx(deck(), {
      deckPath: deckFile,
      outPath,
      fileSystem: {
        rename: async () => {
          throw new Error('injected rename failure');
        },
      },
    });
    await expect(failing).rejects.toThrow(/injected rename failure/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves no partial temporary file when the write fails half way', async () => {
    const folder = freshFolder();
    const outPath = join(folder, 'deck.pptx');
    const failing = exportPptx(deck(), {
      deckPath: deckFile,
      outPath,
      fileSystem: {
        writeFile: async (path, data) => {
          writeFileSync(path, data.slice(0, 100));
          throw new Error('disk full');
        },
      },
    });
    await expect(failing).rejects.toThrow(/disk full/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps the previous file when a new export fails, and replaces it when one succeeds', async () => {
    const folder = freshFolder();
    const outPath = join(folder, 'deck.pptx');
    writeFileSync(outPath, 'previous');
    const failing = exportPptx(deck(), {
      deckPath: deckFile,
      outPath,
      fileSystem: {
        rename: async () => {
          throw new Error('injected');
        },
      },
    });
    await expect(failing).rejects.toThrow(/injected/);
    expect(readFileSync(outPath, 'utf8')).toBe('previous');
    await exportPptx(deck(), { deckPath: deckFile, outPath });
    expect(readFileSync(outPath).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(folder)).toEqual(['deck.pptx']);
  });

  it('refuses to write over the deck and leaves the deck untouched', async () => {
    const folder = freshFolder();
    const deckPath = join(folder, 'deck.md');
    copyFileSync(deckFile, deckPath);
    const before = readFileSync(deckPath);
    await expect(exportPptx(deck(), { deckPath, outPath: join(folder, '.', 'deck.md') })).rejects.toThrow(/Refusing to write .*deck\.md: it is an input of this run/);
    expect(readFileSync(deckPath).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['deck.md']);
  });

  it('refuses a link that leads to the deck', async () => {
    const folder = freshFolder();
    const deckPath = join(folder, 'deck.md');
    copyFileSync(deckFile, deckPath);
    symlinkSync(deckPath, join(folder, 'link.pptx'));
    const before = readFileSync(deckPath);
    await expect(exportPptx(deck(), { deckPath, outPath: join(folder, 'link.pptx') })).rejects.toThrow(/Refusing/);
    expect(readFileSync(deckPath).equals(before)).toBe(true);
  });
});

// LibreOffice converts the PPTX (the real check that it opens); pdftoppm draws its pages.
const office = needTools([soffice, pdftoppm]);

describe.skipIf(office.skip)('PPTX opened by LibreOffice', () => {
  const converted = join(work, 'pdf');

  beforeAll(async () => {
    office.assertPresent();
    await convertToPdf([get('seed').path, get('template').path], converted);
  }, 180_000);

  it.each(DECKS)('converts $name to a PDF with one page a slide, pictures render', async ({ name, slides }) => {
    const pdf = join(converted, `${name}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect((await readPdf(pdf)).pages).toBe(slides);
    const pictures = join(work, `png-${name}`);
    mkdirSync(pictures, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(pictures, 'page')]);
    const pngs = readdirSync(pictures).filter((file) => file.endsWith('.png'));
    expect(pngs).toHaveLength(4);
    for (const png of pngs) expect(statSync(join(pictures, png)).size).toBeGreaterThan(2000);
  });

  // Refreshes the pictures in docs/export-pptx.md: ISDECK_UPDATE_DOC_IMAGES=1 npx vitest run test/export/pptx
  it.runIf(process.env.ISDECK_UPDATE_DOC_IMAGES === '1')('updates docs/images/pptx-<type>.png', async () => {
    const { deck } = get('seed');
    const images = join(ROOT, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    for (const type of ['cover', 'content', 'models', 'benefits-risks', 'chart', 'spectrum'] as const) {
      const slide = deck.slides.find((s) => s.type === type && (type !== 'cover' || s.cover?.agenda.length) && (type !== 'content' || s.blockquotes.length))!;
      const page = String(slide.index + 1);
      const base = join(work, `doc-${type}`);
      await run('pdftoppm', ['-png', '-r', '72', '-f', page, '-l', page, '-singlefile', join(converted, 'seed.pdf'), base]);
      copyFileSync(`${base}.png`, join(images, `pptx-${type}.png`));
    }
  });
});
