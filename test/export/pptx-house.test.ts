/**
 * The PowerPoint that stays in the house when it is edited, read from its XML: the house theme
 * (palette and fonts), one master with a layout a slide type holding real placeholders, each
 * slide's title in its title placeholder and text in its body placeholder, table header rows,
 * reading order, decorative ornaments, a tidy package; the accessibility checks PowerPoint makes
 * that the XML shows (test/helpers/pptx-accessibility.ts) over every fixture deck; and the
 * LibreOffice round trip (PPTX → PPTX) keeping every shape kind, text, chart and note.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, Slide } from '../../src/core/deck/types';
import { exportPptx } from '../../src/core/export/pptx';
import { altTextWithoutKeywords } from '../../src/core/deck/image-keywords';
import { PROJECT_ROOT } from '../helpers/cli';
import { checkAccessibility, fragmentText, slideObjects, type SlideObject } from '../helpers/pptx-accessibility';
import { needTools, soffice } from '../helpers/tools';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'isdeck-pptx-house-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURES = [
  join(PROJECT_ROOT, 'decks', 'masterclass-2010-03-24.md'),
  join(PROJECT_ROOT, 'decks', 'template.md'),
  join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'every-type.md'),
  ...readdirSync(join(PROJECT_ROOT, 'test', 'fixtures', 'marp-features'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(PROJECT_ROOT, 'test', 'fixtures', 'marp-features', name)),
];
const SEED = FIXTURES[0]!;

interface Exported {
  deck: Deck;
  zip: JSZip;
  bytes: Buffer;
  path: string;
}

const exported = new Map<string, Exported>();

beforeAll(async () => {
  for (const file of FIXTURES) {
    const deck = parseDeck(readFileSync(file, 'utf8'), file);
    const path = join(work, `${exported.size}.pptx`);
    await exportPptx(deck, { deckPath: file, outPath: path, workspaceRoot: PROJECT_ROOT });
    const bytes = readFileSync(path);
    exported.set(file, { deck, zip: await JSZip.loadAsync(bytes), bytes, path });
  }
}, 120_000);

function get(file: string): Exported {
  return exported.get(file)!;
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`missing part ${name}`);
  return file.async('string');
}

const slideXml = (zip: JSZip, index: number) => part(zip, `ppt/slides/slide${index + 1}.xml`);

/** The title a slide's title placeholder should hold: the cover's deck title, else the `##` title (or a leading `#`). */
function expectedTitle(slide: Slide): string | undefined {
  if (slide.cover) return slide.cover.deckTitle?.text;
  const first = slide.headings[0];
  return (first?.level === 1 ? first : slide.title)?.text;
}

/** The layout a slide sits on: its name, from the slide's relationship. */
async function layoutName(zip: JSZip, index: number): Promise<string> {
  const rels = await part(zip, `ppt/slides/_rels/slide${index + 1}.xml.rels`);
  const target = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)![1]!;
  return /<p:cSld name="([^"]+)"/.exec(await part(zip, `ppt/slideLayouts/${target}`))![1]!;
}

