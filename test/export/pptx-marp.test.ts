/**
 * The PowerPoint export draws every Marp construct of the Marp-features corpus: headings
 * at every level, code with syntax colours, formulas as Office equations, emoji, background
 * and split-background pictures, header and footer text. Checked in the XML and by opening
 * every file in LibreOffice.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf } from '../helpers/office';
import { needTools, pdftoppm, soffice } from '../helpers/tools';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx, type ExportPptxResult } from '../../src/core/export/pptx';
import { pdfOutput, pptxOutput } from '../helpers/conservation';

const run = promisify(execFile);
const CORPUS = join(__dirname, '..', 'fixtures', 'marp-features');
const decks = readdirSync(CORPUS).filter((file) => file.endsWith('.md')).map((file) => file.replace(/\.md$/, ''));
const work = mkdtempSync(join(tmpdir(), 'isdeck-pptx-marp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const exported = new Map<string, { result: ExportPptxResult; zip: JSZip; slides: number }>();

beforeAll(async () => {
  for (const name of decks) {
    const deckPath = join(CORPUS, `${name}.md`);
    const deck = parseDeck(readFileSync(deckPath, 'utf8'), deckPath);
    const result = await exportPptx(deck, { deckPath, outPath: join(work, `${name}.pptx`) });
    exported.set(name, { result, zip: await JSZip.loadAsync(readFileSync(result.outPath)), slides: deck.slides.length });
  }
});

function slideXml(deck: string, slide: number): Promise<string> {
  const file = exported.get(deck)?.zip.file(`ppt/slides/slide${slide}.xml`);
  if (!file) throw new Error(`no slide ${slide} in ${deck}`);
  return file.async('string');
}

/** The shape (`<p:sp>` or `<p:pic>`) named `name`. */
function shapes(xml: string, element: 'sp' | 'pic', name: string | RegExp): string[] {
  return [...xml.matchAll(new RegExp(`<p:${element}>.*?</p:${element}>`, 'gs'))]
    .map((match) => match[0])
    .filter((shape) => {
      const shapeName = /<p:cNvPr [^>]*name="([^"]*)"/.exec(shape)?.[1] ?? '';
      return typeof name === 'string' ? shapeName === name : name.test(shapeName);
    });
}

/** Offset and size of a shape in EMU. */
function frame(shape: string): { x: number; y: number; w: number; h: number } {
  const [, x, y] = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(shape) ?? [];
  const [, w, h] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape) ?? [];
  return { x: Number(x), y: Number(y), w: Number(w), h: Number(h) };
}

const EMU = 914400;