/** `--is-…` custom properties of the house theme, as 6-digit upper-case hex. */
function themeProperties(): Map<string, string> {
  const css = readFileSync(join(PROJECT_ROOT, 'themes', 'improvement-service.css'), 'utf8');
  return new Map([...css.matchAll(/(--is-[a-z0-9-]+):\s*#([0-9a-f]{6})\b/gi)].map((match) => [match[1]!, match[2]!.toUpperCase()]));
}

describe('the house theme part', () => {
  it('has the house palette as its colour scheme and Calibri as both fonts', async () => {
    const theme = await part(get(SEED).zip, 'ppt/theme/theme1.xml');
    const scheme = new Map([...theme.matchAll(/<a:(dk1|lt1|dk2|lt2|accent\d|hlink|folHlink)><a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => [m[1]!, m[2]!]));
    const css = themeProperties();
    expect(Object.fromEntries(scheme)).toEqual({
      dk1: css.get('--is-ink'),
      lt1: css.get('--is-paper'),
      dk2: css.get('--is-navy'),
      lt2: css.get('--is-tint'),
      accent1: css.get('--is-series-1'),
      accent2: css.get('--is-series-2'),
      accent3: css.get('--is-series-3'),
      accent4: css.get('--is-series-4'),
      accent5: css.get('--is-benefit'),
      accent6: css.get('--is-risk'),
      hlink: css.get('--is-teal'),
      folHlink: css.get('--is-series-4'),
    });
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Calibri"/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Calibri"/);
    expect(theme).not.toMatch(/4472C4|ED7D31/);
  });
});

describe('the house master and layouts', () => {
  const LAYOUTS = ['Cover', 'Part cover', 'Content', 'Content with picture', 'Models (2 × 2)', 'Benefits and risks', 'Statistics', 'Chart', 'Spectrum', 'Quote', 'Discussion'];

  it('has one master whose layouts are the house slide types, each with title, body, footer and slide-number placeholders', async () => {
    const { zip } = get(SEED);
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name))
        .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]))
        .map((name) => part(zip, name)),
    );
    expect(layouts.map((xml) => /<p:cSld name="([^"]+)"/.exec(xml)![1]!.replace('&#215;', '×'))).toEqual(LAYOUTS);
    layouts.forEach((xml, index) => {
      const cover = index < 2;
      expect(xml, LAYOUTS[index]).toContain(cover ? '<p:ph type="ctrTitle" hasCustomPrompt="1"/>' : '<p:ph type="title" hasCustomPrompt="1"/>');
      expect(xml, LAYOUTS[index]).toContain('<p:ph type="body" idx="1" hasCustomPrompt="1"/>');
      expect(xml, LAYOUTS[index]).toContain('<p:ph type="ftr" sz="quarter" idx="11"/>');
      expect(xml, LAYOUTS[index]).toContain('<p:ph type="sldNum" sz="quarter" idx="12"/>');
    });
    // New Slide after the cover takes the layout of type `obj`: the house content layout.
    expect(layouts.filter((xml) => xml.includes('type="obj"')).map((xml) => /<p:cSld name="([^"]+)"/.exec(xml)![1])).toEqual(['Content']);
    expect(layouts[0]).toContain('type="title"');
    const master = await part(zip, 'ppt/slideMasters/slideMaster1.xml');
    expect(master.match(/<p:sldLayoutId /g)).toHaveLength(LAYOUTS.length);
    // The body placeholder of the master: house bullets at the house margin.
    const body = /<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Text">[\s\S]*?<\/p:sp>/.exec(master)![0];
    expect(body).toMatch(/<a:off x="609600" /);
    expect(master).toMatch(/<p:bodyStyle><a:lvl1pPr [^>]*marL="274320" indent="-274320"><a:spcBef>[\s\S]*?<a:buChar char="&#x25AA;"\/>/);
    expect(master).toMatch(/<p:titleStyle><a:lvl1pPr[^>]*>[\s\S]*?b="1"[\s\S]*?<a:schemeClr val="tx2"\/>/);
  });

  it('puts each slide on the layout of its type', async () => {
    const { deck, zip } = get(SEED);
    const names = await Promise.all(deck.slides.map((_, index) => layoutName(zip, index)));
    const expected = deck.slides.map((slide) => {
      if (slide.cover) return slide.cover.partTitle ? 'Part cover' : 'Cover';
      const names: Record<string, string> = { content: 'Content', models: 'Models (2 × 2)', 'benefits-risks': 'Benefits and risks', statistics: 'Statistics', chart: 'Chart', spectrum: 'Spectrum', discussion: 'Discussion' };
      return names[slide.type ?? 'content'];
    });
    expect(names.map((name) => name.replace('&#215;', '×'))).toEqual(expected);
  });
});

describe('slides fill their layout placeholders', () => {
  it.each(FIXTURES.map((file) => [relative(PROJECT_ROOT, file), file]))('%s: every slide title is its title placeholder (centred on covers), bullets in the body placeholder', async (_, file) => {
    const { deck, zip } = get(file);
    for (const [index, slide] of deck.slides.entries()) {
      const objects = slideObjects(await slideXml(zip, index));
      const titles = objects.filter((object) => object.placeholder === 'title' || object.placeholder === 'ctrTitle');
      const title = expectedTitle(slide);
      if (title === undefined) {
        expect(titles, `slide ${index + 1}`).toEqual([]);
        continue;
      }
      expect(titles.map((object) => [object.placeholder, object.text]), `slide ${index + 1}`).toEqual([[slide.cover ? 'ctrTitle' : 'title', title.replace(/<sup>(\d)<\/sup>/g, (_, d: string) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!)]]);
      const bodies = objects.filter((object) => object.placeholder === 'body');
      expect(bodies.length, `slide ${index + 1}`).toBeLessThanOrEqual(1);
      if (!slide.cover && (slide.type ?? 'content') === 'content' && slide.lists.length > 0) {
        expect(bodies[0]?.text, `slide ${index + 1}`).toContain(slide.lists[0]!.items[0]!.text.slice(0, 20).replace(/\*/g, ''));
      }
    }
  });

  it('says in every placeholder paragraph what it would otherwise inherit: margins, space before, bullet', async () => {
    for (const file of FIXTURES) {
      const { zip, deck } = get(file);
      for (const index of deck.slides.keys()) {
        for (const object of slideObjects(await slideXml(zip, index)).filter((o) => o.placeholder === 'title' || o.placeholder === 'body' || o.placeholder === 'ctrTitle')) {
          for (const pPr of object.xml.match(/<a:p><a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>|<a:p>(?!<a:pPr)/g) ?? []) {
            expect(pPr, `${relative(PROJECT_ROOT, file)} slide ${index + 1}`).toMatch(/^<a:p><a:pPr\b(?=[^>]* marL=")(?=[^>]* indent=")[^>]*>(?=[\s\S]*<a:spcBef>)(?=[\s\S]*<a:bu(?:None|Char|AutoNum)\b)/);
          }
        }
      }
    }
  });

  it('puts the footer directive in the footer placeholder', async () => {
    const file = FIXTURES.find((path) => path.endsWith('default-directives.md'))!;
    const { deck, zip } = get(file);
    const withFooter = deck.slides.filter((slide) => slide.footer);
    expect(withFooter.length).toBeGreaterThan(0);
    for (const slide of withFooter) {
      const footers = slideObjects(await slideXml(zip, slide.index)).filter((object) => object.placeholder === 'ftr');
      expect(footers.map((object) => object.text)).toEqual([slide.footer!.text]);
    }
  });
});