describe('PPTX of the Marp-features corpus', () => {
  it.each(decks)('%s: well-formed XML in every part, one slide a deck slide', async (name) => {
    const { zip, result, slides } = exported.get(name)!;
    expect(result.slideCount).toBe(slides);
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect(XMLValidator.validate(await zip.file(path)!.async('string')), path).toBe(true);
    }
  });

  it('takes an opening # as the title and draws ####–###### as bold paragraphs', async () => {
    const xml = await slideXml('house-4x3', 2);
    const title = shapes(xml, 'sp', /.*/).find((shape) => shape.includes('type="title"'))!;
    expect(title).toContain('<a:t>A First-Level Heading on a Content Slide</a:t>');
    for (const heading of ['Fourth level: who holds the data', 'Fifth level: who may see it', 'Sixth level: how long it is kept']) {
      expect(xml).toMatch(new RegExp(`<a:rPr[^>]* b="1"[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>${heading}</a:t>`));
    }
    const size = new Map([...xml.matchAll(/<a:r><a:rPr [^>]*sz="(\d+)"[^>]*>.*?<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)].map((run) => [run[2]!.split(' ')[0], Number(run[1])]));
    expect(size.get('Fourth')).toBeGreaterThan(size.get('Some')!);
    expect(size.get('Sixth')).toBeLessThan(size.get('Some')!);
  });

  it('draws code as monospace text with syntax colours in a box that shrinks on overflow', async () => {
    const xml = await slideXml('uncover-math-code', 5);
    const [code] = shapes(xml, 'sp', 'Code (javascript)');
    expect(code).toBeDefined();
    expect(code).toContain('<a:normAutofit/>');
    expect(code).toContain('typeface="Consolas"');
    expect(code).toMatch(/<a:rPr[^>]* b="1"[^>]*><a:solidFill><a:srgbClr val="1B365D"\/><\/a:solidFill>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>function<\/a:t>/);
    expect(code).toMatch(/<a:rPr[^>]* i="1"[^>]*><a:solidFill><a:srgbClr val="4B5563"\/><\/a:solidFill>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>\/\/ Share of requests closed within target<\/a:t>/);
    const lines = (await pptxOutput(readFileSync(exported.get('uncover-math-code')!.result.outPath)))[4]!.text.split('\n');
    expect(lines).toContain('  const closed = requests.filter((r) => r.daysOpen <= days);');
    const plain = await slideXml('uncover-math-code', 7);
    expect(shapes(plain, 'sp', 'Code')[0]).toContain('<a:t>Plain text block without a language</a:t>');
  });

  it('writes formulas as Office equations (a14:m) with the TeX as the fallback', async () => {
    const block = await slideXml('uncover-math-code', 3);
    const choices = [...block.matchAll(/<mc:Choice [^>]*Requires="a14 m">(.*?)<\/mc:Choice><mc:Fallback>(.*?)<\/mc:Fallback>/gs)];
    expect(choices).toHaveLength(1);
    const [, choice, fallback] = choices[0]!;
    expect(choice!.match(/<a14:m><m:oMathPara xmlns:m="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/math">/g)).toHaveLength(2);
    expect(choice).toContain('<m:f><m:fPr><m:type m:val="bar"/></m:fPr>');
    expect(choice).toMatch(/<m:naryPr><m:chr m:val="∑"\/>/);
    expect(choice).not.toContain('w:');
    expect(fallback).toContain('<a:t>\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i</a:t>');
    const inline = await slideXml('uncover-math-code', 2);
    expect(inline).toMatch(/<a:t>The cost per household is <\/a:t><\/a:r><a14:m><m:oMath xmlns:m="[^"]+"><m:r><a:rPr[^>]*><a:solidFill>.*?<a:latin typeface="Cambria Math"/s);
    expect(inline).toContain('<a:t>A price of $5 and a fee of $10 stay as prose.</a:t>');
    const pptx = await pptxOutput(readFileSync(exported.get('uncover-math-code')!.result.outPath));
    expect(pptx[3]!.text).toMatch(/α[\s\S]*β/);
  });

  it('keeps a formula KaTeX cannot read as its TeX, and says so', async () => {
    const deckPath = join(work, 'bad-math.md');
    const text = '---\nmarp: true\n---\n\n## Odd\n\nA formula $\\notacommand{x}$ here.\n';
    writeFileSync(deckPath, text);
    const result = await exportPptx(parseDeck(text, deckPath), { deckPath, outPath: join(work, 'bad-math.pptx') });
    expect(result.warnings.map((warning) => [warning.slide, warning.cause, warning.line, warning.message])).toEqual([
      [1, 'formula-as-tex', 7, expect.stringMatching(/^Formula `\\notacommand\{x\}` could not be made an Office equation \(KaTeX parse error: Undefined control sequence: \\notacommand.*\); it is shown as its TeX\.$/)],
    ]);
    const xml = await (await JSZip.loadAsync(readFileSync(result.outPath))).file('ppt/slides/slide1.xml')!.async('string');
    expect(xml).not.toContain('a14:m');
    expect(xml).toContain('<a:t>\\notacommand{x}</a:t>');
  });

  it('writes emoji as text, shortcodes as their character', async () => {
    const xml = await slideXml('default-4x3-html-emoji', 2);
    for (const emoji of ['✅', '⌛', '💡', '⚠️', '👍']) expect(xml).toContain(emoji);
  });

  it('draws a background picture between the bands, covering; a split background as a column beside the content', async () => {
    const width = 13.333 * EMU;
    // Backgrounds without alt text are named so and marked decorative.
    const full = shapes(await slideXml('gaia-images', 1), 'pic', 'Background: sunrise.png');
    expect(full[0]).toContain('<adec:decorative ');
    expect(full).toHaveLength(1);
    expect(frame(full[0]!)).toMatchObject({ x: 0, w: Math.round(width) });
    expect(full[0]).toMatch(/<a:srcRect l="\d+" r="\d+" t="\d+" b="\d+"\/>/);

    const left = await slideXml('gaia-images', 5);
    const column = frame(shapes(left, 'pic', 'Background: navy.png')[0]!);
    expect(column.x).toBe(0);
    expect(column.w / width).toBeCloseTo(0.5, 2);
    // The slide's text is its body placeholder (named Text), beside the column.
    expect(frame(shapes(left, 'sp', 'Text')[0]!).x).toBeGreaterThan(column.w);

    const right = frame(shapes(await slideXml('gaia-images', 6), 'pic', 'Background: teal.png')[0]!);
    expect(right.x / width).toBeCloseTo(0.7, 2);
    expect(right.w / width).toBeCloseTo(0.3, 2);

    const stacked = shapes(await slideXml('gaia-images', 7), 'pic', /\.png$/).map(frame);
    expect(stacked.map((box) => box.x)).toEqual([0, 0, 0]);
    expect(stacked[1]!.y).toBeGreaterThan(stacked[0]!.y);
  });

  it('draws opacity as transparency and sizes inline pictures by w:/h:', async () => {
    const xml = await slideXml('gaia-images', 8);
    expect(xml.match(/<a:alphaModFix amt="50000"\/>/g)).toHaveLength(1);
    const sized = await slideXml('gaia-images', 10);
    const [width] = shapes(sized, 'pic', 'stripes.png').map(frame);
    expect(width!.w / EMU).toBeCloseTo(200 / 96, 2);
  });

  it('draws the header and footer directives in the bands, and a spot directive on its slide only', async () => {
    const first = await slideXml('default-directives', 1);
    expect(shapes(first, 'sp', 'Header')[0]).toContain('<a:t>Council services review</a:t>');
    expect(shapes(first, 'sp', 'Footer')[0]).toContain('<a:t>Prepared for the scrutiny panel</a:t>');
    const header = frame(shapes(first, 'sp', 'Header')[0]!);
    expect(header.y).toBe(0);
    const blanked = await slideXml('default-directives', 5);
    expect(shapes(blanked, 'sp', 'Header')).toEqual([]);
    expect(shapes(blanked, 'sp', 'Footer')[0]).toContain('<a:t>A footer for this slide only</a:t>');
    expect(shapes(await slideXml('default-directives', 6), 'sp', 'Header')[0]).toContain('<a:t>Budget pressures</a:t>');
  });
});