describe('accessible structure', () => {
  it('marks every table header row', async () => {
    let tables = 0;
    for (const file of FIXTURES) {
      const { zip, deck } = get(file);
      for (const index of deck.slides.keys()) {
        for (const tblPr of (await slideXml(zip, index)).match(/<a:tblPr\b[^>]*>/g) ?? []) {
          tables += 1;
          expect(tblPr).toBe('<a:tblPr firstRow="1" bandRow="1"/>');
        }
      }
    }
    expect(tables).toBeGreaterThan(3);
  });

  it('marks shapes without text (bars, bands, rules) and the header icons decorative, and nothing with words', async () => {
    const { zip, deck } = get(SEED);
    const benefits = deck.slides.find((slide) => slide.type === 'benefits-risks')!;
    const objects = slideObjects(await slideXml(zip, benefits.index));
    expect(objects.filter((object) => object.decorative).map((object) => object.name)).toEqual(['Benefits icon', 'Risks icon']);
    for (const index of deck.slides.keys()) {
      for (const object of slideObjects(await slideXml(zip, index))) {
        if (object.kind === 'sp' && object.text === '' && !object.placeholder) expect(object.decorative, `${object.name} on slide ${index + 1}`).toBe(true);
        if (object.decorative && !['Benefits icon', 'Risks icon'].includes(object.name)) expect(object.text, object.name).toBe('');
      }
    }
  });

  it.each(FIXTURES.map((file) => [relative(PROJECT_ROOT, file), file]))('%s: reading order (the shape tree) follows the source', async (_, file) => {
    const { zip, deck } = get(file);
    for (const [index, slide] of deck.slides.entries()) {
      const lines = readingLines(slideObjects(await slideXml(zip, index)), slide);
      expect(lines, `slide ${index + 1}`).toEqual([...lines].sort((a, b) => a - b));
    }
  });

  it.each(FIXTURES.map((file) => [relative(PROJECT_ROOT, file), file]))('%s passes the accessibility checks PowerPoint makes that the XML shows', async (_, file) => {
    const { zip, deck } = get(file);
    const findings = await checkAccessibility(zip);
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.slide, finding.check]);
    // What the deck itself lacks, and nothing else: a slide without a heading has no title; a
    // picture without words has no alt text (a background one is decoration).
    const expected = deck.slides.flatMap((slide, index) => [
      ...(expectedTitle(slide) === undefined ? [[index + 1, 'missing-slide-title']] : []),
      ...slide.images.filter((image) => altTextWithoutKeywords(image.alt) === '' && !/\bbg\b/.test(image.alt)).map(() => [index + 1, 'missing-alt-text']),
    ]);
    expect(errors).toEqual(expected);
    const titles = deck.slides.map((slide) => expectedTitle(slide)?.toLowerCase());
    const duplicates = titles.flatMap((title, index) => (title !== undefined && titles.filter((other) => other === title).length > 1 ? [index + 1] : []));
    expect(findings.filter((finding) => finding.check === 'duplicate-slide-title').map((finding) => finding.slide).sort((a, b) => a - b)).toEqual(duplicates);
  });

  it('reports what the checks look for: a slide without a title, a picture without alt text, a table without its header row', async () => {
    const zip = new JSZip();
    zip.file('docProps/core.xml', '<cp:coreProperties><dc:title></dc:title></cp:coreProperties>');
    zip.file(
      'ppt/slides/slide1.xml',
      '<p:sld><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Box"/></p:nvSpPr><p:txBody><a:p><a:r><a:t>Hello</a:t></a:r></a:p></p:txBody></p:sp>' +
        '<p:pic><p:nvPicPr><p:cNvPr id="3" name="photo.png"/></p:nvPicPr></p:pic>' +
        '<p:sp><p:nvSpPr><p:cNvPr id="4" name="Bar"/></p:nvSpPr></p:sp>' +
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Table"/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tblPr/><a:tr><a:tc><a:txBody><a:p/></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>' +
        '</p:spTree></p:cSld></p:sld>',
    );
    expect((await checkAccessibility(zip)).map((finding) => [finding.slide, finding.check])).toEqual([
      [0, 'missing-document-title'],
      [0, 'missing-language'],
      [1, 'missing-slide-title'],
      [1, 'missing-alt-text'],
      [1, 'missing-alt-text'],
      [1, 'missing-table-header'],
      [1, 'blank-table-row'],
    ]);
  });
});

/**
 * The source line of each object that shows deck text, in shape-tree order: an object is matched
 * to the first thing on the slide (heading, paragraph line, item, cell, quote, source line,
 * picture's alt text) whose words start its text.
 */
function readingLines(objects: readonly SlideObject[], slide: Slide): number[] {
  const words = (text: string) => text.toLowerCase().replace(/<sup>\d<\/sup>|[^\p{L}\p{N}]+/gu, ' ').trim();
  const candidates: { line: number; text: string }[] = [
    ...slide.headings.map((heading) => ({ line: heading.range.line, text: heading.text })),
    ...slide.paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => ({ line: line.range.line, text: line.text }))),
    ...slide.lists.flatMap((list) => list.items.map((item) => ({ line: item.range.line, text: item.text }))),
    ...slide.tables.map((table) => ({ line: table.range.line, text: table.header.cells.map((cell) => cell.text).join(' ') })),
    ...slide.blockquotes.map((quote) => ({ line: quote.range.line, text: quote.text })),
    ...slide.images.map((image) => ({ line: image.range.line, text: altTextWithoutKeywords(image.alt) })),
  ]
    .map((candidate) => ({ ...candidate, text: words(candidate.text) }))
    .filter((candidate) => candidate.text.length >= 3);
  const lines: number[] = [];
  for (const object of objects) {
    if (object.decorative || object.placeholder === 'sldNum' || object.placeholder === 'ftr') continue;
    const shown = words(object.kind === 'pic' ? object.descr : object.text);
    if (shown === '') continue;
    const match = candidates.find((candidate) => shown.startsWith(candidate.text.slice(0, 24)) || candidate.text.startsWith(shown.slice(0, 24)));
    if (match) lines.push(match.line);
  }
  return lines;
}

describe('package hygiene', () => {
  it.each(FIXTURES.map((file) => [relative(PROJECT_ROOT, file), file]))('%s: content types name exactly the parts there are, and the zip has no folder entries', async (_, file) => {
    const { zip, bytes } = get(file);
    const entries = centralDirectoryNames(bytes);
    expect(entries.filter((name) => name.endsWith('/'))).toEqual([]);
    const types = await part(zip, '[Content_Types].xml');
    const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((match) => match[1]!).sort();
    const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((match) => match[1]!);
    for (const name of overrides) expect(entries, name).toContain(name);
    const others = entries.filter((name) => name !== '[Content_Types].xml' && !overrides.includes(name));
    for (const name of others) expect(defaults, name).toContain(name.split('.').at(-1)!.toLowerCase());
    for (const extension of defaults) expect(others.some((name) => name.toLowerCase().endsWith(`.${extension}`)), extension).toBe(true);
    expect(overrides.filter((name) => name.startsWith('ppt/slideMasters/'))).toEqual(['ppt/slideMasters/slideMaster1.xml']);
  });
});

/** The names in a zip's central directory, as written (folder entries end with `/`). */
function centralDirectoryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46)) {
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
  }
  return names;
}

const office = needTools([soffice]);

describe.skipIf(office.skip)('LibreOffice round trip (PPTX → PPTX)', () => {
  it('keeps every shape kind, every text, the charts and the notes of the seed deck', async () => {
    office.assertPresent();
    const { path, zip, deck } = get(SEED);
    const out = join(work, 'round-trip');
    const profile = join(work, 'lo-profile');
    await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pptx', '--outdir', out, path], { timeout: 150_000 });
    const back = await JSZip.loadAsync(readFileSync(join(out, relative(work, path))));
    const before = await packageSummary(zip, deck.slides.length);
    const after = await packageSummary(back, deck.slides.length);
    for (const [index, slide] of before.slides.entries()) {
      const again = after.slides[index]!;
      expect(again.kinds, `slide ${index + 1}`).toEqual(expect.arrayContaining(slide.kinds));
      for (const text of slide.texts) expect(again.texts.join('\n'), `slide ${index + 1}`).toContain(text);
      expect(again.notes, `slide ${index + 1}`).toBe(slide.notes);
      expect(again.charts, `slide ${index + 1}`).toBe(slide.charts);
    }
  }, 200_000);
});

/** Each slide's kinds of shape (text, picture, table, chart, preset shapes), texts, notes and chart count. */
async function packageSummary(zip: JSZip, count: number) {
  const slides = [];
  for (let index = 0; index < count; index++) {
    const xml = await slideXml(zip, index);
    const rels = await part(zip, `ppt/slides/_rels/slide${index + 1}.xml.rels`);
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notesXml = notesTarget ? await part(zip, `ppt/notesSlides/${notesTarget}`) : '';
    const notes = slideObjects(notesXml)
      .filter((object) => object.placeholder === 'body')
      .map((object) => object.text.replace(/\s+/g, ' ').trim())
      .join(' ');
    const kinds = [
      ...new Set([
        ...(xml.includes('<a:tbl>') ? ['table'] : []),
        ...(xml.includes('<c:chart ') ? ['chart'] : []),
        ...(xml.includes('<p:pic>') ? ['picture'] : []),
        ...[...xml.matchAll(/<a:prstGeom prst="(roundRect|chevron|ellipse)"/g)].map((match) => match[1]!),
      ]),
    ];
    const texts = slideObjects(xml)
      .filter((object) => object.placeholder !== 'sldNum')
      .flatMap((object) => [...object.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => fragmentText(`<a:p>${p[1]}</a:p>`).trim()))
      .filter((text) => text !== '');
    slides.push({ kinds, texts, notes, charts: (rels.match(/relationships\/chart"/g) ?? []).length });
  }
  return { slides };
}