// LibreOffice converts the PPTX (the real check that it opens); pdftoppm draws doc pictures.
const office = needTools([soffice, pdftoppm]);

describe.skipIf(office.skip)('the corpus PPTX opened by LibreOffice', () => {
  const converted = join(work, 'pdf');
  const pages = (name: string) => pdfOutput(readFileSync(join(converted, `${name}.pdf`)));

  beforeAll(async () => {
    office.assertPresent();
    await convertToPdf(decks.map((name) => join(work, `${name}.pptx`)), converted);
  }, 180_000);

  it.each(decks)('%s opens with one page a slide', async (name) => {
    expect(await pages(name)).toHaveLength(exported.get(name)!.slides);
  });

  // Refreshes the pictures of Marp constructs in docs/export-pptx.md: ISDECK_UPDATE_DOC_IMAGES=1 npx vitest run test/export/pptx-marp
  it.runIf(process.env.ISDECK_UPDATE_DOC_IMAGES === '1')('updates docs/images/pptx-<construct>.png', async () => {
    const pictures = { code: ['house-features', 3], background: ['house-4x3', 3], headings: ['house-4x3', 2] } as const;
    for (const [picture, [deck, page]] of Object.entries(pictures)) {
      const base = join(work, `doc-${picture}`);
      await run('pdftoppm', ['-png', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', join(converted, `${deck}.pdf`), base]);
      copyFileSync(`${base}.png`, join(__dirname, '..', '..', 'docs', 'images', `pptx-${picture}.png`));
    }
  });

  it('shows the formulas (as their TeX, the fallback LibreOffice takes) and the code', async () => {
    const uncover = await pages('uncover-math-code');
    const text = (page: number) => uncover[page - 1]!.text.replace(/\s+/g, ' ');
    expect(text(3)).toContain('\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i');
    expect(text(2)).toContain('The cost per household is c = \\frac{S}{h} where');
    expect(text(5)).toContain('function withinTarget(requests, days) {');
  });
});
